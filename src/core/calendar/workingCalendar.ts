import { dayNumber, formatIso, isWeekend, type DayNumber } from '../dates/localDate.js';
import { UsageError } from '../errors.js';
import { ENGLAND_AND_WALES_FIRST_YEAR, ENGLAND_AND_WALES_HOLIDAYS, ENGLAND_AND_WALES_LAST_YEAR } from './englandAndWales.js';
import { JERSEY_HOLIDAYS } from './jersey.js';

/** Working days (Monday–Friday and not a public holiday) over a covered range of whole years. */
export interface WorkingCalendar {
  /** 'england-and-wales', 'jersey' or `file:<name>` for an authority's own list. */
  readonly name: string;
  /** First covered year. */
  readonly firstYear: number;
  /** Last covered year. */
  readonly lastYear: number;
  /** Whether the day lies in the covered years. */
  covers(day: DayNumber): boolean;
  /** Monday–Friday and not a holiday. */
  isWorkingDay(day: DayNumber): boolean;
  /** Number of working days d with a < d <= b (0 when b <= a). */
  workingDaysBetween(a: DayNumber, b: DayNumber): number;
  /** The n-th working day after `day` (n >= 1); `day` itself never counts. */
  addWorkingDays(day: DayNumber, n: number): DayNumber;
}

/** Names accepted by `builtInCalendar`. */
export const BUILT_IN_CALENDARS: readonly string[] = ['england-and-wales', 'jersey'];

const HOLIDAYS_HINT = 'an authority holiday list that covers it is needed';

function yearsOf(calendar: WorkingCalendar): string {
  return `${calendar.firstYear}–${calendar.lastYear}`;
}

function outsideError(calendar: WorkingCalendar, day: DayNumber, what: string): UsageError {
  return new UsageError(
    `${what} ${formatIso(day)} is outside the ${calendar.name} calendar (${yearsOf(calendar)}); ${HOLIDAYS_HINT}`,
  );
}

/** Throws a UsageError naming `what` (e.g. 'Referral date') when the calendar does not cover the day. */
export function assertCovers(calendar: WorkingCalendar, day: DayNumber, what: string): void {
  if (!calendar.covers(day)) throw outsideError(calendar, day, what);
}

/**
 * Answers every query from two arrays built once: `cumulative[i]` is the
 * number of working days among the first i covered days, and `workingDays`
 * lists the covered working days in order. No call allocates unless it throws.
 */
class PrecomputedCalendar implements WorkingCalendar {
  private readonly start: number;
  private readonly end: number;
  private readonly cumulative: Int32Array;
  private readonly workingDays: Int32Array;

  constructor(
    readonly name: string,
    readonly firstYear: number,
    readonly lastYear: number,
    holidays: readonly DayNumber[],
  ) {
    this.start = dayNumber(firstYear, 1, 1);
    this.end = dayNumber(lastYear, 12, 31);
    const length = this.end - this.start + 1;
    const isHoliday = new Uint8Array(length);
    for (const day of holidays) {
      if (this.covers(day)) isHoliday[day - this.start] = 1;
    }
    this.cumulative = new Int32Array(length + 1);
    const working: number[] = [];
    for (let i = 0; i < length; i++) {
      const day = (this.start + i) as DayNumber;
      const works = !isWeekend(day) && isHoliday[i] === 0;
      if (works) working.push(day);
      this.cumulative[i + 1] = this.cumulative[i]! + (works ? 1 : 0);
    }
    this.workingDays = Int32Array.from(working);
  }

  covers(day: DayNumber): boolean {
    return day >= this.start && day <= this.end;
  }

  isWorkingDay(day: DayNumber): boolean {
    const i = this.indexOf(day);
    return this.cumulative[i + 1] !== this.cumulative[i];
  }

  workingDaysBetween(a: DayNumber, b: DayNumber): number {
    const i = this.indexOf(a);
    const j = this.indexOf(b);
    return j > i ? this.cumulative[j + 1]! - this.cumulative[i + 1]! : 0;
  }

  addWorkingDays(day: DayNumber, n: number): DayNumber {
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`addWorkingDays needs a whole number n >= 1, got ${n}`);
    // cumulative[i + 1] working days fall on or before `day`, so the n-th after it sits at that index + n − 1.
    const k = this.cumulative[this.indexOf(day) + 1]! + n - 1;
    if (k >= this.workingDays.length) {
      throw new UsageError(
        `${n} working days after ${formatIso(day)} is past the end of the ${this.name} calendar (${yearsOf(this)}); ${HOLIDAYS_HINT}`,
      );
    }
    return this.workingDays[k]! as DayNumber;
  }

  /** Offset of a covered day from the first covered day; throws for any other day (NaN included). */
  private indexOf(day: DayNumber): number {
    if (!(day >= this.start && day <= this.end)) throw outsideError(this, day, 'Date');
    return day - this.start;
  }
}

/** A calendar over the whole years firstYear–lastYear; holidays outside those years are ignored. */
export function createCalendar(
  name: string,
  holidays: readonly DayNumber[],
  firstYear: number,
  lastYear: number,
): WorkingCalendar {
  if (!Number.isInteger(firstYear) || !Number.isInteger(lastYear) || firstYear > lastYear) {
    throw new UsageError(`Calendar ${name} needs a first year no later than its last year, got ${firstYear}–${lastYear}`);
  }
  return new PrecomputedCalendar(name, firstYear, lastYear, holidays);
}

const builtIns = new Map<string, WorkingCalendar>();

function buildBuiltIn(name: string): WorkingCalendar {
  const holidays = name === 'jersey' ? JERSEY_HOLIDAYS : ENGLAND_AND_WALES_HOLIDAYS;
  return createCalendar(
    name,
    holidays.map((h) => h.day),
    ENGLAND_AND_WALES_FIRST_YEAR,
    ENGLAND_AND_WALES_LAST_YEAR,
  );
}

/** The built-in 'england-and-wales' or 'jersey' calendar (built once, then shared). */
export function builtInCalendar(name: string): WorkingCalendar {
  if (!BUILT_IN_CALENDARS.includes(name)) {
    throw new UsageError(
      `Unknown calendar "${name}": use one of ${BUILT_IN_CALENDARS.join(', ')}, or an authority holiday list`,
    );
  }
  let calendar = builtIns.get(name);
  if (!calendar) {
    calendar = buildBuiltIn(name);
    builtIns.set(name, calendar);
  }
  return calendar;
}
