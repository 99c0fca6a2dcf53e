import type { IndicatorKind } from '../core/indicators/types.js';
import type { Figure } from '../core/report.js';

/** "87.9 %" for a rate, the count itself for a count, "–" when there is no value. */
export function formatValue(kind: IndicatorKind, value: number | null): string {
  if (value === null) return '–';
  return kind === 'count' ? String(value) : `${(Math.round(value * 1000) / 10).toFixed(1)} %`;
}

/** "45 / 50" for a rate; the count for a count. */
export function formatFraction(kind: IndicatorKind, figure: Figure): string {
  return kind === 'count' ? String(figure.numerator) : `${figure.numerator} / ${figure.denominator}`;
}

/** A target as people write it: "≥ 90 %", "≤ 0", "none". */
export function formatTarget(kind: IndicatorKind, direction: 'higher' | 'lower', target: number | null): string {
  if (target === null) return 'none';
  return `${direction === 'higher' ? '≥' : '≤'} ${formatValue(kind, target)}`;
}

/** 1234567 → "1,234,567", the same on every machine (no locale). */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
