import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { UsageError } from '../../core/errors.js';
import { guessTable, type TableGuess } from '../../core/extracts/guessMapping.js';
import type { ExtractKind } from '../../core/extracts/definitions.js';
import type { ExtractMapping } from '../../core/extracts/mapping.js';
import { writeResult } from '../../io/output.js';
import { sampleTables } from '../../io/sampleTables.js';
import { EXIT } from '../exitCodes.js';
import { CONFIG_FILE } from '../options.js';
import { createTerminal } from '../terminal.js';

interface InitFlags {
  data: string;
  out?: string;
  force?: boolean;
  stdout?: boolean;
  quiet?: boolean;
  color: boolean;
}

function where(guess: { file: string; sheet?: string }): string {
  return guess.sheet === undefined ? guess.file : `${guess.file}:${guess.sheet}`;
}

/** The mapping as the config writes it: one header as a string, several as a list. */
function configEntry(mapping: ExtractMapping): object {
  const columns = mapping.columns && Object.fromEntries(Object.entries(mapping.columns).map(([c, h]) => [c, h.length === 1 ? h[0] : h]));
  return { ...mapping, ...(columns ? { columns } : {}) };
}

async function runInit(flags: InitFlags): Promise<number> {
  const terminal = createTerminal({ quiet: flags.quiet ?? false, color: flags.color, toFile: true });
  const out = flags.stdout ? undefined : (flags.out ?? CONFIG_FILE);
  if (out !== undefined && existsSync(out) && !flags.force) throw new UsageError(`--out ${out} exists: give --force to replace it, or another --out`);
  const guesses = (await sampleTables(flags.data)).map(guessTable);
  const placed = new Map<ExtractKind, TableGuess>();
  const lines: string[] = [];
  for (const guess of guesses) {
    if (!('kind' in guess)) {
      lines.push(`${where(guess)}: not placed (${guess.reason})`);
    } else if (placed.has(guess.kind)) {
      lines.push(`${where(guess)}: also looks like ${guess.kind}, already placed as ${where(placed.get(guess.kind)!)}; not used (edit extracts.${guess.kind}.file to choose)`);
    } else {
      placed.set(guess.kind, guess);
      lines.push(`${where(guess)} → ${guess.kind}: ${guess.columns.map((c) => `${c.header} → ${c.column}`).join(', ')}`);
      for (const what of guess.unplaced) lines.push(`  not placed: ${what}`);
    }
  }
  const extracts = Object.fromEntries([...placed].map(([kind, guess]) => [kind, configEntry(guess.mapping)]));
  await writeResult(`${JSON.stringify({ extracts }, null, 2)}\n`, out);
  terminal.note(lines.join('\n'));
  if (out !== undefined) terminal.note(`Wrote ${out}: check it, then run csc-metrics validate --data ${flags.data} to see the mapping applied.`);
  return placed.size > 0 ? EXIT.ok : EXIT.data;
}

/** `csc-metrics init`: inspect a folder of exports and write a starting config with its guesses. */
export function initCommand(program: Command): void {
  program
    .command('init')
    .description(`inspect a folder of exports and write a starting config (${CONFIG_FILE}) with the mapping it guesses`)
    .requiredOption('--data <dir>', 'the folder of exports to inspect')
    .option('--out <file>', `where to write the config (default: ${CONFIG_FILE})`)
    .option('--stdout', 'print the config instead of writing a file')
    .option('--force', 'replace an existing config file')
    .option('--quiet', 'no summary on stderr')
    .option('--no-color', 'no colour even on a terminal')
    .action(async (flags: InitFlags) => {
      process.exitCode = await runInit(flags);
    });
}
