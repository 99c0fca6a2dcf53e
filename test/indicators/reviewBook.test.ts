import { describe, expect, it } from 'vitest';
import type { DayNumber } from '../../src/core/dates/localDate.js';
import type { PlanRecord, ReviewRecord } from '../../src/core/extracts/definitions.js';
import { buildBook } from '../../src/core/indicators/reviews.js';

// The review book places each review on its plan's clock, in typed arrays with each child's clocks
// chained. The plain reference scans every plan and every review for each review it places.

type Type = 'CLA' | 'CP';

/** The latest start among the child's plans of the type open on the day (start ≤ day ≤ end, a blank end open). */
function plainStart(plans: readonly PlanRecord[], type: Type, childId: string, day: number): number | undefined {
  const open = plans.filter((p) => p.child_id === childId && p.plan_type === type && p.start_date <= day && (p.end_date === undefined || p.end_date >= day));
  return open.length === 0 ? undefined : Math.max(...open.map((p) => p.start_date));
}

/** The distinct days, in order, of the child's reviews of the type placed on the plan starting on `start`. */
function plainDays(reviews: readonly ReviewRecord[], plans: readonly PlanRecord[], type: Type, childId: string, start: number): number[] {
  const days = reviews.filter((r) => r.review_type === type && r.child_id === childId && plainStart(plans, type, childId, r.review_date) === start).map((r) => r.review_date as number);
  return [...new Set(days)].sort((a, b) => a - b);
}

describe('the review book (clocks in typed arrays, chained by child)', () => {
  it('places every review where a scan of the plans and reviews places it, on random plans and reviews', () => {
    let seed = 5;
    const random = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
    const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
    const base = 20_000;
    for (let round = 0; round < 4; round++) {
      const children = Array.from({ length: 25 }, (_, i) => `C${String(i).padStart(5, '0')}`);
      const plans: PlanRecord[] = [];
      for (let i = 0; i < 120; i++) {
        // Episodes that overlap, restart the day after one ends, or stay open.
        const start = base + Math.floor(random() * 400);
        const end = random() < 0.3 ? undefined : start + Math.floor(random() * 200);
        plans.push({ line: i + 2, child_id: pick(children), plan_type: pick(['CLA', 'CP', 'CIN'] as const), start_date: start, end_date: end } as unknown as PlanRecord);
      }
      const reviews: ReviewRecord[] = [];
      for (let i = 0; i < 600; i++) {
        // Same-day repeats share a number; a review may fall on no open plan.
        const day = base - 20 + Math.floor(random() * 640);
        reviews.push({ line: i + 2, child_id: pick(children), review_type: pick(['CLA', 'CP'] as const), review_date: day } as unknown as ReviewRecord);
      }
      for (const type of ['CLA', 'CP'] as const) {
        const book = buildBook(type, reviews, plans);
        const ofType = reviews.map((r, index) => ({ r, index })).filter(({ r }) => r.review_type === type);
        expect([...book.index]).toEqual(ofType.map(({ index }) => index));
        expect([...book.day]).toEqual(ofType.map(({ r }) => r.review_date));
        ofType.forEach(({ r }, i) => {
          const start = plainStart(plans, type, r.child_id, r.review_date);
          expect(book.clock[i] === -1, `review ${i}`).toBe(start === undefined);
          if (start === undefined) return;
          const clock = book.clockAt(book.clock[i]!);
          expect([clock.start, [...clock.days]]).toEqual([start, plainDays(reviews, plans, type, r.child_id, start)]);
        });
        for (const plan of plans.filter((p) => p.plan_type === type)) {
          const days = plainDays(reviews, plans, type, plan.child_id, plan.start_date);
          const clock = book.clockOf(plan.child_id, plan.start_date as DayNumber);
          expect(clock && [clock.start, [...clock.days]]).toEqual(days.length === 0 ? undefined : [plan.start_date, days]);
        }
      }
    }
  });
});
