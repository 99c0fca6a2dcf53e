import { formatIso } from '../core/dates/localDate.js';
import type { FileQuality } from '../core/extracts/issues.js';
import type { Period } from '../core/period.js';
import type { ExceptionRow, Figure, IndicatorResult, Report } from '../core/report.js';

/** Six decimal places: enough to recompute, short enough to read. */
export function roundValue(value: number | null): number | null {
  return value === null ? null : Math.round(value * 1e6) / 1e6;
}

/** A period as ISO dates: `{ from, to, asAt }`. */
export function periodJson(period: Period) {
  return { from: formatIso(period.from), to: formatIso(period.to), asAt: formatIso(period.asAt) };
}

function figureJson(kind: IndicatorResult['kind'], figure: Figure) {
  return kind === 'count'
    ? { count: figure.numerator }
    : { numerator: figure.numerator, denominator: figure.denominator, value: roundValue(figure.value) };
}

function exceptionJson(row: ExceptionRow) {
  return { childId: row.childId, recordId: row.recordId, team: row.team ?? null, worker: row.worker ?? null, detail: row.detail };
}

function indicatorJson(result: IndicatorResult) {
  return {
    id: result.id,
    title: result.title,
    kind: result.kind,
    timescale: result.timescale,
    ...figureJson(result.kind, result),
    target: result.target,
    direction: result.direction,
    rag: result.rag,
    ...(result.groups ? { groups: result.groups.map((g) => ({ key: g.key, ...figureJson(result.kind, g), rag: g.rag })) } : {}),
    ...(result.series
      ? { series: result.series.map((p) => ({ period: p.period.label, ...periodJson(p.period), ...figureJson(result.kind, p), rag: p.rag })) }
      : {}),
    exceptions: result.exceptions.map(exceptionJson),
    warnings: result.warnings,
  };
}

/** The data-quality part of the JSON (also what `validate --format json` prints). */
export function qualityJson(files: readonly FileQuality[], unreadFiles: readonly string[] = []) {
  return { files: files.map((f) => ({ ...f, issues: f.issues.map((i) => ({ ...i })) })), unreadFiles };
}

/** The report as the JSON document of cli.md (schemaVersion 1). */
export function reportJson(report: Report): object {
  return {
    schemaVersion: report.schemaVersion,
    ...(report.title !== undefined ? { title: report.title } : {}),
    ...(report.generatedAt !== undefined ? { generatedAt: report.generatedAt } : {}),
    period: { ...periodJson(report.period), ...(report.period.asAtIsExtractDate ? { asAtIsExtractDate: true } : {}) },
    calendar: report.calendar,
    ...(report.groupBy ? { groupBy: report.groupBy } : {}),
    indicators: report.indicators.map(indicatorJson),
    notComputed: report.notComputed,
    warnings: report.warnings,
    dataQuality: qualityJson(report.dataQuality.files, report.dataQuality.unreadFiles),
  };
}

/** Serialises with two-space indentation and a final newline. */
export function renderJson(report: Report): string {
  return `${JSON.stringify(reportJson(report), null, 2)}\n`;
}
