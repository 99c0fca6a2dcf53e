import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/core/config.js';
import { INDICATORS } from '../../src/core/indicators/registry.js';
import { DEFAULT_SETTINGS } from '../../src/core/settings.js';

describe('config files', () => {
  it('merge over the defaults; rate targets are percentages, count targets whole numbers', () => {
    const result = resolveConfig(
      { assessmentWorkingDays: 40, visitIntervals: { CP: { calendarDays: 14 } }, targets: { 'assessment-timeliness': 85, 'missing-over-5-days': 2, 'rhi-offered': null } },
      INDICATORS,
    );
    expect(result.errors).toEqual([]);
    if (!('settings' in result)) throw new Error('expected settings');
    expect(result.settings.assessmentWorkingDays).toBe(40);
    expect(result.settings.visitIntervals).toEqual({ ...DEFAULT_SETTINGS.visitIntervals, CP: { calendarDays: 14 } });
    expect(result.settings.targets).toEqual({ 'assessment-timeliness': 0.85, 'missing-over-5-days': 2, 'rhi-offered': null });
  });

  it('refuse the names of object machinery by key path, wherever they stand', () => {
    const raw = JSON.parse('{"targets":{"__proto__":5},"extracts":{"plans":{"values":{"plan_type":{"constructor":"CP"}}}}}');
    expect(resolveConfig(raw, INDICATORS).errors).toEqual([
      'targets.__proto__: "__proto__" is not a name the config can use',
      'extracts.plans.values.plan_type.constructor: "constructor" is not a name the config can use',
    ]);
  });

  it('keep timescales within a year and count targets whole', () => {
    const errors = resolveConfig(
      { assessmentWorkingDays: 9007199254740991, supervisionDays: 367, rhiHours: 8785, visitIntervals: { CLA: { calendarDays: 400 } }, targets: { 'missing-over-5-days': 0.5 } },
      INDICATORS,
    ).errors.join('\n');
    for (const key of ['assessmentWorkingDays', 'supervisionDays', 'rhiHours', 'visitIntervals.CLA']) expect(errors).toContain(key);
    expect(resolveConfig({ targets: { 'missing-over-5-days': 0.5 } }, INDICATORS).errors).toEqual(['targets.missing-over-5-days: a count target is a whole number, got 0.5']);
    expect(resolveConfig({ assessmentWorkingDays: 260, supervisionDays: 366, rhiHours: 8784 }, INDICATORS).errors).toEqual([]);
  });

  it('name the key and the fix for every problem', () => {
    const result = resolveConfig({ rhiHours: -1, tolerence: 5, visitIntervals: { CP: { weeks: 2 } } }, INDICATORS);
    expect(result.errors.join('\n')).toMatch(/rhiHours: .*>0/);
    expect(result.errors.join('\n')).toContain('tolerence');
    expect(result.errors.join('\n')).toContain('visitIntervals.CP');
  });

  it('reject unknown indicators and rate targets over 100', () => {
    expect(resolveConfig({ targets: { 'no-such': 50, 'assessment-timeliness': 90.5, 'rhi-offered': 101 } }, INDICATORS).errors).toEqual([
      'targets.no-such: no such indicator (see `csc-metrics indicators`)',
      'targets.rhi-offered: a rate target is a percentage from 0 to 100, got 101',
    ]);
  });
});
