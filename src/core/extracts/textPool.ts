import { TextIndex } from './textIndex.js';

/**
 * One string for each text, however many tables hold it. Every extract
 * numbers its child IDs, teams and workers in tables of its own, and a
 * worker thread's tables arrive as copies: a child with records in ten
 * extracts would be ten strings, most of the heap a loaded dataset holds.
 */
export class TextPool {
  private readonly texts = new TextIndex();

  /** Makes room for this many more texts (a table about to be shared): its index is then sized once, packed the first time. */
  expect(texts: number): void {
    this.texts.reserve(this.texts.size + texts);
  }

  /** The pool's string equal to `text`: the first one it was given. */
  same(text: string): string {
    const earlier = this.texts.findOrAdd(text);
    return earlier === -1 ? text : this.texts.textAt(earlier);
  }
}
