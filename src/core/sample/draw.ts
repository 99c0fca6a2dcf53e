import { createHmac } from 'node:crypto';
import { byCodePoint } from '../textOrder.js';

/** One group's draw: how many were eligible and those drawn, in rank order. */
export interface DrawnGroup<T> {
  readonly key: string;
  readonly eligible: number;
  readonly drawn: readonly T[];
}

/** A record's rank under a seed: HMAC-SHA-256 keyed by the seed over the record key, in hex. */
export function rankOf(seed: string, key: string): string {
  return createHmac('sha256', seed).update(key).digest('hex');
}

interface Ranked<T> {
  readonly item: T;
  readonly rank: string;
  readonly key: string;
  /** The order it was offered in. */
  readonly seq: number;
}

/** Smaller rank first; equal ranks by key; equal keys (the same values twice, so either copy will do) in the order offered. */
function compare<T>(a: Ranked<T>, b: Ranked<T>): number {
  return byCodePoint(a.rank, b.rank) || byCodePoint(a.key, b.key) || a.seq - b.seq;
}

/** One group's best candidates so far, at most `size`: a binary heap with the last in rank order at the top. */
class GroupBest<T> {
  eligible = 0;
  private readonly heap: Ranked<T>[] = [];

  offer(candidate: Ranked<T>, size: number): void {
    this.eligible++;
    const heap = this.heap;
    if (heap.length < size) {
      heap.push(candidate);
      this.siftUp(heap.length - 1);
    } else if (compare(candidate, heap[0]!) < 0) {
      heap[0] = candidate;
      this.siftDown(0);
    }
  }

  /** The kept candidates in rank order. */
  inOrder(): T[] {
    return [...this.heap].sort(compare).map((candidate) => candidate.item);
  }

  private siftUp(at: number): void {
    const heap = this.heap;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (compare(heap[at]!, heap[parent]!) <= 0) return;
      [heap[at], heap[parent]] = [heap[parent]!, heap[at]!];
      at = parent;
    }
  }

  private siftDown(at: number): void {
    const heap = this.heap;
    for (;;) {
      const left = 2 * at + 1;
      const right = left + 1;
      let last = at;
      if (left < heap.length && compare(heap[left]!, heap[last]!) > 0) last = left;
      if (right < heap.length && compare(heap[right]!, heap[last]!) > 0) last = right;
      if (last === at) return;
      [heap[at], heap[last]] = [heap[last]!, heap[at]!];
      at = last;
    }
  }
}

/**
 * Ranks every candidate offered by its keyed hash and keeps the `size`
 * smallest ranks per group. A keyed hash is a fixed random permutation for
 * each seed, so every candidate is equally likely to be drawn, and a
 * candidate's rank depends on nothing but the seed and its own key. Equal
 * ranks fall back to the key. Candidates come one at a time and only the
 * best `size` of each group are held: at 4x the bench a month's frame is
 * 363,000 visits, and ranking them all at once held 300 MB.
 */
export class Draw<T> {
  private readonly groups = new Map<string, GroupBest<T>>();
  private offered = 0;

  constructor(
    private readonly seed: string,
    private readonly size: number,
  ) {}

  /** Offers a candidate: the item, its sampling key and the group it is drawn within. */
  offer(item: T, key: string, group: string): void {
    let best = this.groups.get(group);
    if (best === undefined) this.groups.set(group, (best = new GroupBest<T>()));
    best.offer({ item, rank: rankOf(this.seed, key), key, seq: this.offered++ }, this.size);
  }

  /** How many candidates were offered. */
  get eligible(): number {
    return this.offered;
  }

  /** Each group's draw, the groups in code-point order. */
  drawn(): DrawnGroup<T>[] {
    return [...this.groups.keys()].sort(byCodePoint).map((key) => {
      const best = this.groups.get(key)!;
      return { key, eligible: best.eligible, drawn: best.inOrder() };
    });
  }
}
