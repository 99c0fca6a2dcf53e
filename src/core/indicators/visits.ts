import { describeInterval } from './dueDates.js';
import { dueSnapshot } from './dueSnapshot.js';
import { latestEventsOf } from './latestEvents.js';
import type { IndicatorDefinition } from './types.js';
import { latestVisitOf } from './visitTimeliness.js';

function visitsIndicator(planType: 'CP' | 'CIN' | 'CLA', name: string): IndicatorDefinition {
  return {
    id: `visits-${planType.toLowerCase()}`,
    title: () => `Statutory visits in timescale (${planType})`,
    definition: `children with an open ${name} plan on the as-at date; met when the next visit is not overdue: due = interval after the later of the plan start and the latest visit on or before the as-at date`,
    kind: 'rate',
    direction: 'higher',
    defaultTarget: 0.95,
    timescale: (s) => describeInterval(s.visitIntervals[planType]),
    reads: { plans: ['end_date'], visits: [] },
    subject: 'plans',
    cases: (input) => {
      const index = latestEventsOf(input.data.visits!.events!);
      return dueSnapshot(input, {
        planType,
        startFrom: 'newest-plan',
        interval: input.settings.visitIntervals[planType],
        event: 'visit',
        events: index,
        lastEvent: (child, asAt) => latestVisitOf(index, child, planType, asAt),
      });
    },
  };
}

export const visitsCp = visitsIndicator('CP', 'child protection');
export const visitsCin = visitsIndicator('CIN', 'child in need');
export const visitsCla = visitsIndicator('CLA', 'looked-after child');
