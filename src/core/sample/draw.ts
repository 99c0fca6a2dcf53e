import { createHmac } from 'node:crypto';
import { byCodePoint } from '../textOrder.js';

/** A record offered to the draw: its sampling key and the group it is drawn within. */
export interface Candidate<T> {
  readonly item: T;
  readonly key: string;
  readonly group: string;
}

/** One group's draw: how many were eligible and those drawn, in rank order. */
export interface DrawnGroup<T> {
  readonly key: string;
  readonly eligible: number;
  readonly drawn: readonly T[];
}

/** A record's rank under a seed: HMAC-SHA-256 keyed by the seed over the record key, in hex. */
function rankOf(seed: string, key: string): string {
  return createHmac('sha256', seed).update(key).digest('hex');
}

/**
 * Ranks every candidate by its keyed hash and keeps the `size` smallest ranks
 * per group. A keyed hash is a fixed random permutation for each seed, so every
 * candidate is equally likely to be drawn, and a candidate's rank depends on
 * nothing but the seed and its own key. Equal ranks fall back to the key;
 * equal keys are the same values twice, so either copy will do.
 */
export function drawPerGroup<T>(candidates: readonly Candidate<T>[], seed: string, size: number): DrawnGroup<T>[] {
  const ranked = candidates
    .map((c) => ({ ...c, rank: rankOf(seed, c.key) }))
    .sort((a, b) => byCodePoint(a.rank, b.rank) || byCodePoint(a.key, b.key));
  const groups = new Map<string, T[]>();
  for (const c of ranked) {
    const list = groups.get(c.group);
    if (list) list.push(c.item);
    else groups.set(c.group, [c.item]);
  }
  return [...groups.keys()].sort(byCodePoint).map((key) => {
    const all = groups.get(key)!;
    return { key, eligible: all.length, drawn: all.slice(0, size) };
  });
}
