import { UsageError } from '../core/errors.js';
import { INDICATORS } from '../core/indicators/registry.js';
import { indicatorNamed } from './indicatorChoice.js';
import type { IndicatorDefinition } from '../core/indicators/types.js';
import type { SampleKind } from '../core/sample/kinds.js';
import type { OnlyOutcome } from '../core/sample/outcomes.js';

/**
 * The indicator `--indicator ID` names, checked against the kind sampled.
 * Throws a UsageError naming the valid ids, or the kinds the indicator reads.
 */
export function indicatorForSample(id: string, kind: SampleKind, only: OnlyOutcome | undefined, indicators: readonly IndicatorDefinition[] = INDICATORS): IndicatorDefinition {
  const indicator = indicatorNamed(id, indicators);
  if (indicator.subject !== kind) {
    throw new UsageError(`--indicator ${id} judges ${indicator.subject} records, not ${kind}: use --kind ${indicator.subject}`);
  }
  if (only === 'met' && indicator.kind === 'count') {
    throw new UsageError(`--only met: ${id} is a count, and every record it counts is an exception; use --only exceptions`);
  }
  return indicator;
}

