import type { Resize } from './growable.js';
import { NumberedTexts, type NumberedTextsData } from './numberedTexts.js';
import { Utf8Texts, type Utf8TextsData } from './utf8Texts.js';

/** A column's texts as they cross a thread boundary: numbered, or as bytes. */
export type RecordTextsData = { readonly numbered: NumberedTextsData } | { readonly utf8: Utf8TextsData };

/**
 * Texts each record has its own of (ids, reasons): numbered while every one
 * ends in digits (ids: five bytes each), else as UTF-8 bytes. The first
 * text that cannot be numbered moves the column's texts so far to bytes.
 * Blank and absent are one: both read back as undefined.
 */
export class RecordTexts {
  private store: NumberedTexts | Utf8Texts = new NumberedTexts();
  /** The room made so far, given to the bytes when the texts move. */
  private room = 0;

  static from(data: RecordTextsData): RecordTexts {
    const texts = new RecordTexts();
    texts.store = 'numbered' in data ? NumberedTexts.from(data.numbered) : Utf8Texts.from(data.utf8);
    return texts;
  }

  get length(): number {
    return this.store.length;
  }

  push(text: string | undefined): void {
    if (this.store instanceof NumberedTexts) {
      if (this.store.push(text)) return;
      this.toBytes();
    }
    this.store.push(text);
  }

  private toBytes(): void {
    const numbered = this.store;
    const bytes = new Utf8Texts();
    bytes.reserve(Math.max(this.room, numbered.length + 1));
    for (let i = 0; i < numbered.length; i++) bytes.push(numbered.get(i));
    this.store = bytes;
  }

  get(i: number): string | undefined {
    return this.store.get(i);
  }

  /** Makes room for this many texts in all (a guess: more may come). */
  reserve(texts: number): void {
    this.room = Math.max(this.room, texts);
    this.store.reserve(texts);
  }

  /** Makes room for this many texts (`sized`: a number known ahead; `withRoom`: grown). */
  resize(texts: number, how: Resize): void {
    this.room = texts;
    this.store.resize(texts, how);
  }

  /** Settles the arrays to their length, giving back the room grown for texts that never came. */
  trim(): void {
    this.store.trim();
  }

  /** The trimmed arrays, to cross a thread boundary. */
  data(): RecordTextsData {
    return this.store instanceof NumberedTexts ? { numbered: this.store.data() } : { utf8: this.store.data() };
  }

  buffers(): ArrayBuffer[] {
    return this.store.buffers();
  }
}
