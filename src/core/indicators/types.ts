import type { WorkingCalendar } from '../calendar/workingCalendar.js';
import type { Dataset } from '../dataset.js';
import { EXTRACT_KINDS, type ExtractKind } from '../extracts/definitions.js';
import type { Period } from '../period.js';
import type { Settings } from '../settings.js';

/** A rate (numerator over a cohort) or a count of records (a list to act on). */
export type IndicatorKind = 'rate' | 'count';

/** Whether a higher or a lower value is better. */
export type Direction = 'higher' | 'lower';

/** What an indicator is computed from. */
export interface IndicatorInput {
  readonly data: Dataset;
  readonly period: Period;
  readonly settings: Settings;
  readonly calendar: WorkingCalendar;
  /**
   * Only whether each case row is counted will be read (a trend's earlier
   * periods, unfiltered): an indicator may then yield `tallyRow(counted)`,
   * making no record and no detail for the row.
   */
  readonly countedOnly?: boolean;
}

/** The record a case row comes from, so any figure can be traced back to its row. */
export interface SourceRow {
  readonly kind: ExtractKind;
  /** The table it was read from (an extract may come from several). */
  readonly file: string;
  readonly line: number;
}

/**
 * One record (or child) an indicator looked at. For a rate these are the
 * cohort, each counted in the numerator or not; for a count, the records
 * counted. Whether a row is an exception follows the direction
 * (`isException`), never `counted` alone.
 */
export interface CaseRow {
  readonly childId: string;
  /** The record's own identifier, else `file:line`. */
  readonly recordId: string;
  readonly team: string | undefined;
  readonly worker: string | undefined;
  /** In the numerator: the timescale met (higher is better), or the thing the measure is about (a plan over 18 months, lower is better). */
  readonly counted: boolean;
  /** What a person reads: "completed after 52 working days", "due 16/10/2026, 11 days overdue". */
  readonly detail: string;
  readonly source: SourceRow;
  /** The record's refused optional values (column → text), read as not recorded. */
  readonly refused?: Readonly<Record<string, string>>;
  /** The record judged, for breakdowns and filters on its other columns (category, plan_type…). */
  readonly record?: Readonly<Record<string, unknown>>;
}

/**
 * Whether a case row is a record to act on (catalogue.md "counted /
 * exception"): every record a count counts; for a rate, those not counted
 * when higher is better, those counted when lower is better.
 */
export function isException(indicator: Pick<IndicatorDefinition, 'kind' | 'direction'>, row: Pick<CaseRow, 'counted'>): boolean {
  if (indicator.kind === 'count') return true;
  return indicator.direction === 'higher' ? !row.counted : row.counted;
}

/** The event extracts whose whole records some of these indicators read (loading keeps those, and only events of the rest). */
export function recordsRead(indicators: readonly IndicatorDefinition[]): ExtractKind[] {
  return [...new Set(indicators.flatMap((indicator) => indicator.records ?? []))];
}

/** The extracts an indicator reads, in a fixed order. */
export function extractsRead(indicator: IndicatorDefinition): ExtractKind[] {
  return Object.keys(indicator.reads) as ExtractKind[];
}

/** The extracts some of these indicators read, needed or used when given, in the extracts' order. */
export function extractsReadBy(indicators: readonly IndicatorDefinition[]): ExtractKind[] {
  const read = new Set(indicators.flatMap((indicator) => [...extractsRead(indicator), ...(indicator.readsWhenGiven ?? [])]));
  return EXTRACT_KINDS.filter((kind) => read.has(kind));
}

/** An indicator as data: identity, meaning, target and the pure function that finds its cases. */
export interface IndicatorDefinition {
  readonly id: string;
  /** The title people read, saying the timescale in force ("within 20 working days" under a 20-day config). */
  title(settings: Settings): string;
  /** Cohort and measure in a sentence, for `csc-metrics indicators`. */
  readonly definition: string;
  readonly kind: IndicatorKind;
  readonly direction: Direction;
  /** A fraction for rates (0.9), a whole number for counts; null for none. */
  readonly defaultTarget: number | null;
  /** The timescale as people say it, from the settings in force. */
  timescale(settings: Settings): string;
  /**
   * The extracts it needs, each with the optional columns it cannot do
   * without (required columns are always there); when an extract or one of
   * these columns is absent it is reported as not computed, with the reason.
   */
  readonly reads: Readonly<Partial<Record<ExtractKind, readonly string[]>>>;
  /** Extracts it also reads when they are given, and is computed without (audit actions name their audit's child). */
  readonly readsWhenGiven?: readonly ExtractKind[];
  /**
   * Event extracts (visits, supervision, referrals) whose whole records it
   * reads; of the others it reads only the compact events. Loading keeps
   * what the indicators chosen declare, and reading records that were not
   * kept fails loudly.
   */
  readonly records?: readonly ExtractKind[];
  /**
   * When its rows are not records of the subject (caseload: workers), what
   * they are: they carry only team and worker, so no other column can break
   * them down or filter them.
   */
  readonly rowsAre?: string;
  /** The extract its case rows come from (visits-cp reads visits but judges each child's plan). */
  readonly subject: ExtractKind;
  /**
   * The cases: the cohort with met/not met (rates), or the records counted
   * (counts). The report folds each row into the figure, the groups and the
   * exceptions as it comes, so an indicator that yields its rows one at a
   * time (a generator) leaves a counted row to be collected young, not
   * held with the whole cohort.
   */
  cases(input: IndicatorInput): Iterable<CaseRow>;
}
