import { existsSync, readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { EXTRACT_KINDS } from '../core/extracts/definitions.js';
import { applySavedRun } from './savedRun.js';
import { assertNotInput, writeStdout, type RunInput } from '../io/output.js';
import { auditsCommand } from './commands/audits.js';
import { indicatorsCommand } from './commands/indicators.js';
import { initCommand } from './commands/init.js';
import { reportCommand } from './commands/report.js';
import { sampleCommand } from './commands/sample.js';
import { validateCommand } from './commands/validate.js';
import { DEBUG_VARIABLE, EXIT, errorReport, exitCodeFor } from './exitCodes.js';
import { CONFIG_FILE, DEMO_DIR, usesDemo, type SourceFlags } from './options.js';

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

const debug = process.env[DEBUG_VARIABLE] === '1';

/** Stops the process on an error nothing caught: one message (no stack unless debugging), its exit code. */
function fail(error: unknown): never {
  process.stderr.write(errorReport(error, debug));
  process.exit(exitCodeFor(error));
}

// A closed stderr must not crash a run; a closed stdout is handled where the result is written.
process.stderr.on('error', () => undefined);
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') fail(error);
});
process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);

/** Flags whose value is a file or folder the run reads. */
const INPUT_FLAGS = new Set(['--data', '--annex-a', '--cin-census', '--ssda903', ...EXTRACT_KINDS.map((kind) => `--${kind}`), '--config', '--holidays', '--calendar']);

/** Flags whose value is a file the run writes. */
const OUTPUT_FLAGS = [
  ['out', '--out'],
  ['exceptionsOut', '--exceptions-out'],
] as const;

/** Refuses an --out (or --exceptions-out) that names one of the command's inputs, before anything is read. */
function checkOut(command: Command): void {
  const flags = command.opts<Record<string, unknown>>();
  const outputs = OUTPUT_FLAGS.filter(([key]) => typeof flags[key] === 'string');
  if (outputs.length === 0) return;
  const inputs: RunInput[] = [];
  for (const option of command.options) {
    const value = flags[option.attributeName()];
    if (option.long !== undefined && INPUT_FLAGS.has(option.long) && typeof value === 'string') inputs.push({ flag: `${option.long} ${value}`, path: value });
  }
  const has = (long: string) => command.options.some((option) => option.long === long);
  if (has('--config') && flags.config === undefined && existsSync(CONFIG_FILE)) inputs.push({ flag: `the default config ${CONFIG_FILE}`, path: CONFIG_FILE });
  if (has('--data') && usesDemo(flags as unknown as SourceFlags)) inputs.push({ flag: 'the bundled demo authority', path: DEMO_DIR });
  for (const [key, flag] of outputs) assertNotInput(flags[key] as string, inputs, flag);
}

async function main(argv: readonly string[]): Promise<number> {
  const program = new Command('csc-metrics')
    .description("Compliance figures for children's social care from case-record extracts")
    .version(version)
    .exitOverride()
    .showHelpAfterError('(add --help for usage)')
    .configureOutput({ writeOut: writeStdout, writeErr: (text) => process.stderr.write(text) })
    .hook('preAction', async (_program, command) => {
      await applySavedRun(command);
      checkOut(command);
    });
  reportCommand(program);
  validateCommand(program);
  sampleCommand(program);
  auditsCommand(program);
  indicatorsCommand(program);
  initCommand(program);
  for (const command of program.commands) command.exitOverride();
  try {
    await program.parseAsync(argv as string[]);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    process.stderr.write(errorReport(error, debug));
    return exitCodeFor(error);
  }
}

process.exitCode = await main(process.argv);
