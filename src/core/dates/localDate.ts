/**
 * Calendar days as integers. A `DayNumber` is the count of days since
 * 1970-01-01 in the proleptic Gregorian calendar: a civil date with no time
 * zone, so day arithmetic is plain integer arithmetic.
 */
export type DayNumber = number & { readonly __dayNumber: unique symbol };

/** A civil date split into its parts; month and day are 1-based. */
export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** ISO weekday: Monday = 1 … Sunday = 7. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1]!;
}

export function isValidCivil(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) && Number.isInteger(month) && Number.isInteger(day) &&
    month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
  );
}

/** Days since 1970-01-01 for a valid civil date (Hinnant's days_from_civil). */
export function dayNumber(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return (era * 146097 + doe - 719468) as DayNumber;
}

/** The civil date of a day number (Hinnant's civil_from_days). */
export function civilDate(day: DayNumber): CivilDate {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d };
}

export function isoWeekday(day: DayNumber): IsoWeekday {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((day + 3) % 7) + 7) % 7 + 1) as IsoWeekday;
}

export function isWeekend(day: DayNumber): boolean {
  return isoWeekday(day) >= 6;
}

export function addDays(day: DayNumber, days: number): DayNumber {
  return (day + days) as DayNumber;
}

/** Calendar days from a to b (b − a). */
export function daysBetween(a: DayNumber, b: DayNumber): number {
  return b - a;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * A day's text, made once per day: exception details and dates name the
 * same few hundred days over and over (every visit of a trend's periods).
 */
function textPerDay(make: (year: number, month: number, day: number) => string): (day: DayNumber) => string {
  const texts = new Map<DayNumber, string>();
  return (day) => {
    let text = texts.get(day);
    if (text === undefined) {
      const { year, month, day: d } = civilDate(day);
      text = make(year, month, d);
      texts.set(day, text);
    }
    return text;
  };
}

/** `2026-10-31` */
export const formatIso = textPerDay((year, month, day) => `${year}-${pad2(month)}-${pad2(day)}`);

/** `31/10/2026`, the form shown to people in the UK. */
export const formatUk = textPerDay((year, month, day) => `${pad2(day)}/${pad2(month)}/${year}`);

/** Parses a strict ISO `YYYY-MM-DD`; null when malformed or impossible. */
export function parseIsoDay(text: string): DayNumber | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return isValidCivil(year, month, day) ? dayNumber(year, month, day) : null;
}

/** The n-th weekday (ISO) of a month, n ≥ 1. */
export function nthWeekdayOfMonth(year: number, month: number, weekday: IsoWeekday, n: number): DayNumber {
  const first = dayNumber(year, month, 1);
  const offset = (weekday - isoWeekday(first) + 7) % 7;
  return addDays(first, offset + (n - 1) * 7);
}

/** The last given weekday (ISO) of a month. */
export function lastWeekdayOfMonth(year: number, month: number, weekday: IsoWeekday): DayNumber {
  const last = dayNumber(year, month, daysInMonth(year, month));
  const back = (isoWeekday(last) - weekday + 7) % 7;
  return addDays(last, -back);
}

export function yearOf(day: DayNumber): number {
  return civilDate(day).year;
}
