import { columnMissing, columnText, noGroup, passes, type Filters, type GroupBy } from './breakdown.js';
import { assertCovers, type WorkingCalendar } from './calendar/workingCalendar.js';
import type { Dataset } from './dataset.js';
import { formatIso, type DayNumber } from './dates/localDate.js';
import { ExceptionList, type ExceptionRow } from './exceptionList.js';
import { EXTRACT_KINDS, EXTRACTS, type ExtractKind } from './extracts/definitions.js';
import type { ExtractData } from './extracts/extractParser.js';
import type { FileQuality } from './extracts/issues.js';
import { flatText } from './extracts/ownText.js';
import { memoised } from './memoised.js';
import { INDICATORS } from './indicators/registry.js';
import { extractsRead, isException, type CaseRow, type Direction, type IndicatorDefinition, type IndicatorKind } from './indicators/types.js';
import { trailingPeriods, type Period } from './period.js';
import { ragOfFigure, type Rag } from './rag.js';
import { byCodePoint } from './textOrder.js';
import { auditSummary, type AuditSummary } from './audits/summary.js';
import type { Settings } from './settings.js';
import { daysIn } from './extracts/recordList.js';

export type { GroupBy, ExceptionRow };

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
  /** Why the RAG is `none` though there is a value: "n < 5" when the group's cohort is under `minCohort`. */
  readonly ragReason?: string;
}

/** The same indicator for one earlier (or this) period of a trend. */
export interface SeriesPoint extends Figure {
  readonly period: Period;
  /** The target in force on the point's as-at date (dated targets change along a trend). */
  readonly target: number | null;
  readonly rag: Rag;
  /** Why the RAG is `none` though there is a value: "n < 5" when the point's cohort is under `minCohort`. */
  readonly ragReason?: string;
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
  /** Why the RAG is `none` though there is a value: "n < 5" when the cohort is under `minCohort` (rates only; counts have no cohort). */
  readonly ragReason?: string;
  readonly groups?: readonly GroupFigure[];
  readonly exceptions: ExceptionList;
  readonly series?: readonly SeriesPoint[];
  /** Why this figure may mislead: rows or values of what it reads refused past the set share. */
  readonly warnings: readonly string[];
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
  /** The filters every cohort was restricted by, when any. */
  readonly where?: Filters;
  readonly indicators: readonly IndicatorResult[];
  readonly notComputed: readonly NotComputed[];
  /** The RAG rules in force, for a key to the colours: amber within `tolerance` points of the target; no RAG for a rate with n under `minCohort`. */
  readonly ragRules?: { readonly tolerance: number; readonly minCohort: number };
  /** What the reader of the whole report must know: an as-at date past the extract, data that stops before the period. */
  readonly warnings: readonly string[];
  readonly dataQuality: { readonly files: readonly FileQuality[]; readonly unreadFiles: readonly string[] };
  /** The grade distribution and overdue audit actions, when an indicator chosen reads audits or their actions and they were read. */
  readonly audit?: AuditSummary;
}

/** What a report is computed for. */
export interface ReportOptions {
  readonly period: Period;
  readonly settings: Settings;
  readonly calendar: WorkingCalendar;
  readonly by?: GroupBy;
  /** Only the case rows that pass these filters, in every cohort. */
  readonly where?: Filters;
  /** Add a series of this many periods ending with this one (at least 2). */
  readonly trend?: number;
  readonly title?: string;
  readonly generatedAt?: string;
  /** Warnings found before the report (about the period and the extract date). */
  readonly warnings?: readonly string[];
  /** Table-like files in the data folder that no extract kind claimed. */
  readonly unreadFiles?: readonly string[];
  /** Why an extract kind is absent or lacks columns, when its source says (Annex A has no supervision records). */
  readonly absentReasons?: Readonly<Partial<Record<ExtractKind, string>>>;
  /** Keep each exception's record dates, for the exceptions CSV that lists them; else none are held (at 10x the bench, 350,000 objects, 22 MB). */
  readonly exceptionDates?: boolean;
  /**
   * Called after each indicator's figures, and after each earlier period's
   * of a trend: what the last made is then garbage (the command line
   * collects it there when the tables are large).
   */
  readonly betweenFigures?: () => void;
}


/** Case rows counted so far: how many, and how many of them are counted (met). */
class Tally {
  rows = 0;
  met = 0;

  add(row: CaseRow): void {
    this.rows++;
    if (row.counted) this.met++;
  }

  figure(kind: IndicatorKind): Figure {
    if (kind === 'count') return { numerator: this.rows, denominator: this.rows, value: this.rows };
    return { numerator: this.met, denominator: this.rows, value: this.rows === 0 ? null : this.met / this.rows };
  }
}

/** The figure of a set of case rows. */
export function figureOf(kind: IndicatorKind, cases: Iterable<CaseRow>): Figure {
  const tally = new Tally();
  for (const row of cases) tally.add(row);
  return tally.figure(kind);
}

/**
 * The target in force on a day: the config's, else the indicator's default.
 * Of dated targets, the last whose `from` is on or before the day; before
 * the first, none (a trajectory starts on its first date).
 */
export function targetOf(indicator: IndicatorDefinition, settings: Settings, on: DayNumber): number | null {
  const configured = settings.targets[indicator.id];
  if (configured === undefined) return indicator.defaultTarget;
  if (configured === null || typeof configured === 'number') return configured;
  let inForce: number | null = null;
  for (const step of configured) if (step.from <= on) inForce = step.target;
  return inForce;
}

/** The name people know a kind's tables by: its file, or "the assessments tables" for several. */
function tablesOf(extract: ExtractData): string {
  return extract.quality.length === 1 ? extract.file : `the ${extract.kind} tables (${extract.quality.map((q) => q.file).join(', ')})`;
}

/**
 * Why an indicator cannot be computed from this dataset as at this period,
 * or null when it can: an extract it reads is absent, a column it needs is
 * not in the header, or its rows are a snapshot taken on another day.
 */
export function notComputedReason(
  indicator: IndicatorDefinition,
  data: Dataset,
  period: Period,
  absentReasons: Readonly<Partial<Record<ExtractKind, string>>> = {},
): string | null {
  const kinds = extractsRead(indicator);
  const absent = kinds.filter((kind) => data[kind] === undefined);
  if (absent.length > 0) {
    const why = absent.map((kind) => absentReasons[kind]).filter((r) => r !== undefined);
    return `no ${absent.join(' or ')} extract${why.length > 0 ? ` (${why.join('; ')})` : ''}`;
  }
  for (const kind of kinds) {
    const extract = data[kind]! as ExtractData;
    const lacking = indicator.reads[kind]!.filter((column) => !extract.columns.includes(column));
    const why = absentReasons[kind] === undefined ? '' : ` (${absentReasons[kind]})`;
    if (lacking.length > 0) return `${tablesOf(extract)} ${extract.quality.length === 1 ? 'has no' : 'have no'} ${lacking.join(' or ')} column${why}`;
    if (extract.snapshotOn !== undefined && extract.snapshotOn !== period.asAt) {
      return `the ${kind} come from ${extract.snapshotSource ?? 'a snapshot'}, a snapshot of each child's latest as at ${formatIso(extract.snapshotOn)}: computed only as at that day, not ${formatIso(period.asAt)}`;
    }
  }
  return null;
}

function percent(share: number): string {
  return `${Math.round(share * 1000) / 10} %`;
}

/**
 * Warnings for an indicator whose tables lost more than the set share of
 * their rows, or of the values it reads: its figure stands on what is left.
 */
function indicatorWarnings(indicator: IndicatorDefinition, data: Dataset, maxShare: number): string[] {
  const warnings: string[] = [];
  for (const kind of extractsRead(indicator)) {
    for (const file of (data[kind] as ExtractData).quality) {
      if (file.rowsRead === 0) continue;
      const share = file.rowsRejected / file.rowsRead;
      if (share > maxShare) {
        warnings.push(`${file.rowsRejected} of ${file.rowsRead} ${file.file} rows (${percent(share)}) were rejected: this figure stands on the rest`);
      }
      for (const column of indicator.reads[kind]!) {
        const refused = file.cellIssues[column] ?? 0;
        if (refused / file.rowsRead > maxShare) {
          warnings.push(`${refused} of ${file.rowsRead} ${file.file} ${column} values (${percent(refused / file.rowsRead)}) were refused and read as not recorded`);
        }
      }
    }
  }
  return warnings;
}


/** A case row as its exception is written. */
function exceptionOf(indicator: IndicatorDefinition, { childId, recordId, team, worker, detail, refused, source, record }: CaseRow, withDates: boolean): ExceptionRow {
  const text = flatText(withRefused(detail, refused, indicator.reads[source.kind]));
  // Two literals, not a spread of the optional key: V8 copies spreads on a slow path, and a report has tens of thousands of exceptions.
  return record && withDates ? { childId, recordId, team, worker, detail: text, dates: recordDates(source.kind, record) } : { childId, recordId, team, worker, detail: text };
}

/** Exceptions in a fixed order (team, worker, child, record) so output does not depend on the machine's locale. */
function inExceptionOrder(exceptions: ExceptionRow[]): ExceptionRow[] {
  return exceptions.sort(
    (a, b) => byCodePoint(a.team, b.team) || byCodePoint(a.worker, b.worker) || byCodePoint(a.childId, b.childId) || byCodePoint(a.recordId, b.recordId) || byCodePoint(a.detail, b.detail),
  );
}

/** An extract's date and date-time columns, in its column order. */
const dateColumnsOf = memoised((columns: Readonly<Record<string, { readonly type: string }>>) =>
  Object.entries(columns)
    .filter(([, column]) => column.type === 'date' || column.type === 'datetime')
    .map(([name]) => name),
);

/** A record's dates (date and date-time columns, as days) in its extract's column order. */
function recordDates(kind: ExtractKind, record: Readonly<Record<string, unknown>>): Record<string, DayNumber> {
  const dates: Record<string, DayNumber> = {};
  for (const name of dateColumnsOf(EXTRACTS[kind].columns)) {
    const value = record[name] as DayNumber | { day: DayNumber } | undefined;
    if (value !== undefined) dates[name] = typeof value === 'number' ? value : value.day;
  }
  return dates;
}

/** An exception's detail, saying which of the values the indicator reads were refused. */
function withRefused(detail: string, refused: CaseRow['refused'], reads: readonly string[] | undefined): string {
  if (refused === undefined || reads === undefined) return detail;
  const read = reads.filter((column) => refused[column] !== undefined);
  if (read.length === 0) return detail;
  return `${detail} (${read.map((column) => `${column} ${JSON.stringify(refused[column])} refused, read as not recorded`).join('; ')})`;
}

function groupsOf(indicator: IndicatorDefinition, byKey: ReadonlyMap<string, Tally>, target: number | null, rules: Settings): GroupFigure[] {
  return [...byKey.keys()].sort(byCodePoint).map((key) => {
    const figure = byKey.get(key)!.figure(indicator.kind);
    return { key, ...figure, ...ragOfFigure(indicator, figure, target, rules) };
  });
}

function coverPeriods(calendar: WorkingCalendar, periods: readonly Period[]): void {
  for (const p of periods) {
    assertCovers(calendar, p.from, 'the period start');
    assertCovers(calendar, p.to, 'the period end');
    assertCovers(calendar, p.asAt, 'the as-at date');
  }
}

/** What one pass over an indicator's case rows gives. */
interface Folded {
  readonly figure: Figure;
  /** Tallies by group, when the rows are broken down. */
  readonly groups?: ReadonlyMap<string, Tally>;
  readonly exceptions: ExceptionList;
}

/**
 * An indicator's case rows in a period, less those the report's filters
 * leave out, folded as they come into the figure, the tallies by group
 * (`by`) and the exceptions (when `exceptions`): no row outlives its turn
 * unless it is an exception.
 */
function foldCases(indicator: IndicatorDefinition, data: Dataset, options: ReportOptions, period: Period, keep: { readonly by?: GroupBy; readonly exceptions: boolean }): Folded {
  const { settings, calendar, where } = options;
  const { by } = keep;
  const all = new Tally();
  const groups = by === undefined ? undefined : new Map<string, Tally>();
  const exceptions: ExceptionRow[] = [];
  // With no exceptions, groups or filter to read, a row's `counted` is all the fold reads.
  const countedOnly = !keep.exceptions && by === undefined && where === undefined;
  for (const row of indicator.cases({ data, period, settings, calendar, countedOnly })) {
    if (where && !passes(row, where)) continue;
    all.add(row);
    if (by !== undefined && groups !== undefined) {
      const key = columnText(row, by) ?? noGroup(by);
      let tally = groups.get(key);
      if (tally === undefined) groups.set(key, (tally = new Tally()));
      tally.add(row);
    }
    if (keep.exceptions && isException(indicator, row)) exceptions.push(exceptionOf(indicator, row, options.exceptionDates ?? false));
  }
  return { figure: all.figure(indicator.kind), ...(groups ? { groups } : {}), exceptions: ExceptionList.of(inExceptionOrder(exceptions)) };
}

/** Whether an indicator has a trend: a snapshot (Annex A last visits) holds for one day only. */
function trended(indicator: IndicatorDefinition, data: Dataset): boolean {
  return !extractsRead(indicator).some((kind) => data[kind]?.snapshotOn !== undefined);
}

/**
 * The figures of the trend's earlier periods, by indicator. Computed period by
 * period, so the indicators of one period share what they ask of its as-at
 * date (the plans open on it; see openPlansByChild), and only figures are kept.
 */
function earlierFigures(indicators: readonly IndicatorDefinition[], data: Dataset, options: ReportOptions, periods: readonly Period[]): Map<IndicatorDefinition, Map<Period, Figure>> {
  const figures = new Map(indicators.filter((indicator) => trended(indicator, data)).map((indicator) => [indicator, new Map<Period, Figure>()]));
  for (const period of periods) {
    if (period === options.period) continue;
    for (const [indicator, byPeriod] of figures) {
      byPeriod.set(period, foldCases(indicator, data, options, period, { exceptions: false }).figure);
      options.betweenFigures?.();
    }
  }
  return figures;
}

function computeIndicator(
  indicator: IndicatorDefinition,
  data: Dataset,
  options: ReportOptions,
  periods: readonly Period[],
  earlier: ReadonlyMap<Period, Figure> | undefined,
): IndicatorResult {
  const { settings } = options;
  const unbroken = options.by === undefined ? null : columnMissing(indicator, data[indicator.subject] as ExtractData | undefined, options.by);
  const { figure, groups, exceptions } = foldCases(indicator, data, options, options.period, { ...(options.by && unbroken === null ? { by: options.by } : {}), exceptions: true });
  const target = targetOf(indicator, settings, options.period.asAt);
  const series = earlier
    ? periods.map((period) => {
        const point = period === options.period ? figure : earlier.get(period)!;
        const pointTarget = targetOf(indicator, settings, period.asAt);
        return { period, ...point, target: pointTarget, ...ragOfFigure(indicator, point, pointTarget, settings) };
      })
    : undefined;
  return {
    id: indicator.id,
    title: indicator.title(settings),
    kind: indicator.kind,
    timescale: indicator.timescale(settings),
    ...figure,
    target,
    direction: indicator.direction,
    // A small cohort has no RAG, and says why: 1 of 1 is 100 % but tells nothing about practice.
    ...ragOfFigure(indicator, figure, target, settings),
    ...(groups ? { groups: groupsOf(indicator, groups, target, settings) } : {}),
    exceptions,
    ...(series ? { series } : {}),
    warnings: [...indicatorWarnings(indicator, data, settings.maxRejectedShare), ...(unbroken === null ? [] : [`not broken down by ${options.by}: ${unbroken}`])],
  };
}

/** The latest day any record of an extract holds; undefined for an empty one, or one with a record still open. */
function latestDay(extract: ExtractData): DayNumber | undefined {
  const { openUntil } = EXTRACTS[extract.kind];
  let latest: number | undefined;
  const events = extract.events?.data();
  if (events) {
    // An event extract has one date column, which its events hold.
    for (let i = 0; i < events.length; i++) latest = Math.max(latest ?? -Infinity, events.dayBase + events.day[i]!);
    return latest as DayNumber | undefined;
  }
  const records = extract.records;
  // Read as days by index: this reads every record of every extract.
  const dates = dateColumnsOf(EXTRACTS[extract.kind].columns).map((column) => daysIn(records, column));
  const end = openUntil === undefined ? undefined : daysIn(records, openUntil);
  for (let r = 0; r < records.length; r++) {
    // An open plan or assessment reaches the day the extract was taken, whatever its dates.
    if (end !== undefined && end(r) === undefined) return undefined;
    for (let d = 0; d < dates.length; d++) {
      const day = dates[d]!(r);
      if (day !== undefined) latest = Math.max(latest ?? -Infinity, day);
    }
  }
  return latest as DayNumber | undefined;
}

/** A warning when every date of the extract lies before the period: likely the wrong extract, or the wrong period. */
function staleWarnings(extract: ExtractData, period: Period): string[] {
  const latest = latestDay(extract);
  return latest !== undefined && latest < period.from
    ? [`${tablesOf(extract)}: the latest date is ${formatIso(latest)}, before the period starts (${formatIso(period.from)}); are the extract and the period the right ones?`]
    : [];
}

/** Why a filter cannot apply to an indicator's rows (so its figure would not be the one asked for), or null. */
function filterReason(indicator: IndicatorDefinition, data: Dataset, where: Filters | undefined): string | null {
  for (const column of Object.keys(where ?? {})) {
    const missing = columnMissing(indicator, data[indicator.subject] as ExtractData | undefined, column);
    if (missing) return `cannot be filtered on ${column}: ${missing}`;
  }
  return null;
}

/** What the report says of one extract kind: its files' accounts, and why its dates look wrong, if they do. */
interface ExtractAccount {
  readonly files: readonly FileQuality[];
  readonly stale: readonly string[];
}

/**
 * What a report takes from some of its extracts: the results of the
 * indicators given (computed, or why not) and the account of the kinds
 * given. A report read in waves (see ReadingWaves) is made of one part per
 * wave, each computed while its wave is held; `buildReport` of one.
 */
export interface ReportPart {
  readonly results: ReadonlyMap<IndicatorDefinition, IndicatorResult>;
  readonly notComputed: ReadonlyMap<IndicatorDefinition, NotComputed>;
  readonly accounts: ReadonlyMap<ExtractKind, ExtractAccount>;
  /** Set by the part that accounts for the audits or their actions, when the report shows the summary. */
  readonly audit?: AuditSummary;
}

/** The kinds the audit summary reads: one part must hold both. */
export const AUDIT_SUMMARY_READS: readonly ExtractKind[] = ['audits', 'audit-actions'];

/** Whether a report of these indicators carries the audit summary. */
function showsAudit(indicators: readonly IndicatorDefinition[]): boolean {
  return indicators.some((indicator) => extractsRead(indicator).some((kind) => AUDIT_SUMMARY_READS.includes(kind)));
}

/**
 * The part of a report that these indicators and these kinds of `data` give.
 * `data` must hold every extract the indicators read that the run has, and
 * the kinds accounted for; `shown` are all the report's indicators.
 */
export function reportPart(data: Dataset, options: ReportOptions, indicators: readonly IndicatorDefinition[], kinds: readonly ExtractKind[], shown: readonly IndicatorDefinition[]): ReportPart {
  const periods = options.trend ? trailingPeriods(options.period, options.trend) : [options.period];
  coverPeriods(options.calendar, periods);
  const computable: IndicatorDefinition[] = [];
  const notComputed = new Map<IndicatorDefinition, NotComputed>();
  for (const indicator of indicators) {
    const reason = notComputedReason(indicator, data, options.period, options.absentReasons) ?? filterReason(indicator, data, options.where);
    if (reason) notComputed.set(indicator, { id: indicator.id, reason });
    else computable.push(indicator);
  }
  const earlier = options.trend ? earlierFigures(computable, data, options, periods) : new Map<IndicatorDefinition, Map<Period, Figure>>();
  const results = new Map<IndicatorDefinition, IndicatorResult>();
  for (const indicator of computable) {
    results.set(indicator, computeIndicator(indicator, data, options, periods, earlier.get(indicator)));
    options.betweenFigures?.();
  }
  const accounts = new Map<ExtractKind, ExtractAccount>();
  for (const kind of kinds) {
    const extract = data[kind] as ExtractData | undefined;
    if (extract !== undefined) accounts.set(kind, { files: extract.quality, stale: staleWarnings(extract, options.period) });
  }
  const audit = showsAudit(shown) && kinds.some((kind) => AUDIT_SUMMARY_READS.includes(kind)) ? auditSummary(data, options.period, options.calendar, options.settings.auditActionWorkingDays, options.where) : undefined;
  return { results, notComputed, accounts, ...(audit !== undefined ? { audit } : {}) };
}

/** The report of its parts: indicators in the order given, extracts in the extracts' order. */
export function assembleReport(parts: readonly ReportPart[], options: ReportOptions, indicators: readonly IndicatorDefinition[]): Report {
  const resultOf = (indicator: IndicatorDefinition) => parts.find((part) => part.results.has(indicator))?.results.get(indicator);
  const notComputedOf = (indicator: IndicatorDefinition) => parts.find((part) => part.notComputed.has(indicator))?.notComputed.get(indicator);
  const accounts = EXTRACT_KINDS.flatMap((kind) => parts.flatMap((part) => part.accounts.get(kind) ?? []));
  const audit = parts.find((part) => part.audit !== undefined)?.audit;
  return {
    schemaVersion: 1,
    ...(options.title !== undefined ? { title: options.title } : {}),
    ...(options.generatedAt !== undefined ? { generatedAt: options.generatedAt } : {}),
    period: options.period,
    calendar: options.calendar.name,
    ...(options.by ? { groupBy: options.by } : {}),
    ...(options.where ? { where: options.where } : {}),
    indicators: indicators.flatMap((indicator) => resultOf(indicator) ?? []),
    notComputed: indicators.flatMap((indicator) => notComputedOf(indicator) ?? []),
    ragRules: { tolerance: options.settings.tolerance, minCohort: options.settings.minCohort },
    warnings: [...(options.warnings ?? []), ...accounts.flatMap((account) => account.stale)],
    dataQuality: { files: accounts.flatMap((account) => account.files), unreadFiles: options.unreadFiles ?? [] },
    ...(audit !== undefined ? { audit } : {}),
  };
}

/** Computes every indicator of the registry that the dataset allows. Pure: no I/O, no clock. */
export function buildReport(data: Dataset, options: ReportOptions, indicators: readonly IndicatorDefinition[] = INDICATORS): Report {
  const kinds = EXTRACT_KINDS.filter((kind) => data[kind] !== undefined);
  return assembleReport([reportPart(data, options, indicators, kinds, indicators)], options, indicators);
}
