import { formatUk } from '../core/dates/localDate.js';
import type { FileQuality } from '../core/extracts/issues.js';
import { isSmallCohort, smallCohortReason, type Rag } from '../core/rag.js';
import { noGroup } from '../core/breakdown.js';
import type { ExceptionList } from '../core/exceptionList.js';
import { type ExceptionRow, type GroupFigure, type IndicatorResult, type Report } from '../core/report.js';
import { asAtNote, filtersText, escapeHtml, formatCount, formatFraction, formatPeriodUk, formatN, formatTarget, formatValue, groupKeys, groupsByKey, ragText, ragWord, reportTitle } from './format.js';
import { AUDIT_CSS, auditSection } from './htmlAudit.js';
import { trendChart } from './htmlChart.js';
import { qualityHeadline } from './quality.js';

const MISSING_ID = 'missing-over-5-days';
// More group columns than this would not fit an A4 page: the breakdown is split into several tables.
const GROUP_COLUMNS = 6;
const RAGS: readonly Rag[] = ['red', 'amber', 'green', 'none'];

// Inline only: the pack must open with no network at all (no web fonts, no images, no scripts).
const CSS = `
:root { --red: #b3261e; --red-bg: #fde8e6; --amber: #9a5b00; --amber-bg: #fff2d6; --green: #1e7a3c; --green-bg: #e3f4e8; --none: #5f6368; --none-bg: #eef0f2; --ink: #1d2329; --muted: #5f6b76; --line: #d5dbe1; --accent: #1f4e79; }
* { box-sizing: border-box; }
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #f4f6f8; font-size: 14px; line-height: 1.4; }
main { max-width: 1180px; margin: 0 auto; padding: 20px; }
section { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 16px 20px; margin-bottom: 18px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 0 0 12px; color: var(--accent); }
h3 { font-size: 14px; margin: 0 0 6px; }
p { margin: 4px 0; }
.muted { color: var(--muted); }
.warning { border-left: 4px solid #b45309; background: #fff7ed; padding: 4px 8px; margin: 6px 0; }
.headline { border-top: 6px solid var(--accent); }
#missing { border-left: 6px solid var(--rag); }
.facts { display: flex; flex-wrap: wrap; gap: 6px 28px; margin: 10px 0; }
.facts div { display: flex; gap: 6px; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; font-weight: 600; }
.rag-count { display: flex; flex-wrap: wrap; gap: 8px; margin: 12px 0; }
.rag-count span { padding: 4px 12px; border-radius: 999px; font-weight: 700; }
.rag-key { display: grid; grid-template-columns: auto 1fr; gap: 4px 10px; margin: 8px 0 12px; font-size: 13px; align-items: baseline; }
.rag-key dt { margin: 0; }
.rag-key dd { margin: 0; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
thead th { background: #f0f3f6; font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.quality table { width: auto; min-width: 50%; }
.badge { display: inline-block; padding: 1px 8px; border-radius: 4px; font-size: 11px; font-weight: 700; letter-spacing: 0.04em; }
.rag-red { --rag: var(--red); --rag-bg: var(--red-bg); }
.rag-amber { --rag: var(--amber); --rag-bg: var(--amber-bg); }
.rag-green { --rag: var(--green); --rag-bg: var(--green-bg); }
.rag-none { --rag: var(--none); --rag-bg: var(--none-bg); }
.badge, .rag-count span { color: #fff; background: var(--rag); }
.tiles { display: grid; grid-template-columns: repeat(auto-fill, minmax(250px, 1fr)); gap: 12px; }
.tile { border: 1px solid var(--line); border-left: 8px solid var(--rag); border-radius: 6px; padding: 10px 12px; background: linear-gradient(90deg, var(--rag-bg), #fff 70%); break-inside: avoid; }
.tile h3 { min-height: 2.8em; }
.tile .figure { display: flex; align-items: center; gap: 10px; }
.tile .value { font-size: 28px; font-weight: 700; color: var(--rag); font-variant-numeric: tabular-nums; }
.tile .n { color: var(--muted); font-size: 13px; font-variant-numeric: tabular-nums; }
.tile dl { display: grid; grid-template-columns: auto 1fr; gap: 0 10px; margin: 6px 0; font-size: 13px; }
.tile dt { color: var(--muted); }
.tile dd { margin: 0; }
.change { font-size: 13px; font-weight: 600; }
.change.better { color: var(--green); }
.change.worse { color: var(--red); }
.change.same { color: var(--muted); }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(340px, 1fr)); gap: 12px; }
.chart { margin: 0; border: 1px solid var(--line); border-radius: 6px; padding: 8px; break-inside: avoid; }
.chart figcaption { font-weight: 600; font-size: 13px; display: flex; justify-content: space-between; align-items: flex-start; gap: 8px; }
.badge { white-space: nowrap; }
.chart-svg { width: 100%; height: auto; display: block; font-family: inherit; }
.chart-svg .axis { stroke: #8a949e; }
.chart-svg .grid { stroke: #e6eaee; }
.chart-svg .tick, .chart-svg .legend { font-size: 10px; fill: var(--muted); }
.chart-svg .target { stroke: #3c4043; stroke-width: 1.5; stroke-dasharray: 6 4; }
.chart-svg .line { fill: none; stroke: var(--accent); stroke-width: 2; }
.chart-svg .dot { fill: var(--accent); }
.chart-svg .dot.small { fill: #fff; stroke: var(--accent); stroke-width: 1.5; }
.chart-svg .n-tick { font-size: 9px; fill: var(--muted); }
.chart-svg .dot.now { fill: var(--rag); stroke: #fff; stroke-width: 2; }
.chart-svg .now-label { font-size: 11px; font-weight: 700; fill: var(--ink); paint-order: stroke; stroke: #fff; stroke-width: 3px; }
.breakdown td.rag-red, .breakdown td.rag-amber, .breakdown td.rag-green, .breakdown td.rag-none { background: var(--rag-bg); border-left: 4px solid var(--rag); }
.breakdown td b { color: var(--rag); }
.breakdown table + table { margin-top: 14px; }
.exceptions { margin-top: 16px; break-inside: auto; }
.exceptions h3 { font-size: 15px; }
.exceptions table { table-layout: fixed; }
.exceptions thead th:nth-child(1) { width: 18%; }
.exceptions thead th:nth-child(2), .exceptions thead th:nth-child(3) { width: 14%; }
tbody.team th { background: #e9eef3; color: var(--accent); }
.not-computed li { margin: 2px 0; }
footer { color: var(--muted); font-size: 12px; text-align: center; padding: 8px 0 20px; }
@page { size: A4; margin: 12mm 10mm; }
@media print {
  body { background: #fff; font-size: 10px; line-height: 1.3; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  main { max-width: none; padding: 0; }
  section { border: none; border-radius: 0; padding: 0; margin: 0 0 8px; }
  #missing { padding-left: 10px; }
  section.page { break-before: page; }
  h1 { font-size: 20px; }
  h2 { font-size: 15px; margin-bottom: 6px; }
  h3 { font-size: 11px; margin-bottom: 4px; }
  /* A heading keeps its first lines with it: never the last thing on a page. */
  h1, h2, h3, figcaption, thead, tbody.team tr:first-child { break-after: avoid; page-break-after: avoid; }
  /* minmax(0, 1fr), not 1fr: a 1fr track grows to its widest tile's min-content ("NO RAG (n < 5)" beside a value),
     which made the tiles row 776px wide against the 718px printable width and Chromium shrank every page to fit. */
  .tiles { grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 6px; }
  .tile { padding: 6px 8px; border-left-width: 6px; min-width: 0; overflow-wrap: anywhere; }
  .tile .figure { flex-wrap: wrap; gap: 2px 8px; }
  .tile h3 { min-height: 2.6em; }
  .tile .value { font-size: 20px; }
  .tile .n, .tile dl, .change, .chart figcaption { font-size: 10px; }
  .tile dl { margin: 4px 0; }
  .charts { grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 6px; }
  .chart { padding: 4px; min-width: 0; }
  /* Tiles, charts, key rows and table rows are never cut across two pages. */
  .tile, .chart, .quality, .rag-key, .warning, tr, li { break-inside: avoid; page-break-inside: avoid; }
  table { font-size: 10px; }
  /* A long code or name wraps inside its cell rather than widening the table past the printable width. */
  th, td { padding: 3px 6px; overflow-wrap: anywhere; }
  .exceptions { margin-top: 10px; }
  .exceptions h3 { font-size: 12px; }
  footer { padding: 4px 0 0; font-size: 9px; }
}
${AUDIT_CSS}`;

/** A RAG badge, with the reason a figure too small to judge has none: "NO RAG (n < 5)". */
function badge(figure: { readonly rag: Rag; readonly ragReason?: string }): string {
  return `<span class="badge rag-${figure.rag}">${escapeHtml(ragText(figure))}</span>`;
}

function fact(term: string, value: string): string {
  return `<div><dt>${term}</dt><dd>${escapeHtml(value)}</dd></div>`;
}

function ragCounts(report: Report): string {
  const chips = RAGS.flatMap((rag) => {
    const count = report.indicators.filter((r) => r.rag === rag).length;
    return count === 0 ? [] : [`<span class="rag-${rag}">${count} ${ragWord(rag)}</span>`];
  });
  return `<div class="rag-count" aria-label="indicators by RAG">${chips.join('')}</div>`;
}

/**
 * What the colours mean, with the numbers in force: amber is a rate within
 * the tolerance below its target; a rate on fewer than the minimum cohort is
 * not judged at all (1 of 1 is 100 % and says nothing about practice).
 */
function ragKey(report: Report): string {
  const rules = report.ragRules;
  const tolerance = rules ? `${rules.tolerance} percentage point${rules.tolerance === 1 ? '' : 's'}` : 'the tolerance';
  const small = rules ? `n &lt; ${rules.minCohort}: a rate on fewer than ${rules.minCohort} records is not judged` : 'a rate on fewer records than the minimum cohort is not judged';
  const rows: readonly (readonly [Rag, string])[] = [
    ['green', 'meets the target'],
    ['amber', `a rate below its target by no more than ${tolerance}`],
    ['red', 'further below the target, or a count over it (counts have no amber)'],
    ['none', `no target, no value (no records), or ${small}`],
  ];
  return `<dl class="rag-key" aria-label="RAG key">${rows.map(([rag, meaning]) => `<dt>${badge({ rag })}</dt><dd>${meaning}</dd>`).join('')}</dl>`;
}

function qualityRow(f: FileQuality): string {
  return `<tr><td>${escapeHtml(f.file)}</td><td>${escapeHtml(f.kind)}</td><td class="num">${formatCount(f.rowsRead)}</td><td class="num">${formatCount(f.rowsUsed)}</td><td class="num">${formatCount(f.rowsRejected)}</td></tr>`;
}

function quality(files: readonly FileQuality[]): string {
  const rejected = files.some((f) => f.rowsRejected > 0) ? '<p class="muted">Rejected rows are left out of every figure; <code>csc-metrics validate</code> lists them with line, column and reason.</p>' : '';
  return `<div class="quality"><h3>${escapeHtml(qualityHeadline(files))}</h3>`
    + '<table><thead><tr><th>File</th><th>Extract</th><th class="num">Rows read</th><th class="num">Used</th><th class="num">Rejected</th></tr></thead>'
    + `<tbody>${files.map(qualityRow).join('')}</tbody></table>${rejected}</div>`;
}

function headline(report: Report): string {
  const p = report.period;
  const facts = [
    fact('Period', `${formatPeriodUk(p)} (${p.label})`),
    fact('As at', `${formatUk(p.asAt)}${asAtNote(p)}`),
    fact('Calendar', report.calendar),
    ...(report.where ? [fact('Only records with', filtersText(report))] : []),
    ...(report.generatedAt !== undefined ? [fact('Generated', report.generatedAt)] : []),
  ];
  return `<section class="headline" id="headline"><h1>${escapeHtml(reportTitle(report))}</h1><p class="muted">Performance surgery pack</p>`
    + `<dl class="facts">${facts.join('')}</dl>${warnings(report.warnings)}${ragCounts(report)}${ragKey(report)}${quality(report.dataQuality.files)}</section>`;
}

function exceptionTable(rows: ExceptionList): string {
  const body = rows.map((e) => `<tr><td>${escapeHtml(e.childId)}</td><td>${escapeHtml(e.recordId)}</td><td>${escapeHtml(e.team ?? '')}</td><td>${escapeHtml(e.worker ?? '')}</td><td>${escapeHtml(e.detail)}</td></tr>`);
  return `<table><thead><tr><th>Child</th><th>Record</th><th>Team</th><th>Worker</th><th>Detail</th></tr></thead><tbody>${body.join('')}</tbody></table>`;
}

function missingBody(report: Report): string {
  const result = report.indicators.find((r) => r.id === MISSING_ID);
  if (!result) {
    const reason = report.notComputed.find((nc) => nc.id === MISSING_ID)?.reason;
    return `<p class="muted">Not computed${reason ? `: ${escapeHtml(reason)}` : ''}.</p>`;
  }
  if (result.exceptions.length === 0) return '<p>None.</p>';
  return `<p>${badge(result)} ${result.exceptions.length} missing as at ${formatUk(report.period.asAt)}.</p>${exceptionTable(result.exceptions)}`;
}

function missingSection(report: Report): string {
  const rag = report.indicators.find((r) => r.id === MISSING_ID)?.rag ?? 'none';
  return `<section id="missing" class="rag-${rag}"><h2>Children missing for more than 5 days</h2>${missingBody(report)}</section>`;
}

/**
 * Why a figure is too small to compare ("n < 5"), or undefined: its
 * ragReason, else (for a figure with no target, so no RAG to withhold) its n
 * against the report's minimum cohort.
 */
function tooSmall(kind: IndicatorResult['kind'], figure: { readonly denominator: number; readonly ragReason?: string }, report: Report): string | undefined {
  if (figure.ragReason !== undefined) return figure.ragReason;
  const rules = report.ragRules;
  return rules && isSmallCohort(kind, figure.denominator, rules.minCohort) ? smallCohortReason(rules.minCohort) : undefined;
}

/** Change on the previous period, as displayed (so 84.6 % after 81.4 % reads "3.2 pts"), with better/worse in words. */
function change(result: IndicatorResult, report: Report): string {
  const series = result.series ?? [];
  const previous = series[series.length - 2];
  const current = series[series.length - 1];
  if (!previous || !current) return '';
  const label = escapeHtml(previous.period.label);
  if (previous.value === null || current.value === null) return `<p class="change same">no figure to compare on ${label}</p>`;
  // A move from 1 of 1 to 1 of 2 is "▼ 50 pts" of nothing: no arrow when either period is too small to judge.
  const small = tooSmall(result.kind, current, report) ?? tooSmall(result.kind, previous, report);
  if (small !== undefined) return `<p class="change same">not compared with ${label}: ${escapeHtml(small)}</p>`;
  const delta = result.kind === 'rate' ? (Math.round(current.value * 1000) - Math.round(previous.value * 1000)) / 10 : current.value - previous.value;
  if (delta === 0) return `<p class="change same">no change on ${label}</p>`;
  const better = delta > 0 === (result.direction === 'higher');
  const amount = result.kind === 'rate' ? `${Math.abs(delta).toFixed(1)} pts` : String(Math.abs(delta));
  return `<p class="change ${better ? 'better' : 'worse'}">${delta > 0 ? '▲' : '▼'} ${amount} on ${label} · ${better ? 'better' : 'worse'}</p>`;
}

function warnings(texts: readonly string[]): string {
  return texts.map((text) => `<p class="warning" role="note">Warning: ${escapeHtml(text)}</p>`).join('');
}

/** "n = 26" beside a rate's value; nothing for a count, whose value is its own n. */
function nOf(result: IndicatorResult): string {
  const n = formatN(result.kind, result);
  return n === '' ? '' : `<span class="n">${n}</span>`;
}

function tile(result: IndicatorResult, report: Report): string {
  const fractionLabel = result.kind === 'rate' ? 'Met / cohort' : 'Records';
  return `<article class="tile rag-${result.rag}" data-indicator="${escapeHtml(result.id)}"><h3>${escapeHtml(result.title)}</h3>`
    + `<div class="figure"><span class="value">${formatValue(result.kind, result.value)}</span>${badge(result)}${nOf(result)}</div>`
    + `<dl><dt>Target</dt><dd>${escapeHtml(formatTarget(result.kind, result.direction, result.target))}</dd>`
    + `<dt>${fractionLabel}</dt><dd>${formatFraction(result.kind, result)}</dd><dt>Timescale</dt><dd>${escapeHtml(result.timescale)}</dd></dl>${change(result, report)}${warnings(result.warnings)}</article>`;
}

function notComputed(report: Report): string {
  if (report.notComputed.length === 0) return '';
  const items = report.notComputed.map((nc) => `<li><strong>${escapeHtml(nc.id)}</strong>: ${escapeHtml(nc.reason)}</li>`);
  return `<div class="not-computed"><h3>Not computed</h3><ul>${items.join('')}</ul></div>`;
}

function tilesSection(report: Report): string {
  return `<section class="page" id="indicators"><h2>Indicators</h2><div class="tiles">${report.indicators.map((r) => tile(r, report)).join('')}</div>${notComputed(report)}</section>`;
}

function chart(result: IndicatorResult, report: Report): string {
  return `<figure class="chart rag-${result.rag}" data-indicator="${escapeHtml(result.id)}"><figcaption><span>${escapeHtml(result.title)}</span>${badge(result)}</figcaption>${trendChart(result, report.period)}</figure>`;
}

function chartsSection(report: Report): string {
  const span = report.indicators.find((r) => r.series)?.series;
  const note = span ? `${span.length} periods to ${escapeHtml(report.period.label)}` : `${escapeHtml(report.period.label)} only; run with --trend 6 for a trend`;
  const small = report.ragRules ? `n &lt; ${report.ragRules.minCohort}` : 'too few to judge';
  return `<section class="page" id="trends"><h2>Trends</h2><p class="muted">${note}; dashed line: target; n under each period: the records it stands on; hollow dot: ${small}, not judged.</p><div class="charts">${report.indicators.map((r) => chart(r, report)).join('')}</div></section>`;
}

function groupCell(result: IndicatorResult, group: GroupFigure | undefined): string {
  if (!group) return '<td class="muted">–</td>';
  return `<td class="rag-${group.rag}"><b>${formatValue(result.kind, group.value)}</b> ${escapeHtml(ragText(group))}<br><small>${formatFraction(result.kind, group)}</small></td>`;
}

/** An indicator with its groups by key. */
interface GroupLookup {
  readonly result: IndicatorResult;
  readonly groups: ReadonlyMap<string, GroupFigure>;
}

function breakdownTable(lookups: readonly GroupLookup[], keys: readonly string[]): string {
  const head = `<thead><tr><th>Indicator</th>${keys.map((k) => `<th>${escapeHtml(k)}</th>`).join('')}</tr></thead>`;
  const rows = lookups.map(({ result, groups }) => `<tr><th>${escapeHtml(result.title)}</th>${keys.map((k) => groupCell(result, groups.get(k))).join('')}</tr>`);
  return `<table>${head}<tbody>${rows.join('')}</tbody></table>`;
}

function breakdownSection(report: Report): string {
  const keys = groupKeys(report.indicators);
  const lookups = report.indicators.map((result) => ({ result, groups: groupsByKey(result) }));
  const tables: string[] = [];
  for (let i = 0; i < keys.length; i += GROUP_COLUMNS) tables.push(breakdownTable(lookups, keys.slice(i, i + GROUP_COLUMNS)));
  const body = tables.length > 0 ? `${tables.join('')}<p class="muted">–: no records of this group in the indicator's cohort.</p>` : '<p class="muted">Run with --by team for the breakdown.</p>';
  return `<section class="page breakdown" id="breakdown"><h2>Breakdown${report.groupBy ? ` by ${report.groupBy}` : ''}</h2>${body}</section>`;
}

/** Rows grouped by a key, in first-seen order (the core already sorts exceptions by team, then worker). */
function groupBy(rows: Iterable<ExceptionRow>, keyOf: (row: ExceptionRow) => string): Map<string, ExceptionRow[]> {
  const groups = new Map<string, ExceptionRow[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const list = groups.get(key);
    if (list) list.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

function workerRows(worker: string, rows: readonly ExceptionRow[]): string {
  return rows.map((e, i) => `<tr>${i === 0 ? `<td rowspan="${rows.length}">${escapeHtml(worker)}</td>` : ''}<td>${escapeHtml(e.childId)}</td><td>${escapeHtml(e.recordId)}</td><td>${escapeHtml(e.detail)}</td></tr>`).join('');
}

function teamBody(team: string, rows: readonly ExceptionRow[]): string {
  const workers = [...groupBy(rows, (e) => e.worker ?? noGroup('worker'))].map(([worker, list]) => workerRows(worker, list));
  return `<tbody class="team"><tr><th colspan="4">${escapeHtml(team)} · ${rows.length}</th></tr>${workers.join('')}</tbody>`;
}

function indicatorExceptions(result: IndicatorResult): string {
  const teams = [...groupBy(result.exceptions, (e) => e.team ?? noGroup('team'))].map(([team, rows]) => teamBody(team, rows));
  return `<div class="exceptions" data-indicator="${escapeHtml(result.id)}"><h3>${escapeHtml(result.title)} ${badge(result)} <span class="muted">${result.exceptions.length} to discuss</span></h3>`
    + `<table><thead><tr><th>Worker</th><th>Child</th><th>Record</th><th>Detail</th></tr></thead>${teams.join('')}</table></div>`;
}

function exceptionsSection(report: Report): string {
  const withRows = report.indicators.filter((r) => r.exceptions.length > 0);
  const clear = report.indicators.filter((r) => r.exceptions.length === 0).map((r) => escapeHtml(r.title));
  const none = clear.length > 0 ? `<p class="muted">No exceptions: ${clear.join('; ')}.</p>` : '';
  return `<section class="page" id="exceptions"><h2>Exceptions by team and worker</h2>${none}${withRows.map(indicatorExceptions).join('')}</section>`;
}

/**
 * The weekly performance surgery pack: one self-contained HTML page (inline
 * CSS and SVG, nothing fetched) in the order a surgery runs, printable on A4.
 */
export function renderHtml(report: Report): string {
  const title = escapeHtml(reportTitle(report));
  return '<!doctype html>\n'
    + `<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">`
    + `<title>${title}: ${escapeHtml(report.period.label)}</title><style>${CSS}</style></head><body><main>\n`
    + [headline(report), missingSection(report), tilesSection(report), chartsSection(report), breakdownSection(report), auditSection(report, badge), exceptionsSection(report)]
      .filter((section) => section !== '')
      .join('\n')
    + '\n<footer>csc-metrics: every figure can be recomputed from the extract rows listed.</footer></main></body></html>\n';
}
