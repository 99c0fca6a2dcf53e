import { isAscii } from 'node:buffer';
import { TextDecoder } from 'node:util';
import type { RowSink } from './rowReader.js';

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const NUL = 0x00;
const BOM = 0xfeff;

/** Why the scanner stopped: a quote never closed (`line` where it opens), or a record too large (`line` where it starts). */
export class CsvSyntaxError extends Error {
  constructor(
    readonly code: 'QUOTE_NOT_CLOSED' | 'RECORD_TOO_LARGE',
    readonly line: number,
  ) {
    super(`${code} at line ${line}`);
  }
}

/** How the scanner reads. */
export interface CsvScannerOptions {
  /** The field delimiter, one character: ',', ';' or '\t'. */
  readonly delimiter: string;
  /** Each longer field is cut to one character past it (see `LongField`); no cut when undefined. */
  readonly maxCellCharacters?: number;
  /** csv-parse's `max_record_size`, counted as csv-parse counts it (see `checkSize`). */
  readonly maxRecordSize: number;
}

/**
 * A streaming CSV tokenizer over UTF-8 bytes, reading as csv-parse did with
 * `bom`, `relax_quotes`, `relax_column_count` and CRLF, LF and CR as record
 * delimiters (csvScanner.test.ts holds it to that, and to the cell cap of
 * `CellCap` before it): each record goes to the sink as its fields and the
 * physical line where it starts (one line, plus the line breaks inside its
 * quoted fields). Quotes are relaxed as in Python's csv module: `"` opens a
 * quoted field only at its start (else it is a character), `""` inside is a
 * quote, and text after a closing quote goes on unquoted, both quotes then
 * part of the value (`"ab"c` reads `"ab"c`; after a NUL, csv-parse's quirk,
 * the quotes go). A blank line is a record of one empty field; an empty last
 * line is none.
 *
 * Each chunk is decoded once; a field within it, under the cap, is one
 * `substring`. A field that runs past the end of a chunk, is over the cap or
 * has text after its closing quote is read by a `LongField` instead.
 */
export class CsvScanner {
  private readonly decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  /** The last byte pushed: after an ASCII one, the decoder holds no part of a character. */
  private lastByte = 0;
  private readonly delimiter: number;
  /** Characters a field keeps: one past the limit, so that it is still too long. */
  private readonly cap: number;
  /** The size at which a record stops the file (see `checkSize`). */
  private readonly sizeLimit: number;
  private started = false;
  private record: string[] = [];
  /** The UTF-16 length of the record's fields so far. */
  private recordUnits = 0;
  private recordLine = 1;
  /** The physical line where the field being read starts. */
  private line = 1;
  /** Whether the text so far ends in a CR that ended a record: an LF next makes it a CRLF. */
  private skipLf = false;
  /** The field being read by the slow path, when it went on past the end of the last chunk. */
  private long: LongField | undefined;

  constructor(
    options: CsvScannerOptions,
    private readonly sink: RowSink,
  ) {
    this.delimiter = options.delimiter.charCodeAt(0);
    this.cap = options.maxCellCharacters === undefined ? Infinity : options.maxCellCharacters + 1;
    this.sizeLimit = options.maxRecordSize + 2;
  }

  /** Reads a chunk of bytes: a character or a CRLF split between chunks is read whole. */
  push(bytes: Buffer): void {
    // The decoder's streaming path is slow: ASCII, most chunks of most files, reads many times faster as Latin-1.
    const ascii = this.lastByte < 0x80 && isAscii(bytes);
    if (bytes.length > 0) this.lastByte = bytes[bytes.length - 1]!;
    this.scan(ascii ? bytes.toString('latin1') : this.decoder.decode(bytes, { stream: true }));
  }

  /** Reads the end of the input: the last record, if it has no line break. */
  end(): void {
    this.scan(this.decoder.decode());
    const field = this.long;
    if (field !== undefined) {
      // The size of what it holds was checked at the end of the last chunk: that error comes first.
      if (!field.closed) throw new CsvSyntaxError('QUOTE_NOT_CLOSED', this.line);
      this.endLong(field);
    } else if (this.record.length === 0) {
      return;
    } else {
      // The record ends in a delimiter: its last field is empty.
      this.addField('');
    }
    this.endRecord();
  }

  private scan(s: string): void {
    const n = s.length;
    let i = this.resume(s);
    while (i < n) {
      const end = s.charCodeAt(i) === QUOTE ? this.quoted(s, i) : this.unquoted(s, i);
      if (end === n) return;
      i = this.afterField(s, end);
    }
  }

  /** Where the first field of the chunk starts: past a BOM or the LF of a split CRLF, or the slow path's field. */
  private resume(s: string): number {
    if (s.length === 0) return 0;
    let i = 0;
    if (!this.started) {
      this.started = true;
      if (s.charCodeAt(0) === BOM) i = 1;
    }
    if (this.skipLf && i < s.length) {
      this.skipLf = false;
      if (s.charCodeAt(i) === LF) i++;
    }
    if (this.long === undefined || i === s.length) return i;
    const end = this.readLong(s, i);
    return end === s.length ? end : this.afterField(s, end);
  }

  /** Reads an unquoted field from `i`; returns the index of the delimiter or line break that ends it, or the chunk's length. */
  private unquoted(s: string, i: number): number {
    const n = s.length;
    const delimiter = this.delimiter;
    let j = i;
    for (; j < n; j++) {
      const c = s.charCodeAt(j);
      if (c === delimiter || c === LF || c === CR) break;
    }
    if (j === n || j - i > this.cap) return this.startLong(s, i);
    this.addField(s.substring(i, j));
    return j;
  }

  /** Reads a quoted field from its opening quote at `i`, as `unquoted` does; the slow path takes it unless it ends at its closing quote. */
  private quoted(s: string, i: number): number {
    const n = s.length;
    const delimiter = this.delimiter;
    let value = '';
    let from = i + 1;
    let breaks = 0;
    for (let j = from; j < n; j++) {
      const c = s.charCodeAt(j);
      if (c === QUOTE) {
        if (j + 1 === n) break;
        const next = s.charCodeAt(j + 1);
        if (next === QUOTE) {
          value += s.substring(from, ++j);
          from = j + 1;
          continue;
        }
        if ((next !== delimiter && next !== LF && next !== CR) || j + 1 - i > this.cap) break;
        this.line += breaks;
        this.addField(value + s.substring(from, j));
        return j + 1;
      }
      if (c === CR || (c === LF && s.charCodeAt(j - 1) !== CR)) breaks++;
    }
    return this.startLong(s, i);
  }

  /** Ends the field before `end` at its delimiter or line break; returns where the next field starts. */
  private afterField(s: string, end: number): number {
    const c = s.charCodeAt(end);
    if (c === this.delimiter) return end + 1;
    this.endRecord();
    if (c === CR) {
      if (end + 1 === s.length) this.skipLf = true;
      else if (s.charCodeAt(end + 1) === LF) return end + 2;
    }
    return end + 1;
  }

  private startLong(s: string, i: number): number {
    this.long = new LongField(this.delimiter, this.cap);
    return this.readLong(s, i);
  }

  /** Goes on with the slow path's field from `i`: as `unquoted` returns. */
  private readLong(s: string, i: number): number {
    const field = this.long!;
    const end = field.read(s, i);
    if (end === s.length) this.checkSize(this.recordUnits, field.text());
    else this.endLong(field);
    return end;
  }

  private endLong(field: LongField): void {
    this.long = undefined;
    this.line += field.lines;
    this.addField(field.text());
  }

  private addField(value: string): void {
    const before = this.recordUnits;
    this.recordUnits = before + value.length;
    this.checkSize(before, value);
    this.record.push(value);
  }

  /**
   * Stops a record as csv-parse's `max_record_size` did: csv-parse adds the
   * UTF-16 length of each field it ends to the record's size, and refuses a
   * byte of a field when that size plus the field's bytes before it pass
   * the maximum. `before` is the size of the record's earlier fields,
   * `value` the field so far.
   */
  private checkSize(before: number, value: string): void {
    // A UTF-16 unit is three bytes at most: the exact count is needed only near the limit.
    if (3 * (before + value.length) < this.sizeLimit) return;
    if (before + Buffer.byteLength(value) >= this.sizeLimit) throw new CsvSyntaxError('RECORD_TOO_LARGE', this.recordLine);
  }

  private endRecord(): void {
    const record = this.record;
    const line = this.recordLine;
    this.record = [];
    this.recordUnits = 0;
    this.recordLine = ++this.line;
    this.sink(record, line);
  }
}

// Where a LongField is in its field. The DROP_ states are those of a field over the cap, whose characters are dropped.
const START = 0;
/** In an unquoted field, or in text after a closing quote. */
const UNQUOTED = 1;
const QUOTED = 2;
/** After a quote in a quoted field: the next character makes it a doubled quote, the closing quote, or text. */
const QUOTE_SEEN = 3;
const DROP_UNQUOTED = 4;
const DROP_QUOTED = 5;
const DROP_QUOTE_SEEN = 6;
/** Dropping the text after the closing quote of a field cut inside its quotes. */
const DROP_AFTER_QUOTE = 7;

/**
 * One field read character by character, across chunks, and cut to the
 * cap as the reader always cut it: characters are counted as code points
 * (a doubled quote as one); a field keeps its first `cap` characters, and of
 * the rest inside its quotes only the line breaks (a CRLF as CRLF, a lone CR
 * or LF as CR). Text after a closing quote bends this: that quote, the one
 * opening the field and the first character after it count as three
 * characters, kept even past the cap; a field cut inside its quotes loses
 * the text after them.
 */
class LongField {
  /** Physical line breaks read inside the quotes. */
  lines = 0;
  private state = START;
  /** The value's characters kept so far (a run not yet added is still in the chunk). */
  private kept = '';
  /** The line breaks of the dropped part inside the quotes. */
  private breaks = '';
  private chars = 0;
  /** Whether the character before was a CR. */
  private afterCr = false;

  constructor(
    private readonly delimiter: number,
    private readonly cap: number,
  ) {}

  /** False while inside the quotes: the end of the input leaves them unclosed. */
  get closed(): boolean {
    return this.state !== QUOTED && this.state !== DROP_QUOTED;
  }

  /** The value, or what it holds so far. */
  text(): string {
    return this.kept + this.breaks;
  }

  /** Reads from `i`; returns the index of the delimiter or line break that ends the field, or the chunk's length. */
  read(s: string, i: number): number {
    const { delimiter, cap } = this;
    let { state, chars, afterCr } = this;
    let from = i;
    for (; i < s.length; i++) {
      const c = s.charCodeAt(i);
      const ends = c === delimiter || c === LF || c === CR;
      if (state === START) {
        if (c === QUOTE) {
          state = QUOTED;
          from = i + 1;
          continue;
        }
        state = UNQUOTED;
      }
      if (state === UNQUOTED) {
        if (ends) {
          this.kept += s.substring(from, i);
          return i;
        }
        if (isCharacter(c) && ++chars > cap) {
          this.kept += s.substring(from, i);
          state = DROP_UNQUOTED;
        }
      } else if (state === QUOTED || state === DROP_QUOTED) {
        if (c === QUOTE) {
          if (state === QUOTED) this.kept += s.substring(from, i);
          state = state === QUOTED ? QUOTE_SEEN : DROP_QUOTE_SEEN;
        } else {
          if (c === CR || (c === LF && !afterCr)) this.lines++;
          if (state === QUOTED && isCharacter(c) && ++chars > cap) {
            this.kept += s.substring(from, i);
            state = DROP_QUOTED;
          }
          if (state === DROP_QUOTED) this.dropBreak(c, afterCr);
        }
      } else if (state === QUOTE_SEEN) {
        if (c === QUOTE) {
          // A doubled quote is one character, cut whole.
          if (++chars > cap) {
            state = DROP_QUOTED;
          } else {
            this.kept += '"';
            from = i + 1;
            state = QUOTED;
          }
        } else if (ends) {
          return i;
        } else {
          if (c !== NUL) this.kept = `"${this.kept}"`;
          chars += 3;
          from = i;
          state = UNQUOTED;
        }
      } else if (state === DROP_QUOTE_SEEN) {
        if (c === QUOTE) state = DROP_QUOTED;
        else if (ends) return i;
        else state = DROP_AFTER_QUOTE;
      } else if (ends) {
        return i;
      }
      afterCr = c === CR;
    }
    if (state === UNQUOTED || state === QUOTED) this.kept += s.substring(from, i);
    this.state = state;
    this.chars = chars;
    this.afterCr = afterCr;
    return i;
  }

  /** Keeps a dropped line break; an LF not after a CR becomes CR, so that it joins no CR kept before into one CRLF. */
  private dropBreak(c: number, afterCr: boolean): void {
    if (c === CR) this.breaks += '\r';
    else if (c === LF) this.breaks += afterCr ? '\n' : '\r';
  }
}

/** Whether a UTF-16 unit starts a character: all but the second half of a surrogate pair. */
function isCharacter(c: number): boolean {
  return (c & 0xfc00) !== 0xdc00;
}
