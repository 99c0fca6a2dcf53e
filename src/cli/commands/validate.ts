import { Option, type Command } from 'commander';
import { writeResult } from '../../io/output.js';
import { qualityJsonPieces } from '../../render/json.js';
import { qualityCsvPieces } from '../../render/qualityCsv.js';
import { qualityHeadline, renderQualityTable } from '../../render/quality.js';
import { EXIT } from '../exitCodes.js';
import { addSettingsOptions, addSourceOptions, type SettingsFlags, type SourceFlags } from '../options.js';
import { readData, runSettings } from '../runContext.js';
import { createTerminal } from '../terminal.js';

interface ValidateFlags extends SourceFlags, SettingsFlags {
  format?: 'table' | 'json' | 'csv';
  out?: string;
}

async function runValidate(flags: ValidateFlags): Promise<number> {
  const terminal = createTerminal({ quiet: flags.quiet ?? false, color: flags.color, toFile: flags.out !== undefined });
  const run = await runSettings(flags, false);
  const loaded = await readData(flags, run, terminal, false);
  const files = Object.values(loaded.data).flatMap((e) => e.quality);
  const format = flags.format ?? (flags.out?.toLowerCase().endsWith('.csv') ? 'csv' : flags.out === undefined && process.stdout.isTTY ? 'table' : 'json');
  const text =
    format === 'json' ? qualityJsonPieces(files, loaded.unreadFiles) : format === 'csv' ? qualityCsvPieces(files) : renderQualityTable(files, loaded.unreadFiles);
  await writeResult(text, flags.out);
  if (format !== 'table' || flags.out) terminal.note(qualityHeadline(files));
  return files.some((f) => f.rowsRejected > 0) ? EXIT.data : EXIT.ok;
}

/** `csc-metrics validate`: check the extracts only; exit 2 if any row is rejected. */
export function validateCommand(program: Command): void {
  const command = program.command('validate').description('check extracts only and print the data-quality report with the column mapping applied (exit 2 if any row is rejected)');
  addSourceOptions(command);
  addSettingsOptions(command);
  command
    .addOption(new Option('--format <format>', 'table (default on a terminal), json (default otherwise) or csv (one row per issue)').choices(['table', 'json', 'csv']))
    .option('--out <file>', 'write the report to a file instead of stdout')
    .action(async (flags: ValidateFlags) => {
      process.exitCode = await runValidate(flags);
    });
}
