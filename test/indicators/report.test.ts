// Report assembly over the indicators: RAG against targets, empty cohorts,
// not-computed indicators, --by groups and --trend series. Hand-worked from
// fixtures/indicators/{rag,assessments,missing-over-5-days,supervision,trend}/.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/core/dataset.js';
import { INDICATORS } from '../../src/core/indicators/registry.js';
import { parsePeriod, withAsAt } from '../../src/core/period.js';
import { ragOf, ragOfFigure } from '../../src/core/rag.js';
import { configSchema, DEFAULT_SETTINGS } from '../../src/core/settings.js';
import { day, figure, loadScenario, loadTables, reportOf, resultOf } from './helpers.js';

const october = parsePeriod('2026-10');

describe('RAG against the default targets (tolerance 5 points)', () => {
  // fixtures/indicators/rag/assessments.csv: 20 assessments completed Thu 15 Oct 2026.
  //   A0601-A0618 clock 1 Oct: 2, 5-9, 12-15 Oct = 10 working days: met.
  //   A0619-A0620 clock Wed 1 Jul: 22 (Jul) + 20 (Aug) + 22 (Sep) + 11 (1-15 Oct) = 75: not met.
  //   child_seen Y on A0601-A0619, N on A0620.
  //   child_seen_alone Y on A0601-A0613, N on A0614-A0620.
  //   child_voice_recorded Y on A0601-A0618, blank on A0619-A0620.
  let data: Dataset;
  beforeAll(async () => {
    data = await loadScenario('rag');
  });

  it('green at exactly the target: timeliness 18/20 = 90 % against 90 %', () => {
    expect(figure(resultOf(reportOf(data, october), 'assessment-timeliness'))).toEqual({ numerator: 18, denominator: 20, value: 0.9, rag: 'green' });
  });

  it('green at exactly the target: child seen 19/20 = 95 % against 95 %', () => {
    expect(figure(resultOf(reportOf(data, october), 'assessment-child-seen'))).toEqual({ numerator: 19, denominator: 20, value: 0.95, rag: 'green' });
  });

  it('amber when short by exactly the tolerance: seen alone 13/20 = 65 % against 70 %', () => {
    expect(figure(resultOf(reportOf(data, october), 'assessment-seen-alone'))).toEqual({ numerator: 13, denominator: 20, value: 0.65, rag: 'amber' });
  });

  it('red when short by more than the tolerance: voice recorded 18/20 = 90 % against 100 %', () => {
    const result = resultOf(reportOf(data, october), 'assessment-voice-recorded');
    expect(figure(result)).toEqual({ numerator: 18, denominator: 20, value: 0.9, rag: 'red' });
    expect(result.exceptions.map((e) => e.recordId)).toEqual(['A0619', 'A0620']);
  });

  it('configured targets: 65 % is amber 3 points under 68 %, red 5.01 points under 70.01 %, none without a target', () => {
    const rag = (target: number | null) =>
      resultOf(reportOf(data, october, { settings: { ...DEFAULT_SETTINGS, targets: { 'assessment-seen-alone': target } } }), 'assessment-seen-alone').rag;
    expect(rag(0.68)).toBe('amber');
    expect(rag(0.7001)).toBe('red');
    expect(rag(0.65)).toBe('green');
    expect(rag(null)).toBe('none');
  });

  it('an empty cohort has value null and RAG none, not 0 % red', () => {
    // September 2026: nothing in the fixture was completed in September.
    const report = reportOf(data, parsePeriod('2026-09'));
    for (const id of ['assessment-timeliness', 'assessment-child-seen', 'assessment-seen-alone', 'assessment-voice-recorded']) {
      expect(figure(resultOf(report, id)), id).toEqual({ numerator: 0, denominator: 0, value: null, rag: 'none' });
      expect([...resultOf(report, id).exceptions]).toMatchObject([]);
    }
  });
});

describe('RAG of counts (target 0, lower is better)', () => {
  // fixtures/indicators/missing-over-5-days/: M0005 missing from Thu 1 Oct, returned Thu 8 Oct;
  // every other episode began on or after 10 Oct.
  let data: Dataset;
  beforeAll(async () => {
    data = await loadScenario('missing-over-5-days');
  });

  it('a count of 0 is green', () => {
    // As at Fri 9 Oct: as-at - 5 = 4 Oct; only M0005 began by then and it returned 8 Oct: count 0.
    const result = resultOf(reportOf(data, withAsAt(october, day('2026-10-09'))), 'missing-over-5-days');
    expect(figure(result)).toEqual({ numerator: 0, denominator: 0, value: 0, rag: 'green' });
    expect([...result.exceptions]).toMatchObject([]);
  });

  it('a count of 1 is red: counts have no amber', () => {
    // As at Tue 6 Oct: as-at - 5 = 1 Oct; M0005 began 1 Oct and returned 8 Oct > 6 Oct: count 1.
    const result = resultOf(reportOf(data, withAsAt(october, day('2026-10-06'))), 'missing-over-5-days');
    expect(figure(result)).toEqual({ numerator: 1, denominator: 1, value: 1, rag: 'red' });
    expect([...result.exceptions]).toMatchObject([
      { childId: 'C00305', recordId: 'M0005', team: 'Team A', worker: 'Worker 03', detail: 'missing since 01/10/2026 (5 days)' },
    ]);
  });

  it('ragOf: counts compare with the target directly; lower-is-better rates flip the comparison', () => {
    const count = { kind: 'count', direction: 'lower' } as const;
    expect(ragOf(count, 0, 0, 5)).toBe('green');
    expect(ragOf(count, 1, 0, 5)).toBe('red');
    expect(ragOf(count, 2, 2, 5)).toBe('green');
    const lowerRate = { kind: 'rate', direction: 'lower' } as const;
    expect(ragOf(lowerRate, 0.25, 0.25, 5)).toBe('green'); // at the target
    expect(ragOf(lowerRate, 0.2, 0.25, 5)).toBe('green'); // better than the target
    expect(ragOf(lowerRate, 0.3, 0.25, 5)).toBe('amber'); // 5 points worse
    expect(ragOf(lowerRate, 0.31, 0.25, 5)).toBe('red'); // 6 points worse
    expect(ragOf(lowerRate, null, 0.25, 5)).toBe('none');
  });
});

describe('not computed when an extract is absent', () => {
  it('a folder without visits.csv reports the visits indicators as "no visits extract", not as 0 %', async () => {
    // fixtures/indicators/supervision/ holds plans.csv and supervision.csv only.
    const report = reportOf(await loadScenario('supervision'), october);
    // What plans and supervision alone allow: the supervision indicators and those over plans only.
    expect(report.indicators.map((r) => r.id)).toEqual(['supervision-6-weeks', 'oversight-6-weeks', 'cp-plan-over-18-months', 'cin-plan-over-2-years', 'repeat-cp-plan', 'repeat-cp-plan-2-years', 'pf-children']);
    expect(report.notComputed).toEqual([
      { id: 'assessment-timeliness', reason: 'no assessments extract' },
      { id: 'assessment-open-overdue', reason: 'no assessments extract' },
      { id: 'assessment-child-seen', reason: 'no assessments extract' },
      { id: 'assessment-seen-alone', reason: 'no assessments extract' },
      { id: 'assessment-voice-recorded', reason: 'no assessments extract' },
      { id: 'rhi-within-72h', reason: 'no missing extract' },
      { id: 'rhi-offered', reason: 'no missing extract' },
      { id: 'rhi-late-reason', reason: 'no missing extract' },
      { id: 'missing-over-5-days', reason: 'no missing extract' },
      { id: 'visits-cp', reason: 'no visits extract' },
      { id: 'visits-cin', reason: 'no visits extract' },
      { id: 'visits-cla', reason: 'no visits extract' },
      { id: 'visit-timeliness-cp', reason: 'no visits extract' },
      { id: 'visit-timeliness-cin', reason: 'no visits extract' },
      { id: 'visit-timeliness-cla', reason: 'no visits extract' },
      { id: 'pf-visit-7-days', reason: 'no visits extract' },
      { id: 're-referral-12-months', reason: 'no referrals extract' },
      // A caseload without the open assessments would be undercounted: not computed.
      { id: 'caseload-18-or-less', reason: 'no assessments extract' },
      { id: 'audits-good-or-better', reason: 'no audits extract' },
      { id: 'audits-inadequate', reason: 'no audits extract' },
      { id: 'audit-moderation-agreement', reason: 'no audits extract' },
      { id: 'audit-actions-20-working-days', reason: 'no audit-actions extract' },
      { id: 'cla-review-timeliness', reason: 'no reviews extract' },
      { id: 'cp-review-timeliness', reason: 'no reviews extract' },
      { id: 'cla-review-overdue', reason: 'no reviews extract' },
      { id: 'icpc-15-working-days', reason: 'no enquiries extract' },
      { id: 'placement-moves-3-plus', reason: 'no placements extract' },
      { id: 'iha-20-working-days', reason: 'no health extract' },
      { id: 'care-leavers-in-touch', reason: 'no careleavers extract' },
      { id: 'care-leavers-eet', reason: 'no careleavers extract' },
      { id: 'care-leavers-suitable-accommodation', reason: 'no careleavers extract' },
      { id: 'contacts-nfa', reason: 'no contacts extract' },
      { id: 'contact-decision-1-working-day', reason: 'no contacts extract' },
    ]);
  });

  it('an indicator needing two absent extracts names both', async () => {
    // fixtures/indicators/assessments/ holds assessments.csv only.
    const report = reportOf(await loadScenario('assessments'), october);
    expect(report.notComputed.find((n) => n.id === 'visits-cp')).toEqual({ id: 'visits-cp', reason: 'no plans or visits extract' });
    expect(report.notComputed.find((n) => n.id === 'supervision-6-weeks')).toEqual({ id: 'supervision-6-weeks', reason: 'no plans or supervision extract' });
    expect(report.indicators.length + report.notComputed.length).toBe(INDICATORS.length);
    expect(INDICATORS).toHaveLength(40);
  });
});

describe('--by team / --by worker', () => {
  // fixtures/indicators/assessments/, October 2026 (hand working in assessments.test.ts):
  //   timeliness: A0001 Team A/Worker 01 met, A0002 Team A/Worker 02 not met, A0003 Team B/Worker 03 met,
  //               A0004 Team B/Worker 03 met, A0005 no team/worker met.
  //   open overdue as at 31 Oct: A0007 Team A, A0011 Team A, A0008 Team B.
  let data: Dataset;
  beforeAll(async () => {
    data = await loadScenario('assessments');
  });

  it('groups a rate by team, with a group for rows without a team, each with its own RAG', () => {
    // minCohort 1 judges every group, so each group's own RAG shows (the default withholds them all: below).
    const result = resultOf(reportOf(data, october, { by: 'team', settings: { ...DEFAULT_SETTINGS, minCohort: 1 } }), 'assessment-timeliness');
    expect(result.groups).toEqual([
      { key: '(no team)', numerator: 1, denominator: 1, value: 1, rag: 'green' },
      { key: 'Team A', numerator: 1, denominator: 2, value: 0.5, rag: 'red' },
      { key: 'Team B', numerator: 2, denominator: 2, value: 1, rag: 'green' },
    ]);
    // The overall figure is unchanged by grouping: 4/5.
    expect(figure(result)).toEqual({ numerator: 4, denominator: 5, value: 0.8, rag: 'red' });
  });

  it('with the default minCohort 5, groups of 1 and 2 have no RAG, and say why; the whole (n = 5) is judged', () => {
    // Issue 10: these groups were green, red and green before; 1 of 1 says nothing about a team's practice.
    const result = resultOf(reportOf(data, october, { by: 'team' }), 'assessment-timeliness');
    expect(result.groups).toEqual([
      { key: '(no team)', numerator: 1, denominator: 1, value: 1, rag: 'none', ragReason: 'n < 5' },
      { key: 'Team A', numerator: 1, denominator: 2, value: 0.5, rag: 'none', ragReason: 'n < 5' },
      { key: 'Team B', numerator: 2, denominator: 2, value: 1, rag: 'none', ragReason: 'n < 5' },
    ]);
    expect(figure(result)).toEqual({ numerator: 4, denominator: 5, value: 0.8, rag: 'red' });
    expect(result.ragReason).toBeUndefined();
  });

  it('groups a count by team', () => {
    const result = resultOf(reportOf(data, october, { by: 'team' }), 'assessment-open-overdue');
    expect(result.groups).toEqual([
      { key: 'Team A', numerator: 2, denominator: 2, value: 2, rag: 'red' },
      { key: 'Team B', numerator: 1, denominator: 1, value: 1, rag: 'red' },
    ]);
  });

  it('groups by worker', () => {
    const result = resultOf(reportOf(data, october, { by: 'worker' }), 'assessment-timeliness');
    // Issue 10: every worker holds fewer than 5 (minCohort), so none is judged (they were green, green, red, green).
    expect(result.groups).toEqual([
      { key: '(no worker)', numerator: 1, denominator: 1, value: 1, rag: 'none', ragReason: 'n < 5' },
      { key: 'Worker 01', numerator: 1, denominator: 1, value: 1, rag: 'none', ragReason: 'n < 5' },
      { key: 'Worker 02', numerator: 0, denominator: 1, value: 0, rag: 'none', ragReason: 'n < 5' },
      { key: 'Worker 03', numerator: 2, denominator: 2, value: 1, rag: 'none', ragReason: 'n < 5' },
    ]);
  });

  it('without --by there are no groups', () => {
    expect(resultOf(reportOf(data, october), 'assessment-timeliness').groups).toBeUndefined();
  });
});

describe('--trend 3: a series over three months', () => {
  // fixtures/indicators/trend/assessments.csv; report October 2026 with trend 3 -> Aug, Sep, Oct 2026,
  // each earlier month as at its own last day.
  //
  // id     clock (referral, else start)   completed     working days
  // T0001  Mon 3 Aug                      Fri 14 Aug    4-7, 10-14 Aug = 9: met
  // T0002  Fri 1 May                      Thu 20 Aug    May 18 (4 and 25 May holidays) + Jun 22 + Jul 23 + Aug 3-20 14 = 77: not met
  // T0003  Tue 1 Sep                      Tue 15 Sep    2-4, 7-11, 14-15 Sep = 10: met
  // T0004  Thu 1 Oct                      Thu 15 Oct    2, 5-9, 12-15 Oct = 10: met
  // T0005  Mon 14 Sep                     Fri 30 Oct    15-30 Sep 12 + Oct 1-30 22 = 34: met
  // T0006  Mon 1 Jun (start, no referral) open          -
  // T0007  Wed 15 Jul (start)             Mon 5 Oct     16-31 Jul 12 + Aug 20 + Sep 22 + Oct 1, 2, 5 = 57: not met
  //
  // Timeliness by completion month: Aug T0001 met, T0002 not: 1/2. Sep T0003: 1/1. Oct T0004, T0005 met, T0007 not: 2/3.
  // Open past 45 working days at each month end:
  //   31 Aug: T0006 (Jun 21 + Jul 23 + Aug 20, 31 Aug a holiday = 64) counted; T0007 (12 + 20 = 32) not: 1.
  //   30 Sep: T0006 (86) and T0007 (54) counted: 2.
  //   31 Oct: T0006 (108) counted; T0007 completed 5 Oct: 1.
  let data: Dataset;
  beforeAll(async () => {
    data = await loadScenario('trend');
  });

  it('a rate: 1/2, 1/1, 2/3, ending with the period itself', () => {
    const result = resultOf(reportOf(data, october, { trend: 3 }), 'assessment-timeliness');
    expect(result.series?.map((p) => ({ label: p.period.label, numerator: p.numerator, denominator: p.denominator, value: p.value }))).toEqual([
      { label: '2026-08', numerator: 1, denominator: 2, value: 0.5 },
      { label: '2026-09', numerator: 1, denominator: 1, value: 1 },
      { label: '2026-10', numerator: 2, denominator: 3, value: 2 / 3 },
    ]);
    // Issue 10: 2 of 3 is under minCohort 5, so no RAG (it was red), and every point says so.
    expect(figure(result)).toEqual({ numerator: 2, denominator: 3, value: 2 / 3, rag: 'none' });
    expect(result.ragReason).toBe('n < 5');
    expect(result.series?.map((p) => [p.rag, p.ragReason])).toEqual([
      ['none', 'n < 5'],
      ['none', 'n < 5'],
      ['none', 'n < 5'],
    ]);
  });

  it('a count is taken as at the last day of each month: 1, 2, 1', () => {
    const result = resultOf(reportOf(data, october, { trend: 3 }), 'assessment-open-overdue');
    expect(result.series?.map((p) => [p.period.label, p.period.asAt, p.value])).toEqual([
      ['2026-08', day('2026-08-31'), 1],
      ['2026-09', day('2026-09-30'), 2],
      ['2026-10', day('2026-10-31'), 1],
    ]);
    expect(result.exceptions.map((e) => [e.recordId, e.detail])).toEqual([['T0006', 'open 108 working days (clock started 01/06/2026)']]);
  });

  it('without --trend there is no series', () => {
    expect(resultOf(reportOf(data, october), 'assessment-timeliness').series).toBeUndefined();
  });
});

describe('small numbers: a rate on fewer than minCohort records has no RAG (issue 10)', () => {
  // Assessments with the clock on Thu 1 Oct 2026 completed Thu 15 Oct: 2, 5-9, 12-15 Oct = 10 working days, met.
  // Timeliness target 90 % (default), tolerance 5 points, minCohort 5.
  const HEADER = 'child_id,assessment_id,referral_date,start_date,completed_date,team,worker\n';
  const met = (n: number, team: string, completed = '2026-10-15', start = '2026-10-01') => `C${n},A${n},${start},${start},${completed},${team},Worker 01\n`;
  const timeliness = async (rows: string, options: Parameters<typeof reportOf>[2] = {}, period = october) =>
    resultOf(reportOf(await loadTables({ 'assessments.csv': HEADER + rows }), period, options), 'assessment-timeliness');

  it('1 of 1 (100 % against 90 %) has no RAG, with the reason "n < 5"', async () => {
    const result = await timeliness(met(1, 'Team A'));
    expect(figure(result)).toEqual({ numerator: 1, denominator: 1, value: 1, rag: 'none' });
    expect(result.ragReason).toBe('n < 5');
  });

  it('5 of 5 is green: n = 5 is enough', async () => {
    const result = await timeliness([1, 2, 3, 4, 5].map((n) => met(n, 'Team A')).join(''));
    expect(figure(result)).toEqual({ numerator: 5, denominator: 5, value: 1, rag: 'green' });
    expect(result.ragReason).toBeUndefined();
  });

  it('a group below the minimum has none while the whole is green', async () => {
    // Team A 5 of 5, Team B 1 of 1: the whole 6 of 6.
    const result = await timeliness([1, 2, 3, 4, 5].map((n) => met(n, 'Team A')).join('') + met(6, 'Team B'), { by: 'team' });
    expect(figure(result)).toEqual({ numerator: 6, denominator: 6, value: 1, rag: 'green' });
    expect(result.groups).toEqual([
      { key: 'Team A', numerator: 5, denominator: 5, value: 1, rag: 'green' },
      { key: 'Team B', numerator: 1, denominator: 1, value: 1, rag: 'none', ragReason: 'n < 5' },
    ]);
  });

  it('a series point below the minimum has none while this period is judged', async () => {
    // September: one assessment, clock Tue 1 Sep, completed Tue 15 Sep (10 working days): 1 of 1. October: 5 of 5.
    const rows = met(0, 'Team A', '2026-09-15', '2026-09-01') + [1, 2, 3, 4, 5].map((n) => met(n, 'Team A')).join('');
    const result = await timeliness(rows, { trend: 2 });
    expect(result.series?.map((p) => [p.period.label, p.numerator, p.denominator, p.rag, p.ragReason])).toEqual([
      ['2026-09', 1, 1, 'none', 'n < 5'],
      ['2026-10', 5, 5, 'green', undefined],
    ]);
  });

  it('the reason names the minCohort in force; minCohort 1 judges every figure', async () => {
    const three = [1, 2, 3].map((n) => met(n, 'Team A')).join('');
    expect((await timeliness(three, { settings: { ...DEFAULT_SETTINGS, minCohort: 10 } })).ragReason).toBe('n < 10');
    const judged = await timeliness(met(1, 'Team A'), { settings: { ...DEFAULT_SETTINGS, minCohort: 1 } });
    expect([judged.rag, judged.ragReason]).toEqual(['green', undefined]);
  });

  it('an empty cohort has no value and so no RAG, with no n to blame', async () => {
    const result = await timeliness('');
    expect(figure(result)).toEqual({ numerator: 0, denominator: 0, value: null, rag: 'none' });
    expect(result.ragReason).toBeUndefined();
  });

  it('ragOfFigure: counts have no cohort, so a count of 1 is still judged', () => {
    const count = { kind: 'count', direction: 'lower' } as const;
    expect(ragOfFigure(count, { denominator: 1, value: 1 }, 0, DEFAULT_SETTINGS)).toEqual({ rag: 'red' });
    const rate = { kind: 'rate', direction: 'higher' } as const;
    expect(ragOfFigure(rate, { denominator: 4, value: 1 }, 0.9, DEFAULT_SETTINGS)).toEqual({ rag: 'none', ragReason: 'n < 5' });
    expect(ragOfFigure(rate, { denominator: 5, value: 0.8 }, 0.9, DEFAULT_SETTINGS)).toEqual({ rag: 'red' });
    // Without a target the RAG is none for that reason alone, whatever the n.
    expect(ragOfFigure(rate, { denominator: 4, value: 1 }, null, DEFAULT_SETTINGS)).toEqual({ rag: 'none' });
  });

  it('minCohort is a whole number of at least 1 in the config, 5 by default', () => {
    expect(DEFAULT_SETTINGS.minCohort).toBe(5);
    expect(configSchema.safeParse({ minCohort: 3 }).success).toBe(true);
    for (const bad of [0, -1, 2.5, '5']) expect(configSchema.safeParse({ minCohort: bad }).success, String(bad)).toBe(false);
  });

  it('the report carries the rules in force for the key: tolerance and minCohort', async () => {
    const report = reportOf(await loadTables({ 'assessments.csv': HEADER + met(1, 'Team A') }), october, { settings: { ...DEFAULT_SETTINGS, tolerance: 3, minCohort: 8 } });
    expect(report.ragRules).toEqual({ tolerance: 3, minCohort: 8 });
  });
});
