import { ownText } from './ownText.js';
import { textHash } from './rowHash.js';
import { RowIndex } from './rowIndex.js';
import type { TextPool } from './textPool.js';

/**
 * Distinct texts (record ids, repeating values), numbered in the order they
 * were first added. A RowIndex over their hashes costs less than a Map of
 * strings: a fresh string hashes faster in a short loop than a Map inserts it,
 * and the garbage collector has only the texts to trace.
 */
export class TextIndex {
  /** Made when first looked in: texts taken over whole (a log rebuilt from a worker's arrays) may never be. */
  private index: RowIndex | undefined;

  /** Over `texts` (distinct, numbered in their order), which it takes over and adds to. */
  constructor(private readonly texts: string[] = []) {}

  /** How many distinct texts it holds. */
  get size(): number {
    return this.texts.length;
  }

  /** Every text, in number order; read only. */
  get all(): readonly string[] {
    return this.texts;
  }

  /** The number of the text equal to `text`; else -1, and `text` is added as the next. */
  findOrAdd(text: string): number {
    const texts = this.texts;
    const earlier = this.indexed().findOrAdd(textHash(text), texts.length, (kept) => texts[kept] === text);
    if (earlier === -1) texts.push(text);
    return earlier;
  }

  /** The number of the text equal to `text`, else -1 (nothing is added). */
  find(text: string): number {
    const texts = this.texts;
    return this.indexed().find(textHash(text), (kept) => texts[kept] === text);
  }

  /** Makes room for this many texts in all. */
  reserve(texts: number): void {
    this.indexed().reserve(texts);
  }

  /** Empties the index. */
  clear(): void {
    this.index = undefined;
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

  /** Swaps each text for the pool's equal one: the same texts under the same numbers, so the index still holds. */
  share(pool: TextPool): void {
    pool.expect(this.texts.length);
    for (let n = 0; n < this.texts.length; n++) this.texts[n] = pool.same(this.texts[n]!);
  }

  private indexed(): RowIndex {
    if (this.index === undefined) {
      const index = new RowIndex();
      index.reserve(this.texts.length);
      for (let n = 0; n < this.texts.length; n++) index.findOrAdd(textHash(this.texts[n]!), n, () => false);
      this.index = index;
    }
    return this.index;
  }
}
