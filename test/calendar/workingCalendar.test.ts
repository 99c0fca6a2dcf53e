import { describe, expect, test } from 'vitest';
import {
  assertCovers,
  BUILT_IN_CALENDARS,
  builtInCalendar,
  createCalendar,
} from '../../src/core/calendar/workingCalendar.js';
import { addDays, formatIso, isWeekend, parseIsoDay, type DayNumber } from '../../src/core/dates/localDate.js';
import { UsageError } from '../../src/core/errors.js';

const d = (iso: string): DayNumber => parseIsoDay(iso)!;
const ew = builtInCalendar('england-and-wales');
const jersey = builtInCalendar('jersey');

const between = (a: string, b: string): number => ew.workingDaysBetween(d(a), d(b));
const after = (iso: string, n: number): string => formatIso(ew.addWorkingDays(d(iso), n));

describe('workingDaysBetween and addWorkingDays (england-and-wales)', () => {
  test('referral Friday, completed the next Monday = 1 working day', () => {
    expect(between('2026-10-02', '2026-10-05')).toBe(1);
  });

  test('10 working days after Friday 2 October 2026 is Friday 16 October 2026', () => {
    expect(after('2026-10-02', 10)).toBe('2026-10-16');
  });

  test('the clock-start day is day 0; b <= a gives 0', () => {
    expect(between('2026-10-05', '2026-10-05')).toBe(0);
    expect(between('2026-10-06', '2026-10-05')).toBe(0);
    expect(between('2026-10-05', '2026-10-06')).toBe(1);
  });

  test('weekend clock start: Saturday or Sunday to Monday = 1', () => {
    expect(between('2026-10-03', '2026-10-05')).toBe(1);
    expect(between('2026-10-04', '2026-10-05')).toBe(1);
    expect(between('2026-10-03', '2026-10-04')).toBe(0);
    expect(after('2026-10-03', 1)).toBe('2026-10-05');
  });

  test('bank-holiday clock start: the holiday is day 0 and later holidays do not count', () => {
    // Spring bank holiday Monday 25 May 2026.
    expect(between('2026-05-25', '2026-05-26')).toBe(1);
    // Good Friday 3 April 2026, Easter Monday 6 April.
    expect(between('2026-04-03', '2026-04-07')).toBe(1);
    expect(between('2026-04-02', '2026-04-07')).toBe(1);
    expect(after('2026-04-03', 1)).toBe('2026-04-07');
    expect(after('2026-04-02', 1)).toBe('2026-04-07');
  });

  test('exactly 45 working days, with no holiday in between', () => {
    expect(after('2026-09-07', 45)).toBe('2026-11-09');
    expect(between('2026-09-07', '2026-11-06')).toBe(44);
    expect(between('2026-09-07', '2026-11-09')).toBe(45);
    expect(between('2026-09-07', '2026-11-10')).toBe(46);
  });

  test('exactly 45 working days across the summer bank holiday (31 August 2026)', () => {
    expect(after('2026-07-06', 45)).toBe('2026-09-08');
    expect(between('2026-07-06', '2026-09-07')).toBe(44);
    expect(between('2026-07-06', '2026-09-08')).toBe(45);
  });

  test('Christmas period 2026: Christmas Friday, Boxing Day substitute Monday 28', () => {
    expect(between('2026-12-24', '2026-12-29')).toBe(1);
    expect(between('2026-12-24', '2027-01-04')).toBe(4);
    expect(after('2026-12-24', 1)).toBe('2026-12-29');
    expect(after('2026-12-24', 4)).toBe('2027-01-04');
  });

  test('Christmas period 2027 (Saturday) and 2022 (Sunday): substitutes on 27 and 28 or 26 and 27', () => {
    expect(between('2027-12-24', '2027-12-29')).toBe(1);
    expect(after('2027-12-24', 1)).toBe('2027-12-29');
    expect(between('2022-12-23', '2022-12-28')).toBe(1);
    expect(after('2022-12-23', 1)).toBe('2022-12-28');
  });

  test('isWorkingDay', () => {
    expect(ew.isWorkingDay(d('2026-10-05'))).toBe(true);
    expect(ew.isWorkingDay(d('2026-10-03'))).toBe(false);
    expect(ew.isWorkingDay(d('2026-12-28'))).toBe(false);
    expect(ew.isWorkingDay(d('2012-06-05'))).toBe(false);
  });

  test('agrees with a day-by-day count over pseudo-random pairs', () => {
    const holidays = new Set<number>();
    for (let day = d('2000-01-01'); day <= d('2035-12-31'); day = addDays(day, 1)) {
      if (!isWeekend(day) && !ew.isWorkingDay(day)) holidays.add(day);
    }
    const naive = (a: DayNumber, b: DayNumber): number => {
      let n = 0;
      for (let day = addDays(a, 1); day <= b; day = addDays(day, 1)) if (!isWeekend(day) && !holidays.has(day)) n++;
      return n;
    };
    let seed = 12345;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (let i = 0; i < 300; i++) {
      const a = (d('2000-01-01') + (next() % 13000)) as DayNumber;
      const b = addDays(a, next() % 120);
      expect(ew.workingDaysBetween(a, b)).toBe(naive(a, b));
      const n = 1 + (next() % 60);
      const end = ew.addWorkingDays(a, n);
      expect(ew.isWorkingDay(end)).toBe(true);
      expect(ew.workingDaysBetween(a, end)).toBe(n);
      expect(ew.workingDaysBetween(a, addDays(end, -1))).toBe(n - 1);
    }
  });

  test('addWorkingDays rejects n < 1 and fractions', () => {
    expect(() => ew.addWorkingDays(d('2026-10-02'), 0)).toThrow(RangeError);
    expect(() => ew.addWorkingDays(d('2026-10-02'), 1.5)).toThrow(RangeError);
  });
});

describe('calendar range', () => {
  test('covers 2000-01-01 to 2035-12-31 only', () => {
    expect([ew.firstYear, ew.lastYear]).toEqual([2000, 2035]);
    expect([jersey.firstYear, jersey.lastYear]).toEqual([2000, 2035]);
    expect(ew.covers(d('2000-01-01'))).toBe(true);
    expect(ew.covers(d('2035-12-31'))).toBe(true);
    expect(ew.covers(d('1999-12-31'))).toBe(false);
    expect(ew.covers(d('2036-01-01'))).toBe(false);
  });

  test('1999-12-31 throws a UsageError naming the date, the calendar and its years', () => {
    expect(() => between('1999-12-31', '2000-01-05')).toThrow(UsageError);
    expect(() => between('1999-12-31', '2000-01-05')).toThrow(
      'Date 1999-12-31 is outside the england-and-wales calendar (2000–2035); an authority holiday list',
    );
    expect(() => ew.isWorkingDay(d('1999-12-31'))).toThrow(UsageError);
    expect(() => after('1999-12-31', 1)).toThrow(UsageError);
  });

  test('the first covered days count: Monday 3 January 2000 is the New Year substitute', () => {
    expect(ew.isWorkingDay(d('2000-01-03'))).toBe(false);
    expect(between('2000-01-01', '2000-01-05')).toBe(2);
    expect(after('2000-01-01', 1)).toBe('2000-01-04');
  });

  test('Golden Jubilee 2002: Monday 3 and Tuesday 4 June are holidays, Monday 27 May is not', () => {
    expect(between('2002-05-31', '2002-06-05')).toBe(1);
    expect(ew.isWorkingDay(d('2002-05-27'))).toBe(true);
    expect(jersey.isWorkingDay(d('2002-06-04'))).toBe(false);
  });

  test('2036-01-01 throws, even as the end of a backwards pair', () => {
    expect(() => between('2035-12-20', '2036-01-01')).toThrow('Date 2036-01-01 is outside the england-and-wales calendar');
    expect(() => between('2036-01-01', '2035-12-20')).toThrow(UsageError);
    expect(() => ew.isWorkingDay(d('2036-01-01'))).toThrow(UsageError);
  });

  test('addWorkingDays past the end of the range throws', () => {
    expect(after('2035-12-28', 1)).toBe('2035-12-31');
    expect(() => after('2035-12-28', 2)).toThrow(
      '2 working days after 2035-12-28 is past the end of the england-and-wales calendar (2000–2035)',
    );
  });

  test('assertCovers names what was checked', () => {
    expect(() => assertCovers(ew, d('2026-10-05'), 'Referral date')).not.toThrow();
    expect(() => assertCovers(ew, d('2036-01-05'), 'Referral date')).toThrow(
      'Referral date 2036-01-05 is outside the england-and-wales calendar (2000–2035); an authority holiday list',
    );
  });
});

describe('built-in and custom calendars', () => {
  test('BUILT_IN_CALENDARS and unknown names', () => {
    expect(BUILT_IN_CALENDARS).toEqual(['england-and-wales', 'jersey']);
    expect(() => builtInCalendar('scotland')).toThrow(UsageError);
    expect(() => builtInCalendar('scotland')).toThrow('Unknown calendar "scotland": use one of england-and-wales, jersey');
    expect(builtInCalendar('england-and-wales')).toBe(ew);
  });

  test('jersey adds Liberation Day, 9 May, on a weekday', () => {
    expect(jersey.name).toBe('jersey');
    // Friday 9 May 2025.
    expect(jersey.isWorkingDay(d('2025-05-09'))).toBe(false);
    expect(ew.isWorkingDay(d('2025-05-09'))).toBe(true);
    expect(jersey.workingDaysBetween(d('2025-05-08'), d('2025-05-12'))).toBe(1);
    expect(ew.workingDaysBetween(d('2025-05-08'), d('2025-05-12'))).toBe(2);
    expect(formatIso(jersey.addWorkingDays(d('2024-05-08'), 1))).toBe('2024-05-10');
  });

  test('jersey gives no substitute when 9 May is a weekend (Saturday 9 May 2026)', () => {
    expect(jersey.isWorkingDay(d('2026-05-11'))).toBe(true);
    expect(jersey.workingDaysBetween(d('2026-05-08'), d('2026-05-11'))).toBe(1);
  });

  test('jersey keeps the England and Wales holidays', () => {
    expect(jersey.isWorkingDay(d('2026-12-28'))).toBe(false);
    expect(jersey.isWorkingDay(d('2022-09-19'))).toBe(false);
  });

  test('createCalendar counts its own holidays and ignores ones outside its years', () => {
    const calendar = createCalendar('file:test.txt', [d('2026-10-05'), d('2030-01-01')], 2026, 2026);
    expect(calendar.workingDaysBetween(d('2026-10-02'), d('2026-10-06'))).toBe(1);
    expect(calendar.isWorkingDay(d('2026-12-25'))).toBe(true);
    expect(() => calendar.isWorkingDay(d('2027-01-01'))).toThrow('outside the file:test.txt calendar (2026–2026)');
  });

  test('createCalendar rejects a first year after the last', () => {
    expect(() => createCalendar('x', [], 2027, 2026)).toThrow(UsageError);
  });
});
