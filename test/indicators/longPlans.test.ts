// cp-plan-over-18-months, cin-plan-over-2-years and pf-children (catalogue.md
// "Over the existing extracts", "Edges, pinned"). Cohort: children with an open
// plan of the type on the as-at date (start <= as-at and end blank or >= as-at),
// once each, under the plan with the latest start. Long plans: counted when
// as-at > start + N months (clamped to the month's last day). pf-children: a count.
// Hand-worked from fixtures/indicators/long-plans/plans.csv:
//
// child   plan   type start       end         + 18 / 24 months
// C00601  P0601  CP   31/08/2024  -           18m: 28/02/2026 (31/08 clamped to February's end)
// C00602  P0602  CP   15/06/2024  28/02/2026  18m: 15/12/2025 (ends on 28/02/2026)
// C00603  P0603  CP   10/01/2023  -           older plan of C00603: never the one judged
// C00603  P0604  CP   01/09/2025  -           18m: 01/03/2027 (the latest start: judged, Team B)
// C00604  P0605  CP   01/12/2025  15/01/2026  closed before February's end
// C00605  P0606  CP   01/03/2026  -           18m: 01/09/2027
// C00606  P0607  CIN  29/02/2024  -           24m: 28/02/2026 (leap day, no 29/02/2026)
// C00607  P0608  CIN  01/06/2023  -           24m: 01/06/2025
// C00608  P0609  CIN  01/01/2025  -           24m: 01/01/2027
// C00609  P0610  PF   20/01/2026  -
// C00610  P0611  PF   01/11/2025  28/02/2026
// C00610  P0612  PF   10/02/2026  -           the latest start of C00610's two open PF plans (Team A)
// C00611  P0613  PF   01/06/2025  31/12/2025  closed
// C00612  P0614  CP   31/08/2022  31/03/2024  18m: 29/02/2024 (a leap February)
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/core/dataset.js';
import { cinPlanOver2Years, cpPlanOver18Months, pfChildren } from '../../src/core/indicators/longPlans.js';
import type { IndicatorDefinition } from '../../src/core/indicators/types.js';
import { parsePeriod, withAsAt } from '../../src/core/period.js';
import { buildReport } from '../../src/core/report.js';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings.js';
import { calendar, casesOf, day, figure, loadScenario, resultOf, view } from './helpers.js';

// February 2026: the as-at date is its last day, 28/02/2026.
const february = parsePeriod('2026-02');
const asAt = (iso: string) => withAsAt(parsePeriod(iso.slice(0, 7)), day(iso));

function report(indicator: IndicatorDefinition, period = february, settings: Settings = DEFAULT_SETTINGS) {
  return resultOf(buildReport(data, { period, settings, calendar }, [indicator]), indicator.id);
}

let data: Dataset;
beforeAll(async () => {
  data = await loadScenario('long-plans');
});

describe('cp-plan-over-18-months', () => {
  it('as at 28/02/2026: 18 months after 31/08/2024 is that day itself, so not yet counted', () => {
    // Cohort: C00601, C00602 (ends on the as-at date: still open on it), C00603 (its newest plan P0604).
    // C00604 ended 15/01; C00605 starts 01/03; C00612 ended in 2024.
    // Counted: C00602 only (28/02/2026 > 15/12/2025). C00601: 28/02/2026 is not after 28/02/2026.
    expect(view(casesOf(cpPlanOver18Months, data, february))).toEqual([
      { recordId: 'P0601', childId: 'C00601', counted: false, detail: 'open since 31/08/2024: 18 months on 28/02/2026' },
      { recordId: 'P0602', childId: 'C00602', counted: true, detail: 'open since 15/06/2024: 18 months on 15/12/2025' },
      { recordId: 'P0604', childId: 'C00603', counted: false, detail: 'open since 01/09/2025: 18 months on 01/03/2027' },
    ]);
  });

  it('as at 01/03/2026 the 31/08/2024 plan is counted; the plan that ended on 28/02 has left the cohort', () => {
    // Cohort: C00601 (counted now), C00603 (P0604, not), C00605 (P0606 starts on the as-at date: open, not counted).
    // C00602 ended 28/02/2026 < 01/03/2026: not open.
    expect(view(casesOf(cpPlanOver18Months, data, asAt('2026-03-01')))).toEqual([
      { recordId: 'P0601', childId: 'C00601', counted: true, detail: 'open since 31/08/2024: 18 months on 28/02/2026' },
      { recordId: 'P0604', childId: 'C00603', counted: false, detail: 'open since 01/09/2025: 18 months on 01/03/2027' },
      { recordId: 'P0606', childId: 'C00605', counted: false, detail: 'open since 01/03/2026: 18 months on 01/09/2027' },
    ]);
  });

  it('in a leap year, 18 months after 31/08/2022 is 29/02/2024', () => {
    // Open CP plans in early 2024: C00603's P0603 (from 10/01/2023; 18 months on 10/07/2024, not counted)
    // and C00612's P0614 (from 31/08/2022; 18 months on 29/02/2024: not on that day, counted the day after).
    const at = (iso: string) => view(casesOf(cpPlanOver18Months, data, asAt(iso))).map((r) => [r.recordId, r.counted]);
    expect(at('2024-02-29')).toEqual([['P0603', false], ['P0614', false]]);
    expect(at('2024-03-01')).toEqual([['P0603', false], ['P0614', true]]);
  });

  it('in a report, 1 of 3 is red against 10 % and the exceptions are the counted plans (lower is better)', () => {
    // 1/3 = 33.3 % > 10 % + 5 points of tolerance: red. The exception is C00602's plan (counted), not the two shorter ones.
    const result = report(cpPlanOver18Months);
    // Issue 10: n = 3 is under minCohort 5, so no RAG (red before) and ragReason "n < 5".
    expect(figure(result)).toEqual({ numerator: 1, denominator: 3, value: 1 / 3, rag: 'none' });
    expect(result.ragReason).toBe('n < 5');
    expect(result.title).toBe('CP plans open longer than 18 months');
    expect([...result.exceptions]).toMatchObject([
      { childId: 'C00602', recordId: 'P0602', team: 'Team A', worker: 'Worker 02', detail: 'open since 15/06/2024: 18 months on 15/12/2025' },
    ]);
  });

  it('follows a changed setting, in its title and its figures', () => {
    // 12 months: C00601 (31/08/2025) and C00602 (15/06/2025) are counted as at 28/02/2026; C00603's P0604 (01/09/2026) is not.
    const result = report(cpPlanOver18Months, february, { ...DEFAULT_SETTINGS, cpPlanLongMonths: 12 });
    expect(result.title).toBe('CP plans open longer than 12 months');
    expect(result.timescale).toBe('12 months');
    expect(figure(result)).toMatchObject({ numerator: 2, denominator: 3 });
    expect(result.exceptions.map((e) => e.recordId)).toEqual(['P0601', 'P0602']);
  });
});

describe('cin-plan-over-2-years', () => {
  it('24 months after the leap day 29/02/2024 is 28/02/2026: counted from 01/03/2026', () => {
    // As at 28/02/2026: C00606 (not yet), C00607 (01/06/2025 passed: counted), C00608 (01/01/2027: not). 1 of 3.
    expect(view(casesOf(cinPlanOver2Years, data, february))).toEqual([
      { recordId: 'P0607', childId: 'C00606', counted: false, detail: 'open since 29/02/2024: 24 months on 28/02/2026' },
      { recordId: 'P0608', childId: 'C00607', counted: true, detail: 'open since 01/06/2023: 24 months on 01/06/2025' },
      { recordId: 'P0609', childId: 'C00608', counted: false, detail: 'open since 01/01/2025: 24 months on 01/01/2027' },
    ]);
    // As at 01/03/2026: C00606 is counted too. 2 of 3.
    expect(casesOf(cinPlanOver2Years, data, asAt('2026-03-01')).filter((r) => r.counted).map((r) => r.recordId).sort()).toEqual(['P0607', 'P0608']);
  });

  it('has no target (RAG none) and lists the counted plan as the exception', () => {
    const result = report(cinPlanOver2Years);
    expect(figure(result)).toEqual({ numerator: 1, denominator: 3, value: 1 / 3, rag: 'none' });
    expect(result.title).toBe('CIN plans open longer than 2 years');
    expect(result.exceptions.map((e) => e.recordId)).toEqual(['P0608']);
  });

  it('says the months in force in its title', () => {
    expect(cinPlanOver2Years.title({ ...DEFAULT_SETTINGS, cinPlanLongMonths: 36 })).toBe('CIN plans open longer than 3 years');
    expect(cinPlanOver2Years.title({ ...DEFAULT_SETTINGS, cinPlanLongMonths: 30 })).toBe('CIN plans open longer than 30 months');
  });
});

describe('pf-children', () => {
  it('counts each child with an open PF plan once, under the latest start', () => {
    // As at 28/02/2026: C00609 (P0610) and C00610, whose two open plans (P0611 ends on the as-at date, still
    // open; P0612) give one row under P0612, the later start (Team A). C00611's plan closed 31/12/2025. Count 2.
    expect(view(casesOf(pfChildren, data, february))).toEqual([
      { recordId: 'P0610', childId: 'C00609', counted: true, detail: 'open since 20/01/2026' },
      { recordId: 'P0612', childId: 'C00610', counted: true, detail: 'open since 10/02/2026' },
    ]);
  });

  it('in a report: a count of 2 with no target, every row listed', () => {
    const result = report(pfChildren);
    expect(figure(result)).toEqual({ numerator: 2, denominator: 2, value: 2, rag: 'none' });
    expect(result.exceptions.map((e) => [e.childId, e.team])).toEqual([
      ['C00609', 'Team A'],
      ['C00610', 'Team A'],
    ]);
  });
});
