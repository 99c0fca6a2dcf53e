import { formatUk } from '../core/dates/localDate.js';
import type { IndicatorResult, Report } from '../core/report.js';
import { asAtNote, formatFraction, formatPeriodUk, formatTarget, formatTrend, formatValue, groupKeys, ragWord, reportTitle } from './format.js';
import { qualityHeadline } from './quality.js';

const PRIVACY_NOTE = '_Figures only: child-level rows are left out of Markdown because it is published to wikis and CI summaries; use `--format html` for the exception lists._';

/** Data text for Markdown: `|` would end a table cell, `<` could become HTML in a wiki, a line break would end the row. */
function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/\r?\n|\r/g, ' ');
}

function tableRow(cells: readonly string[]): string {
  return `| ${cells.map(escapeText).join(' | ')} |`;
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
    `${result.title} (${result.id})`,
    formatValue(result.kind, result.value),
    formatFraction(result.kind, result),
    formatTarget(result.kind, result.direction, result.target),
    ragWord(result.rag),
  ];
  return withTrend ? [...cells, formatTrend(result)] : cells;
}

function indicatorTable(report: Report): string[] {
  const trend = trendHeading(report);
  const head = ['Indicator', 'Value', 'Met / cohort', 'Target', 'RAG', ...(trend ? [trend] : [])];
  return table(head, report.indicators.map((r) => indicatorCells(r, trend !== undefined)));
}

function groupCell(result: IndicatorResult, key: string): string {
  const group = result.groups?.find((g) => g.key === key);
  return group ? `${formatValue(result.kind, group.value)} ${ragWord(group.rag)} (${formatFraction(result.kind, group)})` : '–';
}

function breakdown(report: Report): string[] {
  const keys = groupKeys(report.indicators);
  if (keys.length === 0) return [];
  const rows = report.indicators.map((r) => [r.title, ...keys.map((key) => groupCell(r, key))]);
  return ['', `## Breakdown${report.groupBy ? ` by ${report.groupBy}` : ''}`, '', ...table(['Indicator', ...keys], rows)];
}

function warningLines(report: Report): string[] {
  const all = [...report.warnings, ...report.indicators.flatMap((r) => r.warnings.map((w) => `${r.id}: ${w}`))];
  return all.length === 0 ? [] : ['**Warnings**', '', ...all.map((w) => `- ${escapeText(w)}`), ''];
}

function notComputed(report: Report): string[] {
  if (report.notComputed.length === 0) return [];
  return ['', '**Not computed**', '', ...report.notComputed.map((nc) => `- ${escapeText(nc.id)}: ${escapeText(nc.reason)}`)];
}

/** The report as Markdown for wikis and CI job summaries: indicator figures, breakdown and data quality, no child-level rows. */
export function renderMarkdown(report: Report): string {
  const p = report.period;
  const lines = [
    `# ${escapeText(reportTitle(report))}`,
    '',
    `Period ${formatPeriodUk(p)} (${p.label}), as at ${formatUk(p.asAt)}${asAtNote(p)}, ${escapeText(report.calendar)} calendar${report.generatedAt ? `; generated ${escapeText(report.generatedAt)}` : ''}.`,
    '',
    ...indicatorTable(report),
    '',
    ...warningLines(report),
    PRIVACY_NOTE,
    ...notComputed(report),
    '',
    `${qualityHeadline(report.dataQuality.files)}.`,
    ...breakdown(report),
  ];
  return `${lines.join('\n')}\n`;
}
