import type { Dataset } from './dataset.js';
import { EXTRACT_KINDS, type ExtractKind } from './extracts/definitions.js';

/**
 * The order a run reads its extracts in so that each is held only while
 * what reads it is computed. A kind read together with two or more others
 * (plans: visits, supervision, reviews… each read with it) is `held` from
 * the start to the end. Every other kind is read with at most one kind that
 * is not held, so it is read in a wave with that one (or alone), and let go
 * of once the wave is computed: ten million visits need not stay in memory
 * while the rest is read and computed.
 */
export interface ReadingWaves {
  readonly held: readonly ExtractKind[];
  /** Each kind not held is in one wave, in the extracts' order. */
  readonly waves: readonly (readonly ExtractKind[])[];
}

/**
 * The waves for reading `kinds`, where each group is a set of kinds read
 * together (an indicator's extracts). Whatever a group holds of the kinds
 * not held lies in one wave.
 */
export function readingWaves(kinds: readonly ExtractKind[], groups: readonly (readonly ExtractKind[])[]): ReadingWaves {
  const read = EXTRACT_KINDS.filter((kind) => kinds.includes(kind));
  const neighbours = new Map(read.map((kind) => [kind, new Set<ExtractKind>()]));
  for (const group of groups) {
    for (const kind of group) for (const other of group) if (other !== kind && neighbours.has(other)) neighbours.get(kind)?.add(other);
  }
  const held = read.filter((kind) => neighbours.get(kind)!.size >= 2);
  const placed = new Set(held);
  const waves: ExtractKind[][] = [];
  for (const kind of read) {
    if (placed.has(kind)) continue;
    // A kind not held has at most one neighbour, so its wave is it and that neighbour when it is not held either.
    const wave = read.filter((other) => other === kind || (neighbours.get(kind)!.has(other) && !placed.has(other)));
    for (const member of wave) placed.add(member);
    waves.push(wave);
  }
  return { held, waves };
}

/** One wave as read: what it holds and what it accounts for. */
export interface LoadedWave {
  /** The held kinds and the wave's, as far as the run has them. */
  readonly data: Dataset;
  /** The wave's own kinds; the last wave is the held kinds alone. */
  readonly kinds: readonly ExtractKind[];
  /** Why a kind is absent or lacks columns, when its source says (see LoadedData). */
  readonly absentReasons: Readonly<Partial<Record<ExtractKind, string>>>;
}
