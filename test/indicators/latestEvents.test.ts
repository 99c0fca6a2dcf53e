// LatestEvents (the shared index of an event log) cross-checked against a
// plain scan of the log on seeded random events: same-day events, codes a
// child lacks, days before a child's first event, children not in the log,
// runs sorted in place and runs sorted as a subarray, the first and last days of the calendar's years 0000 and 9999.
import { describe, expect, it } from 'vitest';
import { dayNumber, type DayNumber } from '../../src/core/dates/localDate.js';
import { EventLog } from '../../src/core/extracts/eventLog.js';
import { LatestEvents } from '../../src/core/indicators/latestEvents.js';
import { Rng } from '../../src/scripts/syntheticAuthority.js';

// The first and last days a date is read as (four-digit years): the keys must sort them too.
const EDGES = [dayNumber(0, 1, 1), dayNumber(9999, 12, 31)];

interface Event {
  readonly childId: string;
  readonly day: number;
  readonly code: number;
}

function plainLatest(events: readonly Event[], childId: string, code: number, day: number): number | undefined {
  let latest: number | undefined;
  for (const e of events) if (e.childId === childId && e.code === code && e.day <= day && (latest === undefined || e.day > latest)) latest = e.day;
  return latest;
}

describe('LatestEvents', () => {
  for (const seed of [1, 2, 3]) {
    it(`agrees with a plain scan of the log (seed ${seed})`, () => {
      const rng = new Rng(seed);
      const codes = [0, 1, 2, 255];
      const events: Event[] = [];
      const log = new EventLog('visits.csv');
      for (let i = 0; i < 2000; i++) {
        // A few children with many events, the rest with few: both ways of sorting a child's run.
        const event = { childId: rng.chance(0.5) ? `C${rng.int(1, 3)}` : `C${rng.int(4, 120)}`, day: rng.chance(0.05) ? rng.pick(EDGES) : rng.int(-40, 400), code: rng.pick(codes) };
        events.push(event);
        log.add(event.childId, event.day as DayNumber, event.code, { line: i + 2, team: undefined, worker: undefined, name: undefined });
      }
      const index = new LatestEvents(log);
      for (let q = 0; q < 3000; q++) {
        const childId = `C${rng.int(1, 125)}`;
        const code = rng.pick([...codes, 3]);
        const day = rng.chance(0.05) ? rng.pick(EDGES) + rng.int(-1, 0) : rng.int(-60, 420);
        const child = index.childNumber(childId);
        expect(child === undefined ? undefined : index.latestOfChild(child, code, day as DayNumber)).toBe(plainLatest(events, childId, code, day));
      }
    });
  }
});
