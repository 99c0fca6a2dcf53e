import { dayNumber, isValidCivil, type DayNumber } from '../dates/localDate.js';
import type { LocalDateTime } from '../dates/londonTime.js';

// Dates are ISO (2026-10-31) or UK (31/10/2026), each optionally with a clock
// time. Month-first (US) dates are never guessed: 10/31/2026 is invalid.
// The scanner reads character codes rather than running a regular expression:
// it runs for every date of millions of rows and allocates nothing.

const NO_TIME = 2047;
const ZERO = 48;

/** The number written by `count` digits at `at`, or -1. */
function digitsAt(text: string, at: number, count: number): number {
  let n = 0;
  for (let i = at; i < at + count; i++) {
    const d = text.charCodeAt(i) - ZERO;
    if (!(d >= 0 && d <= 9)) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** Reads HH:MM or HH:MM:SS (ISO also :SS.fff) from `at` to the end; minute of day, or -1. */
function timeAt(text: string, at: number, hourDigits: 1 | 2, fraction: boolean): number {
  const hours = digitsAt(text, at, hourDigits);
  let i = at + hourDigits;
  if (hours < 0 || hours > 23 || text.charCodeAt(i) !== 58 /* : */) return -1;
  const minutes = digitsAt(text, i + 1, 2);
  if (minutes < 0 || minutes > 59) return -1;
  i += 3;
  if (i === text.length) return hours * 60 + minutes;
  const seconds = text.charCodeAt(i) === 58 ? digitsAt(text, i + 1, 2) : -1;
  if (seconds < 0 || seconds > 59) return -1;
  i += 3;
  if (fraction && i < text.length && text.charCodeAt(i) === 46 /* . */) {
    const digits = text.length - i - 1;
    if (digits < 1 || digits > 9 || digitsAt(text, i + 1, digits) < 0) return -1;
    i = text.length;
  }
  return i === text.length ? hours * 60 + minutes : -1;
}

/** A date and its optional time as one number: day * 2048 + minute of day (NO_TIME without one); NaN when invalid. */
function scanDate(text: string): number {
  let year: number, month: number, day: number, rest: number;
  const iso = text.length >= 10 && text.charCodeAt(4) === 45 /* - */ && text.charCodeAt(7) === 45;
  if (iso) {
    year = digitsAt(text, 0, 4);
    month = digitsAt(text, 5, 2);
    day = digitsAt(text, 8, 2);
    rest = 10;
  } else {
    const slash1 = text.indexOf('/');
    const slash2 = slash1 < 0 ? -1 : text.indexOf('/', slash1 + 1);
    if (slash1 < 1 || slash1 > 2 || slash2 - slash1 < 2 || slash2 - slash1 > 3) return NaN;
    day = digitsAt(text, 0, slash1);
    month = digitsAt(text, slash1 + 1, slash2 - slash1 - 1);
    year = digitsAt(text, slash2 + 1, 4);
    rest = slash2 + 5;
  }
  if (year < 0 || month < 0 || day < 0 || !isValidCivil(year, month, day)) return NaN;
  const date = dayNumber(year, month, day) * 2048;
  if (text.length === rest) return date + NO_TIME;
  const separator = text.charCodeAt(rest);
  if (separator !== 84 /* T */ && separator !== 32 /* space */) return NaN;
  // ISO times have two-digit hours; UK exports also write 9:05.
  const hourDigits = !iso && text.charCodeAt(rest + 2) === 58 ? 1 : 2;
  const minute = timeAt(text, rest + 1, hourDigits, iso);
  return minute < 0 ? NaN : date + minute;
}

/** Parses a date or date-time; null when malformed or impossible (31/02/2026, 25:00). */
export function parseLocalDateTime(text: string): LocalDateTime | null {
  const packed = scanDate(text);
  if (Number.isNaN(packed)) return null;
  const minute = ((packed % 2048) + 2048) % 2048;
  return { day: Math.floor(packed / 2048) as DayNumber, minute: minute === NO_TIME ? null : minute };
}

/** Parses a date column: a time, if given, is checked and dropped. */
export function parseDay(text: string): DayNumber | null {
  const packed = scanDate(text);
  return Number.isNaN(packed) ? null : (Math.floor(packed / 2048) as DayNumber);
}

/** Y/N, Yes/No, true/false, 1/0 in any case; undefined when none of these. */
export function parseFlag(text: string): boolean | undefined {
  switch (text.toLowerCase()) {
    case 'y': case 'yes': case 'true': case '1':
      return true;
    case 'n': case 'no': case 'false': case '0':
      return false;
    default:
      return undefined;
  }
}

/** Header names match case-insensitively; spaces, hyphens and underscores are one. */
export function normaliseHeader(name: string): string {
  return name.trim().toLowerCase().replace(/[\s_-]+/g, '_');
}
