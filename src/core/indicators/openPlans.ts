import type { DayNumber } from '../dates/localDate.js';
import type { PlanRecord, PlanType } from '../extracts/definitions.js';
import { byCodePoint } from '../textOrder.js';

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

/** A child's plans open on a day, newest start first (ties broken by values). */
export function openPlansByChild(
  plans: readonly PlanRecord[],
  day: DayNumber,
  planType?: PlanType,
): Map<string, PlanRecord[]> {
  const byChild = new Map<string, PlanRecord[]>();
  for (const plan of plans) {
    if ((planType !== undefined && plan.plan_type !== planType) || !isOpenOn(plan, day)) continue;
    const list = byChild.get(plan.child_id);
    if (list) list.push(plan);
    else byChild.set(plan.child_id, [plan]);
  }
  for (const list of byChild.values()) list.sort(newestFirst);
  return byChild;
}

/** A type's plans by child, open or not. */
export function plansOfType(plans: readonly PlanRecord[], planType: PlanType): Map<string, PlanRecord[]> {
  const byChild = new Map<string, PlanRecord[]>();
  for (const plan of plans) {
    if (plan.plan_type !== planType) continue;
    const list = byChild.get(plan.child_id);
    if (list) list.push(plan);
    else byChild.set(plan.child_id, [plan]);
  }
  return byChild;
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
