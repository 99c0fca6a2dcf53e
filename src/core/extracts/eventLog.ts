import type { DayNumber } from '../dates/localDate.js';
import { dayBaseFor, narrowOffset, widened, type DayOffsets } from './dayOffsets.js';
import { growable, settled, sized, withRoom, type Resize } from './growable.js';
import { HolderRuns, type HolderRunsData } from './holderRuns.js';
import { Interned } from './interned.js';
import { NumberRuns, type NumberRunsData } from './numberRuns.js';
import { RecordTexts, type RecordTextsData } from './recordTexts.js';
import { TextIndex } from './textIndex.js';
import type { TextPool } from './textPool.js';

/** An event log's arrays, one number per event but the children's (see `EventLog.childNumberAt`): what its readers index. */
export interface EventLogData {
  /** The log's own table, where its events were read unless `tables` says otherwise. */
  readonly file: string;
  readonly childIds: readonly string[];
  /** Each event's day is `dayBase + day[i]` (see `DayOffsets`). */
  readonly day: DayOffsets;
  readonly dayBase: number;
  readonly code: Uint8Array;
  /** The line each event was read from. */
  readonly lines: NumberRunsData;
  /** The labels the holders' team and worker numbers are numbers into (0: blank). */
  readonly labels: readonly string[];
  /** Each event's own record id (a million ids are one buffer, not a million strings); absent when no event has one. */
  readonly names?: RecordTextsData;
  /** The table each event was read from, as a number into `names` (0: the log's own), when it holds events of several. */
  readonly tables?: { readonly names: readonly string[]; readonly table: Uint16Array };
  readonly length: number;
}

/** The plain arrays an event log is made of, its holders as runs while they are: they cross a worker-thread boundary without copying. */
export type SentEventLog = EventLogData & { readonly holders: HolderRunsData };

/** What one event holds beyond (child, day, code): where it is and who holds it. */
export interface EventPlace {
  readonly line: number;
  readonly team: string | undefined;
  readonly worker: string | undefined;
  readonly name: string | undefined;
}

/**
 * One (child, day, code) triple per record, in typed arrays, with the line,
 * team, worker and record id that name it in exceptions: what the visits,
 * supervision and referral indicators read of a million-row extract, at
 * 4 to 11 bytes a record (lines are runs, and child, team and worker too
 * while they repeat) and 5 more for an id that ends in digits
 * (`RecordTexts`), instead of a record object each.
 */
export class EventLog {
  /** The child IDs, numbered in order of first sight: a hash index, not a Map (a million IDs would be tens of MB the collector traces). */
  private children = new TextIndex();
  private labels = new Interned();
  /** The events' own ids, made when the first event with one comes (supervision records have none). */
  private names: RecordTexts | undefined;
  /** The table of each event, made when an event of a second table comes; number 0 is the log's own (`file`). */
  private tables: { names: Interned; table: Uint16Array } | undefined;
  /** Each event's child, team and worker numbers (into `children` and `labels`), as runs while they take less. */
  private holders = new HolderRuns();
  // Sized ahead from the file's size, else growable (resizable buffers) while the log is read; `trim` settles them.
  private day: DayOffsets = growable(Uint16Array);
  /** Set by the first event. */
  private dayBase: number | undefined;
  private code: Uint8Array = growable(Uint8Array);
  private lines = new NumberRuns();
  /** The arrays are growable, with room past the count: `trim` settles them. */
  private unsettled = true;
  private count = 0;
  /** The child, team and worker of the last event added, and their numbers; null before any (a rebuilt log has none). */
  private lastChild: string | null = null;
  private lastTeam: string | undefined | null = null;
  private lastWorker: string | undefined | null = null;
  private lastNumbers = { child: 0, team: 0, worker: 0 };

  constructor(private readonly file = '') {}

  /** Rebuilds a log from its arrays (as sent from a worker thread). */
  static from(data: SentEventLog): EventLog {
    const log = new EventLog(data.file);
    log.children = new TextIndex(Array.from(data.childIds));
    log.labels = Interned.from(data.labels);
    if (data.names) log.names = RecordTexts.from(data.names);
    if (data.tables) log.tables = { names: Interned.from(data.tables.names), table: data.tables.table };
    log.holders = HolderRuns.from(data.holders);
    log.day = data.day;
    log.dayBase = data.dayBase;
    log.code = data.code;
    log.lines = NumberRuns.from(data.lines);
    log.count = data.length;
    log.unsettled = false;
    return log;
  }

  get length(): number {
    return this.count;
  }

  /** Appends an event read at `place` of this log's table (or of `file`); returns its index. */
  add(childId: string, day: DayNumber, code: number, place: EventPlace, file = this.file): number {
    if (this.count === this.code.length) this.grow();
    const i = this.count;
    // Worked out before `this.day` is read: it may widen the days.
    const offset = this.dayOffset(day);
    this.day[i] = offset;
    this.code[i] = code;
    this.lines.push(place.line);
    // A child's rows come together and share their team and worker: most rows repeat the row before, found without the indexes.
    const last = this.lastNumbers;
    if (childId !== this.lastChild) last.child = this.children.numberOf(childId);
    if (place.team !== this.lastTeam) last.team = this.labels.number(place.team);
    if (place.worker !== this.lastWorker) last.worker = this.labels.number(place.worker);
    this.holders.push(last.child, last.team, last.worker);
    this.lastChild = childId;
    this.lastTeam = place.team;
    this.lastWorker = place.worker;
    if (file !== this.file || this.tables !== undefined) this.tableNumbers()[i] = file === this.file ? 0 : this.tables!.names.number(file);
    if (place.name !== undefined || this.names !== undefined) this.idTexts().push(place.name);
    return this.count++;
  }

  /** The table numbers, made (every event so far of the log's own table) when the first event of another comes. */
  private tableNumbers(): Uint16Array {
    if (this.tables === undefined) {
      const names = new Interned();
      names.strings[0] = this.file;
      this.tables = { names, table: sized(growable(Uint16Array), this.code.length) };
      this.unsettled = true;
    }
    return this.tables.table;
  }

  /** The events' ids, made (every event so far without one) when the first event with an id comes. */
  private idTexts(): RecordTexts {
    if (this.names === undefined) {
      this.names = new RecordTexts();
      this.names.reserve(this.code.length);
      for (let i = 0; i < this.count; i++) this.names.push(undefined);
    }
    return this.names;
  }

  /** Appends every event of another log (an extract read from several tables), each keeping its table. */
  append(other: EventLog): void {
    for (let i = 0; i < other.length; i++) {
      this.add(other.childOf(i), other.dayAt(i), other.code[i]!, other.placeOf(i), other.fileOf(i));
    }
  }

  /** Whether event `index` is (childId, day, code). */
  matches(index: number, childId: string, day: DayNumber, code: number): boolean {
    return this.childOf(index) === childId && this.dayAt(index) === day && this.code[index] === code;
  }

  /** The day of event `index`. */
  dayAt(index: number): DayNumber {
    return (this.dayBase! + this.day[index]!) as DayNumber;
  }

  /** What `day` is stored as: its offset from the base, once the days are widened if it lies outside their span. */
  private dayOffset(day: DayNumber): number {
    this.dayBase ??= dayBaseFor(day);
    if (this.day instanceof Int32Array) return day;
    const offset = narrowOffset(day, this.dayBase);
    if (offset !== -1) return offset;
    // Events have no blank day: the blank value is never read.
    this.day = widened(this.day, this.count, this.dayBase, 0);
    this.dayBase = 0;
    return day;
  }

  /** The line event `index` was read from. */
  lineOf(index: number): number {
    return this.lines.at(index);
  }

  /** The table event `index` was read from. */
  fileOf(index: number): string {
    return this.tables === undefined ? this.file : this.tables.names.strings[this.tables.table[index]!]!;
  }

  /** Where event `index` was read and who holds it. */
  placeOf(index: number): EventPlace {
    const label = (n: number) => (n === 0 ? undefined : this.labels.strings[n]);
    return { line: this.lines.at(index), team: label(this.holders.teamAt(index)), worker: label(this.holders.workerAt(index)), name: this.names?.get(index) };
  }

  /** The child of event `index`. */
  childOf(index: number): string {
    return this.children.textAt(this.holders.childAt(index));
  }

  /** The number a child ID has in this log, if it has any event. */
  childNumber(childId: string): number | undefined {
    const n = this.children.find(childId);
    return n === -1 ? undefined : n;
  }

  /** Swaps the child IDs' and labels' strings for the pool's equal ones. */
  shareTexts(pool: TextPool): void {
    this.children.share(pool);
    this.labels.share(pool);
  }

  /** The arrays, trimmed to length, one number per event: plain arrays, which read fast. */
  data(): EventLogData {
    this.trim();
    const n = this.count;
    return {
      file: this.file,
      childIds: this.children.all,
      day: this.day.subarray(0, n),
      dayBase: this.dayBase ?? 0,
      code: this.code.subarray(0, n),
      lines: this.lines.data(),
      labels: this.labels.strings,
      ...(this.names ? { names: this.names.data() } : {}),
      ...(this.tables ? { tables: { names: this.tables.names.strings, table: this.tables.table.subarray(0, n) } } : {}),
      length: n,
    };
  }

  /** The number of event `index`'s child (into `childIds`): events looked up in order cost no search. */
  childNumberAt(index: number): number {
    return this.holders.childAt(index);
  }

  /** Calls `visit` with each run of events of one child in turn, by its number (`from` included, `to` not; see `HolderRuns.eachChildRun`). */
  eachChildRun(visit: (child: number, from: number, to: number) => void): void {
    this.holders.eachChildRun(visit);
  }

  /** The arrays, trimmed to length, the holders as they are kept: what crosses a thread boundary, rebuilt by `from`. */
  sent(): SentEventLog {
    return { ...this.data(), holders: this.holders.data() };
  }

  /** The buffers of `sent()`'s arrays, to transfer. */
  buffers(): ArrayBuffer[] {
    const data = this.sent();
    const arrays = [data.day, data.code, data.tables?.table];
    return [
      ...arrays.filter((array) => array !== undefined).map((array) => array.buffer as ArrayBuffer),
      ...this.holders.buffers(),
      ...this.lines.buffers(),
      ...(this.names?.buffers() ?? []),
    ];
  }

  /**
   * Settles the arrays to their length as plain arrays, giving back the
   * room grown for events that never came (up to half of every array, some
   * hundreds of MB for ten million visits) at once. Call once the log is
   * complete; it can still grow after.
   */
  trim(): void {
    this.names?.trim();
    this.lines.trim();
    this.holders.trim();
    if (!this.unsettled) return;
    this.unsettled = false;
    const n = this.count;
    this.eachEventArray(settled, n);
  }

  /** Makes room for this many events in all (a guess: more may come). */
  reserve(events: number): void {
    if (events <= this.code.length) return;
    this.unsettled = true;
    this.eachEventArray(sized, events);
    this.holders.reserve(events);
    this.names?.reserve(events);
  }

  private grow(): void {
    this.unsettled = true;
    this.eachEventArray(withRoom, Math.max(1024, this.code.length * 2));
  }

  /** Resizes (or settles) each array of one number per event. */
  private eachEventArray(change: Resize, size: number): void {
    this.day = change(this.day, size);
    this.code = change(this.code, size);
    if (this.tables) this.tables.table = change(this.tables.table, size);
  }
}
