import { beforeAll, describe, expect, test } from 'vitest';
import type { Dataset } from '../../src/core/dataset.js';
import { UsageError } from '../../src/core/errors.js';
import { findIndicator } from '../../src/core/indicators/registry.js';
import { indicatorForSample } from '../../src/cli/sampleIndicator.js';
import type { Sample } from '../../src/core/sample/sample.js';
import { draw, idsOf, loadScenario } from './helpers.js';

let data: Dataset;
beforeAll(async () => {
  data = await loadScenario('hand-worked');
});

const indicator = (id: string) => findIndicator(id)!;
const outcomes = (sample: Sample) => Object.fromEntries(sample.rows.map((row) => [row.recordId, [row.met, row.detail]]));

describe('--indicator: each sampled record carries the outcome', () => {
  test('assessment-timeliness on all six eligible assessments (hand-worked working days)', () => {
    const sample = draw(data, { kind: 'assessments', size: 10, indicator: indicator('assessment-timeliness') });
    expect(outcomes(sample)).toEqual({
      // 01/09 → 05/10: 21 working days in September after the 1st, 3 in October.
      A1001: [true, 'completed after 24 working days'],
      // referral Sat 01/08 → 20/10: 20 in August (31/08 a bank holiday), 22 in September, 14 in October.
      A1002: [false, 'completed after 56 working days'],
      A1007: [false, 'completed after 108 working days'],
      A1008: [true, 'completed after 21 working days'],
      // Still open: not in the cohort of a rate over completed assessments.
      A1003: [null, 'not counted by assessment-timeliness'],
      A1009: [null, 'not counted by assessment-timeliness'],
    });
  });

  test('plans carry a snapshot indicator of the child (supervision-6-weeks)', () => {
    const sample = draw(data, { kind: 'plans', size: 10, indicator: indicator('supervision-6-weeks') });
    expect(outcomes(sample)).toEqual({
      P2001: [true, 'last supervision 14/10/2026; next due 25/11/2026'],
      P2002: [false, 'last supervision 30/08/2026; due 11/10/2026, 20 days overdue'],
      P2005: [true, 'no supervision since plan start 31/10/2026; next due 12/12/2026'],
    });
  });
});

describe('--only', () => {
  test('exceptions: every sampled record is one the indicator counts as not met', () => {
    for (const seed of ['2026-11', 'a', 'b']) {
      const sample = draw(data, { kind: 'assessments', size: 10, seed, indicator: indicator('assessment-timeliness'), only: 'exceptions' });
      expect(idsOf(sample).sort()).toEqual(['A1002', 'A1007']);
      expect(sample.rows.every((row) => row.met === false)).toBe(true);
      expect(sample.eligible).toBe(2);
    }
  });

  test('exceptions with a size below the number of exceptions draws from them only', () => {
    const sample = draw(data, { kind: 'missing', size: 1, indicator: indicator('rhi-within-72h'), only: 'exceptions' });
    expect(outcomes(sample)).toEqual({ M3002: [false, 'no interview recorded'] });
  });

  test('met: only the records the indicator counts as met', () => {
    const sample = draw(data, { kind: 'assessments', size: 10, indicator: indicator('assessment-timeliness'), only: 'met' });
    expect(idsOf(sample).sort()).toEqual(['A1001', 'A1008']);
    expect(sample.rows.every((row) => row.met === true)).toBe(true);
  });

  test("a count's records outside the frame are not eligible, and are counted for the summary", () => {
    // A1006 has been open since July (counted by assessment-open-overdue) but its key date is not in October.
    const overdue = draw(data, { kind: 'assessments', indicator: indicator('assessment-open-overdue'), only: 'exceptions' });
    expect({ eligible: overdue.eligible, outsideFrame: overdue.outsideFrame }).toEqual({ eligible: 0, outsideFrame: 1 });
    // M3005 missing since 20/09; M3003 (since 28/10) is not yet 5 days missing on 31/10.
    const missing = draw(data, { kind: 'missing', indicator: indicator('missing-over-5-days'), only: 'exceptions' });
    expect({ eligible: missing.eligible, outsideFrame: missing.outsideFrame }).toEqual({ eligible: 0, outsideFrame: 1 });
  });
});

describe('indicator checks (usage errors)', () => {
  test('an unknown id lists the valid ids', () => {
    expect(() => indicatorForSample('nope', 'assessments', undefined)).toThrow(UsageError);
    expect(() => indicatorForSample('nope', 'assessments', undefined)).toThrow(/--indicator nope: unknown indicator; valid ids: assessment-timeliness, .*contact-decision-1-working-day$/);
  });

  test('an indicator that judges another kind names the kind it judges', () => {
    expect(() => indicatorForSample('rhi-within-72h', 'assessments', undefined)).toThrow('--indicator rhi-within-72h judges missing records, not assessments: use --kind missing');
  });

  test('--only met on a count is refused: every record a count lists is an exception', () => {
    expect(() => indicatorForSample('missing-over-5-days', 'missing', 'met')).toThrow(/--only met: missing-over-5-days is a count/);
  });

  test('an indicator that reads the kind but judges another kind says which', () => {
    // visits-cp reads visits but has one case per child's open CP plan.
    expect(() => indicatorForSample('visits-cp', 'visits', undefined)).toThrow('--indicator visits-cp judges plans records, not visits: use --kind plans');
  });

  test('an indicator whose other extract is absent cannot be computed', () => {
    expect(() => draw({ plans: data.plans! }, { kind: 'plans', indicator: indicator('visits-cp') })).toThrow('visits-cp cannot be computed: no visits extract');
  });

  test('a kind whose extract was not given', () => {
    expect(() => draw({ plans: data.plans! }, { kind: 'assessments' })).toThrow('no assessments extract to sample from');
  });
});
