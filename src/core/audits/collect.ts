import { formatIso, type DayNumber } from '../dates/localDate.js';
import { DataError } from '../errors.js';
import { columns, type CellSink, type Grade } from '../extracts/columns.js';
import type { IssueCode } from '../extracts/issues.js';
import { normaliseHeader } from '../extracts/values.js';
import { anySampleColumns } from '../sample/columns.js';
import type { SampleKind } from '../sample/kinds.js';
import { isPseudonym } from '../sample/pseudonym.js';
import type { AuditTheme } from '../settings.js';
import { byCodePoint } from '../textOrder.js';
import { parseOptions, sampleHeader, sampleRows, type SampleHeader, type SampleRow, type SampleTable } from './sampleTable.js';

/*
 * Turns returned dip samples into rows of the audits extract: each graded
 * row one audit, every row that cannot be one said with its file and line.
 * Pure: the tables come in as text, the audits and the account go out.
 */

/** Why a returned row (or column) was not collected as it stands. Extract issue codes keep their meaning. */
export type CollectCode = IssueCode | 'UNGRADED' | 'CONFLICT' | 'IGNORED_COLUMNS' | 'MISSING_THEME';

/** A problem with a returned file, said on stderr; the run goes on. */
export interface CollectIssue {
  readonly code: CollectCode;
  readonly file: string;
  readonly line: number;
  readonly column?: string;
  readonly message: string;
}

/** One audit, as a row of the audits extract. */
export interface CollectedAudit {
  /** `<kind>:<record_id>@<yyyy-mm-dd>`: the same graded record and day give the same id, so collecting again adds nothing. */
  readonly auditId: string;
  readonly childId: string;
  readonly auditDate: DayNumber;
  readonly grade: Grade;
  readonly auditor: string | undefined;
  readonly auditType: string;
  readonly team: string | undefined;
  readonly worker: string | undefined;
  readonly recordKind: SampleKind;
  readonly recordId: string;
  /** Each declared theme's flag, in the order of `CollectOptions.themes`; undefined when blank or not a flag. */
  readonly themes: readonly (boolean | undefined)[];
}

/** The audits collected from the returned files and the account of what was not. */
export interface Collection {
  /** In audit_id order. */
  readonly audits: readonly CollectedAudit[];
  /** File by file; conflicts last, each once, at its first row. */
  readonly issues: readonly CollectIssue[];
  /** Rows that came back without a grade. */
  readonly ungraded: number;
  /** Graded rows not collected: a value that is not a grade or a date, a future date, or a conflict. */
  readonly invalid: number;
}

/** What collecting needs besides the tables. */
export interface CollectOptions {
  /** The config's audit themes: one flag column each, read from the sample column of that name. */
  readonly themes: readonly AuditTheme[];
  /** An audit dated after this day is refused (it cannot have happened yet). */
  readonly extractedOn: DayNumber;
  /** Written as each audit's audit_type. */
  readonly auditType: string;
}

/** The columns a returned row must fill for it to be matched to a sampled record. */
const IDENTITY = ['kind', 'record_id', 'child_id'] as const;

/** The audits extract columns collected audits are written in, then each theme's flag column. */
export function collectedColumns(themes: readonly AuditTheme[]): string[] {
  return ['audit_id', 'child_id', 'audit_date', 'grade', 'auditor', 'audit_type', 'team', 'worker', 'record_kind', 'record_id', ...themes.map((theme) => theme.column)];
}

/** Whether a header (as read) is `expected`, column for column, matched as headers are. */
export function sameHeader(fields: readonly string[], expected: readonly string[]): boolean {
  const names = fields.map(normaliseHeader);
  while (names.at(-1) === '') names.pop();
  return names.length === expected.length && names.every((name, i) => name === normaliseHeader(expected[i]!));
}

/** An audit and the row it was graded on. */
interface Graded {
  readonly audit: CollectedAudit;
  readonly file: string;
  readonly line: number;
}

/** A row's audit, or why it records none (the issues said). */
type RowResult = Graded | 'ungraded' | 'invalid';

/** Reads the returned files into audits: refuses (DataError) any file whose rows cannot be matched to a sample. */
export function collectAudits(tables: readonly SampleTable[], options: CollectOptions): Collection {
  const issues: CollectIssue[] = [];
  const graded: Graded[] = [];
  let ungraded = 0;
  let invalid = 0;
  // Every file is checked before any is read, so a refused file stops the run with nothing collected.
  const read = tables.map((table) => {
    const header = sampleHeader(table, IDENTITY);
    const rows = sampleRows(table, header, ['child_id'], (line) => cellSink(table.file, line, issues));
    refusePseudonyms(table, rows);
    return { table, header, rows };
  });
  for (const { table, header, rows } of read) {
    issues.push(...columnIssues(table, header, options.themes));
    for (const row of rows) {
      const result = auditOf(table, row, options, issues);
      if (result === 'ungraded') ungraded++;
      else if (result === 'invalid') invalid++;
      else graded.push(result);
    }
  }
  const { audits, conflicting } = withoutConflicts(graded, issues);
  return { audits, issues, ungraded, invalid: invalid + conflicting };
}

/** A sink that turns refused and cleaned values into issues at the row's line, quoting the value when `valueOf` gives it. */
export function cellSink(file: string, line: number, issues: CollectIssue[], valueOf: (column: string) => string = () => ''): CellSink {
  const say = (column: string, code: IssueCode, message: string) => {
    const value = valueOf(column);
    issues.push({ code, file, line, column, message: `${column}${value === '' ? '' : ` ${JSON.stringify(value)}`} ${message}` });
  };
  return { refuse: say, cleaned: say };
}

function refusePseudonyms(table: SampleTable, rows: readonly SampleRow[]): void {
  const all = rows.length > 0 && rows.every((row) => isPseudonym(row.cell('child_id')));
  if (!table.pseudonymised && !all) return;
  const why = table.pseudonymised ? 'its About sheet says the sample was pseudonymised' : 'every child ID in it is a pseudonym';
  throw new DataError(
    'PSEUDONYMISED_SAMPLE',
    `${table.file}: ${why}, so its audits would match no child's records; collect the grades onto a sample drawn without pseudonymising`,
    { file: table.file, column: 'child_id' },
  );
}

/** Columns that are neither the sample's nor a declared theme's (said once), and declared themes the file lacks. */
function columnIssues(table: SampleTable, header: SampleHeader, themes: readonly AuditTheme[]): CollectIssue[] {
  const known = new Set([...anySampleColumns(), ...themes.map((theme) => normaliseHeader(theme.column))]);
  const ignored = header.names.filter((name) => name !== '' && !known.has(name));
  const issues: CollectIssue[] = [];
  if (ignored.length > 0) {
    issues.push({ code: 'IGNORED_COLUMNS', file: table.file, line: header.line, message: `column${ignored.length === 1 ? '' : 's'} ${ignored.join(', ')} ignored: neither a sample column nor a declared audit theme` });
  }
  for (const theme of themes) {
    if (!header.has(normaliseHeader(theme.column))) {
      issues.push({ code: 'MISSING_THEME', file: table.file, line: header.line, column: theme.column, message: `no ${theme.column} column: the audit theme ${theme.name} is left blank on this file's audits` });
    }
  }
  return issues;
}

/** The audit a row records, or why it records none (the issues said). */
function auditOf(table: SampleTable, row: SampleRow, options: CollectOptions, issues: CollectIssue[]): RowResult {
  const { file, line } = { file: table.file, line: row.line };
  const record = `${row.kind} ${row.recordId}`;
  if (row.cell('grade') === '') {
    issues.push({ code: 'UNGRADED', file, line, column: 'grade', message: `${record} came back ungraded` });
    return 'ungraded';
  }
  const found: CollectIssue[] = [];
  const sink = cellSink(file, line, found, (column) => row.cell(normaliseHeader(column)));
  const grade = columns.grade(false).read(parseOptions(table), sink, 'grade', row.cell('grade'));
  const auditDate = readAuditDate(table, row, options.extractedOn, sink);
  if (grade === undefined || auditDate === undefined) {
    issues.push(...found.map((issue) => ({ ...issue, message: `${issue.message}; ${record} is not collected` })));
    return 'invalid';
  }
  const themes = options.themes.map((theme) => columns.flag().read(parseOptions(table), sink, theme.column, row.cell(normaliseHeader(theme.column))));
  issues.push(...found.map((issue) => (issue.code === 'INVALID_FLAG' ? { ...issue, message: `${issue.message}; left blank on the audit of ${record}` } : issue)));
  const optional = (column: string) => row.cell(column) || undefined;
  return {
    file,
    line,
    audit: {
      auditId: `${row.kind}:${row.recordId}@${formatIso(auditDate)}`,
      childId: row.cell('child_id'),
      auditDate,
      grade,
      auditor: optional('auditor'),
      auditType: options.auditType,
      team: optional('team'),
      worker: optional('worker'),
      recordKind: row.kind,
      recordId: row.recordId,
      themes,
    },
  };
}

/** The audit date of a graded row: required, a real date, and not after the extract date. */
function readAuditDate(table: SampleTable, row: SampleRow, extractedOn: DayNumber, sink: CellSink): DayNumber | undefined {
  const text = row.cell('audit_date');
  if (text === '') {
    sink.refuse('audit_date', 'MISSING_VALUE', 'is blank: a graded audit needs the day it was done');
    return undefined;
  }
  const day = columns.date().read(parseOptions(table), sink, 'audit_date', text);
  if (day === undefined || day <= extractedOn) return day;
  sink.refuse('audit_date', 'FUTURE_DATE', `is after the extract date ${formatIso(extractedOn)}`);
  return undefined;
}

/** Two rows of one audit id, told apart by what they record (the grade, the auditor, the themes…). */
function recorded(audit: CollectedAudit): string {
  return JSON.stringify(audit, (_key, value: unknown) => (value === undefined ? null : value));
}

/**
 * The audits in audit_id order, each once: rows of one audit id that record
 * the same are one audit; rows that differ are a conflict, none of them
 * collected, said once with where the others are.
 */
function withoutConflicts(graded: readonly Graded[], issues: CollectIssue[]): { audits: CollectedAudit[]; conflicting: number } {
  const byId = new Map<string, Graded[]>();
  for (const row of graded) byId.set(row.audit.auditId, [...(byId.get(row.audit.auditId) ?? []), row]);
  const audits: CollectedAudit[] = [];
  let conflicting = 0;
  for (const rows of byId.values()) {
    if (new Set(rows.map((row) => recorded(row.audit))).size === 1) {
      audits.push(rows[0]!.audit);
      continue;
    }
    conflicting += rows.length;
    const [first, ...others] = rows as [Graded, ...Graded[]];
    const { recordKind, recordId, auditDate, grade } = first.audit;
    const elsewhere = others.map((row) => `${row.file === first.file ? '' : `${row.file} `}line ${row.line} (${row.audit.grade})`).join(', ');
    issues.push({ code: 'CONFLICT', file: first.file, line: first.line, message: `${recordKind} ${recordId} audited on ${formatIso(auditDate)} (${grade}) comes back with different values at ${elsewhere}; none is collected` });
  }
  return { audits: audits.sort((a, b) => byCodePoint(a.auditId, b.auditId)), conflicting };
}

/** The audits not yet in an existing file of collected audits, and how many were. */
export function notYetCollected(audits: readonly CollectedAudit[], collected: ReadonlySet<string>): { fresh: CollectedAudit[]; already: number } {
  const fresh = audits.filter((audit) => !collected.has(audit.auditId));
  return { fresh, already: audits.length - fresh.length };
}
