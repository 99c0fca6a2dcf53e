// The draw keeps only each group's best candidates as they come (a heap per group); here it is
// checked against the plain rule it implements, on seeded random candidates: rank every candidate
// by its keyed hash, sort them all (stable: equal keys keep the order offered), take the first
// `size` of each group.
import { describe, expect, it } from 'vitest';
import { byCodePoint } from '../../src/core/textOrder.js';
import { Draw, rankOf, type DrawnGroup } from '../../src/core/sample/draw.js';
import { Rng } from '../../src/scripts/syntheticAuthority.js';

interface Candidate {
  readonly item: number;
  readonly key: string;
  readonly group: string;
}

function reference(candidates: readonly Candidate[], seed: string, size: number): DrawnGroup<number>[] {
  const ranked = candidates.map((c) => ({ ...c, rank: rankOf(seed, c.key) })).sort((a, b) => byCodePoint(a.rank, b.rank) || byCodePoint(a.key, b.key));
  const groups = new Map<string, number[]>();
  for (const c of ranked) groups.set(c.group, [...(groups.get(c.group) ?? []), c.item]);
  return [...groups.keys()].sort(byCodePoint).map((key) => ({ key, eligible: groups.get(key)!.length, drawn: groups.get(key)!.slice(0, size) }));
}

/** Candidates numbered in the order offered; keys from a small pool, so that equal keys (equal ranks) come often. */
function randomCandidates(rng: Rng, n: number): Candidate[] {
  const groups = ['Team A', 'Team B', 'Team C', ''].slice(0, rng.int(1, 4));
  return Array.from({ length: n }, (_, item) => ({ item, key: `K${rng.int(0, Math.max(1, n >> 1))}`, group: rng.pick(groups) }));
}

describe('the draw, one candidate at a time', () => {
  it('draws what ranking and sorting every candidate draws, on random candidates with equal keys', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const rng = new Rng(seed);
      const candidates = randomCandidates(rng, rng.int(0, 60));
      const size = rng.int(1, 12);
      const draw = new Draw<number>(`seed ${seed}`, size);
      for (const c of candidates) draw.offer(c.item, c.key, c.group);
      expect(draw.drawn(), `seed ${seed}`).toEqual(reference(candidates, `seed ${seed}`, size));
      expect(draw.eligible).toBe(candidates.length);
    }
  });
});
