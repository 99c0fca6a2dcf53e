import { formatUk, type DayNumber } from '../dates/localDate.js';
import type { PlanType } from '../extracts/definitions.js';
import type { Interval } from '../settings.js';
import { caseOf, tallyRow } from './caseRow.js';
import { dueAfter, dueStatus, keptOn } from './dueDates.js';
import type { LatestEvents } from './latestEvents.js';
import { openPlansByChild } from './openPlans.js';
import type { CaseRow, IndicatorInput } from './types.js';

/** How one snapshot indicator finds each open child's clock. */
export interface SnapshotRule {
  /** Only plans of this type; all open plans when absent. */
  readonly planType?: PlanType;
  /** Which open plan's start the clock falls back to: the newest (visits) or the oldest (supervision). */
  readonly startFrom: 'newest-plan' | 'oldest-plan';
  /** The events the clock reads. */
  readonly events: LatestEvents;
  /** The child's latest qualifying event on or before the as-at date, by the child's number in the events' log. */
  lastEvent(child: number, asAt: DayNumber): DayNumber | undefined;
  readonly interval: Interval;
  /** The event in words: "visit", "supervision". */
  readonly event: string;
}

/**
 * One row per child with an open plan on the as-at date: due = interval after
 * the later of the plan start and the last event; met when due ≥ as-at. A
 * child with several open plans counts once, under the newest plan's team.
 */
export function* dueSnapshot(input: IndicatorInput, rule: SnapshotRule): Generator<CaseRow> {
  const plans = input.data.plans!;
  const asAt = input.period.asAt;
  const open = openPlansByChild(plans.records, asAt, rule.planType);
  const inLog = rule.events.childNumbersOf(open.childTexts);
  for (let c = 0; c < open.size; c++) {
    const start = rule.startFrom === 'newest-plan' ? open.newestStart(c) : open.oldestStart(c);
    const child = inLog[open.childLabel(c)]!;
    const last = child === -1 ? undefined : rule.lastEvent(child, asAt);
    const base = last !== undefined && last > start ? last : start;
    const due = dueAfter(base, rule.interval, input.calendar);
    if (input.countedOnly) {
      yield tallyRow(keptOn(due, asAt));
      continue;
    }
    const since = last !== undefined && last >= start ? `last ${rule.event} ${formatUk(last)}` : `no ${rule.event} since plan start ${formatUk(start)}`;
    const status = dueStatus(due, asAt, since);
    yield caseOf(plans, open.newest(c), status.met, status.detail);
  }
}
