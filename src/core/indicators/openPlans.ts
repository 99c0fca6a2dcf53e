import type { DayNumber } from '../dates/localDate.js';
import type { PlanRecord, PlanType } from '../extracts/definitions.js';

/** Open on day d: start ≤ d and (end blank or end ≥ d). */
export function isOpenOn(plan: PlanRecord, day: DayNumber): boolean {
  return plan.start_date <= day && (plan.end_date === undefined || plan.end_date >= day);
}

/** A child's plans open on a day, newest start first (ties: earlier line first). */
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
  for (const list of byChild.values()) list.sort((a, b) => b.start_date - a.start_date || a.line - b.line);
  return byChild;
}
