import { describe, expect, it } from 'vitest';
import { HolderRuns } from '../../src/core/extracts/holderRuns.js';
import { Rng } from '../../src/scripts/syntheticAuthority.js';

interface Holder {
  readonly child: number;
  readonly team: number;
  readonly worker: number;
}

/** Random holders: runs of one child's events, most sharing the run's team and worker, some not (`change` of them). */
function randomHolders(seed: number, n: number, change: number, labels = 50): Holder[] {
  const rng = new Rng(seed);
  const holders: Holder[] = [];
  while (holders.length < n) {
    const child = rng.int(0, 5000);
    let team = rng.int(0, labels);
    let worker = rng.int(0, labels);
    for (let run = rng.int(1, 12); run > 0 && holders.length < n; run--) {
      if (rng.chance(change)) team = rng.int(0, labels);
      if (rng.chance(change)) worker = rng.int(0, labels);
      holders.push({ child, team, worker });
    }
  }
  return holders;
}

function runsOf(holders: readonly Holder[], expected?: number): HolderRuns {
  const runs = new HolderRuns();
  if (expected !== undefined) runs.reserve(expected);
  for (const h of holders) runs.push(h.child, h.team, h.worker);
  return runs;
}

/** What the runs give back event by event, looked up in a shuffled order (the cursor must not assume order). */
function readBack(runs: HolderRuns, n: number, seed: number): Holder[] {
  const rng = new Rng(seed);
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const read: Holder[] = [];
  for (const i of order) read[i] = { child: runs.childAt(i), team: runs.teamAt(i), worker: runs.workerAt(i) };
  return read;
}

/** The children read run by run, with each event's team and worker; the runs in order, none empty. */
function byChildRun(runs: HolderRuns): Holder[] {
  const read: Holder[] = [];
  runs.eachChildRun((child, from, to) => {
    expect(from).toBe(read.length);
    expect(to).toBeGreaterThan(from);
    for (let i = from; i < to; i++) read.push({ child, team: runs.teamAt(i), worker: runs.workerAt(i) });
  });
  return read;
}

describe('HolderRuns against a plain list of holders (random, seeded)', () => {
  // Few changes keep runs; a change in most events (an export sorted by date) switches to one number of each per event.
  it.each([
    [1, 0.05],
    [2, 0.3],
    [3, 0.9],
  ])('seed %i, a change in %f of events: the same holders by event, by child run, and after a thread crossing', (seed, change) => {
    const holders = randomHolders(seed, 20_000, change);
    for (const expected of [undefined, 5_000, 30_000]) {
      const runs = runsOf(holders, expected);
      expect(runs.length).toBe(holders.length);
      expect(readBack(runs, holders.length, seed)).toEqual(holders);
      expect(readBack(HolderRuns.from(structuredClone(runs.data())), holders.length, seed)).toEqual(holders);
      expect(byChildRun(runs)).toEqual(holders);
      expect(readBack(runs, holders.length, seed)).toEqual(holders);
    }
  });

  it('keeps runs where they take less than a number of each per event, and one per event where they would take more', () => {
    expect('starts' in runsOf(randomHolders(4, 20_000, 0.05)).data()).toBe(true);
    expect('starts' in runsOf(randomHolders(5, 20_000, 0.95)).data()).toBe(false);
    // Runs sent as runs are read as runs on the other side.
    const sent = HolderRuns.from(structuredClone(runsOf(randomHolders(4, 20_000, 0.05)).data()));
    expect(byChildRun(sent)).toEqual(randomHolders(4, 20_000, 0.05));
  });

  it('widens team and worker numbers past 65,535 labels, in runs and one per event, keeping every one', () => {
    for (const change of [0.05, 0.95]) {
      const holders = randomHolders(6, 30_000, change, 70_000);
      expect(holders.some((h) => h.worker > 0xffff)).toBe(true);
      const runs = runsOf(holders);
      expect(runs.data().worker).toBeInstanceOf(Uint32Array);
      expect(readBack(runs, holders.length, 6)).toEqual(holders);
      expect(byChildRun(runs)).toEqual(holders);
    }
  });
});
