import { DataError } from '../errors.js';
import type { DayNumber } from '../dates/localDate.js';
import { noGroup } from '../breakdown.js';
import type { CellSink } from '../extracts/columns.js';
import type { AuditRecord } from '../extracts/definitions.js';
import type { SampleKind } from '../sample/kinds.js';
import { byCodePoint } from '../textOrder.js';
import { sampleHeader, sampleRows, type SampleTable } from './sampleTable.js';
import { recordsWhere, type RecordList } from '../extracts/recordList.js';

/*
 * Sample completion: of the records a dip sample drew, the share audited by
 * a due date, by team. Pure: the sample tables and the audits come in read.
 */

/** A record a sample drew. */
export interface SampledRef {
  readonly kind: SampleKind;
  readonly recordId: string;
  readonly team: string | undefined;
}

/** The sampled records of the returned files, each once. */
export interface SampledRecords {
  readonly records: readonly SampledRef[];
  /** Rows naming a record an earlier row (of any file) named: counted once, under the first row's team. */
  readonly repeats: number;
}

/** One team's (or the total's) completion. */
export interface CompletionRow {
  /** The team, `(no team)`, or `(total)`. */
  readonly key: string;
  readonly sampled: number;
  /** Sampled records with an audit dated on or before the due date. */
  readonly audited: number;
  /** audited / sampled; null when nothing was sampled. */
  readonly share: number | null;
  readonly notAudited: number;
}

/** Completion by team (code-point order, `(no team)` last) and in total. */
export interface Completion {
  readonly due: DayNumber;
  readonly teams: readonly CompletionRow[];
  readonly total: CompletionRow;
}

const IGNORE_CELLS: CellSink = { refuse: () => undefined, cleaned: () => undefined };

function refOf(kind: string, recordId: string): string {
  return JSON.stringify([kind, recordId]);
}

/**
 * The records the samples drew (kind, record id, team), each once. A table
 * whose rows cannot be matched to sampled records is refused (DataError).
 */
export function sampledRecords(tables: readonly SampleTable[]): SampledRecords {
  const seen = new Map<string, SampledRef>();
  let repeats = 0;
  for (const table of tables) {
    const header = sampleHeader(table, ['kind', 'record_id']);
    // Only identifiers are read here; collecting is where cleaned values are reported.
    for (const row of sampleRows(table, header, [], () => IGNORE_CELLS)) {
      // Audits are drawn to be moderated, and a moderated grade carries no date to hold against a due date.
      if (row.kind === 'audits') {
        throw new DataError('MIXED_SAMPLE', `${table.file} line ${row.line}: a moderation sample (kind audits): completion counts the records of a dip sample audited by a due date, and a moderated grade has no date`, { file: table.file, line: row.line, column: 'kind' });
      }
      const key = refOf(row.kind, row.recordId);
      if (seen.has(key)) repeats++;
      else seen.set(key, { kind: row.kind, recordId: row.recordId, team: row.cell('team') || undefined });
    }
  }
  return { records: [...seen.values()], repeats };
}

function rowOf(key: string, sampled: number, audited: number): CompletionRow {
  return { key, sampled, audited, share: sampled === 0 ? null : audited / sampled, notAudited: sampled - audited };
}

/**
 * For each team, the sampled records with an audit (matched by record_kind,
 * any case, and record_id) dated on or before `due`; an audit after it does
 * not count, nor does an audit of a record no sample drew.
 */
export function sampleCompletion(records: readonly SampledRef[], audits: RecordList<AuditRecord>, due: DayNumber): Completion {
  const auditedByDue = new Set(recordsWhere(audits, (a) => a.audit_date <= due && a.record_kind !== undefined && a.record_id !== undefined).map((a) => refOf(a.record_kind!.toLowerCase(), a.record_id!)));
  const teams = new Map<string, { sampled: number; audited: number }>();
  for (const record of records) {
    const key = record.team ?? noGroup('team');
    const counts = teams.get(key) ?? { sampled: 0, audited: 0 };
    counts.sampled++;
    if (auditedByDue.has(refOf(record.kind, record.recordId))) counts.audited++;
    teams.set(key, counts);
  }
  const none = noGroup('team');
  const rows = [...teams]
    .sort(([a], [b]) => Number(a === none) - Number(b === none) || byCodePoint(a, b))
    .map(([key, counts]) => rowOf(key, counts.sampled, counts.audited));
  const sum = (pick: (row: CompletionRow) => number) => rows.reduce((n, row) => n + pick(row), 0);
  return { due, teams: rows, total: rowOf('(total)', sum((r) => r.sampled), sum((r) => r.audited)) };
}
