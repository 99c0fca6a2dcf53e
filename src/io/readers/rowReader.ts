/**
 * One interface for every input format (CSV, xlsx, Annex A list sheets): a
 * reader pushes each physical row of one table as text fields, with the
 * line (CSV) or row number (worksheet) where it starts. Adding a format is
 * one reader; mapping headers and validating values happen after it.
 */
import type { Issue } from '../../core/extracts/issues.js';

/** Receives one row: its fields as text and the 1-based line or sheet row where it starts. */
export type RowSink = (fields: string[], line: number) => void;

/** Receives a problem a reader finds outside the rows' values (an XML element the CIN census does not have), or a row it rejects itself (scope `row`: counted as read and rejected). */
export type IssueSink = (issue: Issue) => void;

/** What a reader noticed about the bytes it read, said in the data-quality report. */
export interface ReadNotes {
  /** 'utf-8', 'utf-8 (BOM)', 'utf-16le', 'utf-16be', 'windows-1252', or 'xlsx'. */
  readonly encoding: string;
  /** ',', ';' or '\t' for CSV; absent for workbooks. */
  readonly delimiter?: string;
  /** Sentences for people: "read as Windows-1252: the bytes are not valid UTF-8". */
  readonly notes: readonly string[];
}

/** One table to read: a CSV file, or one sheet of a workbook. */
export interface RowReader {
  /** How issues name the table: `assessments.csv` or `Annex_A.xlsx:List 4`. */
  readonly name: string;
  /**
   * Whether date columns may hold Excel serial day numbers (44090 = 2020-09-16):
   * true only for workbooks, whose numeric date cells the reader passes on as text.
   */
  readonly serialDates: boolean;
  /**
   * Pushes every row, header and title rows included, in file order; blank
   * rows may be passed or skipped (the consumer ignores rows of empty fields).
   * Rejects with a DataError (UNREADABLE_FILE, MALFORMED_CSV) when the
   * bytes cannot be read as a table. Readers of structured files pass the
   * problems they find in the structure to `issues`.
   */
  read(sink: RowSink, issues?: IssueSink): Promise<ReadNotes>;
}
