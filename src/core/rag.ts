import type { Direction, IndicatorKind } from './indicators/types.js';

/** Red/amber/green against the target; `none` without a target or a value, or for a rate with n below `minCohort`. */
export type Rag = 'green' | 'amber' | 'red' | 'none';

// Figures are ratios of whole numbers: a little slack keeps 0.9 (27/30) equal to a 0.9 target.
const EPSILON = 1e-9;

/**
 * Green when the value meets the target; amber when a rate misses by no more
 * than the tolerance (percentage points); red otherwise. Counts have no amber:
 * one child over the target is already a child to act on.
 */
export function ragOf(
  indicator: { readonly kind: IndicatorKind; readonly direction: Direction },
  value: number | null,
  target: number | null,
  tolerancePoints: number,
): Rag {
  if (value === null || target === null) return 'none';
  const shortfall = indicator.direction === 'higher' ? target - value : value - target;
  if (shortfall <= EPSILON) return 'green';
  if (indicator.kind === 'rate' && shortfall <= tolerancePoints / 100 + EPSILON) return 'amber';
  return 'red';
}

/** A RAG with, when the figure is too small to judge, why it has none. */
export interface RagVerdict {
  readonly rag: Rag;
  /** Why the RAG is `none` though a target and a value exist: "n < 5" for a cohort under `minCohort`. */
  readonly ragReason?: string;
}

/**
 * The RAG of a figure, withheld from a rate whose cohort (its denominator)
 * has at least one record but fewer than `minCohort`: 1 of 1 is 100 %, but
 * it says nothing about practice. Counts have no cohort (the count is the
 * children to act on), so they are always judged; an empty cohort has no
 * value and so no RAG, without a reason beyond that.
 */
export function ragOfFigure(
  indicator: { readonly kind: IndicatorKind; readonly direction: Direction },
  figure: { readonly denominator: number; readonly value: number | null },
  target: number | null,
  rules: { readonly tolerance: number; readonly minCohort: number },
): RagVerdict {
  // Without a target there is nothing to judge whatever the n: no reason beyond that.
  if (target !== null && isSmallCohort(indicator.kind, figure.denominator, rules.minCohort)) return { rag: 'none', ragReason: smallCohortReason(rules.minCohort) };
  return { rag: ragOf(indicator, figure.value, target, rules.tolerance) };
}

/** Whether a figure stands on too few records to judge or compare: a rate with 1 to minCohort - 1 in its cohort. */
export function isSmallCohort(kind: IndicatorKind, denominator: number, minCohort: number): boolean {
  return kind === 'rate' && denominator > 0 && denominator < minCohort;
}

/** The reason a figure under the minimum cohort has no RAG: "n < 5". */
export function smallCohortReason(minCohort: number): string {
  return `n < ${minCohort}`;
}
