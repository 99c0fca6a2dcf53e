import { dayNumber, isValidCivil, type DayNumber } from '../dates/localDate.js';
import type { LocalDateTime } from '../dates/londonTime.js';

// Dates are ISO (2026-10-31) or UK (31/10/2026), each optionally with a clock
// time. Month-first (US) dates are never guessed: 10/31/2026 is invalid.
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?)?$/;
const UK = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/** Parses a date or date-time; null when malformed or impossible (31/02/2026, 25:00). */
export function parseLocalDateTime(text: string): LocalDateTime | null {
  let m = ISO.exec(text);
  let year: number, month: number, day: number;
  if (m) {
    year = +m[1]!;
    month = +m[2]!;
    day = +m[3]!;
  } else {
    m = UK.exec(text);
    if (!m) return null;
    day = +m[1]!;
    month = +m[2]!;
    year = +m[3]!;
  }
  if (!isValidCivil(year, month, day)) return null;
  const date = dayNumber(year, month, day);
  if (m[4] === undefined) return { day: date, minute: null };
  const hours = +m[4];
  const minutes = +m[5]!;
  const seconds = m[6] === undefined ? 0 : +m[6];
  if (hours > 23 || minutes > 59 || seconds > 59) return null;
  return { day: date, minute: hours * 60 + minutes };
}

/** Parses a date column: a time, if given, is read and dropped. */
export function parseDay(text: string): DayNumber | null {
  const parsed = parseLocalDateTime(text);
  return parsed === null ? null : parsed.day;
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
