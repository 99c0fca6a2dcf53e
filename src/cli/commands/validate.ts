import { Option, type Command } from 'commander';
import { IssueGroups } from '../../core/extracts/issueGroups.js';
import type { FileQuality } from '../../core/extracts/issues.js';
import { IssueSpool } from '../../io/issueSpool.js';
import { readingWaves } from '../../core/readingWaves.js';
import { EXTRACT_KINDS } from '../../core/extracts/definitions.js';
import type { WaveReading } from '../../io/loadDataset.js';
import { writeResult } from '../../io/output.js';
import { issueJsonEntry, qualityJsonPieces } from '../../render/json.js';
import { issueCsvLine, qualityCsvPieces } from '../../render/qualityCsv.js';
import { qualityHeadline, renderQualityTable } from '../../render/quality.js';
import { EXIT } from '../exitCodes.js';
import { UTF8_BOM } from '../../render/csvCell.js';
import { addSettingsOptions, addSourceOptions, type SettingsFlags, type SourceFlags } from '../options.js';
import { readData, runSettings } from '../runContext.js';
import { createTerminal, type Terminal } from '../terminal.js';

interface ValidateFlags extends SourceFlags, SettingsFlags {
  format?: 'table' | 'json' | 'csv';
  out?: string;
  /** False with --no-bom. */
  bom: boolean;
}

type QualityFormat = NonNullable<ValidateFlags['format']>;

/** Every kind in a wave of its own, none held, nothing done with a wave: only the tables' accounts are kept. */
const ACCOUNTS_ONLY: WaveReading = { plan: readingWaves(EXTRACT_KINDS, []), onWave: () => {} };

/**
 * Reads every extract and writes its quality report. Issues are never held
 * in memory: the table counts them into groups as they are found; JSON and
 * CSV spool their text to a temporary file and copy it into the output once
 * the files' accounts are known, so millions of them are written in bounded
 * memory, and nothing is written when reading fails. Each kind is read in a
 * wave of its own and let go of once its account is taken: only the
 * accounts are kept.
 */
async function writeQuality(flags: ValidateFlags, format: QualityFormat, terminal: Terminal): Promise<readonly FileQuality[]> {
  const run = await runSettings(flags, false);
  if (format === 'table') {
    const groups = new IssueGroups();
    const loaded = await readData(flags, run, terminal, { demoByDefault: false, onIssue: groups.add, waves: ACCOUNTS_ONLY });
    const files = loaded.quality;
    await writeResult(renderQualityTable(files, loaded.unreadFiles, groups.list()), flags.out);
    return files;
  }
  const spool = new IssueSpool(format === 'json' ? (issue, _table, first) => issueJsonEntry(issue, first) : issueCsvLine);
  try {
    const loaded = await readData(flags, run, terminal, { demoByDefault: false, onIssue: spool.add, waves: ACCOUNTS_ONLY });
    const files = loaded.quality;
    const spooled = (file: FileQuality) => spool.texts(file);
    const pieces = format === 'json' ? qualityJsonPieces(files, loaded.unreadFiles, spooled) : withBom(qualityCsvPieces(files, spooled), flags.bom);
    await writeResult(pieces, flags.out);
    return files;
  } finally {
    spool.close();
  }
}

/** CSV pieces, after the UTF-8 byte-order mark unless it is turned off. */
function* withBom(pieces: Iterable<string>, bom: boolean): Generator<string> {
  if (bom) yield UTF8_BOM;
  yield* pieces;
}

async function runValidate(flags: ValidateFlags): Promise<number> {
  const terminal = createTerminal({ quiet: flags.quiet ?? false, color: flags.color, toFile: flags.out !== undefined });
  const format = flags.format ?? (flags.out?.toLowerCase().endsWith('.csv') ? 'csv' : flags.out === undefined && process.stdout.isTTY ? 'table' : 'json');
  const files = await writeQuality(flags, format, terminal);
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
    .option('--no-bom', 'CSV without the UTF-8 byte-order mark (Excel on Windows needs it; some tools dislike it)')
    .action(async (flags: ValidateFlags) => {
      process.exitCode = await runValidate(flags);
    });
}
