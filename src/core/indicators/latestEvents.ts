import type { DayNumber } from '../dates/localDate.js';
import type { EventLog } from '../extracts/eventLog.js';
import { memoised } from '../memoised.js';

// A code and a day in one sortable int32: code × 2²³ + (day + 2²²). Codes are
// below 256 and the days of dates with four-digit years (0000 to 9999, all a
// date is read from) lie within ±2²², so the largest key is 2³¹ − 1.
const DAYS_PER_CODE = 2 ** 23;
const DAY_OFFSET = 2 ** 22;

function keyOf(code: number, day: number): number {
  return code * DAYS_PER_CODE + day + DAY_OFFSET;
}

// Most children have a few dozen events: sorting those in place spares a subarray each.
const SHORT_RUN = 32;

function sortRun(keys: Int32Array, from: number, to: number): void {
  if (to - from > SHORT_RUN) {
    keys.subarray(from, to).sort();
    return;
  }
  for (let i = from + 1; i < to; i++) {
    const key = keys[i]!;
    let j = i - 1;
    for (; j >= from && keys[j]! > key; j--) keys[j + 1] = keys[j]!;
    keys[j + 1] = key;
  }
}

/**
 * An event log's (code, day) keys grouped by child and sorted, so "the
 * latest event with a code on or before day d" is one binary search in the
 * child's run. Child numbers are dense, so the runs are laid out by a
 * counting sort, with no map of groups; built once per extract and reused
 * for every period of a trend.
 */
export class LatestEvents {
  /** Where each child's run starts in `keys` (child c's run ends where c + 1's starts). */
  private readonly starts: Int32Array;
  private readonly keys: Int32Array;
  private readonly byTexts = new WeakMap<readonly string[], Int32Array>();

  constructor(private readonly log: EventLog) {
    const { childIds, day, dayBase, code, length } = log.data();
    const children = childIds.length;
    const starts = new Int32Array(children + 1);
    log.eachChildRun((child, from, to) => (starts[child + 1]! += to - from));
    for (let c = 0; c < children; c++) starts[c + 1]! += starts[c]!;
    const keys = new Int32Array(length);
    const fill = starts.slice(0, children);
    log.eachChildRun((child, from, to) => {
      for (let i = from; i < to; i++) keys[fill[child]!++] = keyOf(code[i]!, dayBase + day[i]!);
    });
    for (let c = 0; c < children; c++) sortRun(keys, starts[c]!, starts[c + 1]!);
    this.starts = starts;
    this.keys = keys;
  }

  /** The number a child ID has in the log (`EventLog.childNumberAt`), if it has any event. */
  childNumber(childId: string): number | undefined {
    return this.log.childNumber(childId);
  }

  /**
   * The log's number of each child ID of another column's texts (a plans
   * extract's `LabelNumbering`), -1 for a child with no event: made once
   * per column, so a trend's periods look up no string.
   */
  childNumbersOf(childIds: readonly string[]): Int32Array {
    let numbers = this.byTexts.get(childIds);
    if (numbers === undefined) {
      numbers = Int32Array.from(childIds, (childId) => this.log.childNumber(childId) ?? -1);
      this.byTexts.set(childIds, numbers);
    }
    return numbers;
  }

  /** The child's latest event with this code on or before the day, if any, by the child's number in the log (`childNumber`). */
  latestOfChild(child: number, code: number, day: DayNumber): DayNumber | undefined {
    const first = this.starts[child]!;
    const wanted = keyOf(code, day);
    // lo ends one past the last key at or below (code, day).
    let lo = first;
    let hi = this.starts[child + 1]!;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.keys[mid]! <= wanted) lo = mid + 1;
      else hi = mid;
    }
    if (lo === first) return undefined;
    const found = this.keys[lo - 1]! - code * DAYS_PER_CODE;
    // Below the code's first key: the child has no event with this code on or before the day.
    return found < 0 ? undefined : ((found - DAY_OFFSET) as DayNumber);
  }
}

/** The one index of an event log, shared by every indicator that reads it. */
export const latestEventsOf = memoised((log: EventLog) => new LatestEvents(log));
