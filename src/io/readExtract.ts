import { createReadStream } from 'node:fs';
import { access, constants } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import { EXTRACTS, type ExtractKind, type ValidationLimits } from '../core/extracts/definitions.js';
import { ExtractParser, type ExtractData } from '../core/extracts/extractParser.js';
import { DataError } from '../core/errors.js';

/** Called every `PROGRESS_EVERY` rows while a file is read. */
export type RowProgress = (kind: ExtractKind, rowsRead: number) => void;

/** How one extract is read. */
export interface ReadOptions {
  readonly limits: ValidationLimits;
  /** Keep the records of an event kind (visits, supervision) as well as its events. */
  readonly keepRecords?: boolean;
  readonly onProgress?: RowProgress;
}

const PROGRESS_EVERY = 100_000;

/** Line breaks inside the (quoted) fields of a record. */
function embeddedLineBreaks(fields: readonly string[]): number {
  let breaks = 0;
  for (const field of fields) {
    if (field.indexOf('\n') !== -1 || field.indexOf('\r') !== -1) breaks += field.split(/\r\n|\r|\n/).length - 1;
  }
  return breaks;
}

/** A blank line, or one of nothing but separators (",,,," as spreadsheets leave): not a record. */
function isBlank(fields: readonly string[]): boolean {
  for (const field of fields) if (field !== '') return false;
  return true;
}

/**
 * Streams one extract file through csv-parse into the validating parser.
 * Physical line numbers are counted here (each record takes one line plus
 * its quoted line breaks), so csv-parse need not build an info object per
 * record. `displayName` is how the file is named in issues and reports.
 */
export async function readExtract<K extends ExtractKind>(
  kind: K,
  path: string,
  displayName: string,
  { limits, keepRecords = false, onProgress }: ReadOptions,
): Promise<ExtractData<K>> {
  await access(path, constants.R_OK).catch((error: NodeJS.ErrnoException) => {
    throw new DataError('UNREADABLE_FILE', `${displayName}: cannot read the file (${error.code ?? error.message})`, { file: displayName });
  });
  const parser = new ExtractParser(EXTRACTS[kind], displayName, limits, keepRecords);
  let headerRead = false;
  let nextLine = 1;
  let rows = 0;
  const csv = parse({ bom: true, relax_column_count: true });
  const onRecord = (fields: string[]): void => {
    const line = nextLine;
    nextLine += 1 + embeddedLineBreaks(fields);
    if (isBlank(fields)) return;
    if (!headerRead) {
      parser.readHeader(fields);
      headerRead = true;
      return;
    }
    parser.readRow(fields, line);
    if (onProgress && ++rows % PROGRESS_EVERY === 0) onProgress(kind, rows);
  };
  // An error thrown in a listener would escape the pipeline: end the stream with it instead.
  csv.on('data', (fields: string[]) => {
    try {
      onRecord(fields);
    } catch (error) {
      csv.destroy(error as Error);
    }
  });
  try {
    await pipeline(createReadStream(path), csv);
  } catch (error) {
    if (error instanceof DataError) throw error;
    const e = error as Error & { code?: string; lines?: number };
    if (e.code?.startsWith('CSV_')) {
      throw new DataError('MALFORMED_CSV', `${displayName}: line ${e.lines ?? '?'}: the file is not well-formed CSV (${e.message})`, { file: displayName, ...(e.lines ? { line: e.lines } : {}) });
    }
    throw new DataError('UNREADABLE_FILE', `${displayName}: cannot read the file (${e.code ?? e.message})`, { file: displayName });
  }
  return parser.finish();
}
