import { EXTRACTS, type ExtractKind, type RecordPlace, type RecordsByKind } from '../extracts/definitions.js';
import type { ExtractData } from '../extracts/extractParser.js';
import type { CaseRow } from './types.js';

type AnyRecord = RecordPlace & { readonly child_id: string; readonly team?: string; readonly worker?: string; readonly [column: string]: unknown };

/** Where a record was read: `file:line`, unique within a dataset. */
export function placeOf(extract: { readonly file: string }, record: RecordPlace): string {
  return `${record.file ?? extract.file}:${record.line}`;
}

/** The identifier people use for a record: its id column, else `file:line`. */
export function recordIdOf<K extends ExtractKind>(extract: ExtractData<K>, record: RecordsByKind[K]): string {
  const idColumn = EXTRACTS[extract.kind].idColumn ?? EXTRACTS[extract.kind].nameColumn;
  const id = idColumn === undefined ? undefined : (record as unknown as Record<string, unknown>)[idColumn];
  return typeof id === 'string' ? id : placeOf(extract, record);
}

/** A case row for one event of an event extract (read without its records): named by its id, else `file:line`. */
export function caseOfEvent(extract: ExtractData, index: number, counted: boolean, detail: string): CaseRow {
  const events = extract.events!;
  const { line, team, worker, name } = events.placeOf(index);
  const file = events.fileOf(index) || extract.file;
  return { childId: events.childOf(index), recordId: name ?? `${file}:${line}`, team, worker, counted, detail, source: { kind: extract.kind, file, line } };
}

/** A case row for one record of an extract. */
export function caseOf<K extends ExtractKind>(extract: ExtractData<K>, record: RecordsByKind[K], counted: boolean, detail: string): CaseRow {
  const r = record as unknown as AnyRecord;
  return {
    childId: r.child_id,
    recordId: recordIdOf(extract, record),
    team: r.team,
    worker: r.worker,
    counted,
    detail,
    source: { kind: extract.kind, file: r.file ?? extract.file, line: r.line },
    ...(r.refused ? { refused: r.refused } : {}),
    record: r,
  };
}

const TALLY_ROWS = [false, true].map(
  (counted): CaseRow => Object.freeze({ childId: '', recordId: '', team: undefined, worker: undefined, counted, detail: '', source: Object.freeze({ kind: 'plans', file: '', line: 0 }) }),
);

/**
 * A case row that tells only whether it is counted, for an input that reads
 * no more (`IndicatorInput.countedOnly`): two shared rows, so a trend's
 * earlier periods make nothing per case.
 */
export function tallyRow(counted: boolean): CaseRow {
  return TALLY_ROWS[counted ? 1 : 0]!;
}

/** Another indicator's case rows, each changed as it comes (a new detail, its own judgement): one at a time, as the report folds them. */
export function* mapCases(rows: Iterable<CaseRow>, change: (row: CaseRow) => CaseRow): Generator<CaseRow> {
  for (const row of rows) yield change(row);
}
