import { TextIndex } from './textIndex.js';
import type { TextPool } from './textPool.js';

/** From this many strings, a column's are ids (child IDs), not labels: its index then makes room for every row expected. */
const MANY_STRINGS = 2 ** 16;

/** Strings numbered in order of first sight; 0 is blank (undefined). */
export class Interned {
  /** Finds a string's number while strings are added, over `strings` itself; dropped by `settle`, rebuilt if more come. */
  private index: TextIndex | undefined;
  readonly strings: string[] = [''];
  /** How many rows the column has room for: at most that many strings. */
  private expected = 0;
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
    const n = index.numberOf(text);
    // A packed index sized once, where a wide one doubling takes 2.4 times as much: at 10x the
    // bench, 14 MB for the contacts' 2 million child IDs where 34 (and 50 while it doubled).
    if (n === MANY_STRINGS && this.strings.length === MANY_STRINGS + 1) index.reserve(Math.max(this.expected, 2 * MANY_STRINGS));
    this.last = text;
    this.lastNumber = n;
    return n;
  }

  /** The column has room for this many rows. */
  expect(rows: number): void {
    this.expected = rows;
  }

  /** The string numbered `n`; undefined for 0. */
  text(n: number): string | undefined {
    return n === 0 ? undefined : this.strings[n];
  }

  /** Drops the index once no more strings will come (a complete extract): its table holds 4 to 11 bytes a string. */
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

  /** An index numbering `strings` as they stand (number 0 among them, never looked for), adding to them. */
  private indexed(): TextIndex {
    this.index = new TextIndex(this.strings);
    return this.index;
  }
}
