import { addDays, dayNumber, isValidCivil, type DayNumber } from '../dates/localDate.js';
import type { LocalDateTime } from '../dates/londonTime.js';
import type { DateOrder } from './mapping.js';

// Dates are ISO (2026-10-31) or UK (31/10/2026), each optionally with a clock
// time. Month-first (US) dates are read only when the mapping says so
// (dateOrder "mdy"); otherwise 10/31/2026 is never guessed.
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
function scanDate(text: string, monthFirst: boolean): number {
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
    const first = digitsAt(text, 0, slash1);
    const second = digitsAt(text, slash1 + 1, slash2 - slash1 - 1);
    day = monthFirst ? second : first;
    month = monthFirst ? first : second;
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
export function parseLocalDateTime(text: string, order: DateOrder = 'dmy'): LocalDateTime | null {
  const packed = scanDate(text, order === 'mdy');
  if (Number.isNaN(packed)) return null;
  const minute = ((packed % 2048) + 2048) % 2048;
  return { day: Math.floor(packed / 2048) as DayNumber, minute: minute === NO_TIME ? null : minute };
}

/** Parses a date column: a time, if given, is checked and dropped. */
export function parseDay(text: string, order: DateOrder = 'dmy'): DayNumber | null {
  const packed = scanDate(text, order === 'mdy');
  return Number.isNaN(packed) ? null : (Math.floor(packed / 2048) as DayNumber);
}

/**
 * Whether a date that does not parse in `order` parses in the other one
 * (05/16/2019 read day-first): the column was exported in the other order,
 * so its day-12-or-less dates cannot be trusted either.
 */
export function readsInOtherOrder(text: string, order: DateOrder): boolean {
  return Number.isNaN(scanDate(text, order === 'mdy')) && !Number.isNaN(scanDate(text, order === 'dmy'));
}

// Excel counts days from 1899-12-30 (its phantom 29/02/1900 makes serials
// from March 1900 on line up with that epoch); 2958465 is 31/12/9999.
const EXCEL_EPOCH = dayNumber(1899, 12, 30);
const MAX_SERIAL = 2958465;

/** An Excel serial day number (44090 = 2020-09-16, 44090.5 = noon); null when the text is not one. */
export function parseExcelSerial(text: string): LocalDateTime | null {
  if (!/^\d{1,7}(\.\d+)?$/.test(text)) return null;
  const serial = Number(text);
  if (serial < 61 || serial > MAX_SERIAL) return null;
  const whole = Math.floor(serial);
  const minute = Math.round((serial - whole) * 1440);
  return { day: addDays(EXCEL_EPOCH, whole), minute: serial === whole ? null : Math.min(minute, 1439) };
}

// Annex A codes its answers with a letter: "a) Yes", "b) No", "c) Unknown".
const LETTER_PREFIX = /^[a-z]\)\s*/i;

/** Y/N, Yes/No, true/false, 1/0 in any case, also as an Annex A coded answer ("a) Yes"); undefined when none of these. */
export function parseFlag(text: string): boolean | undefined {
  switch (text.replace(LETTER_PREFIX, '').toLowerCase()) {
    case 'y': case 'yes': case 'true': case '1':
      return true;
    case 'n': case 'no': case 'false': case '0':
      return false;
    default:
      return undefined;
  }
}

/**
 * The form headers are matched in: case, surrounding space, a trailing "?"
 * or ".", curly quotes, non-breaking spaces, and runs of spaces, hyphens and
 * underscores are all ignored ("Child seen alone?" = "child_seen_alone").
 */
export function normaliseHeader(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .trim()
    .replace(/[?.:\s]+$/, '')
    .toLowerCase()
    .replace(/[\s_-]+/g, '_');
}
