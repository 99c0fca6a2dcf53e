import { formatUk } from '../core/dates/localDate.js';
import type { IndicatorResult, Report } from '../core/report.js';
import { gradeLine, gradeRows, overdueLine } from './auditText.js';
import { asAtNote, filtersText, formatFraction, formatPeriodUk, formatTarget, formatTrend, formatValue, groupKeys, groupsByKey, ragText, reportTitle } from './format.js';
import { qualityHeadline } from './quality.js';
import { terminalText } from './safeText.js';

const PRIVACY_NOTE = '_Figures only: child-level rows are left out of Markdown because it is published to wikis and CI summaries; use `--format html` for the exception lists._';

// What GFM and common linkifiers turn into links: a scheme's "://" (or a bare "//"),
// "www." and the "@" of an e-mail address. Bracketed, they read the same and link nowhere.
const LINK_STARTS = /:?\/\/|(?<=www)\.|(?<=[^\s@])@(?=[^\s@]*\.[^\s@])/gi;
// Every character with a meaning in CommonMark or GFM inline text (links, images, emphasis,
// code, raw HTML and autolinks, entities, strikethrough, GitHub math, table cells, escapes).
// Parentheses too: on their own they mean nothing, but a renderer that is not CommonMark may disagree.
const MARKDOWN_SPECIAL = /[\\`*_[\]()<>#|!~&$]/g;
// A list item or ordered-list marker, were the text ever to start a line.
const LEADING_MARKER = /^([-+]|\d{1,9}[.)])/;

/**
 * Text from the data made inert for Markdown: on one line, controls shown as
 * escapes, web addresses defanged (`https[://]example.org`, `www[.]`, `a[@]b.org`)
 * and every special character backslash-escaped, so it renders as the text itself.
 */
function markdownText(text: string): string {
  return terminalText(text.replace(/\r?\n|\r/g, ' '))
    .replace(LINK_STARTS, '[$&]')
    .replace(MARKDOWN_SPECIAL, '\\$&')
    .replace(LEADING_MARKER, (marker) => `${marker.slice(0, -1)}\\${marker.slice(-1)}`);
}

/** A table row of cells already in Markdown (data text through markdownText). */
function tableRow(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function table(head: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [tableRow(head), tableRow(head.map(() => '---')), ...rows.map(tableRow)];
}

function trendHeading(report: Report): string | undefined {
  const series = report.indicators.find((r) => r.series !== undefined)?.series;
  return series ? `Trend (${series[0]?.period.label} → ${series[series.length - 1]?.period.label})` : undefined;
}

function indicatorCells(result: IndicatorResult, withTrend: boolean): string[] {
  const cells = [
    `${markdownText(result.title)} (${markdownText(result.id)})`,
    formatValue(result.kind, result.value),
    formatFraction(result.kind, result),
    formatTarget(result.kind, result.direction, result.target),
    ragText(result),
  ];
  return withTrend ? [...cells, formatTrend(result)] : cells;
}

function indicatorTable(report: Report): string[] {
  const trend = trendHeading(report);
  const head = ['Indicator', 'Value', 'Met / cohort', 'Target', 'RAG', ...(trend ? [trend] : [])];
  return table(head, report.indicators.map((r) => indicatorCells(r, trend !== undefined)));
}

function groupCells(result: IndicatorResult, keys: readonly string[]): string[] {
  const groups = groupsByKey(result);
  return keys.map((key) => {
    const group = groups.get(key);
    return group ? `${formatValue(result.kind, group.value)} ${ragText(group)} (${formatFraction(result.kind, group)})` : '–';
  });
}

function breakdown(report: Report): string[] {
  const keys = groupKeys(report.indicators);
  if (keys.length === 0) return [];
  const rows = report.indicators.map((r) => [markdownText(r.title), ...groupCells(r, keys)]);
  return ['', `## Breakdown${report.groupBy ? ` by ${report.groupBy}` : ''}`, '', ...table(['Indicator', ...keys.map(markdownText)], rows)];
}

function warningLines(report: Report): string[] {
  const all = [...report.warnings, ...report.indicators.flatMap((r) => r.warnings.map((w) => `${r.id}: ${w}`))];
  return all.length === 0 ? [] : ['**Warnings**', '', ...all.map((w) => `- ${markdownText(w)}`), ''];
}

function notComputed(report: Report): string[] {
  if (report.notComputed.length === 0) return [];
  return ['', '**Not computed**', '', ...report.notComputed.map((nc) => `- ${markdownText(nc.id)}: ${markdownText(nc.reason)}`)];
}

/** Each team's audit grades and how many actions are overdue: teams and counts, no child. */
function auditLines(report: Report): string[] {
  const audit = report.audit;
  if (audit === undefined) return [];
  return [
    ...(audit.distribution ? ['', '**Audit grades**', '', ...gradeRows(audit.distribution).map((group) => `- ${gradeLine(group, markdownText)}`)] : []),
    ...(audit.overdueActions ? ['', `${overdueLine(audit.overdueActions)}.`] : []),
  ];
}

/** The report as Markdown for wikis and CI job summaries: indicator figures, breakdown and data quality, no child-level rows. */
export function renderMarkdown(report: Report): string {
  const p = report.period;
  const lines = [
    `# ${markdownText(reportTitle(report))}`,
    '',
    `Period ${formatPeriodUk(p)} (${p.label}), as at ${formatUk(p.asAt)}${asAtNote(p)}, ${markdownText(report.calendar)} calendar${report.generatedAt ? `; generated ${markdownText(report.generatedAt)}` : ''}.${report.where ? ` Only records with ${markdownText(filtersText(report))}.` : ''}`,
    '',
    ...indicatorTable(report),
    '',
    ...warningLines(report),
    PRIVACY_NOTE,
    ...notComputed(report),
    ...auditLines(report),
    '',
    `${qualityHeadline(report.dataQuality.files)}.`,
    ...breakdown(report),
  ];
  return `${lines.join('\n')}\n`;
}
