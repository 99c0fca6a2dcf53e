import { growable, settled, sized, withRoom, type Resize } from './growable.js';

/** A list of texts as UTF-8 bytes end to end: text i ends at byte `ends[i]` and starts where the one before ends. */
export interface Utf8TextsData {
  readonly bytes: Uint8Array;
  readonly ends: Uint32Array;
}

const UTF8_ENCODER = new TextEncoder();
const UTF8_DECODER = new TextDecoder();

/**
 * The UTF-8 bytes from `start` to `end` as text. Ids are short and nearly
 * always ASCII: made from their codes, they cost a fraction of a decoder
 * call, which matters when every record of a trend's periods is read.
 */
function decode(bytes: Uint8Array, start: number, end: number): string {
  let ascii = true;
  for (let i = start; i < end && ascii; i++) ascii = bytes[i]! < 0x80;
  return ascii ? String.fromCharCode.apply(null, bytes.subarray(start, end) as unknown as number[]) : UTF8_DECODER.decode(bytes.subarray(start, end));
}

/**
 * Writes the text's UTF-8 bytes from `at`, returning where they end. Ids
 * are short and nearly always ASCII: copied code by code, they cost a
 * fraction of an encoder call.
 */
function encode(text: string, bytes: Uint8Array, at: number): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) return at + UTF8_ENCODER.encodeInto(text, bytes.subarray(at)).written;
    bytes[at + i] = c;
  }
  return at + text.length;
}

/**
 * Texts that are each their own (record ids, free text), kept as one
 * buffer of bytes instead of a string each: a million ids cost about
 * 13 MB here against 40 as strings, and nothing for the collector to trace.
 * Blank and absent are one: both read back as undefined.
 */
export class Utf8Texts {
  private bytes: Uint8Array = growable(Uint8Array);
  private ends: Uint32Array = growable(Uint32Array);
  private used = 0;
  private count = 0;
  private unsettled = true;

  static from(data: Utf8TextsData): Utf8Texts {
    const texts = new Utf8Texts();
    texts.bytes = data.bytes;
    texts.ends = data.ends;
    texts.used = data.bytes.length;
    texts.count = data.ends.length;
    texts.unsettled = false;
    return texts;
  }

  get length(): number {
    return this.count;
  }

  push(text: string | undefined): void {
    if (this.count === this.ends.length) this.resize(Math.max(1024, this.count * 2), withRoom);
    if (text !== undefined && text !== '') {
      // A UTF-8 character takes at most 3 bytes per UTF-16 unit.
      if (this.used + text.length * 3 > this.bytes.length) {
        this.unsettled = true;
        this.bytes = withRoom(this.bytes, Math.max(1 << 16, this.bytes.length * 2, this.used + text.length * 3));
      }
      this.used = encode(text, this.bytes, this.used);
    }
    this.ends[this.count++] = this.used;
  }

  get(i: number): string | undefined {
    const start = i === 0 ? 0 : this.ends[i - 1]!;
    const end = this.ends[i]!;
    return start === end ? undefined : decode(this.bytes, start, end);
  }

  /** Makes room for this many texts in all (a guess: more may come). */
  reserve(texts: number): void {
    if (texts > this.ends.length) this.resize(texts, sized);
  }

  /** Makes room for this many texts (`sized`: a number known ahead; `withRoom`: grown). */
  resize(texts: number, how: Resize): void {
    this.unsettled = true;
    this.ends = how(this.ends, texts);
  }

  /** Settles the arrays to their length, giving back the room grown for texts that never came. */
  trim(): void {
    if (!this.unsettled) return;
    this.unsettled = false;
    this.ends = settled(this.ends, this.count);
    this.bytes = settled(this.bytes, this.used);
  }

  /** The trimmed arrays, to cross a thread boundary. */
  data(): Utf8TextsData {
    this.trim();
    return { bytes: this.bytes, ends: this.ends };
  }

  buffers(): ArrayBuffer[] {
    this.trim();
    return [this.bytes.buffer as ArrayBuffer, this.ends.buffer as ArrayBuffer];
  }
}
