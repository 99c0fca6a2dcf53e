import { formatUk, type DayNumber } from '../dates/localDate.js';
import { addMonths } from '../dates/months.js';
import type { PlanType } from '../extracts/definitions.js';
import type { Settings } from '../settings.js';
import { caseOf, tallyRow } from './caseRow.js';
import { openPlansByChild } from './openPlans.js';
import type { CaseRow, IndicatorDefinition, IndicatorInput } from './types.js';
import { count } from './words.js';

/** "18 months", "2 years" for 24: a span of months as the plans name it (whole years from 2 up). */
export function inYearsOrMonths(months: number): string {
  return months % 12 === 0 && months >= 24 ? count(months / 12, 'year') : count(months, 'month');
}

/**
 * One row per child with an open plan of the type on the as-at date, under
 * the plan with the latest start (ties broken by the plan's values), whose
 * team the row carries. "Open" is indicators.md's: a plan ending on the
 * as-at date is still open on it.
 */
function* newestOpenPlan(input: IndicatorInput, planType: PlanType, measure: OpenPlanMeasure): Generator<CaseRow> {
  const plans = input.data.plans!;
  const open = openPlansByChild(plans.records, input.period.asAt, planType);
  for (let c = 0; c < open.size; c++) {
    const start = open.newestStart(c);
    yield input.countedOnly ? tallyRow(measure.counts(start)) : caseOf(plans, open.newest(c), measure.counts(start), measure.detail(start));
  }
}

/** What a measure of a child's newest open plan reads of it: its start. */
interface OpenPlanMeasure {
  counts(start: DayNumber): boolean;
  detail(start: DayNumber): string;
}

/** A rate over children with an open plan of the type: counted when it has been open longer than the set months (lower is better). */
function longPlanIndicator(
  id: string,
  planType: 'CP' | 'CIN',
  months: (s: Settings) => number,
  defaultTarget: number | null,
): IndicatorDefinition {
  return {
    id,
    title: (s) => `${planType} plans open longer than ${inYearsOrMonths(months(s))}`,
    definition: `children with an open ${planType} plan on the as-at date (the plan with the latest start); counted when the as-at date is after the plan's start plus the set months (on that day itself not yet)`,
    kind: 'rate',
    direction: 'lower',
    defaultTarget,
    timescale: (s) => count(months(s), 'month'),
    reads: { plans: ['end_date'] },
    subject: 'plans',
    cases: (input) => {
      const n = months(input.settings);
      return newestOpenPlan(input, planType, {
        // catalogue.md "Longer than N months": as-at > start + N months, clamped to the month's end.
        counts: (start) => input.period.asAt > addMonths(start, n),
        detail: (start) => `open since ${formatUk(start)}: ${count(n, 'month')} on ${formatUk(addMonths(start, n))}`,
      });
    },
  };
}

export const cpPlanOver18Months = longPlanIndicator('cp-plan-over-18-months', 'CP', (s) => s.cpPlanLongMonths, 0.1);
export const cinPlanOver2Years = longPlanIndicator('cin-plan-over-2-years', 'CIN', (s) => s.cinPlanLongMonths, null);

export const pfChildren: IndicatorDefinition = {
  id: 'pf-children',
  title: () => 'Children in private fostering arrangements',
  definition: 'children with an open private fostering (PF) plan on the as-at date, each once (the plan with the latest start)',
  kind: 'count',
  // As the other counts: it only matters when an authority sets a target (none by default).
  direction: 'lower',
  defaultTarget: null,
  timescale: () => 'on the as-at date',
  reads: { plans: ['end_date'] },
  subject: 'plans',
  cases: (input) => newestOpenPlan(input, 'PF', { counts: () => true, detail: (start) => `open since ${formatUk(start)}` }),
};
