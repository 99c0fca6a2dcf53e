import { EXTRACTS, type ExtractKind } from '../core/extracts/definitions.js';
import { ExtractParser, type ExtractData, type TableOptions } from '../core/extracts/extractParser.js';
import { DataError } from '../core/errors.js';
import type { RowReader } from './readers/rowReader.js';
import { count } from '../core/indicators/words.js';
import { HEADER_SEARCH_ROWS } from '../core/extracts/headerMatch.js';

/** Called every `PROGRESS_EVERY` rows while a file is read. */
export type RowProgress = (kind: ExtractKind, rowsRead: number) => void;

/** How one table of an extract is read. */
export interface ReadOptions extends TableOptions {
  readonly onProgress?: RowProgress;
  /** The size of the file the rows come from, when known (CSV): how many rows to expect is guessed from it. */
  readonly bytes?: number;
}

const PROGRESS_EVERY = 100_000;

/** The rows whose length tells how many rows a file of known size holds. */
const SAMPLE_ROWS = 1000;

/**
 * How many rows a file of `bytes` holds, from the characters of its first
 * rows (their fields, separators and line end). A little high rather than
 * low: quotes and multi-byte characters are not counted.
 */
class RowGuess {
  private rows = 0;
  private characters = 0;

  constructor(private readonly bytes: number) {}

  /** Takes a row; gives the guess once the sample is complete, else undefined. */
  take(fields: readonly string[]): number | undefined {
    for (const field of fields) this.characters += field.length + 1;
    if (++this.rows !== SAMPLE_ROWS) return undefined;
    return Math.ceil((this.bytes / this.characters) * SAMPLE_ROWS);
  }
}

/** A blank line, or one of nothing but separators (",,,," as spreadsheets leave): not a record. */
function isBlank(fields: readonly string[]): boolean {
  for (const field of fields) if (field.trim() !== '') return false;
  return true;
}


/**
 * Finds the header of a table: the configured row, else the first row that
 * names the required columns (title rows above it are skipped and said),
 * else the first non-blank row, which then fails with MISSING_COLUMN.
 */
class HeaderFinder {
  private readonly waiting: { fields: string[]; line: number }[] = [];
  found = false;

  constructor(
    private readonly parser: ExtractParser<ExtractKind>,
    private readonly name: string,
    private readonly headerRow: number | undefined,
  ) {}

  /** Takes a row while the header is not yet found: the header itself, or a title row above it. */
  offer(fields: string[], line: number): void {
    if (this.headerRow !== undefined) {
      if (line === this.headerRow) this.accept(fields, line, this.waiting.length);
      else if (line > this.headerRow) throw this.noHeaderRow('is blank');
      else this.waiting.push({ fields, line });
      return;
    }
    if (this.parser.namesRequiredColumns(fields)) {
      this.accept(fields, line, this.waiting.length);
      return;
    }
    this.waiting.push({ fields, line });
    if (this.waiting.length === HEADER_SEARCH_ROWS) this.giveUp();
  }

  /** At the end of the table: with no header found, the first row is taken as the header. */
  finish(): void {
    if (this.found) return;
    if (this.headerRow !== undefined && this.waiting.length > 0) throw this.noHeaderRow('is past the end of the table');
    if (this.waiting.length > 0) this.giveUp();
  }

  private noHeaderRow(why: string): DataError {
    return new DataError('MISSING_HEADER', `${this.name}: the configured header row ${this.headerRow} ${why}`, { file: this.name, line: this.headerRow! });
  }

  private giveUp(): void {
    const [first] = this.waiting;
    this.parser.readHeader(first!.fields, first!.line);
  }

  private accept(fields: string[], line: number, skipped: number): void {
    this.found = true;
    if (skipped > 0) this.parser.note(`${count(skipped, 'row')} above the header (line ${line}) skipped as titles`);
    this.parser.readHeader(fields, line);
  }
}

/**
 * Reads one table through its reader into the validating parser: finds the
 * header, then validates every row with the line it starts on.
 */
export async function readExtract<K extends ExtractKind>(kind: K, reader: RowReader, options: ReadOptions): Promise<ExtractData<K>> {
  const parser = new ExtractParser(EXTRACTS[kind], reader.name, { ...options, serialDates: reader.serialDates });
  const header = new HeaderFinder(parser as unknown as ExtractParser<ExtractKind>, reader.name, options.mapping?.headerRow);
  const { onProgress } = options;
  let guess = options.bytes === undefined ? undefined : new RowGuess(options.bytes);
  let rows = 0;
  const notes = await reader.read((fields, line) => {
    if (isBlank(fields)) return;
    if (!header.found) {
      header.offer(fields, line);
      return;
    }
    parser.readRow(fields, line);
    // Sizing the indexes and the event log once spares growing them row by row.
    const expected = guess?.take(fields);
    if (expected !== undefined) {
      parser.expectRows(expected);
      guess = undefined;
    }
    if (onProgress && ++rows % PROGRESS_EVERY === 0) onProgress(kind, rows);
  }, (issue) => parser.readerIssue(issue));
  header.finish();
  parser.setEncoding(notes.encoding);
  for (const note of notes.notes) parser.note(note);
  return parser.finish();
}
