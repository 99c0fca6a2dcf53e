import { growable, settled, withRoom } from './growable.js';

/** The lines of a table's rows, to cross a thread boundary: runs, or a line per row. */
export type LineRunsData =
  | { readonly starts: Int32Array; readonly firsts: Int32Array; readonly length: number }
  | { readonly lines: Int32Array; readonly length: number };

/** Runs are kept while they take no more than a line per row would, or than this many rows' lines (4 KB). */
const MIN_ROWS = 1024;

/**
 * The line each row of a table was read from. Rows read one after another
 * on consecutive lines (nearly all of them) make one run: a run's row index
 * and line, 8 bytes for a million rows where a line per row takes 4 MB. A
 * rejected row, a blank line or a quoted line break starts a new run. When
 * runs would take more than a line per row (a line break in every row), the
 * lines are kept one per row.
 */
export class LineRuns {
  /** The index of each run's first row, ascending. */
  private starts: Int32Array = growable(Int32Array);
  /** The line of each run's first row: row `i` of run `r` was read on `firsts[r] + i - starts[r]`. */
  private firsts: Int32Array = growable(Int32Array);
  /** A line per row, once runs would take more. */
  private lines: Int32Array | undefined;
  private runs = 0;
  private count = 0;
  /** The run last looked in: rows are mostly read in order. */
  private lastRun = 0;

  /** Rebuilds the lines from their arrays (as sent from a worker thread). */
  static from(data: LineRunsData): LineRuns {
    const runs = new LineRuns();
    runs.count = data.length;
    if ('lines' in data) {
      runs.lines = data.lines;
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

  /** Appends the next row's line. */
  push(line: number): void {
    const i = this.count++;
    if (this.lines === undefined) {
      const r = this.runs - 1;
      if (r >= 0 && line === this.firsts[r]! + i - this.starts[r]!) return;
      if (this.roomForRun(i)) {
        this.starts[this.runs] = i;
        this.firsts[this.runs++] = line;
        return;
      }
      this.perRow(i);
    }
    if (i === this.lines!.length) this.lines = withRoom(this.lines!, Math.max(MIN_ROWS, i * 2));
    this.lines![i] = line;
  }

  /** Whether a new run, starting at row `rows`, can be added: false when runs would take more than a line per row. */
  private roomForRun(rows: number): boolean {
    if (this.runs < this.starts.length) return true;
    if (this.runs * 2 > Math.max(MIN_ROWS, rows)) return false;
    const room = Math.max(16, this.runs * 2);
    this.starts = withRoom(this.starts, room);
    this.firsts = withRoom(this.firsts, room);
    return true;
  }

  /** The line row `index` was read from. */
  at(index: number): number {
    if (this.lines !== undefined) return this.lines[index]!;
    const r = this.runOf(index);
    return this.firsts[r]! + index - this.starts[r]!;
  }

  /** The run holding row `index`: the last that starts at or before it. */
  private runOf(index: number): number {
    const { starts, runs } = this;
    let r = this.lastRun;
    if (r < runs && starts[r]! <= index && (r + 1 === runs || starts[r + 1]! > index)) return r;
    let low = 0;
    let high = runs - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= index) low = middle;
      else high = middle - 1;
    }
    this.lastRun = r = low;
    return r;
  }

  /** Switches to a line per row, writing out the lines of the first `rows` rows. */
  private perRow(rows: number): void {
    const lines = withRoom(growable(Int32Array), Math.max(MIN_ROWS, rows * 2));
    for (let i = 0; i < rows; i++) lines[i] = this.at(i);
    this.lines = lines;
    this.starts = growable(Int32Array);
    this.firsts = growable(Int32Array);
    this.runs = 0;
  }

  /** The arrays, trimmed to length: plain arrays, which cross a thread boundary. */
  data(): LineRunsData {
    this.trim();
    if (this.lines !== undefined) return { lines: this.lines, length: this.count };
    return { starts: this.starts, firsts: this.firsts, length: this.count };
  }

  /** The buffers of `data()`'s arrays, to transfer. */
  buffers(): ArrayBuffer[] {
    const data = this.data();
    const arrays = 'lines' in data ? [data.lines] : [data.starts, data.firsts];
    return arrays.map((array) => array.buffer as ArrayBuffer);
  }

  /** Gives back the room grown for rows or runs that never came. */
  trim(): void {
    if (this.lines !== undefined) {
      this.lines = settled(this.lines, this.count);
      return;
    }
    this.starts = settled(this.starts, this.runs);
    this.firsts = settled(this.firsts, this.runs);
  }
}
