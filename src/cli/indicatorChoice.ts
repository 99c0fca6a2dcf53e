import { UsageError } from '../core/errors.js';
import type { IndicatorDefinition } from '../core/indicators/types.js';

/** The indicator `--indicator ID` names; an unknown id is a UsageError naming the valid ones. */
export function indicatorNamed(id: string, indicators: readonly IndicatorDefinition[]): IndicatorDefinition {
  const indicator = indicators.find((i) => i.id === id);
  if (!indicator) throw new UsageError(`--indicator ${id}: unknown indicator; valid ids: ${indicators.map((i) => i.id).join(', ')}`);
  return indicator;
}

/**
 * The indicators a report computes: those `--indicator` names, in the
 * catalogue's order whatever the order of the flags (so the same choice
 * gives the same output); every one when none is named.
 */
export function chosenIndicators(ids: readonly string[], indicators: readonly IndicatorDefinition[]): IndicatorDefinition[] {
  if (ids.length === 0) return [...indicators];
  const chosen = new Set(ids.map((id) => indicatorNamed(id, indicators)));
  return indicators.filter((indicator) => chosen.has(indicator));
}
