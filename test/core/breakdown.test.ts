import { describe, expect, it } from 'vitest';
import { builtInCalendar } from '../../src/core/calendar/workingCalendar.js';
import { parsePeriod } from '../../src/core/period.js';
import { buildReport, type ReportOptions } from '../../src/core/report.js';
import { DEFAULT_SETTINGS } from '../../src/core/settings.js';
import { load } from '../robustness/demoRuns.js';
import { fileURLToPath } from 'node:url';

const DEMO = fileURLToPath(new URL('../../fixtures/demo/', import.meta.url));
const loaded = await load(DEMO);
const base: ReportOptions = { period: parsePeriod('2026-10'), settings: DEFAULT_SETTINGS, calendar: builtInCalendar('england-and-wales') };
const report = (extra: Partial<ReportOptions>) => buildReport(loaded.data, { ...base, ...extra });
const result = (r: ReturnType<typeof report>, id: string) => r.indicators.find((i) => i.id === id)!;

describe('--by any column of the records judged', () => {
  it('splits each figure by the column; the groups add up to the whole', () => {
    const byCategory = result(report({ by: 'category' }), 'visits-cp');
    const whole = result(report({}), 'visits-cp');
    expect(byCategory.groups!.map((g) => g.key)).toEqual(['Emotional abuse', 'Multiple', 'Neglect', 'Physical abuse', 'Sexual abuse']);
    expect(byCategory.groups!.reduce((n, g) => n + g.denominator, 0)).toBe(whole.denominator);
    expect(byCategory.groups!.reduce((n, g) => n + g.numerator, 0)).toBe(whole.numerator);
  });

  it('a flag reads yes or no, a blank "(no column)"', () => {
    const groups = result(report({ by: 'looked_after' }), 'rhi-within-72h').groups!;
    expect(groups.map((g) => g.key)).toEqual(['(no looked_after)', 'no', 'yes']);
  });

  it('an indicator whose records lack the column is not broken down, and says so', () => {
    const timeliness = result(report({ by: 'category' }), 'assessment-timeliness');
    expect(timeliness.groups).toBeUndefined();
    expect(timeliness.warnings).toEqual(['not broken down by category: assessments records have no category column']);
  });
});

describe('--where filters every cohort', () => {
  it('keeps only the rows with one of the values (case-insensitive); the group of that value is the filtered figure', () => {
    const neglect = result(report({ where: { category: ['neglect'] } }), 'supervision-6-weeks');
    const groups = result(report({ by: 'category' }), 'supervision-6-weeks').groups!;
    const group = groups.find((g) => g.key === 'Neglect')!;
    expect([neglect.numerator, neglect.denominator]).toEqual([group.numerator, group.denominator]);
    expect(neglect.exceptions.length).toBe(group.denominator - group.numerator);
  });

  it('flags match by meaning: Y, yes and true are one value', () => {
    const yes = result(report({ where: { looked_after: ['Y'] } }), 'rhi-within-72h');
    const alsoYes = result(report({ where: { looked_after: ['true'] } }), 'rhi-within-72h');
    expect(yes.denominator).toBe(1);
    expect(alsoYes.denominator).toBe(1);
  });

  it('an indicator whose records lack a filtered column is not computed, with the reason', () => {
    const r = report({ where: { plan_type: ['CP'] } });
    expect(r.notComputed.find((n) => n.id === 'assessment-timeliness')).toEqual({ id: 'assessment-timeliness', reason: 'cannot be filtered on plan_type: assessments records have no plan_type column' });
    expect(r.where).toEqual({ plan_type: ['CP'] });
  });
});

describe('an indicator whose rows are not records (caseload: workers)', () => {
  it('is not broken down by a record column, and not computed under a filter on one, saying why', () => {
    const caseload = result(report({ by: 'category' }), 'caseload-18-or-less');
    expect(caseload.groups).toBeUndefined();
    expect(caseload.warnings).toEqual(['not broken down by category: its rows are workers, which carry only team and worker']);
    expect(report({ where: { category: ['Neglect'] } }).notComputed.find((n) => n.id === 'caseload-18-or-less')).toEqual({
      id: 'caseload-18-or-less',
      reason: 'cannot be filtered on category: its rows are workers, which carry only team and worker',
    });
    // By team, its own column, it is broken down as before.
    expect(result(report({ by: 'team' }), 'caseload-18-or-less').groups!.length).toBeGreaterThan(0);
  });
});
