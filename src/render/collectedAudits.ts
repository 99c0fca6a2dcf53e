import { formatIso } from '../core/dates/localDate.js';
import { DataError } from '../core/errors.js';
import { collectedColumns, type CollectedAudit } from '../core/audits/collect.js';
import type { ModeratedColumn, Moderation } from '../core/audits/moderation.js';
import type { TableRow } from '../core/audits/sampleTable.js';
import type { AuditTheme } from '../core/settings.js';
import { csvLine } from './csvCell.js';

/** A theme's flag as the audits extract reads it back: Y, N, or blank. */
function flagText(flag: boolean | undefined): string | undefined {
  return flag === undefined ? undefined : flag ? 'Y' : 'N';
}

/** The header line of a file of collected audits. */
export function collectedHeaderLine(themes: readonly AuditTheme[]): string {
  return csvLine(collectedColumns(themes));
}

/**
 * One CSV line per audit, in the order of `collectedColumns`: ISO dates,
 * grades as words, formulas neutralised; then an empty moderated_grade when
 * the file has that column last (moderation added it).
 */
export function collectedAuditLines(audits: readonly CollectedAudit[], moderatedColumn = false): string[] {
  return audits.map((audit) =>
    csvLine([
      audit.auditId, audit.childId, formatIso(audit.auditDate), audit.grade, audit.auditor, audit.auditType,
      audit.team, audit.worker, audit.recordKind, audit.recordId, ...audit.themes.map(flagText),
      ...(moderatedColumn ? [undefined] : []),
    ]),
  );
}

/** One record of a CSV text: its text with its line break, and the line it starts on. */
interface RawRecord {
  readonly body: string;
  readonly end: string;
  readonly line: number;
}

/**
 * A CSV text cut into its records, line breaks in quoted cells kept inside:
 * joined back they are the text. Quotes are read as the CSV reader reads
 * them: a quote opens a quoted cell only at the cell's start, `""` inside one
 * is a quote, and a quote anywhere else is text.
 */
function rawRecords(text: string): RawRecord[] {
  const records: RawRecord[] = [];
  let start = 0;
  let line = 1;
  let quoted = false;
  let cellStart = true;
  let breaks = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"' && quoted) {
      if (text[i + 1] === '"') i++;
      else quoted = false;
    } else if (c === '"' && cellStart) quoted = true;
    cellStart = c === ',' || (i === 0 && c === '\uFEFF');
    if (c !== '\n' && c !== '\r') continue;
    const end = c === '\r' && text[i + 1] === '\n' ? '\r\n' : c;
    i += end.length - 1;
    if (quoted) {
      breaks++;
      continue;
    }
    records.push({ body: text.slice(start, i + 1 - end.length), end, line });
    line += breaks + 1;
    breaks = 0;
    start = i + 1;
    cellStart = true;
  }
  if (start < text.length) records.push({ body: text.slice(start), end: '', line });
  return records;
}

/** A row's fields with the moderated grade in its column (empty cells added up to it if the row stops short). */
function withGrade(fields: readonly string[], column: ModeratedColumn, grade: string): string[] {
  const cells = [...fields];
  while (cells.length < column.index) cells.push('');
  cells[column.index] = grade;
  return cells;
}

/** Refuses (DataError) to rewrite a file whose records this split does not find at the lines the reader read them at. */
function refuseLostRows(file: string, records: readonly RawRecord[], rows: readonly TableRow[]): void {
  const starts = new Set(records.map((record) => record.line));
  const lost = rows.find((row) => !starts.has(row.line));
  if (lost) throw new DataError('UNAPPENDABLE_FILE', `${file}: the record read at line ${lost.line} could not be found again to rewrite the file; nothing was written`, { file, line: lost.line });
}

/**
 * The audits file's text with the moderated grades set: each moderated row
 * written again (as `csvLine` writes, keeping its line break), every other
 * record's bytes as they were. When the file had no moderated_grade column it
 * is added last: the header gains it and every other row an empty cell.
 * `rows` are the file's non-blank rows as read, header first.
 */
export function moderatedFileText(file: string, text: string, rows: readonly TableRow[], { column, moderated }: Pick<Moderation, 'column' | 'moderated'>): string {
  const byLine = new Map(moderated.map((audit) => [audit.row.line, audit]));
  const rowLines = new Set(rows.map((row) => row.line));
  const headerLine = rows[0]?.line;
  const records = rawRecords(text);
  refuseLostRows(file, records, rows);
  return records
    .map(({ body, end, line }) => {
      const audit = byLine.get(line);
      if (audit) return csvLine(withGrade(audit.row.fields, column, audit.grade)).slice(0, -2) + end;
      if (!column.added || !rowLines.has(line)) return body + end;
      return `${body},${line === headerLine ? 'moderated_grade' : ''}${end}`;
    })
    .join('');
}
