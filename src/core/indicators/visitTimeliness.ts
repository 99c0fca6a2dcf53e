import { formatUk, type DayNumber } from '../dates/localDate.js';
import { visitCode, type PlanRecord, type PlanType } from '../extracts/definitions.js';
import type { EventLog } from '../extracts/eventLog.js';
import { caseOfEvent, tallyRow } from './caseRow.js';
import { describeInterval, dueAfter } from './dueDates.js';
import { latestEventsOf, type LatestEvents } from './latestEvents.js';
import { memoised } from '../memoised.js';
import { childrenOfLog, PlanSpans } from './planSpans.js';
import type { IndicatorDefinition } from './types.js';
import { count } from './words.js';
import type { RecordList } from '../extracts/recordList.js';


// A visit with a blank plan_type counts for every plan; a refused one (UNKNOWN_PLAN) for none.
const ANY_PLAN = visitCode(undefined);

/** The child's latest visit on or before the day that counts for a plan of the type (that type, or blank). */
export function latestVisitFor(index: LatestEvents, childId: string, planType: PlanType, day: DayNumber): DayNumber | undefined {
  const child = index.childNumber(childId);
  return child === undefined ? undefined : latestVisitOf(index, child, planType, day);
}

/** The same by the child's number in the visits log. */
export function latestVisitOf(index: LatestEvents, child: number, planType: PlanType, day: DayNumber): DayNumber | undefined {
  const typed = index.latestOfChild(child, visitCode(planType), day);
  const any = index.latestOfChild(child, ANY_PLAN, day);
  return typed === undefined ? any : any === undefined ? typed : (Math.max(typed, any) as DayNumber);
}

/** A type's plan spans by the visits log's child numbers, built once per visits log and plans extract (a trend reuses them). */
function spansByLog(planType: PlanType): (log: EventLog, plans: RecordList<PlanRecord>) => PlanSpans {
  const byLog = memoised((log: EventLog) => memoised((plans: RecordList<PlanRecord>) => PlanSpans.of(plans, planType, childrenOfLog(log))));
  return (log, plans) => byLog(log)(plans);
}

function visitTimeliness(planType: 'CP' | 'CIN' | 'CLA', name: string): IndicatorDefinition {
  const own = visitCode(planType);
  const spansOf = spansByLog(planType);
  return {
    id: `visit-timeliness-${planType.toLowerCase()}`,
    title: (s) => `${planType} visits within ${describeInterval(s.visitIntervals[planType])} of the previous one`,
    definition: `visits in the period that count for an open ${name} plan on their day (plan_type ${planType} or blank); met when the visit is on or before its due date: the interval after the later of the plan start (the open plan with the latest start) and the child's previous such visit on an earlier day`,
    kind: 'rate',
    direction: 'higher',
    defaultTarget: 0.95,
    timescale: (s) => describeInterval(s.visitIntervals[planType]),
    reads: { plans: ['end_date'], visits: [] },
    // One row per visit, grouped by the visit's own team and worker, which its event holds.
    subject: 'visits',
    *cases({ data, period, settings, calendar, countedOnly }) {
      const visits = data.visits!;
      const events = visits.events!;
      const index = latestEventsOf(events);
      const plans = spansOf(events, data.plans!.records);
      const interval = settings.visitIntervals[planType];
      const { day: days, dayBase, code: codes } = events.data();
      // Period cohorts ignore the as-at date: every visit dated in the period is judged.
      for (let i = 0; i < events.length; i++) {
        const day = (dayBase + days[i]!) as DayNumber;
        if (day < period.from || day > period.to) continue;
        const code = codes[i]!;
        if (code !== own && code !== ANY_PLAN) continue;
        const child = events.childNumberAt(i);
        const start = plans.latestOpenStart(child, day);
        if (start === undefined) continue;
        // The previous visit is on a strictly earlier day, so same-day visits share one clock and one outcome.
        const previous = latestVisitOf(index, child, planType, (day - 1) as DayNumber);
        const fromVisit = previous !== undefined && previous >= start;
        const base = fromVisit ? previous : start;
        const due = dueAfter(base, interval, calendar);
        const met = day <= due;
        if (countedOnly) {
          yield tallyRow(met);
          continue;
        }
        const since = fromVisit ? `previous visit ${formatUk(base)}` : `no earlier visit since plan start ${formatUk(start)}`;
        yield caseOfEvent(visits, i, met, met ? `${since}; due ${formatUk(due)}` : `${since}; due ${formatUk(due)}, ${count(day - due, 'day')} late`);
      }
    },
  };
}

export const visitTimelinessCp = visitTimeliness('CP', 'child protection');
export const visitTimelinessCin = visitTimeliness('CIN', 'child in need');
export const visitTimelinessCla = visitTimeliness('CLA', 'looked-after child');
