import { addDays, formatUk, type DayNumber } from '../dates/localDate.js';
import { caseOf } from './caseRow.js';
import type { IndicatorDefinition } from './types.js';
import { latestEventsOf } from './latestEvents.js';
import { latestVisitFor } from './visitTimeliness.js';
import { count } from './words.js';

export const pfVisit7Days: IndicatorDefinition = {
  id: 'pf-visit-7-days',
  title: (s) => `Private fostering visits within ${count(s.pfVisitDays, 'day')}`,
  definition:
    'private fostering plans starting in the period, less those still pending (window open on the as-at date, no visit yet); met when a visit (plan_type PF or blank) falls on a day from the plan start to the timescale after it, whatever the plan end',
  kind: 'rate',
  direction: 'higher',
  defaultTarget: 0.95,
  timescale: (s) => count(s.pfVisitDays, 'day'),
  // The plan's end is ignored (catalogue, "PF visit in 7 days"), so no end_date is needed.
  reads: { plans: [], visits: [] },
  subject: 'plans',
  *cases({ data, period, settings }) {
    const plans = data.plans!;
    const index = latestEventsOf(data.visits!.events!);
    for (const plan of plans.records) {
      const start = plan.start_date;
      if (plan.plan_type !== 'PF' || start < period.from || start > period.to) continue;
      const windowEnd = addDays(start, settings.pfVisitDays);
      // Visits after the as-at date are not known yet.
      const lastKnown = Math.min(windowEnd, period.asAt) as DayNumber;
      const visit = lastKnown < start ? undefined : latestVisitFor(index, plan.child_id, 'PF', lastKnown);
      const met = visit !== undefined && visit >= start;
      const window = `${formatUk(start)} to ${formatUk(windowEnd)}`;
      // Pending: the window is still open on the as-at date and nothing has met it; left out of the cohort.
      if (!met && period.asAt <= windowEnd) continue;
      yield caseOf(plans, plan, met, met ? `visited ${formatUk(visit)} (window ${window})` : `no visit from ${window}`);
    }
  },
};
