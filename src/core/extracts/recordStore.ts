import type { LocalDateTime } from '../dates/londonTime.js';
import type { ColumnSpec } from './columns.js';
import { dayBaseFor, narrowOffset, widened, type DayOffsets } from './dayOffsets.js';
import { growable, roomForLabel, settled, sized, withRoom, type LabelNumbers, type Numbers, type Resize } from './growable.js';
import { Interned } from './interned.js';
import { NumberRuns, type NumberRunsData } from './numberRuns.js';
import { RecordTexts, type RecordTextsData } from './recordTexts.js';
import type { DayReader, LabelNumbering, LabelReader, RecordList } from './recordList.js';
import { recordMaker, type RecordMaker } from './rowValidator.js';
import type { TextPool } from './textPool.js';

/** How one column is kept: a number per record, or its text as bytes. */
type ColumnData =
  | { readonly type: 'label'; readonly numbers: LabelNumbers; readonly strings: readonly string[] }
  | { readonly type: 'text'; readonly texts: RecordTextsData }
  | { readonly type: 'day'; readonly days: DayOffsets; readonly base: number }
  | { readonly type: 'datetime'; readonly days: DayOffsets; readonly base: number; readonly minutes: Int16Array }
  | { readonly type: 'flag'; readonly flags: Int8Array };

/** A store's arrays, to cross a thread boundary (their buffers are transferred, not copied). */
export interface RecordStoreData {
  readonly names: readonly string[];
  readonly columns: readonly ColumnData[];
  readonly lines: NumberRunsData;
  readonly refused: readonly (readonly [number, Readonly<Record<string, string>>])[];
  /** The table of each record, when the store holds records of several (`file` is then set on each). */
  readonly tables?: { readonly names: readonly string[]; readonly table: Uint16Array };
  readonly length: number;
}

/** Day value of an absent date once a column's days are 32-bit; no real day number comes near it. */
const NO_DAY = -(2 ** 31);
/** Minute value of a date-time read without a time. */
const NO_TIME = -1;

/** One column's values, a number (or bytes) per record. */
interface ColumnStore {
  readonly keeping: ColumnKeeping;
  push(value: unknown): void;
  get(index: number): unknown;
  /** Makes room for this many records in all (`sized`: a size known ahead; `withRoom`: grown); `settle` trims to `length`. */
  resize(size: number, how: Resize): void;
  settle(length: number): void;
  data(): ColumnData;
  /** The typed arrays' buffers, to transfer. */
  buffers(): ArrayBuffer[];
}

function bufferOf(array: Numbers): ArrayBuffer {
  return array.buffer as ArrayBuffer;
}

/** A column of one number per record in one typed array: growing, settling and crossing threads are the same for each. */
abstract class NumberColumn<A extends Numbers> implements ColumnStore {
  abstract readonly keeping: ColumnKeeping;
  /** Values pushed: none in a new (empty) column, all of them in one rebuilt from its array, so that it can take more. */
  protected count: number;
  constructor(protected values: A) {
    this.count = values.length;
  }
  abstract push(value: unknown): void;
  abstract get(index: number): unknown;
  abstract data(): ColumnData;
  resize(size: number, how: Resize): void {
    this.values = how(this.values, size);
  }
  settle(length: number): void {
    this.values = settled(this.values, length);
  }
  buffers(): ArrayBuffer[] {
    return [bufferOf(this.values)];
  }
}

/** Repeating text (child IDs, teams, workers) and codes: a number into a table of each value once. */
class LabelColumn extends NumberColumn<LabelNumbers> {
  readonly keeping = 'label';
  constructor(
    numbers: LabelNumbers = growable(Uint16Array),
    private readonly texts: Interned = new Interned(),
  ) {
    super(numbers);
  }
  push(value: unknown): void {
    const n = this.texts.number(value as string | undefined);
    this.values = roomForLabel(this.values, n);
    this.values[this.count++] = n;
  }
  get(index: number): unknown {
    return this.texts.text(this.values[index]!);
  }
  override resize(size: number, how: Resize): void {
    super.resize(size, how);
    this.texts.expect(size);
  }
  shareTexts(pool: TextPool): void {
    this.texts.share(pool);
  }
  override settle(length: number): void {
    super.settle(length);
    this.texts.settle();
  }
  data(): ColumnData {
    return { type: 'label', numbers: this.values, strings: this.texts.strings };
  }
}

/** Text each record has its own of (ids, reasons). */
class TextColumn implements ColumnStore {
  readonly keeping = 'text';
  constructor(private readonly texts = new RecordTexts()) {}
  push(value: unknown): void {
    this.texts.push(value as string | undefined);
  }
  get(index: number): unknown {
    return this.texts.get(index);
  }
  resize(size: number, how: Resize): void {
    this.texts.resize(size, how);
  }
  settle(): void {
    this.texts.trim();
  }
  data(): ColumnData {
    return { type: 'text', texts: this.texts.data() };
  }
  buffers(): ArrayBuffer[] {
    return this.texts.buffers();
  }
}

/** A date's day, as a 16-bit offset (0: blank) until a day outside their span widens the column to day numbers (`DayOffsets`). */
class DayColumn extends NumberColumn<DayOffsets> {
  readonly keeping: ColumnKeeping = 'day';
  constructor(
    days: DayOffsets = growable(Uint16Array),
    /** Set by the first day, when the days are offsets. */
    protected base: number | undefined = undefined,
  ) {
    super(days);
  }
  push(value: unknown): void {
    // Worked out before `this.values` is read: it may widen the days.
    const stored = this.stored(value as number | undefined);
    this.values[this.count++] = stored;
  }
  /** What `day` is stored as, once the column is widened if it lies outside the offsets' span. */
  private stored(day: number | undefined): number {
    if (this.values instanceof Int32Array) return day ?? NO_DAY;
    if (day === undefined) return 0;
    this.base ??= dayBaseFor(day);
    const offset = narrowOffset(day, this.base);
    if (offset !== -1) return offset;
    this.values = widened(this.values, this.count, this.base, NO_DAY);
    this.base = 0;
    return day;
  }
  get(index: number): unknown {
    const stored = this.values[index]!;
    if (this.values instanceof Int32Array) return stored === NO_DAY ? undefined : stored;
    return stored === 0 ? undefined : this.base! + stored;
  }
  /** Reads a record's day (undefined when blank), specialised to how the days are kept. */
  dayReader(): DayReader {
    const days = this.values;
    if (days instanceof Int32Array) {
      return (index) => {
        const day = days[index]!;
        return day === NO_DAY ? undefined : day;
      };
    }
    const base = this.base ?? 0;
    return (index) => {
      const offset = days[index]!;
      return offset === 0 ? undefined : base + offset;
    };
  }
  data(): ColumnData {
    return { type: 'day', days: this.values, base: this.base ?? 0 };
  }
}

/** A date-time: its day as a day column holds it, and its minute (-1 when read without a time) beside it. */
class DateTimeColumn extends DayColumn {
  override readonly keeping = 'datetime';
  constructor(
    days: DayOffsets = growable(Uint16Array),
    base: number | undefined = undefined,
    private minutes: Int16Array = growable(Int16Array),
  ) {
    super(days, base);
  }
  override push(value: unknown): void {
    const time = value as LocalDateTime | undefined;
    this.minutes[this.count] = time?.minute ?? NO_TIME;
    super.push(time?.day);
  }
  override get(index: number): unknown {
    const day = super.get(index) as number | undefined;
    if (day === undefined) return undefined;
    const minute = this.minutes[index]!;
    return { day, minute: minute === NO_TIME ? null : minute };
  }
  override resize(size: number, how: Resize): void {
    super.resize(size, how);
    this.minutes = how(this.minutes, size);
  }
  override settle(length: number): void {
    super.settle(length);
    this.minutes = settled(this.minutes, length);
  }
  override data(): ColumnData {
    return { type: 'datetime', days: this.values, base: this.base ?? 0, minutes: this.minutes };
  }
  override buffers(): ArrayBuffer[] {
    return [...super.buffers(), bufferOf(this.minutes)];
  }
}

/** Y/N values: 1, 0, or -1 for not recorded. */
class FlagColumn extends NumberColumn<Int8Array> {
  readonly keeping = 'flag';
  constructor(flags: Int8Array = growable(Int8Array)) {
    super(flags);
  }
  push(value: unknown): void {
    this.values[this.count++] = value === undefined ? -1 : value ? 1 : 0;
  }
  get(index: number): unknown {
    const flag = this.values[index]!;
    return flag === -1 ? undefined : flag === 1;
  }
  data(): ColumnData {
    return { type: 'flag', flags: this.values };
  }
}

type ColumnKeeping = ColumnData['type'];

function keepingOf(spec: ColumnSpec<unknown>): ColumnKeeping {
  switch (spec.type) {
    case 'date':
      return 'day';
    case 'datetime':
    case 'flag':
      return spec.type;
    case 'code':
      return 'label';
    case 'text':
      return spec.repeats === true ? 'label' : 'text';
  }
}

function emptyColumn(keeping: ColumnKeeping): ColumnStore {
  switch (keeping) {
    case 'label':
      return new LabelColumn();
    case 'text':
      return new TextColumn();
    case 'day':
      return new DayColumn();
    case 'datetime':
      return new DateTimeColumn();
    case 'flag':
      return new FlagColumn();
  }
}

function columnFrom(data: ColumnData): ColumnStore {
  switch (data.type) {
    case 'label':
      return new LabelColumn(data.numbers, Interned.from(data.strings));
    case 'text':
      return new TextColumn(RecordTexts.from(data.texts));
    case 'day':
      return new DayColumn(data.days, data.base);
    case 'datetime':
      return new DateTimeColumn(data.days, data.base, data.minutes);
    case 'flag':
      return new FlagColumn(data.flags);
  }
}

type Placed = { line: number; refused?: Readonly<Record<string, string>>; file?: string };

/**
 * The records of a record kind, kept as columns: a number per value (days,
 * flags, numbers into a table of repeating text), lines as runs, and ids
 * numbered or as bytes (`RecordTexts`): 30 bytes an assessment at 4x, where
 * an object with its dates and id took 150 to 310.
 * Each record is made as it is read, the same object the validator made:
 * `line`, every column in order (absent values as undefined keys), then
 * `refused` and `file` when it has them. Made records are young garbage the
 * collector frees almost for nothing; kept records are old objects it traces
 * on every full collection.
 */
export class RecordStore<R> implements RecordList<R> {
  private readonly make: RecordMaker;
  private readonly values: unknown[];
  private lines = new NumberRuns();
  private readonly refused = new Map<number, Readonly<Record<string, string>>>();
  private tables: { names: Interned; table: Uint16Array } | undefined;
  private count = 0;
  private room = 0;
  /** Whether the arrays may have room past the count (or be growable): `trim` settles them. */
  private unsettled = true;

  private constructor(
    private readonly names: readonly string[],
    private readonly columns: readonly ColumnStore[],
  ) {
    this.make = recordMaker(names);
    this.values = new Array<unknown>(names.length);
  }

  /** An empty store for records of these columns. */
  static of<R>(columns: Readonly<Record<string, ColumnSpec<unknown>>>): RecordStore<R> {
    const names = Object.keys(columns);
    return new RecordStore<R>(names, names.map((name) => emptyColumn(keepingOf(columns[name]!))));
  }

  /** Rebuilds a store from its arrays (as sent from a worker thread). */
  static from<R>(data: RecordStoreData): RecordStore<R> {
    const store = new RecordStore<R>(data.names, data.columns.map(columnFrom));
    store.lines = NumberRuns.from(data.lines);
    for (const [index, refused] of data.refused) store.refused.set(index, refused);
    if (data.tables) store.tables = { names: Interned.from(data.tables.names), table: data.tables.table };
    store.count = data.length;
    store.room = data.length;
    store.unsettled = false;
    return store;
  }

  /**
   * The records of several tables of one kind, each marked with its table's
   * name. A column some tables lack (a flag mapped for one format only) reads
   * as not recorded in their records.
   */
  static merged<R>(parts: readonly { readonly records: RecordList<R>; readonly file: string }[]): RecordStore<R> {
    const keepings = new Map<string, ColumnKeeping>();
    for (const { records } of parts) {
      if (!(records instanceof RecordStore)) throw new Error('only stored records can be merged');
      records.names.forEach((name, c) => keepings.set(name, records.columns[c]!.keeping));
    }
    const names = [...keepings.keys()];
    const store = new RecordStore<R>(names, names.map((name) => emptyColumn(keepings.get(name)!)));
    const tables = new Interned();
    store.tables = { names: tables, table: growable(Uint16Array) };
    store.reserve(parts.reduce((sum, part) => sum + part.records.length, 0));
    for (const part of parts) {
      const table = tables.number(part.file);
      for (let i = 0; i < part.records.length; i++) store.push(part.records.at(i)!, table);
    }
    store.trim();
    return store;
  }

  get length(): number {
    return this.count;
  }

  /** Swaps the strings of the repeating-text columns (child IDs, teams, workers, codes) for the pool's equal ones. */
  shareTexts(pool: TextPool): void {
    for (const column of this.columns) if (column instanceof LabelColumn) column.shareTexts(pool);
  }

  /** Adds a validated record (the validator's object: `line` and every column), read from table number `table` of a merged store. */
  push(record: R, table = 0): void {
    if (this.count === this.room) this.resize(Math.max(1024, this.room * 2), withRoom);
    this.unsettled = true;
    const placed = record as Placed & Record<string, unknown>;
    for (let c = 0; c < this.columns.length; c++) this.columns[c]!.push(placed[this.names[c]!]);
    this.lines.push(placed.line);
    if (placed.refused !== undefined) this.refused.set(this.count, placed.refused);
    if (this.tables !== undefined) this.tables.table[this.count] = table;
    this.count++;
  }

  /** Record `index`, made afresh. */
  at(index: number): R | undefined {
    if (index < 0 || index >= this.count) return undefined;
    const values = this.values;
    for (let c = 0; c < this.columns.length; c++) values[c] = this.columns[c]!.get(index);
    const record = this.make(this.lines.at(index), values) as Placed;
    if (this.refused.size > 0) {
      const refused = this.refused.get(index);
      if (refused !== undefined) record.refused = refused;
    }
    if (this.tables !== undefined) record.file = this.tables.names.strings[this.tables.table[index]!];
    return record as R;
  }

  /** Reads a date or date-time column's day without making the record; undefined for other columns. */
  dayReader(column: string): DayReader | undefined {
    const stored = this.columns[this.names.indexOf(column)];
    return stored instanceof DayColumn ? stored.dayReader() : undefined;
  }

  /** Reads a repeating-text or code column without making the record; undefined for other columns. */
  labelReader(column: string): LabelReader | undefined {
    const stored = this.columns[this.names.indexOf(column)];
    return stored instanceof LabelColumn ? (index) => stored.get(index) as string | undefined : undefined;
  }

  /** A repeating-text or code column's numbers and texts (see LabelNumbering); undefined for other columns. */
  labelNumbering(column: string): LabelNumbering | undefined {
    const stored = this.columns[this.names.indexOf(column)];
    if (!(stored instanceof LabelColumn)) return undefined;
    const { numbers, strings } = stored.data() as Extract<ColumnData, { type: 'label' }>;
    return { numberOf: (index) => numbers[index]!, texts: strings };
  }

  /** Reads a text column (ids, reasons) without making the record; undefined for other columns. */
  textReader(column: string): ((index: number) => string | undefined) | undefined {
    const stored = this.columns[this.names.indexOf(column)];
    return stored instanceof TextColumn ? (index) => stored.get(index) as string | undefined : undefined;
  }

  /** The line record `index` was read from, without making the record. */
  lineAt(index: number): number {
    return this.lines.at(index);
  }

  *[Symbol.iterator](): Iterator<R> {
    for (let i = 0; i < this.count; i++) yield this.at(i)!;
  }

  /** Makes room for this many records in all (a guess: more may come). */
  reserve(size: number): void {
    if (size > this.room) this.resize(size, sized);
  }

  private resize(size: number, how: Resize): void {
    this.room = size;
    this.unsettled = true;
    for (const column of this.columns) column.resize(size, how);
    if (this.tables) this.tables.table = how(this.tables.table, size);
  }

  /** Gives back the room grown for records that never came. Call once the store is complete. */
  trim(): void {
    if (!this.unsettled) return;
    this.unsettled = false;
    this.room = this.count;
    this.lines.trim();
    for (const column of this.columns) column.settle(this.count);
    if (this.tables) this.tables.table = settled(this.tables.table, this.count);
  }

  /** The trimmed arrays, to cross a thread boundary. */
  data(): RecordStoreData {
    this.trim();
    return {
      names: this.names,
      columns: this.columns.map((column) => column.data()),
      lines: this.lines.data(),
      refused: [...this.refused],
      ...(this.tables ? { tables: { names: this.tables.names.strings, table: this.tables.table } } : {}),
      length: this.count,
    };
  }

  /** The buffers of `data()`'s arrays, to transfer. */
  buffers(): ArrayBuffer[] {
    this.trim();
    return [...this.lines.buffers(), ...this.columns.flatMap((column) => column.buffers()), ...(this.tables ? [bufferOf(this.tables.table)] : [])];
  }
}
