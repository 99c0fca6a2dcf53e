import { RecordStore } from './recordStore.js';
import { TextIndex } from './textIndex.js';

/**
 * The records of an extract, read by index or in order: a plain array, or a
 * `RecordStore` that keeps them as columns and makes each record as it is
 * read. A record read twice is two equal objects, not one: compare records
 * by their values (or line and file), never by identity.
 */
export interface RecordList<R> extends Iterable<R> {
  readonly length: number;
  at(index: number): R | undefined;
}

/** The day of one date or date-time column of record `index` (undefined when blank). */
export type DayReader = (index: number) => number | undefined;

/**
 * Reads a date or date-time column's day by record index: from a store's
 * column without making the record, so a loop can pass over the records
 * outside a period for the cost of reading a number.
 */
export function daysIn<R>(records: RecordList<R>, column: string): DayReader {
  const stored = records instanceof RecordStore ? records.dayReader(column) : undefined;
  if (stored !== undefined) return stored;
  return (index) => {
    const value = (records.at(index) as Readonly<Record<string, unknown>>)[column] as number | { readonly day: number } | undefined;
    return value === undefined ? undefined : typeof value === 'number' ? value : value.day;
  };
}

/** The text of one repeating-text or code column (child ID, team, plan type) of record `index` (undefined when blank). */
export type LabelReader = (index: number) => string | undefined;

/** Reads a repeating-text or code column by record index: from a store's numbers without making the record. */
export function labelsIn<R>(records: RecordList<R>, column: string): LabelReader {
  const stored = records instanceof RecordStore ? records.labelReader(column) : undefined;
  if (stored !== undefined) return stored;
  return (index) => (records.at(index) as Readonly<Record<string, unknown>>)[column] as string | undefined;
}

/**
 * A repeating-text column as numbers: records with equal texts have equal
 * numbers, blank ones 0; `texts[n]` is number n's text. Loops that group or
 * match records by child or worker compare numbers, not strings.
 */
export interface LabelNumbering {
  readonly numberOf: (index: number) => number;
  readonly texts: readonly string[];
}

/** Numbers a repeating-text column: a store's own numbers, else numbered here in order of first sight. */
export function labelNumbersIn<R>(records: RecordList<R>, column: string): LabelNumbering {
  const stored = records instanceof RecordStore ? records.labelNumbering(column) : undefined;
  if (stored !== undefined) return stored;
  const texts = labelsIn(records, column);
  const index = new TextIndex(['']);
  const numbers = new Int32Array(records.length);
  for (let i = 0; i < records.length; i++) {
    const text = texts(i);
    if (text !== undefined && text !== '') numbers[i] = index.numberOf(text);
  }
  return { numberOf: (index) => numbers[index]!, texts: index.all };
}

/**
 * The records whose days in `columns` (undefined when blank) pass `test`,
 * each made as it is reached: a cohort of one period costs a number read for
 * each of the others, and a record read once is young garbage, not held in
 * a list with the whole cohort.
 */
export function* recordsWhereDays<R>(records: RecordList<R>, columns: readonly string[], test: (days: readonly (number | undefined)[]) => boolean): Generator<R> {
  const readers = columns.map((column) => daysIn(records, column));
  const days: (number | undefined)[] = new Array<number | undefined>(columns.length);
  for (let i = 0; i < records.length; i++) {
    for (let c = 0; c < readers.length; c++) days[c] = readers[c]!(i);
    if (test(days)) yield records.at(i)!;
  }
}

/** The records whose `column` day lies from `from` to `to` (both included), made only for those as they are reached. */
export function recordsDatedIn<R>(records: RecordList<R>, column: string, from: number, to: number): Generator<R> {
  return recordsWhereDays(records, [column], ([day]) => day !== undefined && day >= from && day <= to);
}

/** The records that pass `test`, as an array. */
export function recordsWhere<R>(records: RecordList<R>, test: (record: R) => boolean): R[] {
  const passing: R[] = [];
  for (let i = 0; i < records.length; i++) {
    const record = records.at(i)!;
    if (test(record)) passing.push(record);
  }
  return passing;
}
