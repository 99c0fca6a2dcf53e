import { beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/core/config.js';
import type { Dataset } from '../../src/core/dataset.js';
import { indicatorsFor, INDICATORS } from '../../src/core/indicators/registry.js';
import type { IndicatorDefinition } from '../../src/core/indicators/types.js';
import { parsePeriod } from '../../src/core/period.js';
import type { Settings } from '../../src/core/settings.js';
import { casesOf, loadScenario, reportOf } from './helpers.js';

// fixtures/indicators/shapes/: six plans, five supervision records, five visits, seven assessments
// and six referrals, each placed on an edge. October 2026, as at 31/10/2026.
const october = parsePeriod('2026-10');

function settingsOf(indicators: unknown[]): Settings {
  const result = resolveConfig({ indicators }, INDICATORS);
  if (!('settings' in result)) throw new Error(result.errors.join('\n'));
  return result.settings;
}

function custom(entry: Record<string, unknown>): { indicator: IndicatorDefinition; settings: Settings } {
  const settings = settingsOf([entry]);
  return { indicator: indicatorsFor(settings).at(-1)!, settings };
}

/** Record id → counted, sorted by record id. */
function outcomes(indicator: IndicatorDefinition, data: Dataset, settings: Settings, period = october): [string, boolean][] {
  return casesOf(indicator, data, period, settings)
    .map((row): [string, boolean] => [row.recordId, row.counted])
    .sort(([a], [b]) => (a < b ? -1 : 1));
}

let data: Dataset;
beforeAll(async () => {
  data = await loadScenario('shapes', ['supervision', 'visits', 'referrals']);
});

describe('due (WS 17: neglect cases with supervision or oversight in 4 weeks)', () => {
  const ws17 = {
    id: 'ws17-neglect-oversight-4-weeks',
    title: 'Neglect cases with supervision or oversight in 4 weeks',
    shape: 'due',
    plans: { where: { category: ['Neglect'] } },
    records: { extract: 'supervision', where: { kind: ['supervision', 'oversight'] } },
    within: { calendarDays: 28 },
    target: 90,
  };

  it('one row per child with an open neglect plan; met when the latest record (else the plan start) is within 28 days', () => {
    const { indicator, settings } = custom(ws17);
    // Open neglect plans on 31/10/2026: C1, C3, C4 (ends on the as-at date: still open), C5; C6 ended in June.
    // C1: supervision 10/10 → due 07/11: met. C3: oversight 20/09 → due 18/10: not met.
    // C4: its only record is 05/11, after the as-at date: the clock runs from the plan start 30/04/2025: not met.
    // C5: supervision 03/10 → due 31/10, the as-at date itself: met.
    expect(outcomes(indicator, data, settings)).toEqual([['P1', true], ['P3', false], ['P4', false], ['P5', true]]);
    const result = reportOf(data, october, { settings }, indicatorsFor(settings)).indicators.find((r) => r.id === ws17.id)!;
    // Issue 10: n = 4 is under minCohort 5, so no RAG (red before).
    expect([result.numerator, result.denominator, result.target, result.rag, result.ragReason]).toEqual([2, 4, 0.9, 'none', 'n < 5']);
    expect(result.exceptions.map((e) => e.childId)).toEqual(['C3', 'C4']);
  });

  it('a filter on the records narrows what resets the clock', () => {
    // Oversight only: C1 and C5 have supervision, not oversight, so their clocks run from the plan start.
    const { indicator, settings } = custom({ ...ws17, records: { extract: 'supervision', where: { kind: ['oversight'] } } });
    expect(outcomes(indicator, data, settings)).toEqual([['P1', false], ['P3', false], ['P4', false], ['P5', false]]);
  });
});

describe('flag', () => {
  it('records with the date in the period, filtered; counted when the flag is yes, blank is not', () => {
    const { indicator, settings } = custom({ id: 'cp-visit-seen-alone', shape: 'flag', extract: 'visits', date: 'visit_date', flag: 'seen_alone', where: { plan_type: ['CP'] } });
    // V1 yes, V2 no, V3 blank (not recorded); V4 is a CIN visit, V5 is in September.
    expect(outcomes(indicator, data, settings)).toEqual([['V1', true], ['V2', false], ['V3', false]]);
    expect(indicator.records).toEqual(['visits']);
  });
});

describe('within', () => {
  const entry = { id: 'assessment-10-days', shape: 'within', extract: 'assessments', date: 'start_date', start: 'start_date', end: 'completed_date', within: { workingDays: 10 } };

  it('counted when the end is on or before the N-th working day; a blank end is pending while the window is open', () => {
    const { indicator, settings } = custom(entry);
    // A1 01/10 → 15/10 is the 10th working day: counted. A2 ends 16/10, the 11th: not.
    // A3 starts 26/10, window to 09/11, still open on 31/10: pending, left out.
    // A4 starts 02/10, window closed 16/10 with no end: not counted. A5 starts in September.
    expect(outcomes(indicator, data, settings)).toEqual([['A1', true], ['A2', false], ['A4', false]]);
  });

  it('working days skip the Christmas bank holidays', () => {
    const { indicator, settings } = custom(entry);
    // From Monday 21/12/2026: 22, 23, 24, (25 Christmas, 28 Boxing Day substitute), 29, 30, 31, (01/01), 04, 05, 06, 07.
    // A6 ends 07/01/2027, the 10th working day: counted; A7 ends 08/01: not.
    expect(outcomes(indicator, data, settings, parsePeriod('2026-12'))).toEqual([['A6', true], ['A7', false]]);
  });
});

describe('repeat', () => {
  it('counted when the child has an earlier record within 12 months before (clamped, inclusive); the same day is not earlier', () => {
    const { indicator, settings } = custom({ id: 're-ref', shape: 'repeat', extract: 'referrals', date: 'referral_date', within: { months: 12 }, direction: 'lower' });
    // R2 15/10/2026 after R1 15/10/2025, exactly 12 months: counted. R4 after R3 14/10/2025, a day more: not.
    // R5 and R6 are the same day: neither is earlier than the other.
    expect(outcomes(indicator, data, settings)).toEqual([['R2', true], ['R4', false], ['R5', false], ['R6', false]]);
    const result = reportOf(data, october, { settings }, indicatorsFor(settings)).indicators.find((r) => r.id === 're-ref')!;
    // Lower is better: the exception is the counted re-referral.
    expect(result.exceptions.map((e) => e.recordId)).toEqual(['R2']);
  });

  it('without a span, any earlier record counts', () => {
    const { indicator, settings } = custom({ id: 're-ref-ever', shape: 'repeat', extract: 'referrals', date: 'referral_date' });
    expect(outcomes(indicator, data, settings)).toEqual([['R2', true], ['R4', true], ['R5', false], ['R6', false]]);
  });
});

describe('open-longer-than and count', () => {
  it('open on the as-at date and longer than 18 months: counted the day after start + 18 months', () => {
    const { indicator, settings } = custom({ id: 'long-cp', shape: 'open-longer-than', extract: 'plans', start: 'start_date', end: 'end_date', where: { plan_type: ['CP'] }, within: { months: 18 } });
    // P4 30/04/2025 + 18 months = 30/10/2026 < 31/10: counted (and it ends on the as-at date, still open).
    // P5 01/05/2025 + 18 months = 01/11/2026: not yet. P1, P2 are recent; P3 is CIN; P6 closed.
    expect(outcomes(indicator, data, settings)).toEqual([['P1', false], ['P2', false], ['P4', true], ['P5', false]]);
  });

  it('counts records dated in the period, or open on the as-at date', () => {
    const started = custom({ id: 'cp-starts', shape: 'count', extract: 'plans', date: 'start_date', where: { plan_type: ['CP'] } });
    expect(outcomes(started.indicator, data, started.settings)).toEqual([['P2', true]]);
    const open = custom({ id: 'cp-open', shape: 'count', extract: 'plans', start: 'start_date', end: 'end_date', where: { plan_type: ['cp'] } });
    expect(outcomes(open.indicator, data, open.settings)).toEqual([['P1', true], ['P2', true], ['P4', true], ['P5', true]]);
    expect(open.indicator.kind).toBe('count');
  });
});

describe('config validation of declarative indicators', () => {
  const errors = (indicators: unknown[]) => {
    const result = resolveConfig({ indicators }, INDICATORS);
    return 'settings' in result ? [] : result.errors;
  };

  it('names the path and the names available for an unknown extract, column or code', () => {
    expect(errors([{ id: 'x', shape: 'flag', extract: 'visit', date: 'visit_date', flag: 'seen_alone' }])).toEqual([
      'indicators.0.extract: no extract "visit" (extracts: assessments, plans, visits, missing, supervision, referrals, audits, audit-actions, reviews, enquiries, placements, careleavers, health, contacts)',
    ]);
    expect(errors([{ id: 'x', shape: 'flag', extract: 'visits', date: 'visited', flag: 'plan_type' }])).toEqual([
      'indicators.0.date: visits has no date or datetime column "visited" (its date and datetime columns: visit_date)',
      'indicators.0.flag: visits has no flag column "plan_type" (its flag columns: seen_alone)',
    ]);
    expect(errors([{ id: 'x', shape: 'due', plans: { where: { plan_type: ['CPP'] } }, records: { extract: 'supervision' }, within: { calendarDays: 28 } }])).toEqual([
      'indicators.0.plans.where.plan_type: "CPP" is not a plan_type code (codes: CIN, CP, CLA, PF, CL)',
    ]);
  });

  it('refuses an id already taken, a count with both date and start, and a span in two units', () => {
    expect(errors([{ id: 'assessment-timeliness', shape: 'count', extract: 'plans', date: 'start_date' }])).toEqual([
      'indicators.0.id: "assessment-timeliness" is already an indicator\'s id; choose another',
    ]);
    expect(errors([{ id: 'x', shape: 'count', extract: 'plans', date: 'start_date', start: 'start_date' }])).toEqual([
      'indicators.0: a count needs either date (records in the period) or start (records open on the as-at date), not both',
    ]);
    expect(errors([{ id: 'x', shape: 'repeat', extract: 'referrals', date: 'referral_date', within: { months: 12, calendarDays: 3 } }]).join('\n')).toContain('indicators.0.within');
  });

  it('checks a custom target like a built-in one (percentages, dated) and lets targets name custom ids', () => {
    expect(errors([{ id: 'x', shape: 'count', extract: 'plans', date: 'start_date', target: 2.5 }])).toEqual(['indicators.0.target: a count target is a whole number, got 2.5']);
    const result = resolveConfig(
      { indicators: [{ id: 'x', shape: 'flag', extract: 'visits', date: 'visit_date', flag: 'seen_alone', target: [{ from: '2026-01-01', target: 60 }] }], targets: { x: 70 } },
      INDICATORS,
    );
    expect('settings' in result && result.settings.targets).toEqual({ x: 0.7 });
  });
});
