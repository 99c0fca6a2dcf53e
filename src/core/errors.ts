/**
 * Errors that stop a run. Row-level data problems are not thrown: they are
 * `Issue`s collected in the data-quality report (see extracts/issues.ts).
 * The CLI maps each class to its exit code in one place (cli/exitCodes.ts).
 */

/** Where a data problem sits: file, physical line, column and the value read. */
export interface DataLocation {
  readonly file: string;
  readonly line?: number;
  readonly column?: string;
  readonly value?: string;
}

/**
 * A data problem that stops the run (missing required column, unreadable or
 * malformed file, rejected rows under --strict). Exit code 2.
 */
export class DataError extends Error {
  override readonly name = 'DataError';
  constructor(
    /** Stable public code, e.g. `MISSING_COLUMN`. */
    readonly code: string,
    message: string,
    readonly location: DataLocation,
  ) {
    super(message);
  }
}

/** A bad flag, period, config or calendar choice. Exit code 1. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
