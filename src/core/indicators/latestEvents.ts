import type { DayNumber } from '../dates/localDate.js';

/**
 * Event days grouped by a key (child, plan type…), sorted, so "the latest
 * event on or before day d" is a binary search. Built once per extract and
 * reused for every period of a trend.
 */
export class LatestEvents {
  private readonly days = new Map<string, DayNumber[]>();

  constructor(events: Iterable<readonly [key: string, day: DayNumber]>) {
    for (const [key, day] of events) {
      const list = this.days.get(key);
      if (list) list.push(day);
      else this.days.set(key, [day]);
    }
    for (const list of this.days.values()) list.sort((a, b) => a - b);
  }

  /** The latest event for the key on or before the day, if any. */
  latestOnOrBefore(key: string, day: DayNumber): DayNumber | undefined {
    const list = this.days.get(key);
    if (!list || list.length === 0 || list[0]! > day) return undefined;
    let lo = 0;
    let hi = list.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (list[mid]! <= day) lo = mid;
      else hi = mid - 1;
    }
    return list[lo];
  }
}

/** Memoises an index on the records array it was built from. */
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
