import { Option, type Command } from 'commander';
import { collectAudits, collectedColumns, notYetCollected, sameHeader, type Collection, type CollectIssue } from '../../core/audits/collect.js';
import { isModerationRun, moderateAudits, type Moderation } from '../../core/audits/moderation.js';
import type { SampleTable } from '../../core/audits/sampleTable.js';
import { sampleCompletion, sampledRecords, type Completion } from '../../core/audits/completion.js';
import { DataError, UsageError } from '../../core/errors.js';
import type { AuditTheme } from '../../core/settings.js';
import { readCollectedFile, type CollectedFile } from '../../io/collectedFile.js';
import { assertNotInput, writeResult, type Output } from '../../io/output.js';
import { readSampleFiles } from '../../io/readSampleFiles.js';
import { renderCompletionCsv, renderCompletionJson, renderCompletionTable } from '../../render/auditCompletion.js';
import { collectedAuditLines, collectedHeaderLine, moderatedFileText } from '../../render/collectedAudits.js';
import { UTF8_BOM } from '../../render/csvCell.js';
import { renderQualitySummary } from '../../render/quality.js';
import { formatForFile } from '../../render/renderers.js';
import { terminalText } from '../../render/safeText.js';
import { EXIT } from '../exitCodes.js';
import { addSettingsOptions, parseDateOption, type SettingsFlags, type SourceFlags } from '../options.js';
import { readData, runSettings } from '../runContext.js';
import { createTerminal } from '../terminal.js';

/** The audit type written when --audit-type is not given. */
const DIP_SAMPLE = 'dip sample';

interface CollectFlags extends SettingsFlags {
  out?: string;
  auditType: string;
  extractedOn?: string;
  /** False with --no-bom. */
  bom: boolean;
}

type CompletionFormat = 'table' | 'json' | 'csv';

const COMPLETION_RENDERERS: Record<CompletionFormat, (completion: Completion) => string> = { table: renderCompletionTable, json: renderCompletionJson, csv: renderCompletionCsv };

interface CompletionFlags extends SettingsFlags {
  audits: string;
  due: string;
  format?: CompletionFormat;
  out?: string;
  extractedOn?: string;
  quiet?: boolean;
  color: boolean;
  /** False with --no-bom. */
  bom: boolean;
}

/** Refuses an --out that names one of the sample files read (main's check knows only flags' files). */
function refuseSampleAsOut(files: readonly string[], out: string | undefined): void {
  if (out !== undefined) assertNotInput(out, files.map((path) => ({ flag: `the sample file ${path}`, path })));
}

function issueLine(issue: CollectIssue): string {
  return `${terminalText(`${issue.file} line ${issue.line}: ${issue.message}`)}\n`;
}

/** Refuses (DataError) an earlier file that is not UTF-8: what is written into it would mix encodings. */
function refuseNotUtf8(file: CollectedFile, out: string, what: string): void {
  if (!file.encoding.startsWith('utf-8')) {
    throw new DataError('UNAPPENDABLE_FILE', `--out ${out}: the file is ${file.encoding}, not UTF-8, so ${what} would mix encodings; nothing was written (give another --out, or fix the file)`, { file: out });
  }
}

/**
 * The audit ids in an earlier file of collected audits, after checking new
 * audits can be appended to it, and whether it ends with the moderated_grade
 * column a moderation added (new audits then leave it empty).
 */
function collectedIds(file: CollectedFile, out: string, themes: readonly AuditTheme[]): { ids: Set<string>; moderatedColumn: boolean } {
  refuseNotUtf8(file, out, 'audits appended to it');
  const expected = collectedColumns(themes);
  const moderatedColumn = sameHeader(file.rows[0]!.fields, [...expected, 'moderated_grade']);
  if (!moderatedColumn && !sameHeader(file.rows[0]!.fields, expected)) {
    throw new DataError('UNAPPENDABLE_FILE', `--out ${out}: its header is not that of collected audits (${expected.join(', ')}), so new audits cannot be appended to it; nothing was written (give another --out, or fix the file)`, { file: out });
  }
  return { ids: new Set(file.rows.slice(1).map((row) => row.fields[0]?.trim() ?? '')), moderatedColumn };
}

/** The existing file's bytes, then the new audits (or, for a new file, the BOM and header first). */
function collectedOutput(existing: CollectedFile | undefined, themes: readonly AuditTheme[], lines: readonly string[], bom: boolean): Output {
  if (existing === undefined) return [...(bom ? [UTF8_BOM] : []), collectedHeaderLine(themes), ...lines];
  const ended = existing.bytes.length === 0 || existing.bytes.at(-1) === 0x0a;
  return [existing.bytes, ...(ended ? [] : ['\r\n']), ...lines];
}

function collectSummary(collection: Collection, files: number, written: number, already: number): string {
  const s = (n: number) => (n === 1 ? '' : 's');
  return `collected ${written} audit${s(written)} from ${files} file${s(files)}; ${collection.ungraded} ungraded, ${collection.invalid} invalid, ${already} already collected\n`;
}

async function runCollect(files: readonly string[], flags: CollectFlags): Promise<number> {
  refuseSampleAsOut(files, flags.out);
  if (flags.auditType.trim() === '') throw new UsageError('--audit-type: give some text, e.g. --audit-type "themed audit"');
  const run = await runSettings({ ...flags, color: false } satisfies SourceFlags & SettingsFlags, false);
  const tables = await readSampleFiles(files);
  if (isModerationRun(tables)) return runModeration(tables, flags.out);
  const themes = run.settings.auditThemes;
  const collection = collectAudits(tables, { themes, extractedOn: run.extractedOn, auditType: flags.auditType.trim() });
  const existing = flags.out === undefined ? undefined : await readCollectedFile(flags.out);
  const known = existing === undefined || existing.rows.length === 0 ? undefined : existing;
  const { ids, moderatedColumn } = known ? collectedIds(known, flags.out!, themes) : { ids: new Set<string>(), moderatedColumn: false };
  const { fresh, already } = notYetCollected(collection.audits, ids);
  for (const issue of collection.issues) process.stderr.write(issueLine(issue));
  if (fresh.length > 0 || known === undefined) await writeResult(collectedOutput(known, themes, collectedAuditLines(fresh, moderatedColumn), flags.bom), flags.out);
  process.stderr.write(collectSummary(collection, files.length, fresh.length, already));
  return collection.invalid > 0 ? EXIT.data : EXIT.ok;
}

function moderationSummary(moderation: Moderation, files: number): string {
  const s = (n: number) => (n === 1 ? '' : 's');
  const set = moderation.moderated.length;
  return `moderated ${set} audit${s(set)} from ${files} file${s(files)}; ${moderation.ungraded} not moderated, ${moderation.invalid} invalid, ${moderation.already} already moderated\n`;
}

/** The existing audits file a moderation sample is collected into: it must exist, hold rows and be UTF-8. */
async function auditsToModerate(out: string): Promise<CollectedFile> {
  const file = await readCollectedFile(out);
  if (file === undefined || file.rows.length === 0) {
    throw new DataError('UNKNOWN_AUDIT', `--out ${out}: ${file === undefined ? 'no such file' : 'the file is empty'}, so it holds none of the audits to moderate; give the audits file the sample was drawn from; nothing was written`, { file: out });
  }
  refuseNotUtf8(file, out, 'moderated grades written into it');
  // A moderated row is written again as collect writes rows: comma-separated.
  if (file.delimiter !== ',') {
    throw new DataError('UNAPPENDABLE_FILE', `--out ${out}: its cells are separated by ${JSON.stringify(file.delimiter)}, not commas, so the moderated rows written into it would not match; nothing was written`, { file: out });
  }
  return file;
}

/** `audits collect` of moderation samples: sets each moderated grade on its audit in --out, rewritten whole (atomically). */
async function runModeration(tables: readonly SampleTable[], out: string | undefined): Promise<number> {
  if (out === undefined) throw new UsageError('a moderation sample (rows of kind audits) sets moderated grades in the audits file it was drawn from: give that file as --out');
  const file = await auditsToModerate(out);
  const moderation = moderateAudits(tables, { file: out, rows: file.rows });
  for (const issue of moderation.issues) process.stderr.write(issueLine(issue));
  if (moderation.moderated.length > 0) await writeResult(moderatedFileText(out, file.bytes.toString('utf8'), file.rows, moderation), out);
  process.stderr.write(moderationSummary(moderation, tables.length));
  return moderation.invalid > 0 ? EXIT.data : EXIT.ok;
}

function completionFormat(flags: CompletionFlags): CompletionFormat {
  if (flags.format !== undefined) return flags.format;
  const named = flags.out === undefined ? undefined : formatForFile(flags.out);
  return named === 'json' || named === 'csv' ? named : 'table';
}

async function runCompletion(files: readonly string[], flags: CompletionFlags): Promise<number> {
  refuseSampleAsOut(files, flags.out);
  const due = parseDateOption(flags.due, '--due');
  const format = completionFormat(flags);
  const terminal = createTerminal({ quiet: flags.quiet ?? false, color: flags.color, toFile: flags.out !== undefined });
  const { records, repeats } = sampledRecords(await readSampleFiles(files));
  const source = { audits: flags.audits, color: flags.color, ...(flags.extractedOn !== undefined ? { extractedOn: flags.extractedOn } : {}) };
  const run = await runSettings({ ...flags, ...source }, false);
  const loaded = await readData(source, run, terminal, { demoByDefault: false, kinds: ['audits'], issueCap: run.settings.maxIssuesPerCode });
  terminal.note(renderQualitySummary(loaded.quality, loaded.unreadFiles));
  const audits = loaded.data.audits;
  if (audits === undefined) throw new DataError('UNREADABLE_FILE', `--audits ${flags.audits}: no audits were read from the file`, { file: flags.audits });
  const lacking = ['record_kind', 'record_id'].filter((column) => !audits.columns.includes(column));
  if (lacking.length > 0) {
    throw new DataError('MISSING_COLUMN', `--audits ${flags.audits}: no ${lacking.join(' or ')} column, so its audits cannot be matched to sampled records (audits collect writes both)`, { file: flags.audits, column: lacking[0]! });
  }
  if (repeats > 0) terminal.note(`note: ${repeats} sample row${repeats === 1 ? '' : 's'} named a record an earlier row named; each record is counted once`);
  const rendered = COMPLETION_RENDERERS[format](sampleCompletion(records, audits.records, due));
  await writeResult(format === 'csv' && flags.bom ? [UTF8_BOM, rendered] : rendered, flags.out);
  return EXIT.ok;
}

/** `csc-metrics audits`: bring returned dip samples back as audits, and chase the ones not done. */
export function auditsCommand(program: Command): void {
  const audits = program.command('audits').description('collect graded dip samples into an audits extract, and show how much of a sample has been audited');
  const collect = audits
    .command('collect')
    .description('read returned dip samples (CSV or xlsx as sample wrote them) and write each graded record as a row of the audits extract')
    .argument('<sample-files...>', 'the sample files the auditors returned')
    .option('--out <file>', 'the audits file to write; when it exists, audits not yet in it are appended (a moderation sample sets moderated grades in it)')
    .option('--audit-type <text>', 'the audit_type written on each audit', DIP_SAMPLE)
    .option('--extracted-on <date>', 'audits dated after this day are refused (default: today)')
    .option('--no-bom', 'a new CSV file without the UTF-8 byte-order mark');
  addSettingsOptions(collect).action(async (files: string[], flags: CollectFlags) => {
    process.exitCode = await runCollect(files, flags);
  });
  const completion = audits
    .command('completion')
    .description('the share of sampled records audited by a due date, by team')
    .argument('<sample-files...>', 'the sample files drawn')
    .requiredOption('--audits <file>', 'the audits extract (as audits collect writes it)')
    .requiredOption('--due <date>', 'audits dated on or before this day count')
    .addOption(new Option('--format <format>', 'table (default), json or csv (default for --out FILE.json or .csv: by its extension)').choices(['table', 'json', 'csv']))
    .option('--out <file>', 'write the result to a file instead of stdout')
    .option('--extracted-on <date>', 'the day the audits extract was taken: later audit dates are rejected (default: today)')
    .option('--no-bom', 'CSV without the UTF-8 byte-order mark')
    .option('--quiet', 'no data-quality summary on stderr')
    .option('--no-color', 'no colour even on a terminal');
  addSettingsOptions(completion).action(async (files: string[], flags: CompletionFlags) => {
    process.exitCode = await runCompletion(files, flags);
  });
}
