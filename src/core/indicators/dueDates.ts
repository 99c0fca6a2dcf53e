import type { WorkingCalendar } from '../calendar/workingCalendar.js';
import { addDays, formatUk, type DayNumber } from '../dates/localDate.js';
import type { Interval } from '../settings.js';
import { count } from './words.js';

/** "N working days after b" is the N-th working day after b; calendar days are plain addition. */
export function dueAfter(base: DayNumber, interval: Interval, calendar: WorkingCalendar): DayNumber {
  return 'workingDays' in interval ? calendar.addWorkingDays(base, interval.workingDays) : addDays(base, interval.calendarDays);
}

/** The interval as people say it: "10 working days", "42 days". */
export function describeInterval(interval: Interval): string {
  return 'workingDays' in interval ? `${interval.workingDays} working days` : `${interval.calendarDays} days`;
}

/** Whether a due date is kept on the as-at day, and what a person reads about it. */
export interface DueStatus {
  readonly met: boolean;
  readonly detail: string;
}

/** Whether a due date is kept on the as-at day (see `dueStatus`). */
export function keptOn(due: DayNumber, asAt: DayNumber): boolean {
  return due >= asAt;
}

/**
 * Overdue on day d means due < d: a visit due on a Friday is overdue on the
 * Saturday although no working day has passed.
 */
export function dueStatus(due: DayNumber, asAt: DayNumber, since: string): DueStatus {
  if (keptOn(due, asAt)) return { met: true, detail: `${since}; next due ${formatUk(due)}` };
  return { met: false, detail: `${since}; due ${formatUk(due)}, ${count(asAt - due, 'day')} overdue` };
}
