import { recordPasses, type Filters } from '../breakdown.js';
import { formatUk, type DayNumber } from '../dates/localDate.js';
import { EXTRACTS, type ExtractKind, type RecordPlace } from '../extracts/definitions.js';
import type { ExtractData } from '../extracts/extractParser.js';
import { caseOf, tallyRow } from './caseRow.js';
import { dueStatus, keptOn } from './dueDates.js';
import { latestEventsOf } from './latestEvents.js';
import { openPlansByChild } from './openPlans.js';
import { dayOf, describeSpan, isWithin, isWithinBefore, lastDayWithin, type DateValue, type Span } from './spans.js';
import type { CaseRow, Direction, IndicatorDefinition, IndicatorInput } from './types.js';
import { daysIn, recordsDatedIn, recordsWhere, recordsWhereDays, type RecordList } from '../extracts/recordList.js';

/** What every declarative indicator says of itself (catalogue.md "Declarative indicators"). */
interface ShapeBase {
  readonly id: string;
  readonly title: string;
  readonly direction: Direction;
}

/** The records a shape judges: an extract, optionally only those passing `where`. */
interface Subject {
  readonly extract: ExtractKind;
  readonly where?: Filters;
}

/** A declarative indicator, validated: one of the six shapes. */
export type ShapeSpec = ShapeBase &
  (
    | (Subject & { readonly shape: 'within'; readonly date: string; readonly start: string; readonly end: string; readonly within: Span })
    | (Subject & { readonly shape: 'flag'; readonly date: string; readonly flag: string; readonly label?: string })
    | (Subject & { readonly shape: 'open-longer-than'; readonly start: string; readonly end?: string; readonly within: Span })
    | (Subject & { readonly shape: 'repeat'; readonly date: string; readonly within?: Span })
    | (Subject & { readonly shape: 'count'; readonly date?: string; readonly start?: string; readonly end?: string })
    | {
        readonly shape: 'due';
        readonly plans: { readonly where?: Filters };
        readonly records: Subject & { readonly date: string; readonly label?: string };
        readonly within: Span;
      }
  );

type Row = RecordPlace & { readonly child_id: string; readonly [column: string]: unknown };

function rowsOf(input: IndicatorInput, subject: Subject): { extract: ExtractData; rows: RecordList<Row> } {
  const extract = input.data[subject.extract]! as ExtractData;
  const all = extract.records as RecordList<unknown> as RecordList<Row>;
  // Unfiltered, the extract's own list: no copy of every record per period.
  return { extract, rows: subject.where ? recordsWhere(all, (row) => recordPasses(row, subject.where!)) : all };
}

function dateIn(row: Row, column: string): DateValue | undefined {
  return row[column] as DateValue | undefined;
}

/** The rows open on day d: started on or before it, and not ended before it. */
function openRows(rows: RecordList<Row>, start: string, end: string | undefined, day: DayNumber): Iterable<Row> {
  return recordsWhereDays(rows, end === undefined ? [start] : [start, end], ([from, to]) => from !== undefined && from <= day && (to === undefined || to >= day));
}

type Outcome = { readonly counted: boolean; readonly detail: string } | 'pending';

/** The period cohort of a shape (its `date` in the period), each judged by `judge`; pending ones left out. */
function* periodCohort(input: IndicatorInput, subject: Subject, date: string, judge: (row: Row) => Outcome): Generator<CaseRow> {
  const { extract, rows } = rowsOf(input, subject);
  const { from, to } = input.period;
  const dayOfRow = daysIn(rows, date);
  for (let i = 0; i < rows.length; i++) {
    const day = dayOfRow(i);
    if (day === undefined || day < from || day > to) continue;
    const row = rows.at(i)!;
    const outcome = judge(row);
    if (outcome !== 'pending') yield caseOf(extract, row as never, outcome.counted, outcome.detail);
  }
}

function withinCases(input: IndicatorInput, spec: Extract<ShapeSpec, { shape: 'within' }>): Iterable<CaseRow> {
  return periodCohort(input, spec, spec.date, (row) => {
    const start = dateIn(row, spec.start);
    const end = dateIn(row, spec.end);
    if (start === undefined) return { counted: false, detail: `no ${spec.start}` };
    if (end !== undefined) {
      const counted = isWithin(start, end, spec.within, input.calendar);
      return { counted, detail: `${spec.end} ${formatUk(dayOf(end))}, ${counted ? 'within' : 'more than'} ${describeSpan(spec.within)} of ${spec.start} ${formatUk(dayOf(start))}` };
    }
    // Blank end: pending while the window is open on the as-at date, else not counted.
    const last = lastDayWithin(dayOf(start), spec.within, input.calendar);
    return input.period.asAt <= last ? 'pending' : { counted: false, detail: `no ${spec.end} by ${formatUk(last)}` };
  });
}

function flagCases(input: IndicatorInput, spec: Extract<ShapeSpec, { shape: 'flag' }>): Iterable<CaseRow> {
  return periodCohort(input, spec, spec.date, (row) => {
    const value = row[spec.flag];
    return { counted: value === true, detail: `${spec.label ?? spec.flag}: ${value === undefined ? 'not recorded' : value ? 'yes' : 'no'}` };
  });
}

function* openLongerCases(input: IndicatorInput, spec: Extract<ShapeSpec, { shape: 'open-longer-than' }>): Generator<CaseRow> {
  const { extract, rows } = rowsOf(input, spec);
  const { asAt } = input.period;
  for (const row of openRows(rows, spec.start, spec.end, asAt)) {
    const start = dayOf(dateIn(row, spec.start)!);
    const until = lastDayWithin(start, spec.within, input.calendar);
    yield caseOf(extract, row as never, asAt > until, `open since ${formatUk(start)}; ${describeSpan(spec.within)} on ${formatUk(until)}`);
  }
}

function repeatCases(input: IndicatorInput, spec: Extract<ShapeSpec, { shape: 'repeat' }>): Iterable<CaseRow> {
  const { rows } = rowsOf(input, spec);
  const daysByChild = new Map<string, DayNumber[]>();
  for (const row of rows) {
    const value = dateIn(row, spec.date);
    if (value === undefined) continue;
    const days = daysByChild.get(row.child_id);
    if (days) days.push(dayOf(value));
    else daysByChild.set(row.child_id, [dayOf(value)]);
  }
  return periodCohort(input, spec, spec.date, (row) => {
    const day = dayOf(dateIn(row, spec.date)!);
    // The closest earlier record decides: if it is not within the span, none is.
    let earlier: DayNumber | undefined;
    for (const d of daysByChild.get(row.child_id)!) if (d < day && (earlier === undefined || d > earlier)) earlier = d;
    if (earlier === undefined) return { counted: false, detail: 'no earlier record' };
    const counted = spec.within === undefined || isWithinBefore(earlier, day, spec.within, input.calendar);
    return { counted, detail: `earlier record ${formatUk(earlier)}` };
  });
}

function* countCases(input: IndicatorInput, spec: Extract<ShapeSpec, { shape: 'count' }>): Generator<CaseRow> {
  const { extract, rows } = rowsOf(input, spec);
  const { period } = input;
  const counted = spec.date !== undefined ? recordsDatedIn(rows, spec.date, period.from, period.to) : openRows(rows, spec.start!, spec.end, period.asAt);
  const column = spec.date ?? spec.start!;
  for (const row of counted) yield caseOf(extract, row as never, true, `${column} ${formatUk(dayOf(dateIn(row, column)!))}`);
}

/**
 * One row per child with an open plan passing the plan filter: the clock runs
 * from the later of the earliest such plan's start and the child's latest
 * record on or before the as-at date; counted when the span from it reaches
 * the as-at date. The row is the newest such plan (its team).
 */
/**
 * Whether a shape's records can be read from their extract's compact events:
 * an event extract, dated by its event day, filtered (if at all) on the
 * column its event code stands for (supervision kind, visit plan type).
 */
function readsEvents(records: Subject & { readonly date: string }): boolean {
  const event = EXTRACTS[records.extract].event;
  return event !== undefined && records.date === event.dayColumn && Object.keys(records.where ?? {}).every((column) => column === event.codeColumn);
}

/** The event codes a filter on the code column allows (values matched like the column reads them), else every code. */
function allowedCodes(records: Subject): readonly number[] {
  const event = EXTRACTS[records.extract].event!;
  const values = event.codeColumn === undefined ? undefined : records.where?.[event.codeColumn];
  if (values === undefined) return event.codes;
  const codes = EXTRACTS[records.extract].columns[event.codeColumn!]!.codes ?? [];
  return [...new Set(values.map((value) => event.codeOf!(codes.find((code) => code.toLowerCase() === value.toLowerCase()))))];
}

/**
 * Each child's latest record (passing the filter) on or before the day, by
 * the child's number among `childIds`: from the event log's shared index
 * when the events hold it, else by reading the records once.
 */
function latestLookup(input: IndicatorInput, records: Subject & { readonly date: string }, asAt: DayNumber, childIds: readonly string[]): (label: number) => DayNumber | undefined {
  if (readsEvents(records)) {
    const index = latestEventsOf(input.data[records.extract]!.events!);
    const inLog = index.childNumbersOf(childIds);
    const codes = allowedCodes(records);
    return (label) => {
      const child = inLog[label]!;
      if (child === -1) return undefined;
      let latest: DayNumber | undefined;
      for (const code of codes) {
        const day = index.latestOfChild(child, code, asAt);
        if (day !== undefined && (latest === undefined || day > latest)) latest = day;
      }
      return latest;
    };
  }
  const latest = new Map<string, DayNumber>();
  for (const row of rowsOf(input, records).rows) {
    const value = dateIn(row, records.date);
    if (value === undefined || dayOf(value) > asAt) continue;
    const known = latest.get(row.child_id);
    if (known === undefined || dayOf(value) > known) latest.set(row.child_id, dayOf(value));
  }
  return (label) => latest.get(childIds[label]!);
}

function* dueCases(input: IndicatorInput, spec: Extract<ShapeSpec, { shape: 'due' }>): Generator<CaseRow> {
  const plans = input.data.plans!;
  const { asAt } = input.period;
  const wanted = spec.plans.where ? recordsWhere(plans.records, (plan) => recordPasses(plan as unknown as Row, spec.plans.where!)) : plans.records;
  const open = openPlansByChild(wanted, asAt);
  const latestOf = latestLookup(input, spec.records, asAt, open.childTexts);
  const noun = spec.records.label ?? `${spec.records.extract} record`;
  for (let c = 0; c < open.size; c++) {
    const start = open.oldestStart(c);
    const last = latestOf(open.childLabel(c));
    const base = last !== undefined && last > start ? last : start;
    const due = lastDayWithin(base, spec.within, input.calendar);
    if (input.countedOnly) {
      yield tallyRow(keptOn(due, asAt));
      continue;
    }
    const since = last !== undefined && last >= start ? `last ${noun} ${formatUk(last)}` : `no ${noun} since plan start ${formatUk(start)}`;
    const status = dueStatus(due, asAt, since);
    yield caseOf(plans, open.newest(c), status.met, status.detail);
  }
}

function casesOf(spec: ShapeSpec, input: IndicatorInput): Iterable<CaseRow> {
  switch (spec.shape) {
    case 'within':
      return withinCases(input, spec);
    case 'flag':
      return flagCases(input, spec);
    case 'open-longer-than':
      return openLongerCases(input, spec);
    case 'repeat':
      return repeatCases(input, spec);
    case 'count':
      return countCases(input, spec);
    case 'due':
      return dueCases(input, spec);
  }
}

/** The columns a shape reads from each extract, and the one whose records its rows are. */
function columnsRead(spec: ShapeSpec): { subject: ExtractKind; columns: Partial<Record<ExtractKind, string[]>> } {
  if (spec.shape === 'due') {
    return {
      subject: 'plans',
      columns: {
        plans: ['end_date', ...Object.keys(spec.plans.where ?? {})],
        [spec.records.extract]: [spec.records.date, ...Object.keys(spec.records.where ?? {})],
      },
    };
  }
  const named = [
    'date' in spec ? spec.date : undefined,
    'start' in spec ? spec.start : undefined,
    'end' in spec ? spec.end : undefined,
    'flag' in spec ? spec.flag : undefined,
    ...Object.keys(spec.where ?? {}),
  ];
  return { subject: spec.extract, columns: { [spec.extract]: named.filter((c): c is string => c !== undefined) } };
}

/** What the shape counts, in a sentence for `csc-metrics indicators`. */
function definitionOf(spec: ShapeSpec): string {
  const filtered = (where: Filters | undefined) =>
    where ? ` with ${Object.entries(where).map(([column, values]) => `${column} in [${values.join(', ')}]`).join(' and ')}` : '';
  switch (spec.shape) {
    case 'within':
      return `${spec.extract}${filtered(spec.where)} with ${spec.date} in the period, less pending; counted when ${spec.end} is within ${describeSpan(spec.within)} of ${spec.start}`;
    case 'flag':
      return `${spec.extract}${filtered(spec.where)} with ${spec.date} in the period; counted when ${spec.flag} = yes`;
    case 'open-longer-than':
      return `${spec.extract}${filtered(spec.where)} open on the as-at date; counted when open longer than ${describeSpan(spec.within)}`;
    case 'repeat':
      return `${spec.extract}${filtered(spec.where)} with ${spec.date} in the period; counted when the child has an earlier one${spec.within ? ` within ${describeSpan(spec.within)} before` : ''}`;
    case 'count':
      return `${spec.extract}${filtered(spec.where)} ${spec.date ? `with ${spec.date} in the period` : 'open on the as-at date'}`;
    case 'due':
      return `children with an open plan${filtered(spec.plans.where)} on the as-at date; counted when their latest ${spec.records.extract} record${filtered(spec.records.where)} (else the earliest such plan's start) is within ${describeSpan(spec.within)} before it`;
  }
}

/** A declarative indicator as an indicator like any built-in (one engine for both). */
export function shapeIndicator(spec: ShapeSpec): IndicatorDefinition {
  const { subject, columns } = columnsRead(spec);
  const reads: Partial<Record<ExtractKind, readonly string[]>> = {};
  for (const [kind, names] of Object.entries(columns) as [ExtractKind, string[]][]) {
    const definition = EXTRACTS[kind].columns;
    reads[kind] = [...new Set(names)].filter((name) => definition[name]?.required !== true);
  }
  const eventsSuffice = spec.shape === 'due' && readsEvents(spec.records);
  const recordKinds = (Object.keys(columns) as ExtractKind[]).filter((kind) => EXTRACTS[kind].event !== undefined && !eventsSuffice);
  return {
    id: spec.id,
    title: () => spec.title,
    definition: definitionOf(spec),
    kind: spec.shape === 'count' ? 'count' : 'rate',
    direction: spec.direction,
    defaultTarget: null,
    timescale: () => ('within' in spec && spec.within ? describeSpan(spec.within) : spec.shape === 'repeat' ? 'ever' : 'in the period'),
    reads,
    ...(recordKinds.length > 0 ? { records: recordKinds } : {}),
    subject,
    cases: (input) => casesOf(spec, input),
  };
}
