// repeat-cp-plan and repeat-cp-plan-2-years (catalogue.md "Over the existing
// extracts", "Edges, pinned"). Cohort: CP plans starting in the period, one row
// per plan. Counted (ever): the child has an earlier CP plan, i.e. one with a
// strictly earlier start, ended or still open. Counted (2 years): such a plan
// whose end is blank or on or after start − 24 months.
// Hand-worked from fixtures/indicators/repeat-plans/plans.csv, period October 2026:
//
// child   plan      start       end         in Oct?  earlier CP plans (start < this start)
// C00701  P0701     01/03/2019  30/09/2019  -
// C00701  P0715     10/01/2022  01/05/2022  -
// C00701  P0702     05/10/2026  -           yes      P0701, P0715: ever yes; 2 years: since 05/10/2024, latest end 01/05/2022: no
// C00702  P0703     01/06/2024  05/10/2024  -
// C00702  P0704     05/10/2026  -           yes      P0703 ended 05/10/2024 = 05/10/2026 − 24 months exactly: both yes
// C00703  P0705     01/06/2024  04/10/2024  -
// C00703  P0706     05/10/2026  -           yes      P0705 ended 04/10/2024, one day before 05/10/2024: ever yes, 2 years no
// C00704  P0707     12/10/2026  -           yes      P0708 starts the same day, not earlier: none
// C00704  P0708     12/10/2026  -           yes      likewise: none
// C00705  P0709     15/01/2026  -           -        (before the period; still open)
// C00705  P0710     20/10/2026  -           yes      P0709, open and overlapping: both yes
// C00706  P0712     01/01/2025  -           (CIN: never an earlier CP plan)
// C00706  P0711     01/10/2026  -           yes      none: first CP plan
// C00707  P0713     31/10/2026  -           yes      none (P0714 is later: it never counts)
// C00707  P0714     05/11/2026  -           no
// C00708  (no id)   01/03/2025  30/06/2025  -
// C00708  P0716     26/10/2026  -           yes      the unnamed plan, ended 30/06/2025 >= 26/10/2024: both yes
//
// Cohort: 9 plans. Ever: P0702, P0704, P0706, P0710, P0716 = 5 of 9. 2 years: P0704, P0710, P0716 = 3 of 9.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/core/dataset.js';
import { repeatCpPlan, repeatCpPlan2Years } from '../../src/core/indicators/repeatPlans.js';
import type { IndicatorDefinition } from '../../src/core/indicators/types.js';
import { parsePeriod } from '../../src/core/period.js';
import { buildReport } from '../../src/core/report.js';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings.js';
import { calendar, casesOf, figure, loadScenario, resultOf, view } from './helpers.js';

const october = parsePeriod('2026-10');

function report(indicator: IndicatorDefinition, settings: Settings = DEFAULT_SETTINGS) {
  return resultOf(buildReport(data, { period: october, settings, calendar }, [indicator]), indicator.id);
}

let data: Dataset;
beforeAll(async () => {
  data = await loadScenario('repeat-plans');
});

describe('repeat-cp-plan (ever)', () => {
  it('one row per CP plan starting in the period; counted when an earlier CP plan started strictly before', () => {
    expect(view(casesOf(repeatCpPlan, data, october))).toEqual([
      // The latest of C00701's two earlier plans is named.
      { recordId: 'P0702', childId: 'C00701', counted: true, detail: 'earlier CP plan P0715 from 10/01/2022' },
      { recordId: 'P0704', childId: 'C00702', counted: true, detail: 'earlier CP plan P0703 from 01/06/2024' },
      { recordId: 'P0706', childId: 'C00703', counted: true, detail: 'earlier CP plan P0705 from 01/06/2024' },
      // Same-day starts are not repeats of each other: the child's two rows are both first plans.
      { recordId: 'P0707', childId: 'C00704', counted: false, detail: 'first CP plan' },
      { recordId: 'P0708', childId: 'C00704', counted: false, detail: 'first CP plan' },
      // An earlier plan still open (overlapping) counts.
      { recordId: 'P0710', childId: 'C00705', counted: true, detail: 'earlier CP plan P0709 from 15/01/2026' },
      // An earlier CIN plan is not an earlier CP plan.
      { recordId: 'P0711', childId: 'C00706', counted: false, detail: 'first CP plan' },
      // A later CP plan (P0714) never makes this one a repeat.
      { recordId: 'P0713', childId: 'C00707', counted: false, detail: 'first CP plan' },
      // An earlier plan without an id is named by its start.
      { recordId: 'P0716', childId: 'C00708', counted: true, detail: 'earlier CP plan from 01/03/2025' },
    ]);
  });

  it('in a report: 5 of 9 is red against 25 %, and the exceptions are the repeat plans (lower is better)', () => {
    // 5/9 = 55.6 % > 25 % + 5 points: red. Exceptions: the 5 counted plans, by team, worker, child.
    const result = report(repeatCpPlan);
    expect(figure(result)).toEqual({ numerator: 5, denominator: 9, value: 5 / 9, rag: 'red' });
    expect(result.exceptions.map((e) => [e.team, e.recordId])).toEqual([
      ['Team A', 'P0702'],
      ['Team A', 'P0704'],
      ['Team A', 'P0716'],
      ['Team B', 'P0706'],
      ['Team B', 'P0710'],
    ]);
  });

  it('gives the same rows whatever the order of the extract', () => {
    const reversed: Dataset = { ...data, plans: { ...data.plans!, records: [...data.plans!.records].reverse() } };
    expect(view(casesOf(repeatCpPlan, reversed, october))).toEqual(view(casesOf(repeatCpPlan, data, october)));
    expect(view(casesOf(repeatCpPlan2Years, reversed, october))).toEqual(view(casesOf(repeatCpPlan2Years, data, october)));
  });
});

describe('repeat-cp-plan-2-years', () => {
  it('counts an earlier CP plan open, or ended on or after start − 24 months', () => {
    expect(view(casesOf(repeatCpPlan2Years, data, october))).toEqual([
      // Both earlier plans ended long before 05/10/2024: not counted; the latest end is named.
      { recordId: 'P0702', childId: 'C00701', counted: false, detail: 'earlier CP plan ended 01/05/2022, before 05/10/2024' },
      // Ended exactly 24 months before this start: "on or after", counted.
      { recordId: 'P0704', childId: 'C00702', counted: true, detail: 'earlier CP plan P0703 from 01/06/2024 (ended 05/10/2024)' },
      // Ended one day earlier than that: not counted.
      { recordId: 'P0706', childId: 'C00703', counted: false, detail: 'earlier CP plan ended 04/10/2024, before 05/10/2024' },
      { recordId: 'P0707', childId: 'C00704', counted: false, detail: 'first CP plan' },
      { recordId: 'P0708', childId: 'C00704', counted: false, detail: 'first CP plan' },
      { recordId: 'P0710', childId: 'C00705', counted: true, detail: 'earlier CP plan P0709 from 15/01/2026 (still open)' },
      { recordId: 'P0711', childId: 'C00706', counted: false, detail: 'first CP plan' },
      { recordId: 'P0713', childId: 'C00707', counted: false, detail: 'first CP plan' },
      { recordId: 'P0716', childId: 'C00708', counted: true, detail: 'earlier CP plan from 01/03/2025 (ended 30/06/2025)' },
    ]);
  });

  it('in a report: 3 of 9, no target, the counted plans as exceptions', () => {
    const result = report(repeatCpPlan2Years);
    expect(figure(result)).toEqual({ numerator: 3, denominator: 9, value: 3 / 9, rag: 'none' });
    expect(result.title).toBe('CP plans that are a second or later plan within 2 years');
    expect(result.exceptions.map((e) => e.recordId)).toEqual(['P0704', 'P0716', 'P0710']);
  });

  it('follows a changed setting, in its title and its figures', () => {
    // 36 months: since = 05/10/2023 for the 05/10 starts. C00701 still not (2022); C00703's P0705 (ended
    // 04/10/2024) now counts. P0704, P0710, P0716 as before: 4 of 9.
    const result = report(repeatCpPlan2Years, { ...DEFAULT_SETTINGS, repeatCpPlanMonths: 36 });
    expect(result.title).toBe('CP plans that are a second or later plan within 3 years');
    expect(result.timescale).toBe('36 months');
    expect(figure(result)).toMatchObject({ numerator: 4, denominator: 9 });
    expect(repeatCpPlan2Years.title({ ...DEFAULT_SETTINGS, repeatCpPlanMonths: 18 })).toBe('CP plans that are a second or later plan within 18 months');
  });
});
