import type { Direction, IndicatorKind } from './indicators/types.js';

/** Red/amber/green against the target; `none` without a target or a value. */
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
