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
  'UNEXPECTED_ELEMENT',
  'OUTSIDE_CARE',
] as const;

/** A stable code naming the kind of problem with a row. */
export type IssueCode = (typeof ISSUE_CODES)[number];

/**
 * What an issue of a code does, where the code alone decides it: `row`
 * rejects the row; `value` refuses the value, and the row too when its
 * column is required (else the row is used with the value read as not
 * recorded); `cleaned` keeps the value, cleaned, and reports it; `run` stops
 * the run (exit 2). The README's table of issue codes is generated from this.
 */
export type IssueEffect = 'row' | 'value' | 'cleaned' | 'run';

/** The effect of each issue code (a new code without one does not compile). */
export const ISSUE_CODE_EFFECTS: Readonly<Record<IssueCode, IssueEffect>> = {
  MISSING_VALUE: 'row',
  INVALID_DATE: 'value',
  INVALID_FLAG: 'value',
  INVALID_CODE: 'value',
  END_BEFORE_START: 'row',
  FUTURE_DATE: 'row',
  DUPLICATE_ROW: 'row',
  DUPLICATE_ID: 'row',
  INVISIBLE_CHARACTERS: 'cleaned',
  CELL_TOO_LARGE: 'value',
  WRONG_FIELD_COUNT: 'row',
  OUTSIDE_CALENDAR: 'row',
  DATE_ORDER: 'run',
  UNEXPECTED_ELEMENT: 'value',
  OUTSIDE_CARE: 'row',
};

/**
 * What each issue code means, for people: plain text in which `backticks`
 * mark code (the README shows them as code). A new code without a meaning
 * does not compile; the README's table of issue codes is generated from this.
 */
export const ISSUE_CODE_MEANINGS: Readonly<Record<IssueCode, string>> = {
  MISSING_VALUE: 'a required column is blank',
  INVALID_DATE: 'a date is malformed or impossible (`31/02/2026`, `2026-10-32`)',
  INVALID_FLAG: 'a flag is not one of the spellings read (`Y`/`N`, `Yes`/`No`, `true`/`false`, `1`/`0`, any case); map others in the config',
  INVALID_CODE: 'a value is not one of the codes its column takes; map others in the config',
  END_BEFORE_START: 'a date is before the one it follows: completed before start or referral, end before start, returned before missing, interview before return',
  FUTURE_DATE:
    "an event (start, completion, visit, return, interview, supervision, referral) is dated after the day the extract was taken (`--extracted-on`, default today); a plan's end date may lie ahead",
  DUPLICATE_ROW: 'the row repeats an earlier row exactly; the first copy is used, so it counts once',
  DUPLICATE_ID:
    "the row has the record id (its extract's id column) of an earlier row but other values (two completion dates, a plan both CP and CIN); the first is used, and the message names its line",
  INVISIBLE_CHARACTERS:
    'an ID or name held NUL or zero-width characters, which are removed, so `C001` and `C001` + U+200B are one child; IDs and names are also Unicode-composed (NFC)',
  CELL_TOO_LARGE: 'the value is longer than `maxCellCharacters` (config) allows; the issue quotes its first 40 characters',
  WRONG_FIELD_COUNT: 'the row has more or fewer fields than the header (a workbook row may stop early or trail empty cells)',
  OUTSIDE_CALENDAR:
    "a date a working-day clock counts from or to lies outside the calendar's years, so its working days cannot be counted; the message names the child (`--holidays FILE` with dates that cover it helps)",
  DATE_ORDER:
    "a date can only be read in the other order than the extract's `dateOrder` (`05/16/2019` under `dmy`), so the column's other slash dates cannot be trusted either; the message gives its line",
  UNEXPECTED_ELEMENT:
    'a CIN census file holds an element the census does not have where it stands (unknown, or repeated where it occurs once) or text between its elements; it is not read, and the message gives its line and column',
  OUTSIDE_CARE: "an SSDA903 review is dated outside the child's periods of care in the return's episodes table; the message says when the child was in care",
};

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
