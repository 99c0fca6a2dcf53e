import type { IndicatorKind } from '../core/indicators/types.js';
import type { Period } from '../core/period.js';
import type { IndicatorResult } from '../core/report.js';
import { escapeHtml, formatCount, formatTarget, formatValue } from './format.js';

/** One point of a chart: a period and its value, null when the cohort was empty. */
interface ChartPoint {
  readonly label: string;
  readonly value: number | null;
  /** The records the value stands on (a rate's denominator). */
  readonly n: number;
  /** Why the point has no RAG though it has a value ("n < 5"): drawn hollow. */
  readonly ragReason: string | undefined;
}

/** The y axis in display units (percent for rates, the count for counts). */
interface Axis {
  readonly lo: number;
  readonly hi: number;
  readonly step: number;
}

const WIDTH = 360;
const HEIGHT = 190;
// Two rows under the plot: the period, then its n.
const PLOT = { left: 46, right: WIDTH - 14, top: 30, bottom: HEIGHT - 38 };
// Points sit inside the plot so the first and last do not touch the axes.
const X_INSET = 18;
// Enough period labels to read, few enough not to overlap.
const MAX_X_LABELS = 6;
const COUNT_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000];

function displayUnits(kind: IndicatorKind, value: number): number {
  return kind === 'rate' ? value * 100 : value;
}

/** Rates: whole tens of percent around the values and target, at least 20 points tall, within 0–100. */
function rateAxis(values: readonly number[]): Axis {
  let lo = Math.floor(Math.min(...values) / 10) * 10;
  let hi = Math.ceil(Math.max(...values) / 10) * 10;
  if (hi - lo < 20) {
    hi = Math.min(100, lo + 20);
    lo = hi - 20;
  }
  const step = hi - lo <= 50 ? 10 : 20;
  return { lo: Math.floor(lo / step) * step, hi: Math.min(100, Math.ceil(hi / step) * step), step };
}

/** Counts: from 0, in the smallest round step that needs at most five of them. */
function countAxis(values: readonly number[]): Axis {
  const max = Math.max(1, ...values);
  const step = COUNT_STEPS.find((s) => Math.ceil(max / s) <= 5) ?? Math.ceil(max / 5);
  return { lo: 0, hi: Math.ceil(max / step) * step, step };
}

function ticks(axis: Axis): number[] {
  const list: number[] = [];
  for (let t = axis.lo; t <= axis.hi; t += axis.step) list.push(t);
  return list;
}

function n(x: number): string {
  return String(Math.round(x * 10) / 10);
}

function yOf(axis: Axis, units: number): number {
  return PLOT.bottom - ((units - axis.lo) / (axis.hi - axis.lo)) * (PLOT.bottom - PLOT.top);
}

function xOf(index: number, count: number): number {
  if (count === 1) return (PLOT.left + PLOT.right) / 2;
  return PLOT.left + X_INSET + (index / (count - 1)) * (PLOT.right - PLOT.left - 2 * X_INSET);
}

function yAxis(axis: Axis, kind: IndicatorKind): string {
  return ticks(axis).map((t) => {
    const y = n(yOf(axis, t));
    const label = kind === 'rate' ? `${t} %` : String(t);
    return `<line class="grid" x1="${PLOT.left}" x2="${PLOT.right}" y1="${y}" y2="${y}"/><text class="tick" x="${PLOT.left - 6}" y="${y}" text-anchor="end" dominant-baseline="middle">${label}</text>`;
  }).join('');
}

/** Period labels under the points, with a rate's n below each; when there are many, every k-th counting back from the latest. */
function xAxis(points: readonly ChartPoint[], kind: IndicatorKind): string {
  const every = Math.ceil(points.length / MAX_X_LABELS);
  return points.map((p, i) => {
    if ((points.length - 1 - i) % every !== 0) return '';
    const x = n(xOf(i, points.length));
    const count = kind === 'rate' ? `<text class="n-tick" x="${x}" y="${PLOT.bottom + 28}" text-anchor="middle">n = ${formatCount(p.n)}</text>` : '';
    return `<text class="tick" x="${x}" y="${PLOT.bottom + 16}" text-anchor="middle">${escapeHtml(p.label)}</text>${count}`;
  }).join('');
}

/** A point as read aloud and on hover: "2026-09: 81.4 % (n = 43)", and why a small one is not judged. */
function pointText(kind: IndicatorKind, p: ChartPoint): string {
  const value = formatValue(kind, p.value);
  if (kind === 'count') return `${p.label}: ${value}`;
  return `${p.label}: ${value} (n = ${formatCount(p.n)}${p.ragReason === undefined ? '' : `, not judged: ${p.ragReason}`})`;
}

/** The dashed target line, named in a legend above the plot where no point can cover it. */
function targetLine(result: IndicatorResult, axis: Axis): string {
  if (result.target === null) return `<text class="legend" x="${PLOT.left}" y="12">no target</text>`;
  const y = n(yOf(axis, displayUnits(result.kind, result.target)));
  return `<line class="target" x1="${PLOT.left}" x2="${PLOT.right}" y1="${y}" y2="${y}"/>`
    + `<line class="target" x1="${PLOT.left}" x2="${PLOT.left + 22}" y1="9" y2="9"/>`
    + `<text class="legend" x="${PLOT.left + 28}" y="12">target ${escapeHtml(formatTarget(result.kind, result.direction, result.target))}</text>`;
}

/** The line, broken where a period has no value (an empty cohort is not zero). */
function valueLine(coords: readonly ([number, number] | null)[]): string {
  const runs: string[][] = [[]];
  for (const c of coords) {
    if (c) runs[runs.length - 1]!.push(`${n(c[0])},${n(c[1])}`);
    else runs.push([]);
  }
  return runs.filter((r) => r.length > 1).map((r) => `<polyline class="line" points="${r.join(' ')}"/>`).join('');
}

function dots(result: IndicatorResult, points: readonly ChartPoint[], coords: readonly ([number, number] | null)[]): string {
  const last = coords.length - 1;
  return coords.map((c, i) => {
    if (!c) return '';
    const point = points[i]!;
    // A hollow dot: a figure on too few records to judge.
    const small = point.ragReason === undefined ? '' : ' small';
    const title = `<title>${escapeHtml(pointText(result.kind, point))}</title>`;
    if (i < last) return `<circle class="dot${small}" cx="${n(c[0])}" cy="${n(c[1])}" r="3.5">${title}</circle>`;
    const label = escapeHtml(formatValue(result.kind, result.value));
    return `<circle class="dot now${small} rag-${result.rag}" cx="${n(c[0])}" cy="${n(c[1])}" r="5.5">${title}</circle><text class="now-label" x="${n(c[0])}" y="${n(c[1] - 10)}" text-anchor="middle">${label}</text>`;
  }).join('');
}

function pointsOf(result: IndicatorResult, period: Period): ChartPoint[] {
  return result.series
    ? result.series.map((p) => ({ label: p.period.label, value: p.value, n: p.denominator, ragReason: p.ragReason }))
    : [{ label: period.label, value: result.value, n: result.denominator, ragReason: result.ragReason }];
}

function summary(result: IndicatorResult, points: readonly ChartPoint[]): string {
  const values = points.map((p) => pointText(result.kind, p)).join(', ');
  return `${result.title}: ${values}; target ${formatTarget(result.kind, result.direction, result.target)}`;
}

/**
 * An inline SVG chart of the indicator over its series (or this period's
 * point alone), with the target as a dashed line. No ids, so many charts
 * can share a page and output stays byte-identical.
 */
export function trendChart(result: IndicatorResult, period: Period): string {
  const points = pointsOf(result, period);
  const units = points.flatMap((p) => (p.value === null ? [] : [displayUnits(result.kind, p.value)]));
  const scale = [...units, ...(result.target === null ? [] : [displayUnits(result.kind, result.target)])];
  const axis = result.kind === 'rate' ? rateAxis(scale.length ? scale : [0, 100]) : countAxis(scale);
  const coords = points.map((p, i): [number, number] | null => (p.value === null ? null : [xOf(i, points.length), yOf(axis, displayUnits(result.kind, p.value))]));
  return `<svg class="chart-svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${escapeHtml(summary(result, points))}">`
    + `<line class="axis" x1="${PLOT.left}" x2="${PLOT.left}" y1="${PLOT.top}" y2="${PLOT.bottom}"/>`
    + yAxis(axis, result.kind) + xAxis(points, result.kind) + targetLine(result, axis) + valueLine(coords) + dots(result, points, coords)
    + '</svg>';
}
