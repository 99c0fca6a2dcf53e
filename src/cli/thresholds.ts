import { UsageError } from '../core/errors.js';
import type { IndicatorDefinition } from '../core/indicators/types.js';
import type { Report } from '../core/report.js';

/** `--fail-under ID=VALUE`: the indicator must be no worse than VALUE (a percentage for rates). */
export interface FailUnder {
  readonly id: string;
  readonly limit: number;
  readonly text: string;
}

/** What a CI job fails on. */
export interface Thresholds {
  /** `--fail-on red` (or `amber`: amber or red). */
  readonly failOn?: 'red' | 'amber';
  readonly failUnder: readonly FailUnder[];
}

/** Parses one `--fail-under ID=VALUE` against the registry. */
export function parseFailUnder(text: string, indicators: readonly IndicatorDefinition[]): FailUnder {
  const match = /^([a-z0-9-]+)=(\d+(?:\.\d+)?)%?$/.exec(text.trim());
  if (!match) throw new UsageError(`--fail-under ${text}: expected ID=VALUE, e.g. assessment-timeliness=85`);
  const indicator = indicators.find((i) => i.id === match[1]);
  if (!indicator) throw new UsageError(`--fail-under ${text}: no indicator ${match[1]} (see \`csc-metrics indicators\`)`);
  const value = Number(match[2]);
  if (indicator.kind === 'rate' && value > 100) throw new UsageError(`--fail-under ${text}: a rate threshold is a percentage from 0 to 100`);
  return { id: indicator.id, limit: indicator.kind === 'rate' ? value / 100 : value, text };
}

/** The breaches, one sentence each; empty when the report passes. */
export function breaches(report: Report, thresholds: Thresholds): string[] {
  const found: string[] = [];
  if (thresholds.failOn) {
    const failing = report.indicators.filter((r) => r.rag === 'red' || (thresholds.failOn === 'amber' && r.rag === 'amber'));
    for (const r of failing) found.push(`${r.id} is ${r.rag} (--fail-on ${thresholds.failOn})`);
  }
  for (const rule of thresholds.failUnder) {
    const result = report.indicators.find((r) => r.id === rule.id);
    if (!result) {
      found.push(`${rule.id} was not computed (--fail-under ${rule.text})`);
      continue;
    }
    if (result.value === null) continue;
    const worse = result.direction === 'higher' ? result.value < rule.limit - 1e-9 : result.value > rule.limit + 1e-9;
    if (worse) found.push(`${rule.id} is ${result.kind === 'rate' ? `${Math.round(result.value * 1000) / 10} %` : result.value} (--fail-under ${rule.text})`);
  }
  return found;
}
