import { describe, expect, it } from 'vitest';
import { dayNumber, formatUk } from '../../src/core/dates/localDate.js';

describe('formatUk', () => {
  it('writes day/month/year with two-digit days and months, the same text each time a day is asked for again', () => {
    // Leap day, a month end, the first of a year; each asked twice, the second time from the kept texts.
    const days = [dayNumber(2024, 2, 29), dayNumber(2026, 10, 31), dayNumber(2027, 1, 1)];
    const texts = ['29/02/2024', '31/10/2026', '01/01/2027'];
    expect(days.map(formatUk)).toEqual(texts);
    expect(days.map(formatUk)).toEqual(texts);
  });
});
