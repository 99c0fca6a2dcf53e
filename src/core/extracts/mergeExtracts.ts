import type { ExtractKind, RecordsByKind } from './definitions.js';
import { EventLog } from './eventLog.js';
import type { ExtractData } from './extractParser.js';
import { recordsLoaded, recordsNotLoaded } from './notLoaded.js';
import { RecordStore } from './recordStore.js';

/**
 * One extract from the tables it was read from (a glob matching several
 * files; Annex A Lists 6-8 all giving plans). Each record then carries its
 * table's name, so `file:line` still points at it; the extract has a column
 * only when every table has it, so an indicator never reads a column that
 * some of its rows could not have.
 */
export function mergeExtracts<K extends ExtractKind>(parts: readonly ExtractData<K>[]): ExtractData<K> {
  return parts.length === 1 ? parts[0]! : mergedParts(parts);
}

function mergedParts<K extends ExtractKind>(parts: readonly ExtractData<K>[]): ExtractData<K> {
  const first = parts[0]!;
  // Every table of a kind is read for the same indicators: its records are kept in all or none.
  const records = parts.every((part) => recordsLoaded(part.records))
    ? RecordStore.merged(parts.map((part) => ({ records: part.records, file: part.file })))
    : recordsNotLoaded<RecordsByKind[K]>(first.kind);
  let events: EventLog | undefined;
  for (const part of parts) {
    if (part.events === undefined) continue;
    events ??= new EventLog();
    events.append(part.events);
  }
  events?.trim();
  const snapshot = parts.find((part) => part.snapshotOn !== undefined);
  return {
    kind: first.kind,
    file: first.file,
    records,
    ...(events ? { events } : {}),
    columns: first.columns.filter((column) => parts.every((part) => part.columns.includes(column))),
    ...(snapshot ? { snapshotOn: snapshot.snapshotOn!, ...(snapshot.snapshotSource ? { snapshotSource: snapshot.snapshotSource } : {}) } : {}),
    quality: parts.flatMap((part) => part.quality),
  };
}
