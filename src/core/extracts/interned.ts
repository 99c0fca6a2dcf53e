import { TextIndex } from './textIndex.js';
import type { TextPool } from './textPool.js';

/** Strings numbered in order of first sight; 0 is blank (undefined). */
export class Interned {
  /** Finds a string's number while strings are added; dropped by `settle`, rebuilt if more come. */
  private index: TextIndex | undefined;
  readonly strings: string[] = [''];
  /** The last string numbered and its number: a child's rows come together and share their team and worker. */
  private last: string | undefined;
  private lastNumber = 0;

  /** Rebuilt from its strings, number 0 kept as it was. */
  static from(strings: readonly string[]): Interned {
    const table = new Interned();
    // A loop, not a spread: a spread of 100,000 child IDs overflows the stack.
    for (let n = 1; n < strings.length; n++) table.strings.push(strings[n]!);
    table.strings[0] = strings[0] ?? '';
    return table;
  }

  number(text: string | undefined): number {
    if (text === undefined || text === '') return 0;
    if (text === this.last) return this.lastNumber;
    const index = this.index ?? this.indexed();
    const n = index.numberOf(text) + 1;
    if (n === this.strings.length) this.strings.push(index.textAt(n - 1));
    this.last = text;
    this.lastNumber = n;
    return n;
  }

  /** The string numbered `n`; undefined for 0. */
  text(n: number): string | undefined {
    return n === 0 ? undefined : this.strings[n];
  }

  /** Drops the index once no more strings will come (a complete extract): it holds as much again as the strings. */
  settle(): void {
    this.index = undefined;
    this.last = undefined;
  }

  /** Swaps each string for the pool's equal one: the same texts and numbers, one string each across tables. */
  share(pool: TextPool): void {
    pool.expect(this.strings.length - 1);
    for (let n = 1; n < this.strings.length; n++) this.strings[n] = pool.same(this.strings[n]!);
    this.index = undefined;
    this.last = undefined;
  }

  private indexed(): TextIndex {
    const index = new TextIndex();
    for (let n = 1; n < this.strings.length; n++) index.numberOf(this.strings[n]!);
    this.index = index;
    return index;
  }
}
