import { assertCovers, type WorkingCalendar } from './calendar/workingCalendar.js';
import type { Dataset } from './dataset.js';
import type { FileQuality } from './extracts/issues.js';
import { INDICATORS } from './indicators/registry.js';
import type { CaseRow, Direction, IndicatorDefinition, IndicatorInput, IndicatorKind } from './indicators/types.js';
import { trailingPeriods, type Period } from './period.js';
import { ragOf, type Rag } from './rag.js';
import type { Settings } from './settings.js';

/** How results are broken down with `--by`. */
export type GroupBy = 'team' | 'worker';

/** A figure: for rates numerator over denominator; for counts the count (numerator = denominator = count). */
export interface Figure {
  readonly numerator: number;
  readonly denominator: number;
  /** numerator / denominator, null when the denominator is 0; for counts, the count. */
  readonly value: number | null;
}

/** One group of a breakdown (a team, a worker). */
export interface GroupFigure extends Figure {
  readonly key: string;
  readonly rag: Rag;
}

/** The same indicator for one earlier (or this) period of a trend. */
export interface SeriesPoint extends Figure {
  readonly period: Period;
  readonly rag: Rag;
}

/** A record in the denominator and not met (rates), or counted (counts). */
export interface ExceptionRow {
  readonly childId: string;
  readonly recordId: string;
  readonly team: string | undefined;
  readonly worker: string | undefined;
  readonly detail: string;
}

/** One computed indicator of a report. */
export interface IndicatorResult extends Figure {
  readonly id: string;
  readonly title: string;
  readonly kind: IndicatorKind;
  readonly timescale: string;
  readonly target: number | null;
  readonly direction: Direction;
  readonly rag: Rag;
  readonly groups?: readonly GroupFigure[];
  readonly exceptions: readonly ExceptionRow[];
  readonly series?: readonly SeriesPoint[];
}

/** An indicator that could not be computed, and why. */
export interface NotComputed {
  readonly id: string;
  readonly reason: string;
}

/** Everything one `report` run found. Renderers turn it into text. */
export interface Report {
  readonly schemaVersion: 1;
  readonly title?: string;
  readonly generatedAt?: string;
  readonly period: Period;
  readonly calendar: string;
  /** What `groups` break the figures down by, when they do. */
  readonly groupBy?: GroupBy;
  readonly indicators: readonly IndicatorResult[];
  readonly notComputed: readonly NotComputed[];
  readonly dataQuality: { readonly files: readonly FileQuality[] };
}

/** What a report is computed for. */
export interface ReportOptions {
  readonly period: Period;
  readonly settings: Settings;
  readonly calendar: WorkingCalendar;
  readonly by?: GroupBy;
  /** Add a series of this many periods ending with this one (at least 2). */
  readonly trend?: number;
  readonly title?: string;
  readonly generatedAt?: string;
}

/** The group of a case row without a team or worker. */
export const NO_GROUP: Readonly<Record<GroupBy, string>> = { team: '(no team)', worker: '(no worker)' };

/** The figure of a set of case rows. */
export function figureOf(kind: IndicatorKind, cases: readonly CaseRow[]): Figure {
  if (kind === 'count') return { numerator: cases.length, denominator: cases.length, value: cases.length };
  let met = 0;
  for (const row of cases) if (row.met) met++;
  return { numerator: met, denominator: cases.length, value: cases.length === 0 ? null : met / cases.length };
}

/** The target in force: the config's, else the indicator's default. */
export function targetOf(indicator: IndicatorDefinition, settings: Settings): number | null {
  const configured = settings.targets[indicator.id];
  return configured === undefined ? indicator.defaultTarget : configured;
}

/** Why an indicator cannot be computed from this dataset, or null when it can. */
export function missingExtracts(indicator: IndicatorDefinition, data: Dataset): string | null {
  const absent = indicator.requires.filter((kind) => data[kind] === undefined);
  return absent.length === 0 ? null : `no ${absent.join(' or ')} extract`;
}

function byCodePoint(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return a < b ? -1 : 1;
}

/** Exceptions in a fixed order (team, worker, child, record) so output does not depend on the machine's locale. */
function exceptionsOf(kind: IndicatorKind, cases: readonly CaseRow[]): ExceptionRow[] {
  return cases
    .filter((row) => kind === 'count' || !row.met)
    .map(({ childId, recordId, team, worker, detail }) => ({ childId, recordId, team, worker, detail }))
    .sort((a, b) => byCodePoint(a.team, b.team) || byCodePoint(a.worker, b.worker) || byCodePoint(a.childId, b.childId) || byCodePoint(a.recordId, b.recordId));
}

function groupsOf(indicator: IndicatorDefinition, cases: readonly CaseRow[], by: GroupBy, target: number | null, tolerance: number): GroupFigure[] {
  const byKey = new Map<string, CaseRow[]>();
  for (const row of cases) {
    const key = row[by] ?? NO_GROUP[by];
    const list = byKey.get(key);
    if (list) list.push(row);
    else byKey.set(key, [row]);
  }
  return [...byKey.keys()].sort(byCodePoint).map((key) => {
    const figure = figureOf(indicator.kind, byKey.get(key)!);
    return { key, ...figure, rag: ragOf(indicator, figure.value, target, tolerance) };
  });
}

function coverPeriods(calendar: WorkingCalendar, periods: readonly Period[]): void {
  for (const p of periods) {
    assertCovers(calendar, p.from, 'the period start');
    assertCovers(calendar, p.to, 'the period end');
    assertCovers(calendar, p.asAt, 'the as-at date');
  }
}

function computeIndicator(indicator: IndicatorDefinition, data: Dataset, options: ReportOptions, periods: readonly Period[]): IndicatorResult {
  const { settings, calendar } = options;
  const input: IndicatorInput = { data, period: options.period, settings, calendar };
  const cases = indicator.cases(input);
  const figure = figureOf(indicator.kind, cases);
  const target = targetOf(indicator, settings);
  const series = options.trend
    ? periods.map((period) => {
        const point = figureOf(indicator.kind, period === options.period ? cases : indicator.cases({ ...input, period }));
        return { period, ...point, rag: ragOf(indicator, point.value, target, settings.tolerance) };
      })
    : undefined;
  return {
    id: indicator.id,
    title: indicator.title,
    kind: indicator.kind,
    timescale: indicator.timescale(settings),
    ...figure,
    target,
    direction: indicator.direction,
    rag: ragOf(indicator, figure.value, target, settings.tolerance),
    ...(options.by ? { groups: groupsOf(indicator, cases, options.by, target, settings.tolerance) } : {}),
    exceptions: exceptionsOf(indicator.kind, cases),
    ...(series ? { series } : {}),
  };
}

/** Computes every indicator of the registry that the dataset allows. Pure: no I/O, no clock. */
export function buildReport(data: Dataset, options: ReportOptions, indicators: readonly IndicatorDefinition[] = INDICATORS): Report {
  const periods = options.trend ? trailingPeriods(options.period, options.trend) : [options.period];
  coverPeriods(options.calendar, periods);
  const results: IndicatorResult[] = [];
  const notComputed: NotComputed[] = [];
  for (const indicator of indicators) {
    const reason = missingExtracts(indicator, data);
    if (reason) notComputed.push({ id: indicator.id, reason });
    else results.push(computeIndicator(indicator, data, options, periods));
  }
  const files = Object.values(data).map((extract) => extract.quality);
  return {
    schemaVersion: 1,
    ...(options.title !== undefined ? { title: options.title } : {}),
    ...(options.generatedAt !== undefined ? { generatedAt: options.generatedAt } : {}),
    period: options.period,
    calendar: options.calendar.name,
    ...(options.by ? { groupBy: options.by } : {}),
    indicators: results,
    notComputed,
    dataQuality: { files },
  };
}
