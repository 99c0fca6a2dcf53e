import { createReadStream } from 'node:fs';
import { access, constants } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { parse, type Info } from 'csv-parse';
import { EXTRACTS, type ExtractKind, type ValidationLimits } from '../core/extracts/definitions.js';
import { ExtractParser, type ExtractData } from '../core/extracts/extractParser.js';
import { DataError } from '../core/errors.js';

/** Called every `PROGRESS_EVERY` rows while a file is read. */
export type RowProgress = (kind: ExtractKind, rowsRead: number) => void;

const PROGRESS_EVERY = 100_000;

/**
 * Physical line numbers from csv-parse's `info.lines`, which is the line a
 * record ends on but counts a CRLF inside quotes as two lines: the running
 * excess is taken off, and a record's own quoted line breaks counted back.
 */
class LineCounter {
  private lastCsvLine = 0;
  private excess = 0;

  /** The physical line where the record just parsed starts. */
  startLine(fields: readonly string[], csvLine: number): number {
    const previous = this.lastCsvLine;
    this.lastCsvLine = csvLine;
    // The common case: the record is the single line after the previous one.
    if (csvLine === previous + 1) return csvLine - this.excess;
    let breaks = 0;
    for (const field of fields) {
      if (field.indexOf('\n') === -1 && field.indexOf('\r') === -1) continue;
      breaks += field.split(/\r\n|\r|\n/).length - 1;
      this.excess += field.split('\r\n').length - 1;
    }
    return csvLine - this.excess - breaks;
  }
}

/**
 * Streams one extract file through csv-parse into the validating parser.
 * `displayName` is how the file is named in issues and reports.
 */
export async function readExtract<K extends ExtractKind>(
  kind: K,
  path: string,
  displayName: string,
  limits: ValidationLimits,
  onProgress?: RowProgress,
): Promise<ExtractData<K>> {
  await access(path, constants.R_OK).catch((error: NodeJS.ErrnoException) => {
    throw new DataError('UNREADABLE_FILE', `${displayName}: cannot read the file (${error.code ?? error.message})`, { file: displayName });
  });
  const parser = new ExtractParser(EXTRACTS[kind], displayName, limits);
  let headerRead = false;
  const lines = new LineCounter();
  let rows = 0;
  const csv = parse({
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    // A row of nothing but separators (",,,,", as spreadsheets leave) is a blank line, not a record.
    skip_records_with_empty_values: true,
    on_record: (fields: string[], info: Info) => {
      const startLine = lines.startLine(fields, info.lines);
      if (!headerRead) {
        parser.readHeader(fields);
        headerRead = true;
      } else {
        parser.readRow(fields, startLine);
        if (onProgress && ++rows % PROGRESS_EVERY === 0) onProgress(kind, rows);
      }
      return undefined;
    },
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
