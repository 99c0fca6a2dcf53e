import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { DataError } from '../core/errors.js';
import { indicatorsCommand } from './commands/indicators.js';
import { initCommand } from './commands/init.js';
import { reportCommand } from './commands/report.js';
import { sampleCommand } from './commands/sample.js';
import { validateCommand } from './commands/validate.js';
import { EXIT, exitCodeFor } from './exitCodes.js';

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

function describe(error: unknown): string {
  if (error instanceof DataError) return `csc-metrics: ${error.code}: ${error.message}`;
  if (error instanceof Error) return `csc-metrics: ${error.message}`;
  return `csc-metrics: ${String(error)}`;
}

async function main(argv: readonly string[]): Promise<number> {
  const program = new Command('csc-metrics')
    .description("Compliance figures for children's social care from case-record extracts")
    .version(version)
    .exitOverride()
    .showHelpAfterError('(add --help for usage)')
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });
  reportCommand(program);
  validateCommand(program);
  sampleCommand(program);
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
    const code = exitCodeFor(error);
    process.stderr.write(`${describe(error)}\n`);
    if (code === 70 && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    return code;
  }
}

process.exitCode = await main(process.argv);
