import { Option, type Command } from 'commander';
import { loadDataset } from '../../io/loadDataset.js';
import { writeResult } from '../../io/output.js';
import { qualityJson } from '../../render/json.js';
import { qualityHeadline, renderQualityTable } from '../../render/quality.js';
import { EXIT } from '../exitCodes.js';
import { addSourceOptions, extractSources, ukToday, validationLimits, type SourceFlags } from '../options.js';
import { createTerminal, rowProgress } from '../terminal.js';

interface ValidateFlags extends SourceFlags {
  format?: 'table' | 'json';
  out?: string;
}

async function runValidate(flags: ValidateFlags): Promise<number> {
  const terminal = createTerminal({ quiet: flags.quiet ?? false, color: flags.color, toFile: flags.out !== undefined });
  const data = await loadDataset(extractSources(flags, false), { limits: validationLimits(flags, ukToday()), onProgress: rowProgress(terminal), parallel: true });
  terminal.progressDone();
  const files = Object.values(data).map((e) => e.quality);
  const format = flags.format ?? (flags.out === undefined && process.stdout.isTTY ? 'table' : 'json');
  const text = format === 'json' ? `${JSON.stringify({ dataQuality: qualityJson(files) }, null, 2)}\n` : renderQualityTable(files);
  await writeResult(text, flags.out);
  if (format === 'json' || flags.out) terminal.note(qualityHeadline(files));
  return files.some((f) => f.rowsRejected > 0) ? EXIT.data : EXIT.ok;
}

/** `csc-metrics validate`: check the extracts only; exit 2 if any row is rejected. */
export function validateCommand(program: Command): void {
  const command = program.command('validate').description('check extracts only and print the data-quality report (exit 2 if any row is rejected)');
  addSourceOptions(command);
  command
    .addOption(new Option('--format <format>', 'table (default on a terminal) or json').choices(['table', 'json']))
    .option('--out <file>', 'write the report to a file instead of stdout')
    .action(async (flags: ValidateFlags) => {
      process.exitCode = await runValidate(flags);
    });
}
