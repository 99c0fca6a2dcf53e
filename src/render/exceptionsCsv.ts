import { formatIso, type DayNumber } from '../core/dates/localDate.js';
import { EXTRACTS } from '../core/extracts/definitions.js';
import type { ExceptionRow, IndicatorResult, Report } from '../core/report.js';
import { csvLine } from './csvCell.js';

/** Every date column of every extract, in definition order: the key-date columns a list may carry. */
const DATE_COLUMNS: readonly string[] = [
  ...new Set(
    Object.values(EXTRACTS).flatMap((definition) =>
      Object.entries(definition.columns)
        .filter(([, column]) => column.type === 'date' || column.type === 'datetime')
        .map(([name]) => name),
    ),
  ),
];

/** One exception with the indicator it belongs to. */
export interface ListedException {
  readonly result: IndicatorResult;
  readonly row: ExceptionRow;
}

/** Every indicator's exceptions, in report order, each list in its own order (team, worker, child, record). */
export function allExceptions(report: Report): ListedException[] {
  return report.indicators.flatMap((result) => result.exceptions.map((row) => ({ result, row })));
}

function dateText(day: DayNumber | undefined): string | undefined {
  return day === undefined ? undefined : formatIso(day);
}

/**
 * The exceptions as one long CSV table a team manager filters: indicator,
 * title, child, record, team, worker, detail, then the key dates the rows
 * hold (only the date columns some row has, in the extracts' order), as ISO
 * dates. Cells that would start a formula are neutralised.
 */
export function renderExceptionsCsv(exceptions: readonly ListedException[]): string {
  const dates = DATE_COLUMNS.filter((name) => exceptions.some(({ row }) => row.dates?.[name] !== undefined));
  const header = ['indicator', 'title', 'child', 'record', 'team', 'worker', 'detail', ...dates];
  const lines = exceptions.map(({ result, row }) =>
    csvLine([result.id, result.title, row.childId, row.recordId, row.team, row.worker, row.detail, ...dates.map((name) => dateText(row.dates?.[name]))]),
  );
  return [csvLine(header), ...lines].join('');
}
