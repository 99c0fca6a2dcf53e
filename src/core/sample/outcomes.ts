import { UsageError } from '../errors.js';
import { isException, type IndicatorDefinition, type IndicatorInput } from '../indicators/types.js';
import { notComputedReason } from '../report.js';

/** Which records an indicator's outcome keeps: those it counts as not met, or as met. */
export type OnlyOutcome = 'exceptions' | 'met';

/** What an indicator made of one sampled record: met means not an exception (whatever the direction). */
export interface Outcome {
  readonly met: boolean;
  readonly detail: string;
}

/** The indicator's outcome for each record of its subject kind (the kind sampled), by the `file:line` it cites. */
export function casesByPlace(indicator: IndicatorDefinition, input: IndicatorInput): Map<string, Outcome> {
  const reason = notComputedReason(indicator, input.data, input.period);
  if (reason) throw new UsageError(`${indicator.id} cannot be computed: ${reason}`);
  return new Map(Array.from(indicator.cases(input), (c) => [`${c.source.file}:${c.source.line}`, { met: !isException(indicator, c), detail: c.detail }]));
}

/** Whether a record with this outcome (none: not in the indicator's cohort) passes `--only`. */
export function keeps(row: Outcome | undefined, only: OnlyOutcome | undefined): boolean {
  if (only === undefined) return true;
  return row !== undefined && row.met === (only === 'met');
}
