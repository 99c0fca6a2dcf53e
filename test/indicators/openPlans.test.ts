// openPlansByChild keeps the last day asked for and hands the same map to every
// indicator asking for it: cross-checked against a fresh computation (a copy of
// the plans, which nothing has asked about) over seeded random plans, days
// asked in turn and again, and every plan type; and against the plain reading,
// written out here from the rule.
import { describe, expect, it } from 'vitest';
import type { DayNumber } from '../../src/core/dates/localDate.js';
import { PLAN_TYPES, type PlanRecord, type PlanType } from '../../src/core/extracts/definitions.js';
import { openPlansByChild, type OpenPlans } from '../../src/core/indicators/openPlans.js';
import { Rng } from '../../src/scripts/syntheticAuthority.js';

function randomPlans(rng: Rng, n: number): PlanRecord[] {
  const plans: PlanRecord[] = [];
  for (let i = 0; i < n; i++) {
    const start = rng.int(0, 200);
    plans.push({
      child_id: `C${rng.int(1, 40)}`,
      plan_id: `P${rng.int(1, 30)}`,
      plan_type: rng.pick(PLAN_TYPES),
      start_date: start as DayNumber,
      end_date: rng.chance(0.4) ? undefined : ((start + rng.int(0, 120)) as DayNumber),
      team: rng.pick(['A', 'B', undefined]),
      worker: rng.pick(['W1', 'W2', undefined]),
      line: i + 2,
    } as unknown as PlanRecord);
  }
  return plans;
}

/** What the open plans tell of each child, in their order: its ID, its newest open plan and the earliest start of its open plans. */
type ChildOpenPlans = [string, PlanRecord, DayNumber];

function entries(open: OpenPlans): ChildOpenPlans[] {
  return Array.from({ length: open.size }, (_, c) => [open.childTexts[open.childLabel(c)]!, open.newest(c), open.oldestStart(c)]);
}

/** By child ID: the order children come in is not part of the answer. */
function byChildId(children: ChildOpenPlans[]): ChildOpenPlans[] {
  return children.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

const text = (value: string | undefined) => value ?? '';

/** The plain reading: each child's plans of the type open on the day, newest start first, ties by plan id, end (blank last), team, worker. */
function plainOpenPlans(plans: readonly PlanRecord[], day: DayNumber, type: PlanType | undefined): ChildOpenPlans[] {
  const open = new Map<string, PlanRecord[]>();
  for (const plan of plans) {
    if (type !== undefined && plan.plan_type !== type) continue;
    if (plan.start_date > day || (plan.end_date !== undefined && plan.end_date < day)) continue;
    open.set(plan.child_id, [...(open.get(plan.child_id) ?? []), plan]);
  }
  for (const list of open.values()) {
    list.sort(
      (a, b) =>
        b.start_date - a.start_date ||
        (text(a.plan_id) < text(b.plan_id) ? -1 : text(a.plan_id) > text(b.plan_id) ? 1 : 0) ||
        (a.end_date ?? Infinity) - (b.end_date ?? Infinity) ||
        (text(a.team) < text(b.team) ? -1 : text(a.team) > text(b.team) ? 1 : 0) ||
        (text(a.worker) < text(b.worker) ? -1 : text(a.worker) > text(b.worker) ? 1 : 0),
    );
  }
  return [...open].map(([childId, list]) => [childId, list[0]!, list[list.length - 1]!.start_date]);
}

describe('openPlansByChild', () => {
  for (const seed of [7, 8]) {
    it(`gives what a fresh computation gives, day after day (seed ${seed})`, () => {
      const rng = new Rng(seed);
      const plans = randomPlans(rng, 400);
      const types: (PlanType | undefined)[] = [undefined, ...PLAN_TYPES];
      for (let q = 0; q < 60; q++) {
        const day = (rng.int(0, 10) * 25) as DayNumber;
        const type = rng.pick(types);
        expect(entries(openPlansByChild(plans, day, type))).toEqual(entries(openPlansByChild([...plans], day, type)));
      }
    });
  }

  it('gives what the plain reading gives, for every type on each day', () => {
    const rng = new Rng(11);
    const plans = randomPlans(rng, 500);
    for (const day of [0, 40, 100, 160, 230] as DayNumber[]) {
      for (const type of [undefined, ...PLAN_TYPES]) {
        expect(byChildId(entries(openPlansByChild(plans, day, type))), `day ${day} ${type ?? 'all'}`).toEqual(byChildId(plainOpenPlans(plans, day, type)));
      }
    }
  });

  it('hands the same map to a second caller asking for the same day and type', () => {
    const plans = randomPlans(new Rng(9), 50);
    expect(openPlansByChild(plans, 100 as DayNumber, 'CP')).toBe(openPlansByChild(plans, 100 as DayNumber, 'CP'));
  });
});
