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
  'WRONG_FIELD_COUNT',
] as const;

/** A stable code naming the kind of problem with a row. */
export type IssueCode = (typeof ISSUE_CODES)[number];

/** One problem found in one row: where it is, what was read, and why it is wrong. */
export interface Issue {
  readonly code: IssueCode;
  /** Physical line in the file where the record starts; the header is line 1. */
  readonly line: number;
  readonly column?: string;
  readonly value?: string;
  readonly message: string;
}

/** What happened to the rows of one extract file: rowsRead = rowsUsed + rowsRejected. */
export interface FileQuality {
  readonly kind: string;
  readonly file: string;
  readonly rowsRead: number;
  readonly rowsUsed: number;
  readonly rowsRejected: number;
  readonly issues: readonly Issue[];
}
