import { DataError } from '../errors.js';
import { columns, type CellSink, type ParseOptions } from '../extracts/columns.js';
import { normaliseHeader } from '../extracts/values.js';
import { SAMPLE_KINDS, type SampleKind } from '../sample/kinds.js';

/*
 * A dip sample as it comes back from the auditors: a table whose first row
 * is the header (columns in any order, headers matched as extract headers
 * are) and whose rows each name one sampled record by kind and record id.
 */

/** One row as read: its fields as text and the line (CSV) or sheet row (workbook) it starts on. */
export interface TableRow {
  readonly fields: readonly string[];
  readonly line: number;
}

/** One returned sample file as read, pure data: no file is opened here. */
export interface SampleTable {
  /** How messages name the file: the path as given. */
  readonly file: string;
  /** Non-blank rows in file order; the first is the header. */
  readonly rows: readonly TableRow[];
  /** Dates may be Excel serial day numbers (a workbook). */
  readonly serialDates: boolean;
  /** The workbook's About sheet says the sample was drawn with pseudonymised child IDs. */
  readonly pseudonymised: boolean;
}

/** A returned row, matched to its sampled record. */
export interface SampleRow {
  readonly line: number;
  readonly kind: SampleKind;
  readonly recordId: string;
  /** The cell of a column (by our name), identifiers cleaned and trimmed; '' when blank or the column is absent. */
  cell(column: string): string;
}

/** The columns of a table by normalised name (`Record ID` → record_id), and its header's line. */
export interface SampleHeader {
  readonly line: number;
  readonly names: readonly string[];
  has(column: string): boolean;
  index(column: string): number | undefined;
}

/**
 * The table's header, refused (DataError) when the table is empty, a column
 * appears twice, or one of `required` is missing: its rows could not be
 * matched to a sample.
 */
export function sampleHeader(table: SampleTable, required: readonly string[]): SampleHeader {
  const first = table.rows[0];
  if (first === undefined) throw new DataError('EMPTY_FILE', `${table.file}: the file is empty, not a returned sample`, { file: table.file });
  const indexes = new Map<string, number>();
  const names = first.fields.map(normaliseHeader);
  names.forEach((name, i) => {
    if (name === '') return;
    if (indexes.has(name)) {
      throw new DataError('DUPLICATE_COLUMN', `${table.file}: column ${name} appears twice in the header (columns ${indexes.get(name)! + 1} and ${i + 1})`, { file: table.file, line: first.line, column: name });
    }
    indexes.set(name, i);
  });
  const missing = required.filter((column) => !indexes.has(column));
  if (missing.length > 0) {
    throw new DataError('MISSING_COLUMN', `${table.file}: the header has no ${missing.join(', ')} column, so its rows cannot be matched to sampled records; the file is not a sample as csc-metrics sample writes it`, { file: table.file, line: first.line, column: missing[0]! });
  }
  return { line: first.line, names, has: (column) => indexes.has(column), index: (column) => indexes.get(column) };
}

/** How a returned file's values are read: UK day-first dates, as the sample wrote them. */
export function parseOptions(table: SampleTable): ParseOptions {
  return { dateOrder: 'dmy', serialDates: table.serialDates };
}

function refuseRow(table: SampleTable, line: number, column: string, why: string): never {
  throw new DataError('UNMATCHED_SAMPLE_ROW', `${table.file} line ${line}: ${why}, so the row cannot be matched to a sampled record; correct the file and collect it again`, { file: table.file, line, column });
}

/**
 * The table's rows after the header, each matched to a sampled record. A
 * row without a kind, a record id or any of `required`, or of a kind no
 * sample is drawn from, refuses the table. Identifiers are read as extract
 * identifiers are (invisible characters removed, said to `cells`).
 */
export function sampleRows(table: SampleTable, header: SampleHeader, required: readonly string[], cells: (line: number) => CellSink): SampleRow[] {
  return table.rows.slice(1).map(({ fields, line }) => {
    const sink = cells(line);
    const read = new Map<string, string>();
    const cell = (column: string): string => {
      const at = header.index(column);
      if (at === undefined) return '';
      if (!read.has(column)) read.set(column, columns.text().read(parseOptions(table), sink, column, fields[at] ?? '') ?? '');
      return read.get(column)!;
    };
    for (const column of ['kind', 'record_id', ...required]) {
      if (cell(column) === '') refuseRow(table, line, column, `${column} is blank`);
    }
    const kind = cell('kind');
    const known = SAMPLE_KINDS.find((k) => k === kind.toLowerCase());
    if (known === undefined) refuseRow(table, line, 'kind', `kind ${JSON.stringify(kind)} is not a kind samples are drawn from (${SAMPLE_KINDS.join(', ')})`);
    return { line, kind: known, recordId: cell('record_id'), cell };
  });
}
