import type { DayNumber } from '../dates/localDate.js';
import type { EventLog } from '../extracts/eventLog.js';

// Codes are below 256 (plan types, supervision kinds), so child and code share one key.
const CODES = 256;

/**
 * An event log's days grouped by (child, code) and sorted, so "the latest
 * event on or before day d" is a binary search. One Int32Array holds every
 * group end to end; built once per extract and reused for every period of a trend.
 */
export class LatestEvents {
  private readonly slots = new Map<number, number>();
  private readonly starts: Int32Array;
  private readonly days: Int32Array;

  constructor(private readonly log: EventLog) {
    const { child, day, code, length } = log.data();
    const sizes: number[] = [];
    const slotOf = new Int32Array(length);
    for (let i = 0; i < length; i++) {
      const key = child[i]! * CODES + code[i]!;
      let slot = this.slots.get(key);
      if (slot === undefined) {
        slot = sizes.length;
        this.slots.set(key, slot);
        sizes.push(0);
      }
      sizes[slot]!++;
      slotOf[i] = slot;
    }
    this.starts = new Int32Array(sizes.length + 1);
    for (let s = 0; s < sizes.length; s++) this.starts[s + 1] = this.starts[s]! + sizes[s]!;
    this.days = new Int32Array(length);
    const fill = this.starts.slice(0, sizes.length);
    for (let i = 0; i < length; i++) this.days[fill[slotOf[i]!]!++] = day[i]!;
    for (let s = 0; s < sizes.length; s++) this.days.subarray(this.starts[s]!, this.starts[s + 1]!).sort();
  }

  /** The child's latest event with this code on or before the day, if any. */
  latestOnOrBefore(childId: string, code: number, day: DayNumber): DayNumber | undefined {
    const child = this.log.childNumber(childId);
    const slot = child === undefined ? undefined : this.slots.get(child * CODES + code);
    if (slot === undefined) return undefined;
    let lo = this.starts[slot]!;
    let hi = this.starts[slot + 1]! - 1;
    if (this.days[lo]! > day) return undefined;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.days[mid]! <= day) lo = mid;
      else hi = mid - 1;
    }
    return this.days[lo] as DayNumber;
  }
}

/** Memoises an index on the object it was built from. */
export function memoised<T extends object, R>(build: (source: T) => R): (source: T) => R {
  const cache = new WeakMap<T, R>();
  return (source) => {
    let value = cache.get(source);
    if (value === undefined) {
      value = build(source);
      cache.set(source, value);
    }
    return value;
  };
}

/** The one index of an event log, shared by every indicator that reads it. */
export const latestEventsOf = memoised((log: EventLog) => new LatestEvents(log));
