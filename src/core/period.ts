import {
  addDays,
  civilDate,
  dayNumber,
  daysInMonth,
  formatIso,
  isoWeekday,
  type DayNumber,
} from './dates/localDate.js';
import { UsageError } from './errors.js';

/** How a period was given: a calendar month, an ISO week, or a from/to range. */
export type PeriodUnit = 'month' | 'week' | 'range';

/** A reporting period: whole days, inclusive, with the as-at date of its snapshot indicators. */
export interface Period {
  readonly from: DayNumber;
  readonly to: DayNumber;
  /** The day snapshot indicators are taken on; by default `to`. */
  readonly asAt: DayNumber;
  readonly unit: PeriodUnit;
  /** `2026-10`, `2026-W43` or `2026-10-01..2026-10-31`. */
  readonly label: string;
  /** Set when the as-at date is the extract date because the extracts were taken before the period ended. */
  readonly asAtIsExtractDate?: true;
}

function monthPeriod(year: number, month: number): Period {
  const from = dayNumber(year, month, 1);
  const to = dayNumber(year, month, daysInMonth(year, month));
  return { from, to, asAt: to, unit: 'month', label: `${year}-${String(month).padStart(2, '0')}` };
}

/** Monday of ISO week 1: the week holding 4 January. */
function isoWeekOneMonday(year: number): DayNumber {
  const jan4 = dayNumber(year, 1, 4);
  return addDays(jan4, 1 - isoWeekday(jan4));
}

function isoWeeksInYear(year: number): number {
  return (isoWeekOneMonday(year + 1) - isoWeekOneMonday(year)) / 7;
}

function weekPeriod(year: number, week: number): Period {
  const from = addDays(isoWeekOneMonday(year), (week - 1) * 7);
  const to = addDays(from, 6);
  return { from, to, asAt: to, unit: 'week', label: `${year}-W${String(week).padStart(2, '0')}` };
}

/** The calendar month a day falls in. */
export function monthOf(day: DayNumber): Period {
  const { year, month } = civilDate(day);
  return monthPeriod(year, month);
}

/** The ISO week a day falls in, as [ISO year, week]. */
function isoWeekOf(day: DayNumber): [number, number] {
  let year = civilDate(day).year + 1;
  while (isoWeekOneMonday(year) > day) year--;
  return [year, Math.floor((day - isoWeekOneMonday(year)) / 7) + 1];
}

/** The periods named relative to the day the extracts were taken. */
export const RELATIVE_PERIODS = ['last-month', 'last-week', 'this-month-to-date'] as const;

/**
 * A period named relative to the extract date: the last complete month or
 * ISO week before the week or month the extract was taken in, or the
 * extract's month up to and including the extract date. Undefined for any
 * other name.
 */
export function relativePeriod(name: string, extractedOn: DayNumber): Period | undefined {
  switch (name) {
    case 'last-month':
      return previousPeriod(monthOf(extractedOn));
    case 'last-week': {
      const [year, week] = isoWeekOf(extractedOn);
      return previousPeriod(weekPeriod(year, week));
    }
    case 'this-month-to-date':
      return { ...rangePeriod(monthOf(extractedOn).from, extractedOn), label: `${monthOf(extractedOn).label} to date` };
    default:
      return undefined;
  }
}

/** Parses a period's name: `2026-10` (a month) or `2026-W43` (an ISO week). */
export function parsePeriod(text: string): Period {
  const month = /^(\d{4})-(\d{2})$/.exec(text);
  if (month) {
    const m = Number(month[2]);
    if (m >= 1 && m <= 12) return monthPeriod(Number(month[1]), m);
  }
  const week = /^(\d{4})-W(\d{2})$/i.exec(text);
  if (week) {
    const year = Number(week[1]);
    const w = Number(week[2]);
    if (w >= 1 && w <= isoWeeksInYear(year)) return weekPeriod(year, w);
    throw new UsageError(`${text}: ${year} has ${isoWeeksInYear(year)} ISO weeks`);
  }
  throw new UsageError(`${text}: expected a month like 2026-10, an ISO week like 2026-W43, or ${RELATIVE_PERIODS.join(', ')}`);
}

/** A period from its first to its last day, inclusive. */
export function rangePeriod(from: DayNumber, to: DayNumber): Period {
  if (to < from) throw new UsageError(`the period ends (${formatIso(to)}) before it starts (${formatIso(from)})`);
  return { from, to, asAt: to, unit: 'range', label: `${formatIso(from)}..${formatIso(to)}` };
}

/** The same period with another as-at date. */
export function withAsAt(period: Period, asAt: DayNumber): Period {
  return { ...period, asAt };
}

/**
 * The period as at the earlier of its last day and the extract date: data
 * taken on 20/11 cannot say whether a visit due on 25/11 will be made.
 */
export function asAtExtract(period: Period, extractedOn: DayNumber): Period {
  return period.to <= extractedOn ? period : { ...period, asAt: extractedOn, asAtIsExtractDate: true };
}

/** The period just before this one: the previous month or week, or a range of the same length. */
export function previousPeriod(period: Period): Period {
  switch (period.unit) {
    case 'month': {
      const { year, month } = civilDate(period.from);
      return month === 1 ? monthPeriod(year - 1, 12) : monthPeriod(year, month - 1);
    }
    case 'week': {
      const [year, week] = isoWeekOf(addDays(period.from, -7));
      return weekPeriod(year, week);
    }
    case 'range': {
      const length = period.to - period.from + 1;
      return rangePeriod(addDays(period.from, -length), addDays(period.from, -1));
    }
  }
}

/** The `count` periods that end with this one, oldest first; earlier ones are as at their own last day. */
export function trailingPeriods(period: Period, count: number): Period[] {
  const periods = [period];
  while (periods.length < count) periods.unshift(previousPeriod(periods[0]!));
  return periods;
}
