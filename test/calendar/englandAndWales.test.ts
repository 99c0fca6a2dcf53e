import { describe, expect, test } from 'vitest';
import { easterSunday } from '../../src/core/calendar/easter.js';
import {
  ENGLAND_AND_WALES_FIRST_YEAR,
  ENGLAND_AND_WALES_HOLIDAYS,
  ENGLAND_AND_WALES_LAST_YEAR,
  type Holiday,
} from '../../src/core/calendar/englandAndWales.js';
import { formatIso, isWeekend, parseIsoDay, yearOf } from '../../src/core/dates/localDate.js';

function holidayOn(iso: string): Holiday | undefined {
  const day = parseIsoDay(iso);
  return ENGLAND_AND_WALES_HOLIDAYS.find((h) => h.day === day);
}

function generatedYear(year: number): string[] {
  return ENGLAND_AND_WALES_HOLIDAYS.filter((h) => yearOf(h.day) === year).map((h) => formatIso(h.day));
}

// England and Wales bank holidays 2000–2009, written out by hand (not generated). 2004–2009: the
// DTI's list as published at the time (dti.gov.uk bank and public holidays page). 2002: the Golden
// Jubilee announcement of November 2000 (extra holiday Monday 3 June; spring bank holiday moved from
// Monday 27 May to Tuesday 4 June). 2000: New Year's Day fell on Saturday 1 January, substitute
// Monday 3 January (announced with the Millennium holiday of Friday 31 December 1999). The other
// days of 2000–2003 follow the standing pattern (Easter dates and Mondays written out by hand);
// none of those years has another moved or substitute day.
const PUBLISHED_2000S: Record<number, string[]> = {
  2000: ['2000-01-03', '2000-04-21', '2000-04-24', '2000-05-01', '2000-05-29', '2000-08-28', '2000-12-25', '2000-12-26'],
  2001: ['2001-01-01', '2001-04-13', '2001-04-16', '2001-05-07', '2001-05-28', '2001-08-27', '2001-12-25', '2001-12-26'],
  2002: ['2002-01-01', '2002-03-29', '2002-04-01', '2002-05-06', '2002-06-03', '2002-06-04', '2002-08-26', '2002-12-25', '2002-12-26'],
  2003: ['2003-01-01', '2003-04-18', '2003-04-21', '2003-05-05', '2003-05-26', '2003-08-25', '2003-12-25', '2003-12-26'],
  2004: ['2004-01-01', '2004-04-09', '2004-04-12', '2004-05-03', '2004-05-31', '2004-08-30', '2004-12-27', '2004-12-28'],
  2005: ['2005-01-03', '2005-03-25', '2005-03-28', '2005-05-02', '2005-05-30', '2005-08-29', '2005-12-26', '2005-12-27'],
  2006: ['2006-01-02', '2006-04-14', '2006-04-17', '2006-05-01', '2006-05-29', '2006-08-28', '2006-12-25', '2006-12-26'],
  2007: ['2007-01-01', '2007-04-06', '2007-04-09', '2007-05-07', '2007-05-28', '2007-08-27', '2007-12-25', '2007-12-26'],
  2008: ['2008-01-01', '2008-03-21', '2008-03-24', '2008-05-05', '2008-05-26', '2008-08-25', '2008-12-25', '2008-12-26'],
  2009: ['2009-01-01', '2009-04-10', '2009-04-13', '2009-05-04', '2009-05-25', '2009-08-31', '2009-12-25', '2009-12-28'],
};

// The England and Wales bank holidays as published on gov.uk (bank-holidays.json), written out by hand.
const PUBLISHED: Record<number, string[]> = {
  ...PUBLISHED_2000S,
  2010: ['2010-01-01', '2010-04-02', '2010-04-05', '2010-05-03', '2010-05-31', '2010-08-30', '2010-12-27', '2010-12-28'],
  2011: ['2011-01-03', '2011-04-22', '2011-04-25', '2011-04-29', '2011-05-02', '2011-05-30', '2011-08-29', '2011-12-26', '2011-12-27'],
  2012: ['2012-01-02', '2012-04-06', '2012-04-09', '2012-05-07', '2012-06-04', '2012-06-05', '2012-08-27', '2012-12-25', '2012-12-26'],
  2013: ['2013-01-01', '2013-03-29', '2013-04-01', '2013-05-06', '2013-05-27', '2013-08-26', '2013-12-25', '2013-12-26'],
  2014: ['2014-01-01', '2014-04-18', '2014-04-21', '2014-05-05', '2014-05-26', '2014-08-25', '2014-12-25', '2014-12-26'],
  2015: ['2015-01-01', '2015-04-03', '2015-04-06', '2015-05-04', '2015-05-25', '2015-08-31', '2015-12-25', '2015-12-28'],
  2016: ['2016-01-01', '2016-03-25', '2016-03-28', '2016-05-02', '2016-05-30', '2016-08-29', '2016-12-26', '2016-12-27'],
  2017: ['2017-01-02', '2017-04-14', '2017-04-17', '2017-05-01', '2017-05-29', '2017-08-28', '2017-12-25', '2017-12-26'],
  2018: ['2018-01-01', '2018-03-30', '2018-04-02', '2018-05-07', '2018-05-28', '2018-08-27', '2018-12-25', '2018-12-26'],
  2019: ['2019-01-01', '2019-04-19', '2019-04-22', '2019-05-06', '2019-05-27', '2019-08-26', '2019-12-25', '2019-12-26'],
  2020: ['2020-01-01', '2020-04-10', '2020-04-13', '2020-05-08', '2020-05-25', '2020-08-31', '2020-12-25', '2020-12-28'],
  2021: ['2021-01-01', '2021-04-02', '2021-04-05', '2021-05-03', '2021-05-31', '2021-08-30', '2021-12-27', '2021-12-28'],
  2022: [
    '2022-01-03', '2022-04-15', '2022-04-18', '2022-05-02', '2022-06-02', '2022-06-03',
    '2022-08-29', '2022-09-19', '2022-12-26', '2022-12-27',
  ],
  2023: ['2023-01-02', '2023-04-07', '2023-04-10', '2023-05-01', '2023-05-08', '2023-05-29', '2023-08-28', '2023-12-25', '2023-12-26'],
  2024: ['2024-01-01', '2024-03-29', '2024-04-01', '2024-05-06', '2024-05-27', '2024-08-26', '2024-12-25', '2024-12-26'],
  2025: ['2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26'],
  2026: ['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28'],
  2027: ['2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28'],
};

describe('easterSunday', () => {
  test.each([
    [2000, '2000-04-23'],
    [2008, '2008-03-23'],
    [2010, '2010-04-04'],
    [2011, '2011-04-24'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
  ])('%i: %s', (year, iso) => {
    expect(formatIso(easterSunday(year))).toBe(iso);
  });
});

describe('England and Wales bank holidays', () => {
  test.each(Object.entries(PUBLISHED))('%s matches the published list', (year, published) => {
    expect(generatedYear(Number(year))).toEqual(published);
  });

  test('covers 2000–2035', () => {
    expect(ENGLAND_AND_WALES_FIRST_YEAR).toBe(2000);
    expect(ENGLAND_AND_WALES_LAST_YEAR).toBe(2035);
    expect(formatIso(ENGLAND_AND_WALES_HOLIDAYS[0]!.day)).toBe('2000-01-03');
    expect(formatIso(ENGLAND_AND_WALES_HOLIDAYS.at(-1)!.day)).toBe('2035-12-26');
  });

  test('is in date order, one entry per day, all on weekdays', () => {
    const days = ENGLAND_AND_WALES_HOLIDAYS.map((h) => h.day);
    expect(days).toEqual([...days].sort((a, b) => a - b));
    expect(new Set(days).size).toBe(days.length);
    expect(days.filter(isWeekend)).toEqual([]);
  });

  test.each([2028, 2029, 2030, 2031, 2032, 2033, 2034, 2035])('%i has the eight regular holidays', (year) => {
    expect(generatedYear(year)).toHaveLength(8);
  });

  test('every year 2000–2027 is asserted against a published list', () => {
    const years = Object.keys(PUBLISHED).map(Number);
    expect(years).toEqual(Array.from({ length: 28 }, (_, i) => 2000 + i));
  });

  test('the Millennium bank holiday, Friday 31 December 1999, is before the covered years', () => {
    expect(holidayOn('1999-12-31')).toBeUndefined();
  });

  describe('one-off and moved days', () => {
    test.each([
      ['2002-06-03', 'Queen’s Golden Jubilee'],
      ['2002-06-04', 'Spring bank holiday'],
      ['2011-04-29', 'Royal wedding'],
      ['2012-06-04', 'Spring bank holiday'],
      ['2012-06-05', 'Queen’s Diamond Jubilee'],
      ['2020-05-08', 'Early May bank holiday (VE day)'],
      ['2022-06-02', 'Spring bank holiday'],
      ['2022-06-03', 'Platinum Jubilee bank holiday'],
      ['2022-09-19', 'Bank holiday for the State Funeral of Queen Elizabeth II'],
      ['2023-05-08', 'Bank holiday for the coronation of King Charles III'],
    ])('%s is %s', (iso, name) => {
      expect(holidayOn(iso)?.name).toBe(name);
    });

    test.each(['2002-05-27', '2012-05-28', '2020-05-04', '2022-05-30'])('%s, the usual day of a moved holiday, is not a holiday', (iso) => {
      expect(holidayOn(iso)).toBeUndefined();
    });
  });

  describe('substitute days', () => {
    test.each([
      ['2004-12-27', 'Christmas Day (substitute day)'],
      ['2004-12-28', 'Boxing Day (substitute day)'],
      ['2005-12-26', 'Boxing Day'],
      ['2005-12-27', 'Christmas Day (substitute day)'],
      ['2009-12-28', 'Boxing Day (substitute day)'],
      ['2010-12-27', 'Christmas Day (substitute day)'],
      ['2010-12-28', 'Boxing Day (substitute day)'],
      ['2011-12-26', 'Boxing Day'],
      ['2011-12-27', 'Christmas Day (substitute day)'],
      ['2015-12-28', 'Boxing Day (substitute day)'],
      ['2016-12-26', 'Boxing Day'],
      ['2016-12-27', 'Christmas Day (substitute day)'],
      ['2020-12-28', 'Boxing Day (substitute day)'],
      ['2021-12-27', 'Christmas Day (substitute day)'],
      ['2021-12-28', 'Boxing Day (substitute day)'],
      ['2022-12-26', 'Boxing Day'],
      ['2022-12-27', 'Christmas Day (substitute day)'],
      ['2026-12-28', 'Boxing Day (substitute day)'],
      ['2027-12-27', 'Christmas Day (substitute day)'],
      ['2027-12-28', 'Boxing Day (substitute day)'],
      ['2000-01-03', 'New Year’s Day (substitute day)'],
      ['2005-01-03', 'New Year’s Day (substitute day)'],
      ['2006-01-02', 'New Year’s Day (substitute day)'],
      ['2011-01-03', 'New Year’s Day (substitute day)'],
      ['2012-01-02', 'New Year’s Day (substitute day)'],
      ['2017-01-02', 'New Year’s Day (substitute day)'],
      ['2022-01-03', 'New Year’s Day (substitute day)'],
      ['2023-01-02', 'New Year’s Day (substitute day)'],
    ])('%s is %s', (iso, name) => {
      expect(holidayOn(iso)?.name).toBe(name);
    });

    test.each([
      '2000-01-01',
      '2004-12-25',
      '2004-12-26',
      '2005-01-01',
      '2005-12-25',
      '2006-01-01',
      '2009-12-26',
      '2010-12-25',
      '2010-12-26',
      '2011-01-01',
      '2015-12-26',
      '2022-12-25',
    ])(
      '%s, a weekend, is not listed itself',
      (iso) => {
        expect(holidayOn(iso)).toBeUndefined();
      },
    );
  });
});
