import Table from 'cli-table3';
import { formatIso } from '../core/dates/localDate.js';
import type { IndicatorResult, Report } from '../core/report.js';
import { asAtNote, filtersText, formatFraction, formatTarget, formatTrend, formatValue, ragText } from './format.js';
import type { Paint } from './paint.js';
import { terminalText } from './safeText.js';

/** What the table shows beyond the figures. */
export interface TableOptions {
  readonly paint: Paint;
  /** List the child-level exceptions under the table (off by default: child-level data only when asked for). */
  readonly exceptions?: boolean;
}

// cli-table3 colours headings and borders itself unless told not to.
const PLAIN_STYLE = { head: [], border: [] };

function indicatorRows(result: IndicatorResult, paint: Paint, withTrend: boolean): string[][] {
  const row = [
    `${terminalText(result.title)}${result.warnings.length > 0 ? ' (see warning)' : ''}`,
    paint.rag(result.rag, formatValue(result.kind, result.value)),
    formatFraction(result.kind, result),
    formatTarget(result.kind, result.direction, result.target),
    paint.rag(result.rag, ragText(result)),
    terminalText(result.timescale),
  ];
  const rows = [withTrend ? [...row, formatTrend(result)] : row];
  for (const group of result.groups ?? []) {
    const cells = [`  ${terminalText(group.key)}`, paint.rag(group.rag, formatValue(result.kind, group.value)), formatFraction(result.kind, group), '', paint.rag(group.rag, ragText(group)), ''];
    rows.push(withTrend ? [...cells, ''] : cells);
  }
  return rows;
}

function exceptionsTable(result: IndicatorResult): string {
  const table = new Table({ head: ['Child', 'Record', 'Team', 'Worker', 'Detail'], style: PLAIN_STYLE });
  for (const e of result.exceptions) table.push([e.childId, e.recordId, e.team ?? '', e.worker ?? '', e.detail].map(terminalText));
  return `${terminalText(result.title)}: ${result.exceptions.length} exception${result.exceptions.length === 1 ? '' : 's'}\n${table.toString()}\n`;
}

/** The report as a terminal table, with not-computed indicators and, if asked, the exceptions. */
export function renderTable(report: Report, options: TableOptions): string {
  const { paint } = options;
  const withTrend = report.indicators.some((r) => r.series !== undefined);
  const head = ['Indicator', 'Value', 'Met / cohort', 'Target', 'RAG', 'Timescale', ...(withTrend ? ['Trend'] : [])];
  const table = new Table({ head, style: PLAIN_STYLE });
  for (const result of report.indicators) table.push(...indicatorRows(result, paint, withTrend));
  const p = report.period;
  const lines = [
    paint.bold(`${report.title ? `${terminalText(report.title)}: ` : ''}${formatIso(p.from)} to ${formatIso(p.to)}, as at ${formatIso(p.asAt)}${asAtNote(p)} (${terminalText(report.calendar)} calendar)`),
    ...(report.where ? [`only records with ${terminalText(filtersText(report))}`] : []),
    ...report.warnings.map((w) => `warning: ${terminalText(w)}`),
    table.toString(),
  ];
  for (const result of report.indicators) for (const w of result.warnings) lines.push(`warning: ${terminalText(`${result.id}: ${w}`)}`);
  for (const nc of report.notComputed) lines.push(paint.dim(`not computed: ${terminalText(nc.id)} (${terminalText(nc.reason)})`));
  if (options.exceptions) {
    for (const result of report.indicators) if (result.exceptions.length > 0) lines.push('', exceptionsTable(result).trimEnd());
  }
  return `${lines.join('\n')}\n`;
}
