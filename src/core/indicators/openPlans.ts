import type { DayNumber } from '../dates/localDate.js';
import type { PlanRecord, PlanType } from '../extracts/definitions.js';
import { byCodePoint } from '../textOrder.js';
import { byChild } from './byChild.js';
import { groupRunStarts } from './groupRuns.js';
import { memoised } from '../memoised.js';
import { daysIn, labelsIn, type RecordList } from '../extracts/recordList.js';
import { TextIndex } from '../extracts/textIndex.js';

/** Open on day d: start ≤ d and (end blank or end ≥ d); a plan ending on d is still open on it (indicators.md). */
export function openBetween(start: number, end: number | undefined, day: number): boolean {
  return start <= day && (end === undefined || end >= day);
}

/** Whether the plan is open on the day (`openBetween`). */
export function isOpenOn(plan: PlanRecord, day: DayNumber): boolean {
  return openBetween(plan.start_date, plan.end_date, day);
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
 * The plans open on a day, by child, each child's newest first, in one list
 * of plan numbers with the children's runs end to end; a child's plans are
 * made as its run is read. Held as records, the as-at day's open plans
 * (half a million at 10x the bench) stayed in memory to the end of the run.
 * Children come in the order of their first open plan in the extract.
 */
export class OpenPlans implements Iterable<readonly [string, readonly PlanRecord[]]> {
  constructor(
    private readonly plans: RecordList<PlanRecord>,
    /** The open plans' numbers in `plans`, by child, each child's newest first. */
    private readonly open: Int32Array,
    /** Child c's plans are open[from[c]] to open[from[c + 1] - 1]. */
    private readonly from: Int32Array,
  ) {}

  /** How many children have an open plan. */
  get size(): number {
    return this.from.length - 1;
  }

  /** Each child's open plans, newest first. */
  *values(): Generator<readonly PlanRecord[]> {
    for (let c = 0; c < this.size; c++) {
      const run: PlanRecord[] = [];
      for (let k = this.from[c]!; k < this.from[c + 1]!; k++) run.push(this.plans.at(this.open[k]!)!);
      yield run;
    }
  }

  *[Symbol.iterator](): Generator<readonly [string, readonly PlanRecord[]]> {
    for (const open of this.values()) yield [open[0]!.child_id, open];
  }
}

function openPlansOn(plans: RecordList<PlanRecord>, day: DayNumber, planType: PlanType | undefined): OpenPlans {
  // Read from the columns: only the open plans with another open plan of their child are made, to be ordered.
  const typeOf = labelsIn(plans, 'plan_type');
  const childIdOf = labelsIn(plans, 'child_id');
  const starts = daysIn(plans, 'start_date');
  const ends = daysIn(plans, 'end_date');
  // Children numbered in order of their first open plan, and each open plan's child (-1: not open).
  const children = new TextIndex();
  const childOf = new Int32Array(plans.length).fill(-1);
  for (let i = 0; i < plans.length; i++) {
    if ((planType !== undefined && typeOf(i) !== planType) || !openBetween(starts(i)!, ends(i), day)) continue;
    const c = children.findOrAdd(childIdOf(i)!);
    childOf[i] = c === -1 ? children.size - 1 : c;
  }
  const from = groupRunStarts(childOf, children.size);
  const open = new Int32Array(from[children.size]!);
  const filled = from.slice(0, children.size);
  for (let i = 0; i < plans.length; i++) if (childOf[i] !== -1) open[filled[childOf[i]!]!++] = i;
  for (let c = 0; c < children.size; c++) {
    if (from[c + 1]! - from[c]! < 2) continue;
    const run = Array.from(open.subarray(from[c]!, from[c + 1]!), (i) => ({ i, plan: plans.at(i)! }));
    run.sort((a, b) => newestFirst(a.plan, b.plan)).forEach(({ i }, k) => (open[from[c]! + k] = i));
  }
  return new OpenPlans(plans, open, from);
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
