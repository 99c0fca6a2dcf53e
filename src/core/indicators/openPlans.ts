import type { DayNumber } from '../dates/localDate.js';
import type { PlanRecord, PlanType } from '../extracts/definitions.js';
import { byCodePoint } from '../textOrder.js';
import { memoised } from '../memoised.js';
import { daysIn, labelNumbersIn, type RecordList } from '../extracts/recordList.js';

/** Open on day d: start ≤ d and (end blank or end ≥ d); a plan ending on d is still open on it (indicators.md). */
export function openBetween(start: number, end: number | undefined, day: number): boolean {
  return start <= day && (end === undefined || end >= day);
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

/**
 * The children with a plan open on a day, each with its newest open plan
 * (the latest start, ties broken by the plans' values) and the earliest
 * start among its open plans: what every indicator of open plans reads.
 * Held as records, the as-at day's open plans (half a million at 10x the
 * bench) stayed in memory to the end of the run. Children come in the order
 * of their first open plan in the extract, and are known by their number in
 * the plans' child ID column (`childTexts`).
 */
export class OpenPlans {
  constructor(
    private readonly plans: RecordList<PlanRecord>,
    /** Child c's newest open plan's number in `plans`. */
    private readonly newestPlan: Int32Array,
    /** The start of child c's newest open plan. */
    private readonly latestStart: Int32Array,
    /** The earliest start among child c's open plans. */
    private readonly earliestStart: Int32Array,
    /** Child c's number in the child ID column. */
    private readonly labels: Int32Array,
    /** The child ID column's texts, by number. */
    readonly childTexts: readonly string[],
  ) {}

  /** How many children have an open plan. */
  get size(): number {
    return this.labels.length;
  }

  /** Child c's open plan with the latest start (ties broken by its values). */
  newest(c: number): PlanRecord {
    return this.plans.at(this.newestPlan[c]!)!;
  }

  /** The start of child c's newest open plan, without making it. */
  newestStart(c: number): DayNumber {
    return this.latestStart[c]! as DayNumber;
  }

  /** The earliest start among child c's open plans. */
  oldestStart(c: number): DayNumber {
    return this.earliestStart[c]! as DayNumber;
  }

  /** Child c's number in the child ID column: `childTexts` holds its ID. */
  childLabel(c: number): number {
    return this.labels[c]!;
  }

  /** Child c's ID. */
  childId(c: number): string {
    return this.childTexts[this.labels[c]!]!;
  }
}

function openPlansOn(plans: RecordList<PlanRecord>, day: DayNumber, planType: PlanType | undefined): OpenPlans {
  // Read from the columns: a plan is made only to break a tie of starts between two open plans of a child.
  const types = labelNumbersIn(plans, 'plan_type');
  const wantedType = planType === undefined ? undefined : types.texts.indexOf(planType);
  const children = labelNumbersIn(plans, 'child_id');
  const starts = daysIn(plans, 'start_date');
  const ends = daysIn(plans, 'end_date');
  // Children numbered in order of their first open plan.
  const childOfLabel = new Int32Array(children.texts.length).fill(-1);
  const labels: number[] = [];
  const newest: number[] = [];
  const latest: number[] = [];
  const earliest: number[] = [];
  for (let i = 0; i < plans.length; i++) {
    const start = starts(i)!;
    if ((wantedType !== undefined && types.numberOf(i) !== wantedType) || !openBetween(start, ends(i), day)) continue;
    const label = children.numberOf(i);
    const c = childOfLabel[label]!;
    if (c === -1) {
      childOfLabel[label] = labels.length;
      labels.push(label);
      newest.push(i);
      latest.push(start);
      earliest.push(start);
      continue;
    }
    if (start > latest[c]! || (start === latest[c]! && newestFirst(plans.at(i)!, plans.at(newest[c]!)!) < 0)) {
      newest[c] = i;
      latest[c] = start;
    }
    if (start < earliest[c]!) earliest[c] = start;
  }
  return new OpenPlans(plans, Int32Array.from(newest), Int32Array.from(latest), Int32Array.from(earliest), Int32Array.from(labels), children.texts);
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
  byType: new Map<PlanType | undefined, OpenPlans>(),
}));

/** A child's plans open on a day, newest start first (ties broken by values); shared, so read only. */
export function openPlansByChild(plans: RecordList<PlanRecord>, day: DayNumber, planType?: PlanType): OpenPlans {
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
