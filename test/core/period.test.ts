import { describe, expect, it } from 'vitest';
import { formatIso, parseIsoDay } from '../../src/core/dates/localDate.js';
import { parsePeriod, rangePeriod, relativePeriod, trailingPeriods, withAsAt } from '../../src/core/period.js';

const show = (p: { from: number; to: number; asAt: number; label: string }) =>
  `${p.label} ${formatIso(p.from as never)}..${formatIso(p.to as never)} @${formatIso(p.asAt as never)}`;

describe('periods', () => {
  it('a month runs from its first to its last day, as at the last', () => {
    expect(show(parsePeriod('2026-10'))).toBe('2026-10 2026-10-01..2026-10-31 @2026-10-31');
    expect(show(parsePeriod('2024-02'))).toBe('2024-02 2024-02-01..2024-02-29 @2024-02-29');
  });
  it('an ISO week runs Monday to Sunday; week 1 holds 4 January', () => {
    expect(show(parsePeriod('2026-W43'))).toBe('2026-W43 2026-10-19..2026-10-25 @2026-10-25');
    expect(show(parsePeriod('2026-W01'))).toBe('2026-W01 2025-12-29..2026-01-04 @2026-01-04');
    expect(show(parsePeriod('2026-W53'))).toBe('2026-W53 2026-12-28..2027-01-03 @2027-01-03');
  });
  it('--as-at moves only the snapshot day', () => {
    expect(show(withAsAt(parsePeriod('2026-10'), parseIsoDay('2026-10-17')!))).toBe('2026-10 2026-10-01..2026-10-31 @2026-10-17');
  });
  it('trends step back by months, ISO weeks (across a 53-week year) or equal ranges, oldest first', () => {
    expect(trailingPeriods(parsePeriod('2026-02'), 3).map((p) => p.label)).toEqual(['2025-12', '2026-01', '2026-02']);
    expect(trailingPeriods(parsePeriod('2027-W01'), 3).map((p) => p.label)).toEqual(['2026-W52', '2026-W53', '2027-W01']);
    const range = rangePeriod(parseIsoDay('2026-10-11')!, parseIsoDay('2026-10-20')!);
    expect(trailingPeriods(range, 2).map(show)).toEqual([
      '2026-10-01..2026-10-10 2026-10-01..2026-10-10 @2026-10-10',
      '2026-10-11..2026-10-20 2026-10-11..2026-10-20 @2026-10-20',
    ]);
  });
  it('rejects malformed periods and reversed ranges', () => {
    expect(() => parsePeriod('2026-00')).toThrow('expected a month like 2026-10');
    expect(() => parsePeriod('2025-W53')).toThrow('2025 has 52 ISO weeks');
    expect(() => rangePeriod(parseIsoDay('2026-10-02')!, parseIsoDay('2026-10-01')!)).toThrow('the period ends (2026-10-01) before it starts (2026-10-02)');
  });
});

describe('periods named relative to the extract date', () => {
  const taken = parseIsoDay('2026-11-20')!; // a Friday in ISO week 47
  const named = (name: string) => {
    const p = relativePeriod(name, taken)!;
    return [p.label, formatIso(p.from), formatIso(p.to)];
  };

  it('last-month, last-week and this-month-to-date', () => {
    expect(named('last-month')).toEqual(['2026-10', '2026-10-01', '2026-10-31']);
    expect(named('last-week')).toEqual(['2026-W46', '2026-11-09', '2026-11-15']);
    expect(named('this-month-to-date')).toEqual(['2026-11 to date', '2026-11-01', '2026-11-20']);
    expect(relativePeriod('next-month', taken)).toBeUndefined();
  });

  it('last-week across a year end: taken on Monday 04/01/2027 (ISO week 1) gives 2026-W53', () => {
    expect(relativePeriod('last-week', parseIsoDay('2027-01-04')!)!.label).toBe('2026-W53');
  });
});
