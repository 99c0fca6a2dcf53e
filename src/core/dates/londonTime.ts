import { lastWeekdayOfMonth, yearOf, type DayNumber } from './localDate.js';

/** A UK local clock reading; `minute` is the minute of the day, null for a date without a time. */
export interface LocalDateTime {
  readonly day: DayNumber;
  readonly minute: number | null;
}

const MINUTES_PER_DAY = 1440;
const CHANGE_MINUTE = 120;

/**
 * Minutes since 1970-01-01T00:00Z of a Europe/London clock time.
 * British Summer Time runs from 01:00 UTC on the last Sunday of March to
 * 01:00 UTC on the last Sunday of October (the EU rule, in force since 1996).
 * A clock time that does not exist (01:30 on the spring-forward day) is read
 * as GMT; one that happens twice (01:30 on the autumn day) as the first, BST.
 */
export function londonInstant(day: DayNumber, minute: number): number {
  const year = yearOf(day);
  const local = day * MINUTES_PER_DAY + minute;
  const bstStart = lastWeekdayOfMonth(year, 3, 7) * MINUTES_PER_DAY + CHANGE_MINUTE;
  const bstEnd = lastWeekdayOfMonth(year, 10, 7) * MINUTES_PER_DAY + CHANGE_MINUTE;
  const offset = local >= bstStart && local < bstEnd ? 60 : 0;
  return local - offset;
}

/** Elapsed minutes between two clock times that both carry a time. */
export function elapsedMinutes(from: LocalDateTime & { minute: number }, to: LocalDateTime & { minute: number }): number {
  return londonInstant(to.day, to.minute) - londonInstant(from.day, from.minute);
}

/** Orders two readings; when either is date-only the comparison is by date. */
export function compareLocal(a: LocalDateTime, b: LocalDateTime): number {
  if (a.day !== b.day || a.minute === null || b.minute === null) return a.day - b.day;
  return londonInstant(a.day, a.minute) - londonInstant(b.day, b.minute);
}
