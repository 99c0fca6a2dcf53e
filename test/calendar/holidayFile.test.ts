import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { holidayFileCalendar, parseHolidayFile } from '../../src/core/calendar/holidayFile.js';
import { formatIso, parseIsoDay } from '../../src/core/dates/localDate.js';
import { UsageError } from '../../src/core/errors.js';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../fixtures/holidays/${name}`, import.meta.url), 'utf8');

const isoList = (text: string, name: string): string[] => parseHolidayFile(text, name).holidays.map(formatIso);

describe('one ISO date per line', () => {
  test('reads the fixture, skipping comments and blank lines', () => {
    const list = parseHolidayFile(fixture('authority-2026-2027.txt'), 'authority-2026-2027.txt');
    expect(list.holidays.map(formatIso)).toEqual([
      '2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31',
      '2026-12-25', '2026-12-28', '2027-01-01', '2027-12-24',
    ]);
    expect([list.firstYear, list.lastYear]).toEqual([2026, 2027]);
  });

  test('accepts CRLF line ends, a byte-order mark and indented comments', () => {
    expect(isoList('\uFEFF2026-01-01\r\n  # closed\r\n\r\n 2026-12-25 \r\n', 'h.txt')).toEqual(['2026-01-01', '2026-12-25']);
  });

  test('covers the first to the last listed year', () => {
    const list = parseHolidayFile('2030-06-01\n2028-01-01\n', 'h.txt');
    expect([list.firstYear, list.lastYear]).toEqual([2028, 2030]);
  });

  test('a bad line names the file and the line', () => {
    const text = '# holidays\n2026-01-01\n\n25/12/2026\n';
    expect(() => parseHolidayFile(text, 'h.txt')).toThrow(UsageError);
    expect(() => parseHolidayFile(text, 'h.txt')).toThrow('h.txt line 4: "25/12/2026" is not a date in the form YYYY-MM-DD');
  });

  test('an impossible date is rejected', () => {
    expect(() => parseHolidayFile('2026-02-30\n', 'h.txt')).toThrow('h.txt line 1: "2026-02-30"');
  });

  test('a file with no dates is rejected', () => {
    expect(() => parseHolidayFile('# nothing yet\n\n', 'h.txt')).toThrow('h.txt: lists no dates');
  });
});

describe('gov.uk bank-holidays.json', () => {
  test('uses the england-and-wales division of a three-division file', () => {
    const list = parseHolidayFile(fixture('bank-holidays.json'), 'bank-holidays.json');
    expect(list.holidays.map(formatIso)).toEqual([
      '2026-01-01', '2026-04-03', '2026-04-06', '2026-12-25', '2026-12-28', '2027-01-01',
    ]);
    expect([list.firstYear, list.lastYear]).toEqual([2026, 2027]);
  });

  test('uses the only division when there is no england-and-wales', () => {
    const text = JSON.stringify({
      scotland: { division: 'scotland', events: [{ title: 'St Andrew’s Day', date: '2026-11-30', notes: '', bunting: true }] },
    });
    expect(isoList(text, 'scotland.json')).toEqual(['2026-11-30']);
  });

  test('accepts events with only a title and a date', () => {
    expect(isoList('{"mine": {"events": [{"title": "Closure", "date": "2026-12-24"}]}}', 'mine.json')).toEqual([
      '2026-12-24',
    ]);
  });

  test('several divisions without england-and-wales is an error naming them', () => {
    const text = '{"scotland": {"events": []}, "northern-ireland": {"events": []}}';
    expect(() => parseHolidayFile(text, 'h.json')).toThrow(
      'h.json: no "england-and-wales" division and several others (scotland, northern-ireland)',
    );
  });

  test('the malformed fixture names the file and the path of the bad date', () => {
    expect(() => parseHolidayFile(fixture('malformed.json'), 'malformed.json')).toThrow(
      'malformed.json: england-and-wales.events[2].date: "06/04/2026" is not a date in the form YYYY-MM-DD',
    );
  });

  test('a missing field is reported with its path', () => {
    const text = '{"england-and-wales": {"events": [{"title": "New Year’s Day"}]}}';
    expect(() => parseHolidayFile(text, 'h.json')).toThrow('h.json: england-and-wales.events[0].date:');
  });

  test('invalid JSON, a non-object and an empty division are errors', () => {
    expect(() => parseHolidayFile('{"england-and-wales": ', 'h.json')).toThrow('h.json: not valid JSON');
    expect(() => parseHolidayFile('["2026-01-01"]', 'h.json')).toThrow('h.json: expected an object of divisions');
    expect(() => parseHolidayFile('{}', 'h.json')).toThrow('h.json: no divisions');
    expect(() => parseHolidayFile('{"england-and-wales": {"events": []}}', 'h.json')).toThrow(
      'h.json: england-and-wales.events: lists no dates',
    );
  });
});

describe('holidayFileCalendar', () => {
  test('builds a calendar named after the file over its covered years', () => {
    const calendar = holidayFileCalendar(fixture('authority-2026-2027.txt'), 'holidays.txt');
    expect(calendar.name).toBe('file:holidays.txt');
    expect([calendar.firstYear, calendar.lastYear]).toEqual([2026, 2027]);
    // Only the file's dates count: Friday 24 December 2027 is a holiday, Monday 27 and Tuesday 28 are not.
    expect(calendar.workingDaysBetween(parseIsoDay('2027-12-23')!, parseIsoDay('2027-12-29')!)).toBe(3);
    expect(() => calendar.isWorkingDay(parseIsoDay('2028-01-04')!)).toThrow(
      'Date 2028-01-04 is outside the file:holidays.txt calendar (2026–2027)',
    );
  });
});
