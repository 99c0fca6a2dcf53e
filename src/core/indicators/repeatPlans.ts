import { formatUk, type DayNumber } from '../dates/localDate.js';
import { addMonths } from '../dates/months.js';
import type { PlanRecord } from '../extracts/definitions.js';
import { byCodePoint } from '../textOrder.js';
import { caseOf } from './caseRow.js';
import { inYearsOrMonths } from './longPlans.js';
import type { CaseRow, IndicatorDefinition, IndicatorInput } from './types.js';
import { count } from './words.js';
import { labelsIn, recordsDatedIn, type RecordList } from '../extracts/recordList.js';

/**
 * The CP plans of these children, each child's in record order. The type
 * and child are read from the columns: only these children's plans are made
 * (a trend asks once a period, and most children start no plan in it).
 */
function cpPlansOf(plans: RecordList<PlanRecord>, children: ReadonlySet<string>): Map<string, PlanRecord[]> {
  const typeOf = labelsIn(plans, 'plan_type');
  const childOf = labelsIn(plans, 'child_id');
  const byChild = new Map<string, PlanRecord[]>();
  for (let i = 0; i < plans.length; i++) {
    if (typeOf(i) !== 'CP' || !children.has(childOf(i)!)) continue;
    const plan = plans.at(i)!;
    const list = byChild.get(plan.child_id);
    if (list) list.push(plan);
    else byChild.set(plan.child_id, [plan]);
  }
  return byChild;
}

/** An earlier plan as a detail names it: its id if any, its start, and its end when the measure reads ends. */
function named(plan: PlanRecord, withEnd: boolean): string {
  const ended = !withEnd ? '' : plan.end_date === undefined ? ' (still open)' : ` (ended ${formatUk(plan.end_date)})`;
  return `earlier CP plan ${plan.plan_id === undefined ? '' : `${plan.plan_id} `}from ${formatUk(plan.start_date)}${ended}`;
}

/**
 * The plan a detail names among those that make this one a repeat: the
 * latest start, ties by plan id, then the later end (blank latest), so row
 * order never changes the detail.
 */
function latestStart(plans: readonly PlanRecord[]): PlanRecord | undefined {
  const before = (a: PlanRecord, b: PlanRecord) =>
    b.start_date - a.start_date || byCodePoint(a.plan_id, b.plan_id) || (b.end_date ?? Infinity) - (a.end_date ?? Infinity);
  let best: PlanRecord | undefined;
  for (const p of plans) if (best === undefined || before(p, best) < 0) best = p;
  return best;
}

/**
 * Record-level: one row per CP plan starting in the period, counted when the
 * child has an earlier CP plan (strictly earlier start: two plans starting the
 * same day are not repeats of each other; ended or still open, an overlapping
 * one included) whose end is blank or on or after `endedSince(start)`.
 */
function* repeatPlans(input: IndicatorInput, endedSince: (start: DayNumber) => DayNumber | undefined): Generator<CaseRow> {
  const extract = input.data.plans!;
  const { from, to } = input.period;
  const starting = [...recordsDatedIn(extract.records, 'start_date', from, to)].filter((plan) => plan.plan_type === 'CP');
  const byChild = cpPlansOf(extract.records, new Set(starting.map((plan) => plan.child_id)));
  for (const plan of starting) {
    const earlier = byChild.get(plan.child_id)!.filter((p) => p.start_date < plan.start_date);
    const since = endedSince(plan.start_date);
    const within = since === undefined ? earlier : earlier.filter((p) => p.end_date === undefined || p.end_date >= since);
    const previous = latestStart(within);
    let detail: string;
    if (previous !== undefined) detail = named(previous, since !== undefined);
    else if (earlier.length === 0) detail = 'first CP plan';
    // Every earlier plan ended before the window (a blank end would be within it).
    else detail = `earlier CP plan ended ${formatUk(Math.max(...earlier.map((p) => p.end_date!)) as DayNumber)}, before ${formatUk(since!)}`;
    yield caseOf(extract, plan, previous !== undefined, detail);
  }
}

const COHORT = 'CP plans starting in the period (one row per plan)';

export const repeatCpPlan: IndicatorDefinition = {
  id: 'repeat-cp-plan',
  title: () => 'CP plans that are a second or later plan',
  definition: `${COHORT}; counted when the child has an earlier CP plan (an earlier start, ended or not), however long ago`,
  kind: 'rate',
  direction: 'lower',
  defaultTarget: 0.25,
  timescale: () => 'ever',
  // Any earlier start counts, ended or not: the end column is not needed.
  reads: { plans: [] },
  subject: 'plans',
  cases: (input) => repeatPlans(input, () => undefined),
};

export const repeatCpPlan2Years: IndicatorDefinition = {
  id: 'repeat-cp-plan-2-years',
  title: (s) => `CP plans that are a second or later plan within ${inYearsOrMonths(s.repeatCpPlanMonths)}`,
  definition: `${COHORT}; counted when the child has an earlier CP plan still open, or ended on or after the set months before this plan's start`,
  kind: 'rate',
  direction: 'lower',
  defaultTarget: null,
  timescale: (s) => count(s.repeatCpPlanMonths, 'month'),
  reads: { plans: ['end_date'] },
  subject: 'plans',
  cases: (input) => repeatPlans(input, (start) => addMonths(start, -input.settings.repeatCpPlanMonths)),
};
