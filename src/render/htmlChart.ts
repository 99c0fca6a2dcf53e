import type { IndicatorKind } from '../core/indicators/types.js';
import type { Period } from '../core/period.js';
import type { Rag } from '../core/rag.js';
import type { IndicatorResult, Report } from '../core/report.js';
import { escapeHtml, formatCount, formatTarget, formatValue, ragText } from './format.js';

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

/**
 * How the marks are styled: by class for the pack's stylesheet, or, in a
 * file that must look the same alone (Word, PowerPoint), by presentation
 * attributes too.
 */
interface Look {
  /** The attributes of a mark of these classes (`dot now small rag-red`). */
  readonly attrs: (classes: string) => string;
  /** Draw the latest value's white halo as a text of its own: not every SVG viewer reads `paint-order`. */
  readonly separateHalo: boolean;
}

/** In the pack the page's CSS styles the chart. */
const PAGE_LOOK: Look = { attrs: (classes) => `class="${classes}"`, separateHalo: false };

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

function yAxis(axis: Axis, kind: IndicatorKind, look: Look): string {
  return ticks(axis).map((t) => {
    const y = n(yOf(axis, t));
    const label = kind === 'rate' ? `${t} %` : String(t);
    return `<line ${look.attrs('grid')} x1="${PLOT.left}" x2="${PLOT.right}" y1="${y}" y2="${y}"/><text ${look.attrs('tick')} x="${PLOT.left - 6}" y="${y}" text-anchor="end" dominant-baseline="middle">${label}</text>`;
  }).join('');
}

/** Period labels under the points, with a rate's n below each; when there are many, every k-th counting back from the latest. */
function xAxis(points: readonly ChartPoint[], kind: IndicatorKind, look: Look): string {
  const every = Math.ceil(points.length / MAX_X_LABELS);
  return points.map((p, i) => {
    if ((points.length - 1 - i) % every !== 0) return '';
    const x = n(xOf(i, points.length));
    const count = kind === 'rate' ? `<text ${look.attrs('n-tick')} x="${x}" y="${PLOT.bottom + 28}" text-anchor="middle">n = ${formatCount(p.n)}</text>` : '';
    return `<text ${look.attrs('tick')} x="${x}" y="${PLOT.bottom + 16}" text-anchor="middle">${escapeHtml(p.label)}</text>${count}`;
  }).join('');
}

/** A point as read aloud and on hover: "2026-09: 81.4 % (n = 43)", and why a small one is not judged. */
function pointText(kind: IndicatorKind, p: ChartPoint): string {
  const value = formatValue(kind, p.value);
  if (kind === 'count') return `${p.label}: ${value}`;
  return `${p.label}: ${value} (n = ${formatCount(p.n)}${p.ragReason === undefined ? '' : `, not judged: ${p.ragReason}`})`;
}

/** The dashed target line, named in a legend above the plot where no point can cover it. */
function targetLine(result: IndicatorResult, axis: Axis, look: Look): string {
  if (result.target === null) return `<text ${look.attrs('legend')} x="${PLOT.left}" y="12">no target</text>`;
  const y = n(yOf(axis, displayUnits(result.kind, result.target)));
  return `<line ${look.attrs('target')} x1="${PLOT.left}" x2="${PLOT.right}" y1="${y}" y2="${y}"/>`
    + `<line ${look.attrs('target')} x1="${PLOT.left}" x2="${PLOT.left + 22}" y1="9" y2="9"/>`
    + `<text ${look.attrs('legend')} x="${PLOT.left + 28}" y="12">target ${escapeHtml(formatTarget(result.kind, result.direction, result.target))}</text>`;
}

/** The line, broken where a period has no value (an empty cohort is not zero). */
function valueLine(coords: readonly ([number, number] | null)[], look: Look): string {
  const runs: string[][] = [[]];
  for (const c of coords) {
    if (c) runs[runs.length - 1]!.push(`${n(c[0])},${n(c[1])}`);
    else runs.push([]);
  }
  return runs.filter((r) => r.length > 1).map((r) => `<polyline ${look.attrs('line')} points="${r.join(' ')}"/>`).join('');
}

function dots(result: IndicatorResult, points: readonly ChartPoint[], coords: readonly ([number, number] | null)[], look: Look): string {
  const last = coords.length - 1;
  return coords.map((c, i) => {
    if (!c) return '';
    const point = points[i]!;
    // A hollow dot: a figure on too few records to judge.
    const small = point.ragReason === undefined ? '' : ' small';
    const title = `<title>${escapeHtml(pointText(result.kind, point))}</title>`;
    if (i < last) return `<circle ${look.attrs(`dot${small}`)} cx="${n(c[0])}" cy="${n(c[1])}" r="3.5">${title}</circle>`;
    const label = escapeHtml(formatValue(result.kind, result.value));
    const at = `x="${n(c[0])}" y="${n(c[1] - 10)}" text-anchor="middle"`;
    const halo = look.separateHalo ? `<text ${look.attrs('now-halo')} ${at}>${label}</text>` : '';
    return `<circle ${look.attrs(`dot now${small} rag-${result.rag}`)} cx="${n(c[0])}" cy="${n(c[1])}" r="5.5">${title}</circle>${halo}<text ${look.attrs('now-label')} ${at}>${label}</text>`;
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

/** The chart's marks in a 360 × 190 box, and what it shows in words (for `aria-label`). */
function chartMarks(result: IndicatorResult, period: Period, look: Look): { readonly marks: string; readonly summary: string } {
  const points = pointsOf(result, period);
  const units = points.flatMap((p) => (p.value === null ? [] : [displayUnits(result.kind, p.value)]));
  const scale = [...units, ...(result.target === null ? [] : [displayUnits(result.kind, result.target)])];
  const axis = result.kind === 'rate' ? rateAxis(scale.length ? scale : [0, 100]) : countAxis(scale);
  const coords = points.map((p, i): [number, number] | null => (p.value === null ? null : [xOf(i, points.length), yOf(axis, displayUnits(result.kind, p.value))]));
  const marks = `<line ${look.attrs('axis')} x1="${PLOT.left}" x2="${PLOT.left}" y1="${PLOT.top}" y2="${PLOT.bottom}"/>`
    + yAxis(axis, result.kind, look) + xAxis(points, result.kind, look) + targetLine(result, axis, look) + valueLine(coords, look) + dots(result, points, coords, look);
  return { marks, summary: summary(result, points) };
}

/**
 * An inline SVG chart of the indicator over its series (or this period's
 * point alone), with the target as a dashed line. No ids, so many charts
 * can share a page and output stays byte-identical.
 */
export function trendChart(result: IndicatorResult, period: Period): string {
  const { marks, summary } = chartMarks(result, period, PAGE_LOOK);
  return `<svg class="chart-svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${escapeHtml(summary)}">${marks}</svg>`;
}

// The pack's colours (html.ts's stylesheet), for a chart that carries its own.
const INK = '#1d2329';
const MUTED = '#5f6b76';
const ACCENT = '#1f4e79';
const RAG_COLOUR: Record<Rag, string> = { red: '#b3261e', amber: '#9a5b00', green: '#1e7a3c', none: '#5f6368' };
// A generic family last: Word and PowerPoint embed no fonts from an SVG.
const FONT = 'Arial, Helvetica, sans-serif';

/** The pack's chart rules (`.chart-svg …` in html.ts) as presentation attributes. */
const FILE_PAINT: Record<string, string> = {
  axis: 'stroke="#8a949e"',
  grid: 'stroke="#e6eaee"',
  tick: `font-size="10" fill="${MUTED}"`,
  legend: `font-size="10" fill="${MUTED}"`,
  'n-tick': `font-size="9" fill="${MUTED}"`,
  target: 'stroke="#3c4043" stroke-width="1.5" stroke-dasharray="6 4" fill="none"',
  line: `fill="none" stroke="${ACCENT}" stroke-width="2"`,
  'now-label': `font-size="11" font-weight="700" fill="${INK}"`,
  'now-halo': 'font-size="11" font-weight="700" fill="#fff" stroke="#fff" stroke-width="3" stroke-linejoin="round"',
};

/** A dot as the stylesheet paints it: the latest in its RAG colour (over "small", as the later rule wins), a small one hollow. */
function dotPaint(classes: readonly string[]): string {
  if (classes.includes('now')) {
    const rag = (classes.find((c) => c.startsWith('rag-'))?.slice(4) ?? 'none') as Rag;
    return `fill="${RAG_COLOUR[rag] ?? RAG_COLOUR.none}" stroke="#fff" stroke-width="2"`;
  }
  return classes.includes('small') ? `fill="#fff" stroke="${ACCENT}" stroke-width="1.5"` : `fill="${ACCENT}"`;
}

/** Classes kept (a reader's own CSS may use them) plus the paint the pack's stylesheet would give. */
const FILE_LOOK: Look = {
  attrs: (classes) => {
    const list = classes.split(' ');
    const paint = list[0] === 'dot' ? dotPaint(list) : FILE_PAINT[list[0]!] ?? '';
    return `class="${classes}"${paint ? ` ${paint}` : ''}`;
  },
  separateHalo: true,
};

// A bold 13px title: about 44 characters to the chart's width.
const TITLE_CHARS = 44;
const TITLE_LINE = 17;
const PAD = 8;

/** The title in lines of at most `TITLE_CHARS`, broken between words (a longer word is cut). */
function titleLines(title: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (let word of title.split(/\s+/).filter(Boolean)) {
    // Cut by code point, so no surrogate pair is split.
    for (let chars = [...word]; chars.length > TITLE_CHARS; chars = chars.slice(TITLE_CHARS), word = chars.join('')) {
      if (line) lines.push(line);
      lines.push(chars.slice(0, TITLE_CHARS).join(''));
      line = '';
    }
    if (!line) line = word;
    else if (line.length + 1 + word.length <= TITLE_CHARS) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}

/** Under the title: the span and the latest value with its RAG. */
function subtitle(result: IndicatorResult, report: Report): string {
  const span = result.series && result.series.length > 1 ? `${result.series.length} periods to ${report.period.label}` : report.period.label;
  return `${span}: ${formatValue(result.kind, result.value)}, ${ragText(result)}`;
}

/** Escaped for XML text and attributes: escapeHtml, less the two noncharacters XML 1.0 refuses. */
function xmlText(text: string): string {
  return escapeHtml(text).replace(/[\uFFFE\uFFFF]/g, '');
}

/**
 * The indicator's chart as a standalone SVG file for board papers: the same
 * marks as the pack's, under its title, on white, styled by attributes (no
 * CSS, a generic font family) so it looks the same in Word or PowerPoint.
 */
export function chartSvgFile(result: IndicatorResult, report: Report): string {
  const { marks, summary } = chartMarks(result, report.period, FILE_LOOK);
  const lines = titleLines(result.title);
  const title = lines.map((line, i) => `<text class="title" x="${PAD + 4}" y="${PAD + 13 + i * TITLE_LINE}" font-size="13" font-weight="700" fill="${INK}">${xmlText(line)}</text>`).join('');
  const subY = PAD + 13 + (lines.length - 1) * TITLE_LINE + 15;
  const top = subY + PAD;
  const height = top + HEIGHT;
  return '<?xml version="1.0" encoding="UTF-8"?>\n'
    + `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="${xmlText(summary)}" font-family="${FONT}">`
    + `<title>${xmlText(result.title)}</title>`
    + `<rect width="${WIDTH}" height="${height}" fill="#fff"/>`
    + title
    + `<text class="subtitle" x="${PAD + 4}" y="${subY}" font-size="10" fill="${MUTED}">${xmlText(subtitle(result, report))}</text>`
    + `<g transform="translate(0 ${top})">${marks}</g>`
    + '</svg>\n';
}
