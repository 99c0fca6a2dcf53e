import { formatUk } from '../core/dates/localDate.js';
import type { IndicatorKind } from '../core/indicators/types.js';
import type { Period } from '../core/period.js';
import type { Rag } from '../core/rag.js';
import type { Figure, GroupFigure, IndicatorResult, Report } from '../core/report.js';
import { withoutControls } from './safeText.js';

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

/** The RAG as a word, so it is read without colour: "GREEN", "AMBER", "RED", "NO RAG". */
export function ragWord(rag: Rag): string {
  return rag === 'none' ? 'NO RAG' : rag.toUpperCase();
}

/** The RAG as a word with, when a figure is too small to judge, the reason: "NO RAG (n < 5)". */
export function ragText(figure: { readonly rag: Rag; readonly ragReason?: string }): string {
  return figure.ragReason === undefined ? ragWord(figure.rag) : `${ragWord(figure.rag)} (${figure.ragReason})`;
}

/** "n = 26": the cohort a rate stands on; empty for a count, whose figure is its own n. */
export function formatN(kind: IndicatorKind, figure: Figure): string {
  return kind === 'count' ? '' : `n = ${formatCount(figure.denominator)}`;
}

/** The report's heading: the authority name given with --title, else a generic one. */
export function reportTitle(report: Report): string {
  return report.title?.trim() || 'csc-metrics report';
}

/** " (the extract date)" when the as-at date was pulled back to the day the extracts were taken. */
export function asAtNote(period: Period): string {
  return period.asAtIsExtractDate ? ' (the extract date: the extracts were taken before the period ended)' : '';
}

/** "category = Neglect; plan_type = CP or CIN": the filters every cohort was restricted by; empty without any. */
export function filtersText(report: Report): string {
  return Object.entries(report.where ?? {})
    .map(([column, values]) => `${column} = ${values.join(' or ')}`)
    .join('; ');
}

/** "01/10/2026 to 31/10/2026", UK dates as people read them. */
export function formatPeriodUk(period: Period): string {
  return `${formatUk(period.from)} to ${formatUk(period.to)}`;
}

/** The series values oldest first with each rate's n, "73.3 % of 30 → 75.0 % of 4"; empty without a series. */
export function formatTrend(result: IndicatorResult): string {
  return (result.series ?? []).map((p) => (result.kind === 'rate' && p.value !== null ? `${formatValue(result.kind, p.value)} of ${formatCount(p.denominator)}` : formatValue(result.kind, p.value))).join(' → ');
}

/** Every group key of the report's breakdowns, in code-point order (as the core orders groups). */
export function groupKeys(indicators: readonly IndicatorResult[]): string[] {
  const keys = new Set(indicators.flatMap((r) => (r.groups ?? []).map((g) => g.key)));
  return [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** An indicator's groups by key, so a breakdown finds each cell without searching the list (linear in the groups). */
export function groupsByKey(result: IndicatorResult): ReadonlyMap<string, GroupFigure> {
  return new Map((result.groups ?? []).map((g) => [g.key, g]));
}

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for HTML element content and quoted attribute values, control characters dropped. */
export function escapeHtml(text: string): string {
  return withoutControls(text).replace(/[&<>"']/g, (ch) => HTML_ENTITIES[ch]!);
}
