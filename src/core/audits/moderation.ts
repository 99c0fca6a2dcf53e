import { DataError } from '../errors.js';
import { columns, type CellSink, type Grade } from '../extracts/columns.js';
import { normaliseHeader } from '../extracts/values.js';
import { MODERATION_KIND } from '../sample/kinds.js';
import { cellSink, type CollectIssue } from './collect.js';
import { parseOptions, sampleHeader, sampleRows, type SampleRow, type SampleTable, type TableRow } from './sampleTable.js';

/*
 * Moderation: a returned sample of audits (kind `audits`) gives some of them
 * a moderated grade, set on the audit of that audit_id in an audits file.
 * Pure: the tables and the file's rows come in read, what to set goes out.
 */

/** The audits file a moderation sample is collected into, as read. */
export interface AuditsFile {
  /** How messages name it: the path as given. */
  readonly file: string;
  /** Its non-blank rows; the first is the header. */
  readonly rows: readonly TableRow[];
}

/** Where the moderated grade goes in the audits file. */
export interface ModeratedColumn {
  /** The column, 0-based: the header's width when the file has none yet. */
  readonly index: number;
  /** The file lacks the column: it is added after the header's last. */
  readonly added: boolean;
}

/** A moderated grade to set: the audit's row in the audits file (its line and fields as read) and the grade. */
export interface ModeratedAudit {
  readonly auditId: string;
  readonly row: TableRow;
  readonly grade: Grade;
}

/** What a moderation sample sets, and the account of what it does not. */
export interface Moderation {
  readonly column: ModeratedColumn;
  /** In the audits file's order. */
  readonly moderated: readonly ModeratedAudit[];
  /** File by file; conflicts after the rest. */
  readonly issues: readonly CollectIssue[];
  /** Rows that came back without a moderated grade. */
  readonly ungraded: number;
  /** Rows whose moderated grade is not a grade, or conflicts with another row or with the file's. */
  readonly invalid: number;
  /** Audits whose file already held that moderated grade: nothing to set. */
  readonly already: number;
}

const IGNORE_CELLS: CellSink = { refuse: () => undefined, cleaned: () => undefined };

/** The columns a returned moderation sample must have. */
const MODERATION_IDENTITY = ['kind', 'record_id', 'moderated_grade'] as const;

/** A returned row's kind as written (cleaned as identifiers are, lower case), where it is. */
interface KindAt {
  readonly file: string;
  readonly line: number;
  readonly kind: string;
}

/** The non-blank kinds of a table's rows; none when it has no kind column (collecting it then refuses it, as ever). */
function kindsOf(table: SampleTable): KindAt[] {
  const at = (table.rows[0]?.fields ?? []).map(normaliseHeader).indexOf('kind');
  if (at === -1) return [];
  const kind = columns.text();
  const options = parseOptions(table);
  return table.rows.slice(1).map(({ fields, line }) => ({ file: table.file, line, kind: (kind.read(options, IGNORE_CELLS, 'kind', fields[at] ?? '') ?? '').toLowerCase() })).filter((row) => row.kind !== '');
}

/**
 * Whether the returned files are moderation samples (rows of kind audits)
 * rather than samples of records. Refuses (DataError) files that mix the two,
 * in one file or across the files of one run: one sets grades on audits
 * collected before, the other adds audits. Nothing else is checked here.
 */
export function isModerationRun(tables: readonly SampleTable[]): boolean {
  const rows = tables.flatMap(kindsOf);
  const moderation = rows.find((row) => row.kind === MODERATION_KIND);
  const ordinary = rows.find((row) => row.kind !== MODERATION_KIND);
  if (moderation === undefined || ordinary === undefined) return moderation !== undefined;
  throw new DataError(
    'MIXED_SAMPLE',
    `${moderation.file} line ${moderation.line} is an audit to moderate (kind audits), but ${ordinary.file} line ${ordinary.line} is a record to audit (kind ${ordinary.kind}); collect moderation samples in a run of their own; nothing was written`,
    { file: ordinary.file, line: ordinary.line, column: 'kind' },
  );
}

/** The audits file's rows by audit_id (the first row of an id), and where the moderated grade goes. */
function indexAudits(audits: AuditsFile): { byId: Map<string, TableRow>; column: ModeratedColumn } {
  const [header, ...rows] = audits.rows;
  const names = (header?.fields ?? []).map(normaliseHeader);
  const idAt = names.indexOf('audit_id');
  if (idAt === -1) {
    throw new DataError('MISSING_COLUMN', `--out ${audits.file}: no audit_id column, so the moderated audits cannot be found in it; nothing was written`, { file: audits.file, column: 'audit_id' });
  }
  const byId = new Map<string, TableRow>();
  for (const row of rows) {
    const id = row.fields[idAt]?.trim() ?? '';
    if (id !== '' && !byId.has(id)) byId.set(id, row);
  }
  const gradeAt = names.indexOf('moderated_grade');
  return { byId, column: gradeAt === -1 ? { index: names.length, added: true } : { index: gradeAt, added: false } };
}

/** Refuses (DataError) a sample naming audits the file does not hold: it was drawn from other audits. */
function refuseUnknown(read: readonly { table: SampleTable; rows: readonly SampleRow[] }[], audits: AuditsFile, byId: ReadonlyMap<string, TableRow>): void {
  const unknown = read.flatMap(({ table, rows }) => rows.filter((row) => !byId.has(row.recordId)).map((row) => ({ table, row })));
  if (unknown.length === 0) return;
  const [first] = unknown as [{ table: SampleTable; row: SampleRow }];
  throw new DataError(
    'UNKNOWN_AUDIT',
    `--out ${audits.file} holds no audit ${unknown.map(({ table, row }) => `${row.recordId} (${table.file} line ${row.line})`).join(', ')}: moderate into the audits file the sample was drawn from; nothing was written`,
    { file: first.table.file, line: first.row.line, column: 'record_id' },
  );
}

/** A returned row's moderated grade, or why it has none (said in `issues`). */
function gradeOf(table: SampleTable, row: SampleRow, issues: CollectIssue[]): Grade | 'ungraded' | 'invalid' {
  const text = row.cell('moderated_grade');
  if (text === '') {
    issues.push({ code: 'UNGRADED', file: table.file, line: row.line, column: 'moderated_grade', message: `audits ${row.recordId} came back not moderated` });
    return 'ungraded';
  }
  const found: CollectIssue[] = [];
  const grade = columns.grade(false).read(parseOptions(table), cellSink(table.file, row.line, found, () => text), 'moderated_grade', text);
  issues.push(...found.map((issue) => ({ ...issue, message: `${issue.message}; audits ${row.recordId} is not moderated` })));
  return grade ?? 'invalid';
}

/** A moderated grade returned for one audit, and the row it came on. */
interface Returned {
  readonly table: SampleTable;
  readonly row: SampleRow;
  readonly grade: Grade;
}

/** The grade already in the file's moderated_grade cell, if any: read as the audits extract reads it (a value that is no grade counts as set). */
function gradeInFile(row: TableRow, column: ModeratedColumn): Grade | string | undefined {
  const text = column.added ? '' : (row.fields[column.index]?.trim() ?? '');
  if (text === '') return undefined;
  return columns.grade(false).read({ dateOrder: 'dmy', serialDates: false }, IGNORE_CELLS, 'moderated_grade', text) ?? text;
}

/** The one grade an audit's returned rows agree on, or the conflict said at the first row. */
function agreed(rows: readonly Returned[], issues: CollectIssue[]): Grade | undefined {
  const [first, ...others] = rows as [Returned, ...Returned[]];
  const differing = others.filter((other) => other.grade !== first.grade);
  if (differing.length === 0) return first.grade;
  const elsewhere = differing.map((other) => `${other.table.file === first.table.file ? '' : `${other.table.file} `}line ${other.row.line} (${other.grade})`).join(', ');
  issues.push({ code: 'CONFLICT', file: first.table.file, line: first.row.line, column: 'moderated_grade', message: `audits ${first.row.recordId} moderated ${first.grade} comes back moderated differently at ${elsewhere}; none is set` });
  return undefined;
}

/**
 * Reads returned moderation samples against the audits file: each moderated
 * grade (canonical word) to set on its audit, unless the file already holds a
 * different one (a conflict, not overwritten). Refuses (DataError) a sample
 * without the moderated_grade column, or naming audits the file lacks.
 */
export function moderateAudits(tables: readonly SampleTable[], audits: AuditsFile): Moderation {
  const { byId, column } = indexAudits(audits);
  const issues: CollectIssue[] = [];
  const read = tables.map((table) => ({ table, rows: sampleRows(table, sampleHeader(table, MODERATION_IDENTITY), [], (line) => cellSink(table.file, line, issues)) }));
  refuseUnknown(read, audits, byId);
  const returned = new Map<string, Returned[]>();
  let ungraded = 0;
  let invalid = 0;
  for (const { table, rows } of read) {
    for (const row of rows) {
      const grade = gradeOf(table, row, issues);
      if (grade === 'ungraded') ungraded++;
      else if (grade === 'invalid') invalid++;
      else returned.set(row.recordId, [...(returned.get(row.recordId) ?? []), { table, row, grade }]);
    }
  }
  const moderated: ModeratedAudit[] = [];
  let already = 0;
  for (const [auditId, rows] of returned) {
    const grade = agreed(rows, issues);
    const row = byId.get(auditId)!;
    const before = gradeInFile(row, column);
    if (grade === undefined) invalid += rows.length;
    else if (before === grade) already++;
    else if (before === undefined) moderated.push({ auditId, row, grade });
    else {
      invalid += rows.length;
      issues.push({ code: 'CONFLICT', file: rows[0]!.table.file, line: rows[0]!.row.line, column: 'moderated_grade', message: `audits ${auditId} is already moderated ${before} in ${audits.file} line ${row.line}; ${grade} is not set` });
    }
  }
  return { column, moderated: moderated.sort((a, b) => a.row.line - b.row.line), issues, ungraded, invalid, already };
}
