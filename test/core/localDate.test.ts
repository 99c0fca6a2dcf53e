import { describe, expect, it } from 'vitest';
import { dayNumber, formatIso, formatUk } from '../../src/core/dates/localDate.js';

// Leap day, a month end, the first of a year; each asked twice, the second time from the kept texts.
const DAYS = [dayNumber(2024, 2, 29), dayNumber(2026, 10, 31), dayNumber(2027, 1, 1)];

describe('formatUk', () => {
  it('writes day/month/year with two-digit days and months, the same text each time a day is asked for again', () => {
    const texts = ['29/02/2024', '31/10/2026', '01/01/2027'];
    expect(DAYS.map(formatUk)).toEqual(texts);
    expect(DAYS.map(formatUk)).toEqual(texts);
  });
});

describe('formatIso', () => {
  it('writes year-month-day with two-digit months and days, the same text each time a day is asked for again', () => {
    const texts = ['2024-02-29', '2026-10-31', '2027-01-01'];
    expect(DAYS.map(formatIso)).toEqual(texts);
    expect(DAYS.map(formatIso)).toEqual(texts);
  });
});
