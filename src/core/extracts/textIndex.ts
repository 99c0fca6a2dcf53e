import { ownText } from './ownText.js';
import { textHash } from './rowHash.js';
import { RowIndex } from './rowIndex.js';

/**
 * Distinct texts (record ids, repeating values), numbered in the order they
 * were first added. A RowIndex over their hashes costs less than a Map of
 * strings: a fresh string hashes faster in a short loop than a Map inserts it,
 * and the garbage collector has only the texts to trace.
 */
export class TextIndex {
  private readonly index = new RowIndex();
  private readonly texts: string[] = [];

  /** How many distinct texts it holds. */
  get size(): number {
    return this.texts.length;
  }

  /** The number of the text equal to `text`; else -1, and `text` is added as the next. */
  findOrAdd(text: string): number {
    const texts = this.texts;
    const earlier = this.index.findOrAdd(textHash(text), texts.length, (kept) => texts[kept] === text);
    if (earlier === -1) texts.push(text);
    return earlier;
  }

  /** Makes room for this many texts in all. */
  reserve(texts: number): void {
    this.index.reserve(texts);
  }

  /** Empties the index. */
  clear(): void {
    this.index.clear();
    this.texts.length = 0;
  }

  /** The number of `text`, added as the next (its own copy: a slice would hold its whole chunk) when it is new. */
  numberOf(text: string): number {
    const earlier = this.findOrAdd(text);
    if (earlier !== -1) return earlier;
    this.texts[this.texts.length - 1] = ownText(text);
    return this.texts.length - 1;
  }

  /** The text numbered `n`. */
  textAt(n: number): string {
    return this.texts[n]!;
  }
}
