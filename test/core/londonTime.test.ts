import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../src/core/dates/localDate.js';
import { elapsedMinutes } from '../../src/core/dates/londonTime.js';

const at = (y: number, m: number, d: number, h: number, min = 0) => ({ day: dayNumber(y, m, d), minute: h * 60 + min });

describe('elapsed hours between UK local times (extracts.md)', () => {
  it('Friday 12:00 to Monday 12:00 across the October change is 73 hours', () => {
    expect(elapsedMinutes(at(2026, 10, 23, 12), at(2026, 10, 26, 12))).toBe(73 * 60);
  });
  it('and across the March change 71 hours', () => {
    expect(elapsedMinutes(at(2026, 3, 27, 12), at(2026, 3, 30, 12))).toBe(71 * 60);
  });
  it('is plain clock difference away from a change', () => {
    expect(elapsedMinutes(at(2026, 10, 5, 9, 30), at(2026, 10, 8, 9, 31))).toBe(72 * 60 + 1);
  });
  it('reads the repeated 01:30 of the autumn change as BST (the first), the missing 01:30 of spring as GMT', () => {
    expect(elapsedMinutes(at(2026, 10, 25, 0, 30), at(2026, 10, 25, 1, 30))).toBe(60);
    expect(elapsedMinutes(at(2026, 10, 25, 1, 30), at(2026, 10, 25, 2, 0))).toBe(90);
    expect(elapsedMinutes(at(2026, 3, 29, 0, 30), at(2026, 3, 29, 2, 30))).toBe(60);
  });
});
