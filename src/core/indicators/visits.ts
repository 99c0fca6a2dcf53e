import type { PlanType, VisitRecord } from '../extracts/definitions.js';
import { describeInterval } from './dueDates.js';
import { dueSnapshot } from './dueSnapshot.js';
import { LatestEvents, memoised } from './latestEvents.js';
import type { IndicatorDefinition } from './types.js';

// A visit with a blank plan_type counts for every open plan of the child: it is
// indexed under the empty type and looked up beside the plan's own type.
const visitIndex = memoised(
  (records: readonly VisitRecord[]) => new LatestEvents(records.map((v) => [`${v.child_id}\u0000${v.plan_type ?? ''}`, v.visit_date] as const)),
);

function visitsIndicator(planType: 'CP' | 'CIN' | 'CLA', name: string): IndicatorDefinition {
  return {
    id: `visits-${planType.toLowerCase()}`,
    title: `Statutory visits in timescale (${planType})`,
    definition: `children with an open ${name} plan on the as-at date; met when the next visit is not overdue: due = interval after the later of the plan start and the latest visit on or before the as-at date`,
    kind: 'rate',
    direction: 'higher',
    defaultTarget: 0.95,
    timescale: (s) => describeInterval(s.visitIntervals[planType]),
    requires: ['plans', 'visits'],
    subject: 'plans',
    cases: (input) => {
      const index = visitIndex(input.data.visits!.records);
      return dueSnapshot(input, {
        planType,
        startFrom: 'newest-plan',
        interval: input.settings.visitIntervals[planType],
        event: 'visit',
        lastEvent: (childId, asAt) => {
          const own = index.latestOnOrBefore(`${childId}\u0000${planType satisfies PlanType}`, asAt);
          const any = index.latestOnOrBefore(`${childId}\u0000`, asAt);
          return own === undefined ? any : any === undefined ? own : Math.max(own, any) as typeof own;
        },
      });
    },
  };
}

export const visitsCp = visitsIndicator('CP', 'child protection');
export const visitsCin = visitsIndicator('CIN', 'child in need');
export const visitsCla = visitsIndicator('CLA', 'looked-after child');
