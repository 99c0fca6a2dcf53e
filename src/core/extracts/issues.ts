/**
 * Row-level data problems. They are collected in the data-quality report, not
 * thrown. The codes are stable public names: scripts match on them.
 */
export const ISSUE_CODES = [
  'MISSING_VALUE',
  'INVALID_DATE',
  'INVALID_FLAG',
  'INVALID_CODE',
  'END_BEFORE_START',
  'FUTURE_DATE',
  'DUPLICATE_ROW',
  'DUPLICATE_ID',
  'INVISIBLE_CHARACTERS',
  'CELL_TOO_LARGE',
  'WRONG_FIELD_COUNT',
  'OUTSIDE_CALENDAR',
  'DATE_ORDER',
] as const;

/** A stable code naming the kind of problem with a row. */
export type IssueCode = (typeof ISSUE_CODES)[number];

/**
 * One problem found in one row: where it is, what was read, and why it is
 * wrong. A `row` issue rejected the row; a `cell` issue refused one optional
 * value and the row was used with that value read as not recorded.
 */
export interface Issue {
  readonly scope: 'row' | 'cell';
  readonly code: IssueCode;
  /** Physical line in the file where the record starts; the header is line 1. */
  readonly line: number;
  readonly column?: string;
  readonly value?: string;
  readonly message: string;
}

/** The table an issue was found in, as its file's account names it. */
export interface IssueTable {
  readonly kind: string;
  readonly file: string;
}

/** A header column no extract column was mapped to, with the known column it looks like. */
export interface UnusedColumn {
  readonly header: string;
  readonly suggestion?: string;
}

/** One extract column and the header it was read from. */
export interface ColumnMapping {
  readonly column: string;
  readonly header: string;
}

/** What happened to the rows of one extract file: rowsRead = rowsUsed + rowsRejected. */
export interface FileQuality {
  readonly kind: string;
  readonly file: string;
  /** How the bytes were read: 'utf-8', 'windows-1252', 'xlsx'… */
  readonly encoding: string;
  /** The line (or sheet row) of the header. */
  readonly headerLine: number;
  readonly rowsRead: number;
  readonly rowsUsed: number;
  readonly rowsRejected: number;
  /** Refused optional values, by column: the rows were used without them. */
  readonly cellIssues: Readonly<Record<string, number>>;
  /** Extract columns and the headers they were read from. */
  readonly mapping: readonly ColumnMapping[];
  /** Header columns the tool does not read. */
  readonly unusedColumns: readonly UnusedColumn[];
  /** What the reader noticed: encoding fallbacks, delimiters, title rows skipped. */
  readonly notes: readonly string[];
  readonly issues: readonly Issue[];
  /** Issues past the listing cap, by code: counted, not listed (`validate` lists them all). */
  readonly issuesNotListed: Readonly<Record<string, number>>;
}
