import { formatIso } from '../core/dates/localDate.js';
import type { Period } from '../core/period.js';
import type { Figure, IndicatorResult, Report } from '../core/report.js';
import type { Rag } from '../core/rag.js';
import { csvLine } from './csvCell.js';
import { roundValue } from './json.js';

const HEADER = ['indicator', 'title', 'kind', 'group', 'numerator', 'denominator', 'value', 'target', 'direction', 'rag', 'period_from', 'period_to', 'as_at', 'warnings'];

/** One figure of an indicator: for a period (the report's, or a trend point's) and a group ('' for the whole). */
interface Line {
  readonly period: Period;
  readonly group: string;
  readonly figure: Figure;
  readonly target: number | null;
  readonly rag: Rag;
}

function row(result: IndicatorResult, { period, group, figure, target, rag }: Line): string {
  return csvLine([
    result.id, result.title, result.kind, group,
    figure.numerator, figure.denominator, roundValue(figure.value),
    target, result.direction, rag,
    formatIso(period.from), formatIso(period.to), formatIso(period.asAt),
    result.warnings.join('; '),
  ]);
}

function indicatorRows(report: Report, result: IndicatorResult): string[] {
  const { period } = report;
  // With a trend, one row per period, oldest first (the last is the report's period); else the period's row.
  const whole: Line[] = result.series
    ? result.series.map((point) => ({ period: point.period, group: '', figure: point, target: point.target, rag: point.rag }))
    : [{ period, group: '', figure: result, target: result.target, rag: result.rag }];
  const groups = (result.groups ?? []).map((g): Line => ({ period, group: g.key, figure: g, target: result.target, rag: g.rag }));
  return [...whole, ...groups].map((line) => row(result, line));
}

/**
 * The report as CSV for Excel: one row per indicator (one per period with
 * `--trend`, oldest first), then one per group of its breakdown for the
 * report's period (group empty on the indicator's own rows). Dates are ISO
 * so no locale can misread them; figures only, no child-level rows.
 */
export function renderCsvReport(report: Report): string {
  return [csvLine(HEADER), ...report.indicators.flatMap((r) => indicatorRows(report, r))].join('');
}
