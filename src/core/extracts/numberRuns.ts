import { growable, settled, withRoom } from './growable.js';

/** A number per row, to cross a thread boundary: runs, or a number per row. */
export type NumberRunsData =
  | { readonly starts: Int32Array; readonly firsts: Int32Array; readonly length: number }
  | { readonly numbers: Int32Array; readonly length: number };

/**
 * The run holding item `index` of runs starting at `starts` (ascending, the
 * first `runs` of them): the last that starts at or before it. `guess`, the
 * run last found, is tried first, as items are mostly looked up in order.
 */
export function runHolding(starts: Int32Array, runs: number, index: number, guess: number): number {
  if (guess < runs && starts[guess]! <= index && (guess + 1 === runs || starts[guess + 1]! > index)) return guess;
  let low = 0;
  let high = runs - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= index) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** Runs are kept while they take no more than a number per row would, or than this many rows' numbers (4 KB). */
const MIN_ROWS = 1024;

/**
 * A number per row (0 to 2³¹ − 1) that mostly goes up by one a row: the line
 * each row of a table was read from, or the number of its id (V000123) when
 * ids are exported in order. Rows read one after another on consecutive
 * lines (nearly all of them) make one run: a run's row index and first
 * number, 8 bytes for a million rows where a number per row takes 4 MB. A
 * rejected row, a blank line or a quoted line break starts a new run. When
 * runs would take more than a number per row (a line break in every row,
 * ids in another order), the numbers are kept one per row.
 */
export class NumberRuns {
  /** The index of each run's first row, ascending. */
  private starts: Int32Array = growable(Int32Array);
  /** The number of each run's first row: row `i` of run `r` has `firsts[r] + i - starts[r]`. */
  private firsts: Int32Array = growable(Int32Array);
  /** A number per row, once runs would take more. */
  private perRowNumbers: Int32Array | undefined;
  private runs = 0;
  private count = 0;
  /** The run last looked in: rows are mostly read in order. */
  private lastRun = 0;

  /** Rebuilds the numbers from their arrays (as sent from a worker thread). */
  static from(data: NumberRunsData): NumberRuns {
    const runs = new NumberRuns();
    runs.count = data.length;
    if ('numbers' in data) {
      runs.perRowNumbers = data.numbers;
    } else {
      runs.starts = data.starts;
      runs.firsts = data.firsts;
      runs.runs = data.starts.length;
    }
    return runs;
  }

  get length(): number {
    return this.count;
  }

  /** Appends the next row's number. */
  push(number: number): void {
    const i = this.count++;
    if (this.perRowNumbers === undefined) {
      const r = this.runs - 1;
      if (r >= 0 && number === this.firsts[r]! + i - this.starts[r]!) return;
      if (this.roomForRun(i)) {
        this.starts[this.runs] = i;
        this.firsts[this.runs++] = number;
        return;
      }
      this.perRow(i);
    }
    if (i === this.perRowNumbers!.length) this.perRowNumbers = withRoom(this.perRowNumbers!, Math.max(MIN_ROWS, i * 2));
    this.perRowNumbers![i] = number;
  }

  /** Whether a new run, starting at row `rows`, can be added: false when runs would take more than a number per row. */
  private roomForRun(rows: number): boolean {
    if (this.runs < this.starts.length) return true;
    if (this.runs * 2 > Math.max(MIN_ROWS, rows)) return false;
    const room = Math.max(16, this.runs * 2);
    this.starts = withRoom(this.starts, room);
    this.firsts = withRoom(this.firsts, room);
    return true;
  }

  /** Row `index`'s number. */
  at(index: number): number {
    if (this.perRowNumbers !== undefined) return this.perRowNumbers[index]!;
    const r = this.runOf(index);
    return this.firsts[r]! + index - this.starts[r]!;
  }

  /** The run holding row `index`. */
  private runOf(index: number): number {
    return (this.lastRun = runHolding(this.starts, this.runs, index, this.lastRun));
  }

  /** Switches to a number per row, writing out the numbers of the first `rows` rows. */
  private perRow(rows: number): void {
    const numbers = withRoom(growable(Int32Array), Math.max(MIN_ROWS, rows * 2));
    for (let i = 0; i < rows; i++) numbers[i] = this.at(i);
    this.perRowNumbers = numbers;
    this.starts = growable(Int32Array);
    this.firsts = growable(Int32Array);
    this.runs = 0;
  }

  /** The arrays, trimmed to length: plain arrays, which cross a thread boundary. */
  data(): NumberRunsData {
    this.trim();
    if (this.perRowNumbers !== undefined) return { numbers: this.perRowNumbers, length: this.count };
    return { starts: this.starts, firsts: this.firsts, length: this.count };
  }

  /** The buffers of `data()`'s arrays, to transfer. */
  buffers(): ArrayBuffer[] {
    const data = this.data();
    const arrays = 'numbers' in data ? [data.numbers] : [data.starts, data.firsts];
    return arrays.map((array) => array.buffer as ArrayBuffer);
  }

  /** Gives back the room grown for rows or runs that never came. */
  trim(): void {
    if (this.perRowNumbers !== undefined) {
      this.perRowNumbers = settled(this.perRowNumbers, this.count);
      return;
    }
    this.starts = settled(this.starts, this.runs);
    this.firsts = settled(this.firsts, this.runs);
  }
}
