import { Transform, type TransformCallback } from 'node:stream';

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const CLOSING_QUOTE = Buffer.from('"');

// Where the cap is in the field being read, as csv-parse reads it here.
/** Before the field's first byte: a quote here opens a quoted field. */
const FIELD_START = 0;
/** In an unquoted field, or in text after a closing quote (quotes relaxed). */
const UNQUOTED = 1;
const QUOTED = 2;
/** After a quote in a quoted field: the next byte makes it a doubled quote, the closing quote, or text. */
const QUOTE_SEEN = 3;
/** Added to the state once the field is over the cap: its bytes are dropped until it ends. */
const DROPPING = 4;
const DROP_UNQUOTED = UNQUOTED + DROPPING;
const DROP_QUOTED = QUOTED + DROPPING;
const DROP_QUOTE_SEEN = QUOTE_SEEN + DROPPING;
/** Dropping text after the closing quote of a cut field: the quote is written where the field ends. */
const DROP_OWING_QUOTE = 8;

/**
 * A filter of UTF-8 CSV bytes for csv-parse that cuts every field longer
 * than `limit + 1` characters down to about that, so that the parser never
 * holds a huge cell whole yet still sees it is over the limit. The reader
 * no longer uses it: `CsvScanner` cuts fields itself, and this filter with
 * csv-parse is the plain reference it is checked against (csvScanner.test.ts).
 * It follows the CSV as csv-parse was set up in csvReader: `"` quotes, `""` inside quotes,
 * quotes relaxed (a quote opens a quoted field only at its start; text after
 * a closing quote goes on unquoted, both quotes then part of the value),
 * CRLF, LF and CR end a record outside quotes, and a UTF-8 BOM at the very
 * start belongs to no field.
 *
 * What comes out: a field of at most `limit + 1` characters as it was; a
 * longer one as its first `limit + 1` characters, then a line break for each
 * one it had past them inside its quotes (the reader counts lines from them;
 * an LF may come out as CR, so that no two breaks join into one CRLF). Text
 * after a closing quote bends this: the first character after the quote is
 * kept even past the cap (dropped, the quote would close a shorter field),
 * so up to `limit + 4` characters come out; and a field cut inside its
 * quotes loses the text after them, coming out as what was inside. A chunk
 * in which no field goes over the cap goes on as it is, not copied.
 */
export class CellCap extends Transform {
  /** Characters a field keeps: one past the limit, so that it is still too long. */
  private readonly cap: number;
  private readonly delimiter: number;
  private state = FIELD_START;
  /** Characters read of the field so far, while not dropping. */
  private chars = 0;
  /** Whether the byte before was a CR, while dropping inside quotes. */
  private afterCr = false;
  /** The last byte of the previous chunk. */
  private lastByte = -1;
  /** Whether the previous chunk's last byte, a quote, was held back (see `cut`). */
  private quoteHeld = false;
  /** The stream's first bytes while they may still be a BOM; undefined once past. */
  private head: Buffer | undefined = Buffer.alloc(0);

  constructor(limit: number, delimiter: string) {
    super();
    this.cap = limit + 1;
    this.delimiter = delimiter.charCodeAt(0);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (this.head === undefined) this.cut(chunk, 0);
    else this.readHead(this.head, chunk);
    done();
  }

  override _flush(done: TransformCallback): void {
    if (this.head !== undefined) this.cut(this.head, 0);
    // The end of the file closes a quoted field: write its closing quote if held back or owed.
    if (this.quoteHeld || this.state === DROP_QUOTE_SEEN || this.state === DROP_OWING_QUOTE) this.push(CLOSING_QUOTE);
    done();
  }

  /** Skips a BOM at the start of the stream, waiting for three bytes to tell as csv-parse does. */
  private readHead(head: Buffer, chunk: Buffer): void {
    const bytes = head.length === 0 ? chunk : Buffer.concat([head, chunk]);
    if (bytes.length < UTF8_BOM.length && UTF8_BOM.subarray(0, bytes.length).equals(bytes)) {
      this.head = bytes;
      return;
    }
    this.head = undefined;
    this.cut(bytes, bytes.subarray(0, UTF8_BOM.length).equals(UTF8_BOM) ? UTF8_BOM.length : 0);
  }

  /** Writes the chunk less the bytes of fields over the cap; fields are read from `start`. */
  private cut(bytes: Buffer, start: number): void {
    if (bytes.length === 0) return;
    if (this.quoteHeld && bytes[0] !== QUOTE) this.push(CLOSING_QUOTE);
    let trimmed: Trimmed | undefined;
    let i = start;
    while (i < bytes.length) {
      if (this.state < DROPPING) {
        i = this.scan(bytes, i);
        if (i === bytes.length) break;
      }
      trimmed ??= new Trimmed(bytes);
      if (this.state < DROPPING) this.startDropping(bytes, i, trimmed);
      i = this.dropField(bytes, i, trimmed);
      trimmed.skip(i);
    }
    // A quote at the cap that ends the chunk waits: if the next byte doubles it, both are dropped.
    this.quoteHeld = this.state === QUOTE_SEEN && this.chars === this.cap;
    this.lastByte = bytes[bytes.length - 1]!;
    const end = this.quoteHeld ? bytes.length - 1 : bytes.length;
    const out = trimmed ? trimmed.end(end) : end === bytes.length ? bytes : bytes.subarray(0, end);
    if (out.length > 0) this.push(out);
  }

  /**
   * Follows the fields from `i`, counting characters, until one goes over the
   * cap: returns the index of the byte that takes it over (the state is the
   * one before that byte), or the chunk's length. The loop every byte goes
   * through: the inner loops run through a field's ordinary bytes, the outer
   * one takes each byte that may change the state.
   */
  private scan(bytes: Buffer, i: number): number {
    const { cap, delimiter } = this;
    const end = bytes.length;
    let { state, chars } = this;
    fields: while (i < end) {
      if (state === UNQUOTED) {
        for (; i < end; i++) {
          const b = bytes[i]!;
          if (b === delimiter || b === LF || b === CR) break;
          if ((b & 0xc0) !== 0x80 && ++chars > cap) break fields;
        }
        if (i === end) break;
        state = FIELD_START;
      } else if (state === QUOTED) {
        for (; i < end; i++) {
          const b = bytes[i]!;
          if (b === QUOTE) break;
          if ((b & 0xc0) !== 0x80 && ++chars > cap) break fields;
        }
        if (i === end) break;
        state = QUOTE_SEEN;
      } else {
        const b = bytes[i]!;
        if (state === FIELD_START) {
          chars = 0;
          if (b === QUOTE) {
            state = QUOTED;
          } else if (b !== delimiter && b !== LF && b !== CR) {
            // The field's first byte: the run that follows counts it.
            state = UNQUOTED;
            continue;
          }
        } else if (b === QUOTE) {
          if (++chars > cap) break;
          state = QUOTED;
        } else if (b === delimiter || b === LF || b === CR) {
          state = FIELD_START;
        } else {
          // Text after the closing quote: the value gains both quotes and this character, which stays even
          // past the cap (dropped, it would leave the quote closing a shorter field).
          state = UNQUOTED;
          chars += 3;
        }
      }
      i++;
    }
    this.state = state;
    this.chars = chars;
    return i;
  }

  /** Keeps the chunk up to the field's character at `i`, the first past the cap, and starts dropping. */
  private startDropping(bytes: Buffer, i: number, out: Trimmed): void {
    // A doubled quote is cut whole: its first quote alone would escape the closing quote.
    out.keep(this.state === QUOTE_SEEN ? Math.max(i - 1, 0) : i);
    this.afterCr = (i > 0 ? bytes[i - 1] : this.lastByte) === CR;
    this.state += DROPPING;
  }

  /**
   * Drops the bytes of a field over the cap from `i` until the field ends,
   * writing only its line breaks inside quotes and its closing quote; returns
   * the index of the delimiter or line break that ends it, or the chunk's length.
   */
  private dropField(bytes: Buffer, i: number, out: Trimmed): number {
    const { delimiter } = this;
    let { state, afterCr } = this;
    for (; i < bytes.length; i++) {
      const b = bytes[i]!;
      if (state === DROP_QUOTED) {
        if (b === QUOTE) state = DROP_QUOTE_SEEN;
        else if (b === CR) out.add(CR);
        // An LF that is not the end of a CRLF is written as CR: as LF, it would make one break of a CR written before.
        else if (b === LF) out.add(afterCr ? LF : CR);
        afterCr = b === CR;
      } else if (state === DROP_QUOTE_SEEN && b === QUOTE) {
        state = DROP_QUOTED;
      } else if (b === delimiter || b === LF || b === CR) {
        if (state !== DROP_UNQUOTED) out.add(QUOTE);
        // The delimiter or break is kept, as the start of what follows.
        this.state = FIELD_START;
        return i;
      } else if (state === DROP_QUOTE_SEEN) {
        state = DROP_OWING_QUOTE;
      }
    }
    this.state = state;
    this.afterCr = afterCr;
    return i;
  }
}

/** A chunk less the bytes dropped from it: made only when some are. */
class Trimmed {
  private readonly out: Buffer;
  private length = 0;
  /** Where the bytes not yet kept nor dropped start. */
  private from = 0;

  constructor(private readonly bytes: Buffer) {
    // A byte read writes two at most: a closing quote and the delimiter after it.
    this.out = Buffer.allocUnsafe(2 * bytes.length);
  }

  keep(to: number): void {
    this.length += this.bytes.copy(this.out, this.length, this.from, to);
    this.from = to;
  }

  skip(to: number): void {
    this.from = to;
  }

  add(byte: number): void {
    this.out[this.length++] = byte;
  }

  /** What the chunk became, its bytes up to `to` not yet dropped kept. */
  end(to: number): Buffer {
    this.keep(to);
    return this.out.subarray(0, this.length);
  }
}
