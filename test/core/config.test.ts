import { describe, expect, it } from 'vitest';
import { resolveConfig, settingsInForce, settingsRead, timescaleSource, type ResolvedSettings } from '../../src/core/config.js';
import { findIndicator, INDICATORS } from '../../src/core/indicators/registry.js';
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

function resolved(raw: unknown): ResolvedSettings {
  const result = resolveConfig(raw, INDICATORS);
  if (!('settings' in result)) throw new Error(result.errors.join('\n'));
  return result;
}

describe('the second wave\'s timescales', () => {
  const highest = {
    icpcWorkingDays: 260,
    ihaWorkingDays: 260,
    contactDecisionWorkingDays: 260,
    auditActionWorkingDays: 260,
    placementMovesMonths: 120,
    placementMovesCount: 100,
    reviewIntervals: { CLA: { first: { workingDays: 260 }, second: { calendarDays: 366 }, later: { months: 120 } }, CP: { first: { months: 120 }, later: { calendarDays: 366 } } },
  };

  it('take working days up to 260, months up to 120, placement moves up to 100, review intervals in any of the three units', () => {
    expect(resolveConfig(highest, INDICATORS).errors).toEqual([]);
    const errors = resolveConfig(
      {
        icpcWorkingDays: 261,
        ihaWorkingDays: 0,
        contactDecisionWorkingDays: 1.5,
        auditActionWorkingDays: 261,
        placementMovesMonths: 121,
        placementMovesCount: 101,
        reviewIntervals: { CLA: { first: { workingDays: 261 }, second: { calendarDays: 367 }, later: { months: 121 } }, CP: { first: { hours: 72 }, later: { months: 0 } } },
      },
      INDICATORS,
    ).errors.join('\n');
    const keys = ['icpcWorkingDays', 'ihaWorkingDays', 'contactDecisionWorkingDays', 'auditActionWorkingDays', 'placementMovesMonths', 'placementMovesCount'];
    for (const key of [...keys, 'reviewIntervals.CLA.first', 'reviewIntervals.CLA.second', 'reviewIntervals.CLA.later', 'reviewIntervals.CP.first', 'reviewIntervals.CP.later']) {
      // A union names the unit that is out of bounds: reviewIntervals.CLA.first.workingDays.
      expect(errors).toMatch(new RegExp(`^${key}[.:]`, 'm'));
    }
  });

  it('refuse a review the plan type has not (CP has no second) and an unknown plan type', () => {
    const errors = resolveConfig({ reviewIntervals: { CP: { second: { months: 6 } }, CIN: { first: { months: 3 } } } }, INDICATORS).errors.join('\n');
    expect(errors).toContain('reviewIntervals.CP');
    expect(errors).toContain('CIN');
  });

  it('review intervals merge review by review; each is a setting with its source, read by the indicators that use it', () => {
    const r = resolved({ reviewIntervals: { CLA: { first: { workingDays: 15 } } }, icpcWorkingDays: 10 });
    expect(r.settings.reviewIntervals).toEqual({ ...DEFAULT_SETTINGS.reviewIntervals, CLA: { ...DEFAULT_SETTINGS.reviewIntervals.CLA, first: { workingDays: 15 } } });
    expect(r.sources).toEqual({ 'reviewIntervals.CLA.first': 'config', icpcWorkingDays: 'config' });
    const cla = findIndicator('cla-review-timeliness')!;
    const cp = findIndicator('cp-review-timeliness')!;
    const icpc = findIndicator('icpc-15-working-days')!;
    expect(settingsRead((s) => cla.timescale(s), r.settings).sort()).toEqual(['reviewIntervals.CLA.first', 'reviewIntervals.CLA.later', 'reviewIntervals.CLA.second']);
    expect(settingsRead((s) => cp.timescale(s), r.settings).sort()).toEqual(['reviewIntervals.CP.first', 'reviewIntervals.CP.later']);
    expect(settingsRead((s) => icpc.timescale(s), r.settings)).toEqual(['icpcWorkingDays']);
    expect([timescaleSource(r, cla), timescaleSource(r, cp), timescaleSource(r, icpc)]).toEqual(['config', 'default', 'config']);
    expect(icpc.title(r.settings)).toBe('Initial child protection conferences within 10 working days of the strategy discussion');
  });

  it('are listed in force, each review interval as a span like the visit intervals', () => {
    const list = settingsInForce(resolved({ reviewIntervals: { CP: { later: { months: 4 } } }, placementMovesCount: 4 }));
    expect(list).toContainEqual({ setting: 'reviewIntervals.CLA.first', value: { workingDays: 20 }, source: 'default' });
    expect(list).toContainEqual({ setting: 'reviewIntervals.CP.later', value: { months: 4 }, source: 'config' });
    expect(list).toContainEqual({ setting: 'placementMovesCount', value: 4, source: 'config' });
    expect(list).toContainEqual({ setting: 'auditActionWorkingDays', value: 20, source: 'default' });
    expect(list.map((s) => s.setting)).not.toContain('reviewIntervals.CLA');
    expect(list.map((s) => s.setting)).not.toContain('auditThemes');
  });
});
