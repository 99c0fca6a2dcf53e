import type { DayNumber } from '../dates/localDate.js';
import type { PlanRecord, PlanType } from '../extracts/definitions.js';
import { byCodePoint } from '../textOrder.js';
import { byChild } from './byChild.js';
import { memoised } from '../memoised.js';
import type { RecordList } from '../extracts/recordList.js';

/** Open on day d: start ≤ d and (end blank or end ≥ d). */
export function isOpenOn(plan: PlanRecord, day: DayNumber): boolean {
  return plan.start_date <= day && (plan.end_date === undefined || plan.end_date >= day);
}

/**
 * Newest start first; plans starting the same day are ordered by their values
 * (plan id, end, team, worker, category), never by row order, so a shuffled
 * extract gives the same team to the same child.
 */
function newestFirst(a: PlanRecord, b: PlanRecord): number {
  return (
    b.start_date - a.start_date ||
    byCodePoint(a.plan_id, b.plan_id) ||
    (a.end_date ?? Infinity) - (b.end_date ?? Infinity) ||
    byCodePoint(a.team, b.team) ||
    byCodePoint(a.worker, b.worker) ||
    byCodePoint(a.category, b.category)
  );
}

function openPlansOn(plans: RecordList<PlanRecord>, day: DayNumber, planType: PlanType | undefined): Map<string, PlanRecord[]> {
  const open = byChild(plans, (plan) => ((planType === undefined || plan.plan_type === planType) && isOpenOn(plan, day) ? plan : undefined));
  for (const list of open.values()) list.sort(newestFirst);
  return open;
}

/**
 * The open plans of the day last asked for, by plan type (undefined: every
 * type). Only one day is kept: a report asks for its as-at date from many
 * indicators (visits, supervision, long plans, placements, reviews), and a
 * trend's other days, each asked for once per indicator, would only hold memory.
 * Keyed on the plans list, which a loaded extract never changes.
 */
const lastDayOf = memoised((_plans: RecordList<PlanRecord>) => ({
  day: undefined as DayNumber | undefined,
  byType: new Map<PlanType | undefined, ReadonlyMap<string, readonly PlanRecord[]>>(),
}));

/** A child's plans open on a day, newest start first (ties broken by values); shared, so read only. */
export function openPlansByChild(plans: RecordList<PlanRecord>, day: DayNumber, planType?: PlanType): ReadonlyMap<string, readonly PlanRecord[]> {
  const last = lastDayOf(plans);
  if (last.day !== day) {
    last.day = day;
    last.byType.clear();
  }
  let open = last.byType.get(planType);
  if (open === undefined) {
    open = openPlansOn(plans, day, planType);
    last.byType.set(planType, open);
  }
  return open;
}

/** A type's plans by child, open or not. */
export function plansOfType(plans: RecordList<PlanRecord>, planType: PlanType): Map<string, PlanRecord[]> {
  return byChild(plans, (plan) => (plan.plan_type === planType ? plan : undefined));
}

/**
 * The latest start among the child's plans open on the day. Only the start
 * is read, so two plans starting the same day give the same clock whichever
 * is taken (no tie to break).
 */
export function latestOpenStart(plans: readonly PlanRecord[] | undefined, day: DayNumber): DayNumber | undefined {
  let latest: DayNumber | undefined;
  for (const plan of plans ?? []) if (isOpenOn(plan, day) && (latest === undefined || plan.start_date > latest)) latest = plan.start_date;
  return latest;
}
