import type { WorkingCalendar } from '../calendar/workingCalendar.js';
import { addDays, type DayNumber } from '../dates/localDate.js';
import { elapsedMinutes, type LocalDateTime } from '../dates/londonTime.js';
import { addMonths } from '../dates/months.js';
import { count } from './words.js';

/** A timescale in one unit: working days, calendar days, hours or months (catalogue.md `within`). */
export type Span =
  | { readonly workingDays: number }
  | { readonly calendarDays: number }
  | { readonly hours: number }
  | { readonly months: number };

/** A date column's value: a day, or a clock reading (missing episodes). */
export type DateValue = DayNumber | LocalDateTime;

export function dayOf(value: DateValue): DayNumber {
  return typeof value === 'number' ? value : value.day;
}

/** The timescale as people say it: "15 working days", "28 days", "72 hours", "18 months". */
export function describeSpan(span: Span): string {
  if ('workingDays' in span) return count(span.workingDays, 'working day');
  if ('calendarDays' in span) return count(span.calendarDays, 'day');
  if ('hours' in span) return count(span.hours, 'hour');
  return count(span.months, 'month');
}

/**
 * The last day within the span after `day`: the N-th working day after it
 * (a Saturday after a Friday due date is late), N calendar days or N months
 * after it (clamped to a shorter month's end), or the day N hours reach when
 * only dates are known.
 */
export function lastDayWithin(day: DayNumber, span: Span, calendar: WorkingCalendar): DayNumber {
  if ('workingDays' in span) return calendar.addWorkingDays(day, span.workingDays);
  if ('calendarDays' in span) return addDays(day, span.calendarDays);
  if ('hours' in span) return addDays(day, Math.floor(span.hours / 24));
  return addMonths(day, span.months);
}

/**
 * Whether an earlier day lies within the span before `day` ("within 12
 * months before d": on or after d − 12 months, clamped; in working days: no
 * more than N working days from it to d).
 */
export function isWithinBefore(earlier: DayNumber, day: DayNumber, span: Span, calendar: WorkingCalendar): boolean {
  if ('workingDays' in span) return calendar.workingDaysBetween(earlier, day) <= span.workingDays;
  if ('calendarDays' in span) return earlier >= addDays(day, -span.calendarDays);
  if ('hours' in span) return earlier >= addDays(day, -Math.floor(span.hours / 24));
  return earlier >= addMonths(day, -span.months);
}

/** Whether `end` is within the span of `start`: by the clock when both carry a time and the span is in hours, else by day. */
export function isWithin(start: DateValue, end: DateValue, span: Span, calendar: WorkingCalendar): boolean {
  if ('hours' in span && typeof start !== 'number' && typeof end !== 'number' && start.minute !== null && end.minute !== null) {
    return elapsedMinutes(start as LocalDateTime & { minute: number }, end as LocalDateTime & { minute: number }) <= span.hours * 60;
  }
  return dayOf(end) <= lastDayWithin(dayOf(start), span, calendar);
}
