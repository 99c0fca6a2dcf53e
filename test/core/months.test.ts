import { describe, expect, it } from 'vitest';
import { addMonths } from '../../src/core/dates/months.js';
import { formatIso, parseIsoDay } from '../../src/core/dates/localDate.js';

const shift = (iso: string, months: number) => formatIso(addMonths(parseIsoDay(iso)!, months));

describe('N months after and before (catalogue.md)', () => {
  it.each([
    // The same day of the month…
    ['2026-01-15', 3, '2026-04-15'],
    // …clamped to a shorter month's last day: 31/08 + 6 months is 28/02, or 29/02 in a leap year.
    ['2025-08-31', 6, '2026-02-28'],
    ['2023-08-31', 6, '2024-02-29'],
    // 31/08 + 3 months = 30/11 (a review due then is met on 30/11, not on 01/12).
    ['2026-08-31', 3, '2026-11-30'],
    // 31/08/2024 + 18 months = 28/02/2026 (cp-plan-over-18-months).
    ['2024-08-31', 18, '2026-02-28'],
    // Across a year end, and 24 months on from a leap day.
    ['2026-11-30', 3, '2027-02-28'],
    ['2024-02-29', 24, '2026-02-28'],
    // Before: 29/02/2024 − 12 months = 28/02/2023; 31/03 − 1 month = 28/02 (29/02 in a leap year).
    ['2024-02-29', -12, '2023-02-28'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2024-03-31', -1, '2024-02-29'],
    ['2026-01-10', -13, '2024-12-10'],
    ['2026-05-20', 0, '2026-05-20'],
  ])('%s %+d months is %s', (from, months, expected) => {
    expect(shift(from, months)).toBe(expected);
  });
});
