import { formatIso } from '../core/dates/localDate.js';
import type { Figure, IndicatorResult, Report } from '../core/report.js';
import type { Rag } from '../core/rag.js';
import { csvLine } from './csvCell.js';
import { roundValue } from './json.js';

const HEADER = ['indicator', 'title', 'kind', 'group', 'numerator', 'denominator', 'value', 'target', 'direction', 'rag', 'period_from', 'period_to', 'as_at', 'warnings'];

function row(report: Report, result: IndicatorResult, group: string, figure: Figure, rag: Rag): string {
  const p = report.period;
  return csvLine([
    result.id, result.title, result.kind, group,
    figure.numerator, figure.denominator, roundValue(figure.value),
    result.target, result.direction, rag,
    formatIso(p.from), formatIso(p.to), formatIso(p.asAt),
    result.warnings.join('; '),
  ]);
}

function indicatorRows(report: Report, result: IndicatorResult): string[] {
  return [
    row(report, result, '', result, result.rag),
    ...(result.groups ?? []).map((g) => row(report, result, g.key, g, g.rag)),
  ];
}

/**
 * The report as CSV for Excel: one row per indicator, then one per group of
 * its breakdown (group empty on the indicator's own row). Dates are ISO so
 * no locale can misread them; figures only, no child-level rows.
 */
export function renderCsvReport(report: Report): string {
  return [csvLine(HEADER), ...report.indicators.flatMap((r) => indicatorRows(report, r))].join('');
}
