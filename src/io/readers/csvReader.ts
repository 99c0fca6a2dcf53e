import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { TextDecoder } from 'node:util';
import { DataError } from '../../core/errors.js';
import { CsvScanner, CsvSyntaxError } from './csvScanner.js';
import type { ReadNotes, RowReader, RowSink } from './rowReader.js';
import { refuseIrregular } from './regularFile.js';

type CsvEncoding = 'utf-8' | 'utf-8 (BOM)' | 'utf-16le' | 'utf-16be' | 'windows-1252';
type Delimiter = ',' | ';' | '\t';

/** What the first pass over the bytes decided. */
interface Sniffed {
  readonly encoding: CsvEncoding;
  readonly delimiter: Delimiter;
  /** False when some bytes are not UTF-8 (a file with a UTF-8 BOM is still read as UTF-8). */
  readonly validUtf8: boolean;
}

const DELIMITER_NAMES: Readonly<Record<Delimiter, string>> = { ',': 'comma', ';': 'semicolon', '\t': 'tab' };

/** The first pass reads this much at a time into one buffer: fewer, larger reads than a stream's. */
const SNIFF_READ = 1 << 18;

/** A header line not ended within this many characters is judged on what was read (keeps memory bounded). */
const HEADER_SCAN_LIMIT = 1 << 20;
/** Lines without any delimiter read before the header's delimiter is taken to be a comma. */
const TITLE_LINES = 40;

/**
 * Opens a CSV file as a row reader. Reading refuses anything but a regular
 * file (a FIFO or a device would block or never end), then makes two
 * streaming passes: the first decides the encoding (a BOM; else UTF-8 when
 * every byte sequence is valid UTF-8, else Windows-1252) and the delimiter
 * (from the header line); the second reads the records with `CsvScanner`,
 * which counts physical lines. With `maxCellCharacters`, the scanner cuts
 * each longer field to one character past it, so a huge cell is never held
 * whole but still reaches the extract parser as too long (CELL_TOO_LARGE, a
 * cell or row issue, not a file error).
 */
export function openCsv(path: string, name: string, maxCellCharacters?: number): RowReader {
  return {
    name,
    serialDates: false,
    async read(sink: RowSink): Promise<ReadNotes> {
      await refuseIrregular(path, name);
      const sniffed = await sniff(path).catch((error: unknown) => {
        throw unreadable(name, error);
      });
      await parseRows(path, name, sniffed, sink, maxCellCharacters);
      return readNotes(sniffed);
    },
  };
}

async function sniff(path: string): Promise<Sniffed> {
  let encoding: CsvEncoding | undefined;
  let header: HeaderScan | undefined;
  let utf8: Utf8Check | undefined;
  for await (const chunk of fileChunks(path)) {
    if (!header) {
      encoding = bomEncoding(chunk);
      const utf16 = encoding === 'utf-16le' || encoding === 'utf-16be' ? encoding : undefined;
      header = new HeaderScan(utf16 ?? 'utf-8');
      utf8 = utf16 ? undefined : new Utf8Check();
    }
    header.push(chunk);
    utf8?.push(chunk);
    if (header.delimiter !== undefined && !utf8?.valid) break;
  }
  const validUtf8 = utf8?.end() ?? true;
  return {
    encoding: encoding ?? (validUtf8 ? 'utf-8' : 'windows-1252'),
    delimiter: header?.end() ?? ',',
    validUtf8,
  };
}

/** The file's bytes, read into one reused buffer: each chunk is valid only until the next. */
async function* fileChunks(path: string): AsyncGenerator<Buffer> {
  const file = await open(path);
  try {
    const buffer = Buffer.allocUnsafe(SNIFF_READ);
    for (;;) {
      const { bytesRead } = await file.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) return;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await file.close();
  }
}

function bomEncoding(head: Buffer): CsvEncoding | undefined {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8 (BOM)';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** Checks chunk by chunk that bytes are UTF-8, carrying a character split between chunks over to the next. */
class Utf8Check {
  valid = true;
  private carry = Buffer.alloc(0);

  push(chunk: Buffer): void {
    if (!this.valid) return;
    const bytes = this.carry.length === 0 ? chunk : Buffer.concat([this.carry, chunk]);
    const end = completeLength(bytes);
    this.valid = isUtf8(bytes.subarray(0, end));
    this.carry = Buffer.from(bytes.subarray(end));
  }

  /** Whether all the bytes were UTF-8, the last character included. */
  end(): boolean {
    return this.valid && this.carry.length === 0;
  }
}

/** The length of `bytes` without a multi-byte character cut off at the end. */
function completeLength(bytes: Buffer): number {
  for (let i = bytes.length - 1; i >= 0 && i >= bytes.length - 4; i--) {
    const byte = bytes[i]!;
    if (byte < 0x80) return bytes.length;
    if (byte >= 0xc0) {
      const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : 2;
      return i + length > bytes.length ? i : bytes.length;
    }
  }
  return bytes.length;
}

/** Decodes the start of the file until the header line is complete, then names its delimiter. */
class HeaderScan {
  delimiter: Delimiter | undefined;
  private text = '';
  private readonly decoder: TextDecoder;

  constructor(encoding: string) {
    // Delimiters, quotes and line breaks are ASCII, so decoding as UTF-8 finds them in Windows-1252 text too.
    this.decoder = new TextDecoder(encoding);
  }

  push(chunk: Buffer): void {
    if (this.delimiter !== undefined) return;
    this.text += this.decoder.decode(chunk, { stream: true });
    this.delimiter = headerDelimiter(this.text, this.text.length >= HEADER_SCAN_LIMIT);
  }

  end(): Delimiter {
    return this.delimiter ?? headerDelimiter(this.text + this.decoder.decode(), true)!;
  }
}

/**
 * The delimiter of the header line: the first line outside quotes that holds
 * any of comma, semicolon and tab (a title line above the header holds none),
 * whichever of them occurs most, comma on ties. Quotes are read as the parser
 * reads them: one opens a quoted field only at the start of a field (else it
 * is a character like any other), `""` inside is a quote, and CRLF, LF and CR
 * each end a line. Undefined while that line may go on past the end of
 * `text`, unless `complete`.
 */
function headerDelimiter(text: string, complete: boolean): Delimiter | undefined {
  let commas = 0;
  let semicolons = 0;
  let tabs = 0;
  let quoted = false;
  let fieldStart = true;
  let lines = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') i++;
        else quoted = false;
      }
      continue;
    }
    if (c === '"' && fieldStart) {
      quoted = true;
      fieldStart = false;
      continue;
    }
    fieldStart = true;
    if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      if (commas + semicolons + tabs > 0 || ++lines >= TITLE_LINES) return mostUsed(commas, semicolons, tabs);
    } else if (c === ',') commas++;
    else if (c === ';') semicolons++;
    else if (c === '\t') tabs++;
    else fieldStart = false;
  }
  return complete ? mostUsed(commas, semicolons, tabs) : undefined;
}

function mostUsed(commas: number, semicolons: number, tabs: number): Delimiter {
  if (semicolons > commas && semicolons > tabs) return ';';
  if (tabs > commas && tabs > semicolons) return '\t';
  return ',';
}

/** A record this long is no extract row: stop with a clear error before it exhausts memory. */
const MAX_RECORD_CHARACTERS = 16 * 1_048_576;
/** The most bytes a character takes in UTF-8. */
const UTF8_CHARACTER_BYTES = 4;

/**
 * The scanner's `maxRecordSize`: 16 M, with room for one cell cut at
 * `maxCellCharacters + 1` characters (the field being read is counted in
 * bytes), so that such a cell alone does not stop the file unless the line
 * breaks it keeps fill the 16 M.
 */
function maxRecordSize(maxCellCharacters: number | undefined): number {
  return MAX_RECORD_CHARACTERS + (maxCellCharacters === undefined ? 0 : UTF8_CHARACTER_BYTES * (maxCellCharacters + 1));
}

/**
 * Streams the file through the scanner into the sink. An error thrown by
 * the sink comes out as it is; one of reading the file is UNREADABLE_FILE.
 */
async function parseRows(path: string, name: string, sniffed: Sniffed, sink: RowSink, maxCellCharacters: number | undefined): Promise<void> {
  let sinkFailure: { readonly error: unknown } | undefined;
  const scanner = new CsvScanner({ delimiter: sniffed.delimiter, maxCellCharacters, maxRecordSize: maxRecordSize(maxCellCharacters) }, (fields, line) => {
    try {
      sink(fields, line);
    } catch (error) {
      sinkFailure = { error };
      throw error;
    }
  });
  try {
    for await (const chunk of utf8Bytes(path, sniffed)) scanner.push(chunk);
    scanner.end();
  } catch (error) {
    if (sinkFailure) throw sinkFailure.error;
    throw parseFailure(name, error);
  }
}

/**
 * The file as UTF-8 bytes for the scanner: as they are, or decoded and
 * encoded again. A file with a UTF-8 BOM but bytes that are not UTF-8 is
 * decoded too, each bad sequence becoming U+FFFD.
 */
function utf8Bytes(path: string, { encoding, validUtf8 }: Sniffed): AsyncIterable<Buffer> {
  const bytes = createReadStream(path);
  if (encoding === 'utf-8' || (encoding === 'utf-8 (BOM)' && validUtf8)) return bytes;
  return reencoded(bytes, encoding === 'utf-8 (BOM)' ? 'utf-8' : encoding);
}

async function* reencoded(chunks: AsyncIterable<Buffer>, encoding: string): AsyncGenerator<Buffer> {
  const decoder = new TextDecoder(encoding);
  for await (const chunk of chunks) {
    const text = decoder.decode(chunk, { stream: true });
    if (text) yield Buffer.from(text, 'utf8');
  }
  const rest = decoder.decode();
  if (rest) yield Buffer.from(rest, 'utf8');
}

function readNotes({ encoding, delimiter, validUtf8 }: Sniffed): ReadNotes {
  const notes: string[] = [];
  if (encoding === 'windows-1252') notes.push('read as Windows-1252: the file is not valid UTF-8');
  if (encoding === 'utf-8 (BOM)' && !validUtf8) notes.push('some bytes are not valid UTF-8 despite the UTF-8 byte-order mark: those characters read as \uFFFD');
  if (delimiter !== ',') notes.push(`${DELIMITER_NAMES[delimiter]}-separated`);
  return { encoding, delimiter, notes };
}

/**
 * A scanner failure in words. With quotes relaxed, the one a file can cause
 * besides a record too large is a quote that opens a field and is never
 * closed: the field would swallow the rest of the file. Any other error is
 * one of reading the file.
 */
function parseFailure(name: string, error: unknown): DataError {
  if (!(error instanceof CsvSyntaxError)) return unreadable(name, error);
  const { line } = error;
  if (error.code === 'RECORD_TOO_LARGE') {
    return new DataError('RECORD_TOO_LARGE', `${name}: line ${line}: a record longer than ${MAX_RECORD_CHARACTERS / 1_048_576} M characters; no extract row is that long, so the file cannot be read safely`, { file: name, line });
  }
  return new DataError('MALFORMED_CSV', `${name}: line ${line}: an unclosed quote opens here; the rest of the file cannot be read as CSV`, { file: name, line });
}

function unreadable(name: string, error: unknown): DataError {
  const e = error as Error & { code?: string };
  return new DataError('UNREADABLE_FILE', `${name}: cannot read the file (${e.code ?? e.message})`, { file: name });
}
