import { describe, expect, it } from 'vitest';
import type { ColumnSpec } from '../../src/core/extracts/columns.js';
import { EXTRACT_KINDS, EXTRACTS } from '../../src/core/extracts/definitions.js';
import { daysIn, labelsIn, recordsWhereDays, type RecordList } from '../../src/core/extracts/recordList.js';
import { RecordStore } from '../../src/core/extracts/recordStore.js';
import { recordMaker } from '../../src/core/extracts/rowValidator.js';
import { TextPool } from '../../src/core/extracts/textPool.js';
import { Utf8Texts } from '../../src/core/extracts/utf8Texts.js';
import { Rng } from '../../src/scripts/syntheticAuthority.js';

// A record store keeps records as columns and makes each one as it is read.
// The plain reference is the array of the validator's own objects: these
// checks push random records of every kind and compare what comes back,
// key for key, in order.

type Row = Record<string, unknown>;

const LABELS = ['Team A', 'Team B', 'Worker 12', 'Équipe Nord', 'C00012', '北'];
const TEXTS = ['A0001', 'A0002', 'id with spaces', 'é-ü', '😀 astral', 'ascii then é', 'x'.repeat(70)];

function valueFor(rng: Rng, column: ColumnSpec<unknown>): unknown {
  const blank = !column.required && rng.chance(0.2);
  if (blank) return undefined;
  switch (column.type) {
    case 'date':
      return rng.int(0, 40_000);
    case 'datetime':
      return { day: rng.int(0, 40_000), minute: rng.chance(0.3) ? null : rng.int(0, 1439) };
    case 'flag':
      return rng.chance(0.5);
    case 'code':
      return rng.pick(column.codes!);
    case 'text':
      return rng.pick(column.repeats === true ? LABELS : TEXTS) + (column.repeats === true ? '' : String(rng.int(0, 999)));
  }
}

/** Random records of a kind, as the validator makes them (then `refused` on some). */
function randomRecords(rng: Rng, columns: Readonly<Record<string, ColumnSpec<unknown>>>, count: number): Row[] {
  const names = Object.keys(columns);
  const make = recordMaker(names);
  return Array.from({ length: count }, (_, i) => {
    const record = make(i + 2, names.map((name) => valueFor(rng, columns[name]!)));
    if (rng.chance(0.05)) record.refused = { [rng.pick(names)]: 'bad value' };
    return record;
  });
}

function storeOf(columns: Readonly<Record<string, ColumnSpec<unknown>>>, records: readonly Row[]): RecordStore<Row> {
  const store = RecordStore.of<Row>(columns);
  for (const record of records) store.push(record);
  store.trim();
  return store;
}

/** Each record with its keys in order, so that a key out of place or added shows. */
const keyed = (records: Iterable<Row>) => [...records].map((record) => Object.entries(record));

describe('RecordStore', () => {
  it.each(EXTRACT_KINDS)('gives back every %s record it was given, key for key and in order', (kind) => {
    const rng = new Rng(kind.length * 7919);
    const columns = EXTRACTS[kind].columns;
    const records = randomRecords(rng, columns, 3_000);
    const store = storeOf(columns, records);
    expect(store.length).toBe(records.length);
    expect(keyed(store)).toStrictEqual(keyed(records));
    const i = rng.int(0, records.length - 1);
    expect(store.at(i)).toStrictEqual(records[i]);
    expect(store.lineAt(i)).toBe(records[i]!.line);
    expect(store.at(records.length)).toBeUndefined();
  });

  it('gives back the same records after its repeating texts are shared with another store of the same kind', () => {
    const columns = EXTRACTS.plans.columns;
    const records = randomRecords(new Rng(12), columns, 2_000);
    const others = randomRecords(new Rng(13), columns, 1_000);
    const store = RecordStore.from<Row>(structuredClone(storeOf(columns, records).data()));
    const other = storeOf(columns, others);
    const pool = new TextPool();
    other.shareTexts(pool);
    store.shareTexts(pool);
    expect(keyed(store)).toStrictEqual(keyed(records));
    expect(keyed(other)).toStrictEqual(keyed(others));
    // A shared store still takes records, numbering a new text and reusing a known one.
    const more = randomRecords(new Rng(14), columns, 200).map((record, i) => ({ ...record, child_id: i % 2 === 0 ? 'C99999' : records[i]!.child_id }));
    for (const record of more) store.push(record);
    expect(keyed(store)).toStrictEqual(keyed([...records, ...more]));
  });

  it('keeps dates as 16-bit offsets within 32,767 days of the first, widened to day numbers keeping every one when a date lies outside', () => {
    // missing: missing_from required, returned_at and rhi_completed_at date-times that may be blank.
    const columns = EXTRACTS.missing.columns;
    const near: Row[] = randomRecords(new Rng(12), columns, 2_000).map((record) => ({ ...record, missing_from: { day: 20_000 + ((record.line as number) % 60_000) - 30_000, minute: 5 } }));
    const narrow = storeOf(columns, near);
    const days = (store: RecordStore<Row>) => store.data().columns.map((column) => ('days' in column ? column.days.constructor.name : undefined));
    expect(days(narrow)).toContain('Uint16Array');
    expect(keyed(narrow)).toStrictEqual(keyed(near));
    // 0000-01-01 and 9999-12-31 (days -719528 and 2932896), after some records and before others.
    const far: Row[] = near.map((record, i) => (i === 700 ? { ...record, missing_from: { day: -719_528, minute: null } } : i === 1_400 ? { ...record, returned_at: { day: 2_932_896, minute: 0 } } : record));
    const wide = storeOf(columns, far);
    expect(days(wide).filter((name) => name === 'Int32Array')).toHaveLength(2);
    for (const store of [wide, RecordStore.from<Row>(structuredClone(wide.data()))]) {
      expect(keyed(store)).toStrictEqual(keyed(far));
      const returned = daysIn(store, 'returned_at');
      expect(far.map((_, i) => returned(i))).toStrictEqual(far.map((record) => (record.returned_at as { day: number } | undefined)?.day));
    }
  });

  it('gives back the same records after crossing a thread boundary (its arrays cloned as postMessage clones them)', () => {
    const columns = EXTRACTS.missing.columns;
    const records = randomRecords(new Rng(11), columns, 2_000);
    const store = storeOf(columns, records);
    expect(keyed(RecordStore.from<Row>(structuredClone(store.data())))).toStrictEqual(keyed(records));
  });

  it('crosses a thread boundary with more distinct child IDs than a call has room for arguments', () => {
    // 200,000 child IDs also outgrow 16-bit label numbers at the 65,536th: records either side read back.
    const columns = EXTRACTS.referrals.columns;
    const records = randomRecords(new Rng(13), columns, 200_000).map((record, i) => ({ ...record, child_id: `C${i}` }));
    const received = RecordStore.from<Row>(structuredClone(storeOf(columns, records).data()));
    expect(received.length).toBe(records.length);
    for (let i = 0; i < records.length; i += 997) expect(received.at(i)).toStrictEqual(records[i]);
    expect(received.at(199_999)).toStrictEqual(records[199_999]);
  });

  it('grows past the room made for it, and a store sized ahead gives the same records', () => {
    const columns = EXTRACTS.contacts.columns;
    const records = randomRecords(new Rng(5), columns, 5_000);
    const ahead = RecordStore.of<Row>(columns);
    ahead.reserve(1_000);
    for (const record of records) ahead.push(record);
    ahead.trim();
    expect(keyed(ahead)).toStrictEqual(keyed(storeOf(columns, records)));
  });

  it('merges the tables of one kind, each record marked with its table, a column one table lacks read as not recorded', () => {
    const rng = new Rng(3);
    const columns = EXTRACTS.audits.columns;
    const withTheme = { ...columns, theme_voice: EXTRACTS.assessments.columns.child_seen! };
    const first = randomRecords(rng, columns, 500);
    const second = randomRecords(rng, withTheme, 700);
    const merged = RecordStore.merged([
      { records: storeOf(columns, first), file: 'audits-2025.csv' },
      { records: storeOf(withTheme, second), file: 'audits-2026.csv' },
    ]);
    const expected = [
      ...first.map((record) => ({ ...record, theme_voice: undefined, file: 'audits-2025.csv' })),
      ...second.map((record) => ({ ...record, file: 'audits-2026.csv' })),
    ];
    expect([...merged]).toStrictEqual(expected);
    expect([...merged].map((record) => Object.keys(record).at(-1))).toStrictEqual(expected.map(() => 'file'));
  });

  /** Each column read by index, from the store and from the plain records, gives what the records hold (`valueOf`); returns the records. */
  function expectColumnsRead(
    kind: 'missing' | 'reviews',
    seed: number,
    readerOf: (records: RecordList<Row>, column: string) => (index: number) => unknown,
    names: readonly string[],
    valueOf: (value: unknown) => unknown,
  ): Row[] {
    const columns = EXTRACTS[kind].columns;
    const records = randomRecords(new Rng(seed), columns, 2_000);
    const store = storeOf(columns, records);
    for (const column of names) {
      const fromStore = readerOf(store, column);
      const fromArray = readerOf(records, column);
      const reference = records.map((record) => valueOf(record[column]));
      expect(records.map((_, i) => fromStore(i))).toStrictEqual(reference);
      expect(records.map((_, i) => fromArray(i))).toStrictEqual(reference);
    }
    return records;
  }

  it('reads each date column as days without making the records, as the records read', () => {
    expectColumnsRead('missing', 17, daysIn, ['missing_from', 'returned_at', 'rhi_completed_at'], (value) => (value as { day: number } | undefined)?.day);
  });

  it('reads each repeating-text and code column without making the records, as the records read', () => {
    const records = expectColumnsRead('reviews', 19, labelsIn, ['child_id', 'review_type', 'team', 'worker'], (value) => value);
    // Blank teams were read back as undefined too.
    expect(records.some((record) => record.team === undefined)).toBe(true);
  });

  it('picks the records whose days pass a test, as a filter over the records does', () => {
    const columns = EXTRACTS.assessments.columns;
    const records = randomRecords(new Rng(23), columns, 3_000);
    const store = storeOf(columns, records);
    const asAt = 20_000;
    const open = (start: number | undefined, done: number | undefined) => start! <= asAt && (done === undefined || done > asAt);
    const reference = records.filter((a) => open(a.start_date as number, a.completed_date as number | undefined));
    expect(reference.length).toBeGreaterThan(100);
    expect([...recordsWhereDays(store, ['start_date', 'completed_date'], ([start, done]) => open(start, done))]).toStrictEqual(reference);
    expect([...recordsWhereDays(records, ['start_date', 'completed_date'], ([start, done]) => open(start, done))]).toStrictEqual(reference);
  });
});

describe('Utf8Texts', () => {
  it('gives back each text, blank and absent both as undefined', () => {
    const rng = new Rng(29);
    const texts = Array.from({ length: 20_000 }, () => (rng.chance(0.1) ? undefined : rng.chance(0.05) ? '' : rng.pick(TEXTS) + rng.int(0, 99)));
    const kept = new Utf8Texts();
    for (const text of texts) kept.push(text);
    kept.trim();
    expect(texts.map((_, i) => kept.get(i))).toStrictEqual(texts.map((text) => (text === '' ? undefined : text)));
    const received = Utf8Texts.from(structuredClone(kept.data()));
    expect(texts.map((_, i) => received.get(i))).toStrictEqual(texts.map((text) => (text === '' ? undefined : text)));
  });
});
