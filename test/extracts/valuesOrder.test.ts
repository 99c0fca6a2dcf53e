import { describe, expect, it } from 'vitest';
import { formatIso } from '../../src/core/dates/localDate.js';
import { parseDay, parseExcelSerial, parseFlag, parseLocalDateTime, readsInOtherOrder } from '../../src/core/extracts/values.js';

const day = (text: string, order?: 'dmy' | 'mdy') => {
  const parsed = parseDay(text, order);
  return parsed === null ? null : formatIso(parsed);
};

const serial = (text: string) => {
  const parsed = parseExcelSerial(text);
  return parsed === null ? null : { date: formatIso(parsed.day), minute: parsed.minute };
};

describe('parseExcelSerial (Annex A workbooks)', () => {
  it.each([
    ['44090', '2020-09-16', null],
    ['44090.5', '2020-09-16', 12 * 60],
    ['44090.25', '2020-09-16', 6 * 60],
    ['44090.999999', '2020-09-16', 23 * 60 + 59],
    ['46326', '2026-10-31', null],
    ['61', '1900-03-01', null],
    ['2958465', '9999-12-31', null],
  ])('%s → %s, minute %s', (text, date, minute) => {
    expect(serial(text)).toEqual({ date, minute });
  });

  it.each(['60', '59', '1', '0', '60.5', '2958466', '-1', '44090,5', '4.409e4', ' 44090', '44090.', 'abc', ''])('refuses %j', (text) => {
    expect(parseExcelSerial(text)).toBeNull();
  });
});

describe('readsInOtherOrder: a date that only reads in the other order', () => {
  it.each([
    ['05/16/2019', 'dmy', true],
    ['05/16/2019 14:05', 'dmy', true],
    ['16/05/2019', 'dmy', false],
    ['05/06/2019', 'dmy', false],
    ['16/05/2019', 'mdy', true],
    ['05/16/2019', 'mdy', false],
    ['2019-05-16', 'dmy', false],
    ['2019-05-16', 'mdy', false],
    ['31/02/2026', 'dmy', false],
    ['13/13/2026', 'dmy', false],
    ['not a date', 'dmy', false],
  ] as const)('%s read %s: %s', (text, order, expected) => {
    expect(readsInOtherOrder(text, order)).toBe(expected);
  });
});

describe("parseDay and parseLocalDateTime with dateOrder 'mdy'", () => {
  it('reads slash dates month first', () => {
    expect(day('05/16/2019', 'mdy')).toBe('2019-05-16');
    expect(day('05/06/2019', 'mdy')).toBe('2019-05-06');
    expect(day('1/2/2026', 'mdy')).toBe('2026-01-02');
    expect(day('12/31/2026 23:59', 'mdy')).toBe('2026-12-31');
  });

  it('still refuses impossible dates, and day-first dates that cannot be month-first', () => {
    expect(day('02/31/2026', 'mdy')).toBeNull();
    expect(day('16/05/2019', 'mdy')).toBeNull();
  });

  it('leaves ISO dates alone', () => {
    expect(day('2019-05-16', 'mdy')).toBe('2019-05-16');
    expect(day('2019-05-06', 'mdy')).toBe('2019-05-06');
  });

  it("is day first by default: 05/16/2019 is refused, 05/06/2019 is 5 June", () => {
    expect(day('05/16/2019')).toBeNull();
    expect(day('05/06/2019')).toBe('2019-06-05');
    expect(day('05/06/2019', 'dmy')).toBe('2019-06-05');
  });

  it('keeps the time of a month-first date-time', () => {
    expect(parseLocalDateTime('10/31/2026 14:05', 'mdy')).toEqual({ day: parseDay('2026-10-31'), minute: 14 * 60 + 5 });
    expect(parseLocalDateTime('10/31/2026 14:05')).toBeNull();
  });
});

describe('parseFlag: Annex A coded answers', () => {
  it.each([
    ['a) Yes', true],
    ['b) No', false],
    ['A) YES', true],
    ['a)Yes', true],
    ['a)  y', true],
    ['b) n', false],
    ['Yes', true],
    ['no', false],
  ])('%j → %s', (text, expected) => {
    expect(parseFlag(text)).toBe(expected);
  });

  it.each(['c) Unknown', 'a) Maybe', 'ab) Yes', '1) Yes', 'a Yes', 'a)', ''])('%j is no flag', (text) => {
    expect(parseFlag(text)).toBeUndefined();
  });
});
