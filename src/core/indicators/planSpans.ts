import type { DayNumber } from '../dates/localDate.js';
import type { PlanRecord, PlanType } from '../extracts/definitions.js';
import type { EventLog } from '../extracts/eventLog.js';
import { daysIn, labelsIn, type LabelNumbering, type RecordList } from '../extracts/recordList.js';
import { TextIndex } from '../extracts/textIndex.js';
import { groupRunStarts } from './groupRuns.js';
import { openBetween } from './openPlans.js';

/** The end kept for a plan with a blank end: after every day, so `openBetween` reads it as open. */
const OPEN = 2 ** 31 - 1;

/** How the children of another extract are numbered (an event log's, a column's): `count` numbers, from 0. */
export interface ChildNumbering {
  readonly count: number;
  numberOf(childId: string): number | undefined;
}

/** An event log's numbers for its children. */
export function childrenOfLog(log: EventLog): ChildNumbering {
  return { count: log.data().childIds.length, numberOf: (childId) => log.childNumber(childId) };
}

/** A child ID column's numbers for its children (`labelNumbersIn`). */
export function childrenOfColumn(labels: LabelNumbering): ChildNumbering {
  const index = new TextIndex([...labels.texts]);
  return {
    count: labels.texts.length,
    numberOf: (childId) => {
      const n = index.find(childId);
      return n === -1 ? undefined : n;
    },
  };
}

/**
 * The start and end of each plan of one type, by the child's number in
 * another extract (the visits' log, the reviews' child ID column): typed
 * arrays end to end, child c's plans from `from[c]`. A check made for every
 * visit or review reads them, where a list of plan records per child cost
 * an array and a map entry for each of tens of thousands of children, and
 * a record for every plan. A child the numbering does not know has no plans
 * here: nothing asks for it.
 */
export class PlanSpans {
  private constructor(
    private readonly from: Int32Array,
    private readonly starts: Int32Array,
    private readonly ends: Int32Array,
  ) {}

  static of(plans: RecordList<PlanRecord>, planType: PlanType, numbering: ChildNumbering): PlanSpans {
    const typeOf = labelsIn(plans, 'plan_type');
    const childOf = labelsIn(plans, 'child_id');
    const startOf = daysIn(plans, 'start_date');
    const endOf = daysIn(plans, 'end_date');
    const children = numbering.count;
    const childNumbers = new Int32Array(plans.length).fill(-1);
    for (let i = 0; i < plans.length; i++) {
      if (typeOf(i) === planType) childNumbers[i] = numbering.numberOf(childOf(i)!) ?? -1;
    }
    const from = groupRunStarts(childNumbers, children);
    const starts = new Int32Array(from[children]!);
    const ends = new Int32Array(from[children]!);
    const filled = from.slice(0, children);
    for (let i = 0; i < plans.length; i++) {
      const child = childNumbers[i]!;
      if (child === -1) continue;
      const at = filled[child]!++;
      starts[at] = startOf(i)!;
      ends[at] = endOf(i) ?? OPEN;
    }
    return new PlanSpans(from, starts, ends);
  }

  /** The latest start among child `child`'s plans open on the day (start ≤ day ≤ end): `latestOpenStart` by number. */
  latestOpenStart(child: number, day: DayNumber): DayNumber | undefined {
    let latest: number | undefined;
    for (let p = this.from[child]!; p < this.from[child + 1]!; p++) {
      const start = this.starts[p]!;
      if (openBetween(start, this.ends[p], day) && (latest === undefined || start > latest)) latest = start;
    }
    return latest as DayNumber | undefined;
  }
}
