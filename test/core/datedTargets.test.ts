import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/core/config.js';
import { parseIsoDay } from '../../src/core/dates/localDate.js';
import { findIndicator, INDICATORS } from '../../src/core/indicators/registry.js';
import { targetOf } from '../../src/core/report.js';
import type { Settings } from '../../src/core/settings.js';

const day = (iso: string) => parseIsoDay(iso)!;
const timeliness = findIndicator('assessment-timeliness')!;

function settingsOf(raw: unknown): Settings {
  const result = resolveConfig(raw, INDICATORS);
  if (!('settings' in result)) throw new Error(result.errors.join('\n'));
  return result.settings;
}

describe('dated targets (a trajectory)', () => {
  // West Sussex WS 4 style: 70 % from 01/10/2019, then 95 % from 01/03/2020.
  const settings = settingsOf({ targets: { 'assessment-timeliness': [{ from: '2019-10-01', target: 70 }, { from: '2020-03-01', target: 95 }] } });

  it('the target in force on a day is the last step on or before it; none before the first', () => {
    expect(targetOf(timeliness, settings, day('2019-09-30'))).toBeNull();
    expect(targetOf(timeliness, settings, day('2019-10-01'))).toBe(0.7);
    expect(targetOf(timeliness, settings, day('2020-02-29'))).toBe(0.7);
    expect(targetOf(timeliness, settings, day('2020-03-01'))).toBe(0.95);
    expect(targetOf(timeliness, settings, day('2026-10-31'))).toBe(0.95);
  });

  it('a plain target holds on every day; no target configured, the default', () => {
    const plain = settingsOf({ targets: { 'assessment-timeliness': 80 } });
    expect(targetOf(timeliness, plain, day('2001-01-01'))).toBe(0.8);
    expect(targetOf(timeliness, settingsOf({}), day('2001-01-01'))).toBe(0.9);
  });

  it('each step is checked like a plain target, and steps must be in date order', () => {
    expect(resolveConfig({ targets: { 'assessment-timeliness': [{ from: '2020-03-01', target: 95 }, { from: '2019-10-01', target: 70 }] } }, INDICATORS).errors).toEqual([
      'targets.assessment-timeliness.1.from: dated targets must be in date order, each after the one before',
    ]);
    expect(resolveConfig({ targets: { 'assessment-timeliness': [{ from: '2019-10-01', target: 0.7 }] } }, INDICATORS).errors).toEqual([
      'targets.assessment-timeliness.0.target: targets are percentages: did you mean 70?',
    ]);
    expect(resolveConfig({ targets: { 'missing-over-5-days': [{ from: '2019-10-01', target: 2.5 }] } }, INDICATORS).errors).toEqual([
      'targets.missing-over-5-days.0.target: a count target is a whole number, got 2.5',
    ]);
    expect(resolveConfig({ targets: { 'assessment-timeliness': [{ from: '2019-02-30', target: 70 }] } }, INDICATORS).errors.join('\n')).toContain('"2019-02-30" is not a date');
    expect(resolveConfig({ targets: { 'assessment-timeliness': [] } }, INDICATORS).errors.join('\n')).toContain('targets.assessment-timeliness');
  });
});
