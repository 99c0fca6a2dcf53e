import type { WorkingCalendar } from '../calendar/workingCalendar.js';
import type { Dataset } from '../dataset.js';
import type { LocalDateTime } from '../dates/londonTime.js';
import { UsageError } from '../errors.js';
import { EXTRACTS, type RecordsByKind } from '../extracts/definitions.js';
import type { ExtractData } from '../extracts/extractParser.js';
import { placeOf, recordIdOf } from '../indicators/caseRow.js';
import type { IndicatorDefinition } from '../indicators/types.js';
import type { Period } from '../period.js';
import { breakdownColumns, noGroup, recordPasses, type Filters } from '../breakdown.js';
import type { Settings } from '../settings.js';
import { Draw } from './draw.js';
import { asReading, isModeration, ruleFor, type SampleKind } from './kinds.js';
import { casesByPlace, keeps, type OnlyOutcome, type Outcome } from './outcomes.js';
import { pseudonymise } from './pseudonym.js';
import { recordKey } from './recordKey.js';
import { recordsWhere, recordsWhereDays, type RecordList } from '../extracts/recordList.js';

/** What a sample is drawn per group of: the team or the worker of each record. */
export type SampleGroupBy = 'team' | 'worker';

/** What to draw: the kind, the period, the size per group, the seed and the optional filters. */
export interface SampleRequest {
  readonly kind: SampleKind;
  readonly period: Period;
  /** Records drawn (per group with `by`), at least 1. */
  readonly size: number;
  /** Any text; the same seed and records always give the same sample. */
  readonly seed: string;
  readonly by?: SampleGroupBy;
  /** The indicator whose outcome each sampled record carries. */
  readonly indicator?: IndicatorDefinition;
  /** Keep only the records the indicator counts as not met (exceptions) or met. */
  readonly only?: OnlyOutcome;
  /** Keep only the records whose own columns pass these filters (`--where`); columns from `whereColumns(kind)`. */
  readonly where?: Filters;
  /** Replace child IDs with keyed hashes made with this key. */
  readonly pseudonymKey?: string;
  /** What the indicator is computed with. */
  readonly settings: Settings;
  readonly calendar: WorkingCalendar;
}

/** One sampled record: how to find it, its key dates and the indicator's verdict on it. */
export interface SampledRecord {
  readonly kind: SampleKind;
  /** The record's id column, else `file:line`. */
  readonly recordId: string;
  /** The real child ID, or its pseudonym with `pseudonymKey`. */
  readonly childId: string;
  readonly team: string | undefined;
  readonly worker: string | undefined;
  /** The kind's text columns (the plan type), in the order of `Sample.textColumns`, undefined when blank; absent: none. */
  readonly texts?: readonly (string | undefined)[];
  /** The kind's key dates, in the order of `Sample.dateColumns`. */
  readonly dates: readonly (LocalDateTime | undefined)[];
  /** Met or not by the indicator; null without an indicator or when it does not count the record. */
  readonly met: boolean | null;
  readonly detail: string | undefined;
}

/** One group of a `--by` draw. */
export interface SampleGroup {
  readonly key: string;
  readonly eligible: number;
  readonly sampled: number;
}

/** A drawn dip sample and the account of it. */
export interface Sample {
  readonly kind: SampleKind;
  readonly period: Period;
  readonly seed: string;
  readonly size: number;
  readonly by: SampleGroupBy | undefined;
  readonly indicatorId: string | undefined;
  readonly only: OnlyOutcome | undefined;
  /** The `--where` filters the records passed; absent or empty: none. */
  readonly where?: Filters;
  readonly pseudonymised: boolean;
  /** The frame in words: "visits made in 2026-10". */
  readonly frame: string;
  /** The kind's text columns shown after team and worker: `plan_type` for plans and visits; absent or empty: none. */
  readonly textColumns?: readonly string[];
  readonly dateColumns: readonly string[];
  /** The flag column of each audit theme the config declares, left empty for the auditors after `grade`; absent or empty: none (always, for a moderation sample). */
  readonly themeColumns?: readonly string[];
  readonly eligible: number;
  /** Per group with `by`; empty without. */
  readonly groups: readonly SampleGroup[];
  /** Group by group (code-point order), each in rank order: a larger size only adds rows. */
  readonly rows: readonly SampledRecord[];
  /** Records of this kind the indicator keeps under `only` (and passing `where`) whose key date lies outside the frame. */
  readonly outsideFrame: number;
}

type AnyRecord = RecordsByKind[SampleKind] & { readonly team?: string; readonly worker?: string };

function extractOf(data: Dataset, kind: SampleKind): ExtractData<SampleKind> {
  const extract = data[kind];
  if (!extract) throw new UsageError(`no ${kind} extract to sample from`);
  return extract as ExtractData<SampleKind>;
}

function groupOf(record: AnyRecord, by: SampleGroupBy | undefined): string {
  return by === undefined ? '' : (record[by] ?? noGroup(by));
}

function sampledRecord(extract: ExtractData<SampleKind>, record: AnyRecord, row: Outcome | undefined, request: SampleRequest): SampledRecord {
  const values = record as unknown as Record<string, unknown>;
  const notCounted = request.indicator ? `not counted by ${request.indicator.id}` : undefined;
  return {
    kind: request.kind,
    recordId: recordIdOf(extract, record),
    childId: request.pseudonymKey === undefined ? record.child_id : pseudonymise(request.pseudonymKey, record.child_id),
    team: record.team,
    worker: record.worker,
    texts: ruleFor(request.kind).textColumns.map((column) => textOf(values[column])),
    dates: ruleFor(request.kind).dateColumns.map((column) => asReading(values[column])),
    met: row ? row.met : null,
    detail: row ? row.detail : notCounted,
  };
}

/** A text column's value; blank (or refused) is undefined. */
function textOf(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Records of the kind that the indicator keeps under `only`, pass `where` (`passing`, all without), but whose key date lies outside the frame. */
function countOutsideFrame(cases: ReadonlyMap<string, Outcome>, framed: ReadonlySet<string> | undefined, passing: ReadonlySet<string> | undefined, only: OnlyOutcome | undefined): number {
  if (only === undefined || framed === undefined) return 0;
  return [...cases].filter(([place, row]) => keeps(row, only) && !framed.has(place) && (passing === undefined || passing.has(place))).length;
}

/**
 * The columns `--where` can filter a kind's records on: those of report's
 * `--where` (text, code and flag columns, not identifiers) that the kind has.
 */
export function whereColumns(kind: SampleKind): string[] {
  return breakdownColumns().filter((column) => Object.hasOwn(EXTRACTS[kind].columns, column));
}

/** Refuses a filter on a column the kind does not have, or that the tables read lack (every record would fail it). */
function checkWhere(extract: ExtractData<SampleKind>, kind: SampleKind, where: Filters): void {
  for (const column of Object.keys(where)) {
    const example = `${column}=${where[column]![0]}`;
    if (!whereColumns(kind).includes(column)) {
      throw new UsageError(`--where ${example}: ${column} is not a column of ${kind} records to filter on; choose one of ${whereColumns(kind).join(', ')}`);
    }
    if (!extract.columns.includes(column)) throw new UsageError(`--where ${example}: the ${kind} tables read have no ${column} column`);
  }
}

/**
 * Draws a reproducible dip sample: the records of the kind in the period's
 * frame that pass `where`, optionally only those the indicator counts as not
 * met or met, ranked by a hash keyed with the seed; the `size` first per
 * group. Pure: no I/O.
 */
export function drawSample(data: Dataset, request: SampleRequest): Sample {
  const extract = extractOf(data, request.kind);
  const rule = ruleFor(request.kind);
  const where = request.where ?? {};
  checkWhere(extract, request.kind, where);
  const filtered = Object.keys(where).length > 0;
  const passes = (record: AnyRecord) => !filtered || recordPasses(record as unknown as Record<string, unknown>, where);
  const cases = request.indicator
    ? casesByPlace(request.indicator, { data, period: request.period, settings: request.settings, calendar: request.calendar })
    : new Map<string, Outcome>();
  const records = extract.records as RecordList<unknown> as RecordList<AnyRecord>;
  const place = (record: AnyRecord) => placeOf(extract, record);
  const passing = filtered && request.only !== undefined ? new Set(recordsWhere(records, passes).map(place)) : undefined;
  // The frame's places are needed only to count the kept records outside it.
  const framed = request.only === undefined ? undefined : new Set<string>();
  const draw = new Draw<AnyRecord>(request.seed, request.size);
  for (const record of recordsWhereDays(records, rule.frameColumns, (days) => rule.inFrame(days, request.period))) {
    if (!passes(record)) continue;
    const at = place(record);
    framed?.add(at);
    if (keeps(cases.get(at), request.only)) draw.offer(record, recordKey(request.kind, record), groupOf(record, request.by));
  }
  const drawn = draw.drawn();
  return {
    kind: request.kind,
    period: request.period,
    seed: request.seed,
    size: request.size,
    by: request.by,
    indicatorId: request.indicator?.id,
    only: request.only,
    where,
    pseudonymised: request.pseudonymKey !== undefined,
    frame: rule.describe(request.period),
    textColumns: rule.textColumns,
    dateColumns: rule.dateColumns,
    // A moderator grades the audit again; its theme answers are the auditor's.
    themeColumns: isModeration(request.kind) ? [] : request.settings.auditThemes.map((theme) => theme.column),
    eligible: draw.eligible,
    groups: request.by ? drawn.map((g) => ({ key: g.key, eligible: g.eligible, sampled: g.drawn.length })) : [],
    rows: drawn.flatMap((g) => g.drawn.map((record) => sampledRecord(extract, record, cases.get(place(record)), request))),
    outsideFrame: countOutsideFrame(cases, framed, passing, request.only),
  };
}
