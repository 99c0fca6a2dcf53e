import { describe, expect, it } from 'vitest';
import type { DayNumber } from '../../src/core/dates/localDate.js';
import type { PlanRecord, PlanType } from '../../src/core/extracts/definitions.js';
import { EventLog } from '../../src/core/extracts/eventLog.js';
import { childrenOfLog, PlanSpans } from '../../src/core/indicators/planSpans.js';
import { Rng } from '../../src/scripts/syntheticAuthority.js';

function plan(child_id: string, plan_type: PlanType, start_date: number, end_date?: number): PlanRecord {
  return { line: 2, child_id, plan_type, start_date, end_date } as unknown as PlanRecord;
}

/** The plain reading: the latest start among the child's plans of the type open on the day. */
function latestOpenStart(plans: readonly PlanRecord[], childId: string, type: PlanType, day: number): number | undefined {
  const open = plans.filter((p) => p.child_id === childId && p.plan_type === type && p.start_date <= day && (p.end_date === undefined || p.end_date >= day));
  return open.length === 0 ? undefined : Math.max(...open.map((p) => p.start_date));
}

function logOf(childIds: readonly string[]): EventLog {
  const log = new EventLog('visits.csv');
  childIds.forEach((childId, i) => log.add(childId, 20_000 as DayNumber, 0, { line: i + 2, team: undefined, worker: undefined, name: undefined }));
  return log;
}

describe('PlanSpans (a type’s plan starts and ends by the visits log’s child numbers)', () => {
  it('gives the latest start of the plans open on a day: an end on the day is still open, a blank end never closes', () => {
    // C1: CP 100-200 and CP 150 with no end; C2: CP 100-120; C3 has plans but no visit, so no spans.
    const plans = [plan('C1', 'CP', 100, 200), plan('C1', 'CP', 150), plan('C2', 'CP', 100, 120), plan('C1', 'CIN', 170), plan('C3', 'CP', 100)];
    const spans = PlanSpans.of(plans, 'CP', childrenOfLog(logOf(['C2', 'C1'])));
    // C1 is number 1: on day 140 only the first plan is open; on 160 and 250 the open-ended one is the latest (the CIN plan is not CP).
    expect([99, 140, 160, 200, 250].map((day) => spans.latestOpenStart(1, day as DayNumber))).toEqual([undefined, 100, 150, 150, 150]);
    // C2 is number 0: open on its end day 120, closed on 121.
    expect([120, 121].map((day) => spans.latestOpenStart(0, day as DayNumber))).toEqual([100, undefined]);
  });

  // The plain reference: a scan of every plan record (latestOpenStart above).
  it('agrees with a scan of each child’s plan records, on random plans and visits', () => {
    const rng = new Rng(17);
    const types: PlanType[] = ['CP', 'CIN', 'CLA'];
    for (let round = 0; round < 5; round++) {
      const children = Array.from({ length: 30 }, (_, i) => `C${String(i).padStart(5, '0')}`);
      const plans = Array.from({ length: 150 }, () => {
        const start = rng.int(20_000, 20_400);
        return plan(children[rng.int(0, 29)]!, types[rng.int(0, 2)]!, start, rng.chance(0.3) ? undefined : start + rng.int(0, 200));
      });
      // Some children have visits and no plans, some plans and no visits; the log numbers them in order of first sight.
      const visited = children.filter(() => rng.chance(0.8));
      const log = logOf(visited.map((childId) => [rng.int(0, 1e6), childId] as const).sort(([a], [b]) => a - b).map(([, childId]) => childId));
      for (const type of types) {
        const spans = PlanSpans.of(plans, type, childrenOfLog(log));
        for (const childId of visited) {
          const child = log.childNumber(childId)!;
          for (let day = 19_990; day <= 20_610; day += rng.int(1, 9)) {
            expect(spans.latestOpenStart(child, day as DayNumber), `${childId} ${type} ${day}`).toBe(latestOpenStart(plans, childId, type, day));
          }
        }
      }
    }
  });
});
