import type { DayNumber } from '../dates/localDate.js';
import { growable, settled, sized, withRoom, type Resize } from './growable.js';
import { Interned } from './interned.js';
import { ownText } from './ownText.js';
import { Utf8Texts, type Utf8TextsData } from './utf8Texts.js';

/** The plain arrays an event log is made of: they cross a worker-thread boundary without copying. */
export interface EventLogData {
  readonly childIds: readonly string[];
  readonly child: Int32Array;
  readonly day: Int32Array;
  readonly code: Uint8Array;
  /** The line each event was read from. */
  readonly line: Int32Array;
  /** Team and worker of each event, as numbers into `labels` (0: blank). */
  readonly team: Uint32Array;
  readonly worker: Uint32Array;
  readonly labels: readonly string[];
  /** Each event's own record id (a million ids are one buffer, not a million strings); blank when it has none. */
  readonly names: Utf8TextsData;
  /** The table each event was read from, as a number into `tables` (an extract may come from several). */
  readonly table: Uint16Array;
  readonly tables: readonly string[];
  readonly length: number;
}

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
 * about 23 bytes and one id string a record instead of a record object each.
 */
export class EventLog {
  private readonly ids = new Map<string, number>();
  private readonly childIds: string[] = [];
  private labels = new Interned();
  /** Table names; number 0 is the log's own table (`file`). */
  private tables = new Interned();
  // Growable (resizable buffers) while the log is read: growing copies nothing; `trim` settles them.
  private names = new Utf8Texts();
  private child: Int32Array = growable(Int32Array);
  private day: Int32Array = growable(Int32Array);
  private code: Uint8Array = growable(Uint8Array);
  private line: Int32Array = growable(Int32Array);
  private team: Uint32Array = growable(Uint32Array);
  private worker: Uint32Array = growable(Uint32Array);
  private table: Uint16Array = growable(Uint16Array);
  /** The arrays are growable, with room past the count: `trim` settles them. */
  private unsettled = true;
  private count = 0;
  /** The team and worker of the last event added; null before any (a rebuilt log has none). */
  private lastTeam: string | undefined | null = null;
  private lastWorker: string | undefined | null = null;

  constructor(private readonly file = '') {
    this.tables.strings[0] = file;
  }

  /** Rebuilds a log from its arrays (as sent from a worker thread). */
  static from(data: EventLogData): EventLog {
    const log = new EventLog();
    data.childIds.forEach((id, i) => {
      log.ids.set(id, i);
      log.childIds.push(id);
    });
    log.labels = Interned.from(data.labels);
    log.tables = Interned.from(data.tables);
    log.names = Utf8Texts.from(data.names);
    log.child = data.child;
    log.day = data.day;
    log.code = data.code;
    log.line = data.line;
    log.team = data.team;
    log.worker = data.worker;
    log.table = data.table;
    log.count = data.length;
    log.unsettled = false;
    return log;
  }

  get length(): number {
    return this.count;
  }

  /** Appends an event read at `place` of this log's table (or of `file`); returns its index. */
  add(childId: string, day: DayNumber, code: number, place: EventPlace, file = this.file): number {
    if (this.count === this.child.length) this.grow();
    // A child's rows come together: most rows are the row before's child, found without the map.
    const i = this.count;
    let id = i > 0 && childId === this.childIds[this.child[i - 1]!] ? this.child[i - 1]! : this.ids.get(childId);
    if (id === undefined) {
      id = this.childIds.length;
      const own = ownText(childId);
      this.ids.set(own, id);
      this.childIds.push(own);
    }
    this.child[i] = id;
    this.day[i] = day;
    this.code[i] = code;
    this.line[i] = place.line;
    // A child's rows come together and share their team and worker: most rows repeat the row before.
    this.team[i] = place.team === this.lastTeam ? this.team[i - 1]! : this.labels.number(place.team);
    this.worker[i] = place.worker === this.lastWorker ? this.worker[i - 1]! : this.labels.number(place.worker);
    this.lastTeam = place.team;
    this.lastWorker = place.worker;
    this.table[i] = file === this.file ? 0 : this.tables.number(file);
    this.names.push(place.name);
    return this.count++;
  }

  /** Appends every event of another log (an extract read from several tables), each keeping its table. */
  append(other: EventLog): void {
    for (let i = 0; i < other.length; i++) {
      this.add(other.childIds[other.child[i]!]!, other.day[i]! as DayNumber, other.code[i]!, other.placeOf(i), other.fileOf(i));
    }
  }

  /** Whether event `index` is (childId, day, code). */
  matches(index: number, childId: string, day: DayNumber, code: number): boolean {
    return this.childIds[this.child[index]!] === childId && this.day[index] === day && this.code[index] === code;
  }

  /** The line event `index` was read from. */
  lineOf(index: number): number {
    return this.line[index]!;
  }

  /** The table event `index` was read from. */
  fileOf(index: number): string {
    return this.tables.strings[this.table[index]!]!;
  }

  /** Where event `index` was read and who holds it. */
  placeOf(index: number): EventPlace {
    const label = (n: number) => (n === 0 ? undefined : this.labels.strings[n]);
    return { line: this.line[index]!, team: label(this.team[index]!), worker: label(this.worker[index]!), name: this.names.get(index) };
  }

  /** The child of event `index`. */
  childOf(index: number): string {
    return this.childIds[this.child[index]!]!;
  }

  /** The number a child ID has in this log, if it has any event. */
  childNumber(childId: string): number | undefined {
    return this.ids.get(childId);
  }

  /** The arrays, trimmed to length: plain arrays, which cross a thread boundary and read fast. */
  data(): EventLogData {
    this.trim();
    const n = this.count;
    return {
      childIds: this.childIds,
      child: this.child.subarray(0, n),
      day: this.day.subarray(0, n),
      code: this.code.subarray(0, n),
      line: this.line.subarray(0, n),
      team: this.team.subarray(0, n),
      worker: this.worker.subarray(0, n),
      labels: this.labels.strings,
      names: this.names.data(),
      table: this.table.subarray(0, n),
      tables: this.tables.strings,
      length: n,
    };
  }

  /**
   * Settles the arrays to their length as plain arrays, giving back the
   * room grown for events that never came (up to half of every array, some
   * hundreds of MB for ten million visits) at once. Call once the log is
   * complete; it can still grow after.
   */
  trim(): void {
    this.names.trim();
    if (!this.unsettled) return;
    this.unsettled = false;
    const n = this.count;
    this.eachEventArray(settled, n);
  }

  /** Makes room for this many events in all (a guess: more may come). */
  reserve(events: number): void {
    if (events <= this.child.length) return;
    this.unsettled = true;
    this.eachEventArray(sized, events);
    this.names.reserve(events);
  }

  private grow(): void {
    this.unsettled = true;
    this.eachEventArray(withRoom, Math.max(1024, this.child.length * 2));
  }

  /** Resizes (or settles) each array of one number per event. */
  private eachEventArray(change: Resize, size: number): void {
    this.child = change(this.child, size);
    this.day = change(this.day, size);
    this.code = change(this.code, size);
    this.line = change(this.line, size);
    this.team = change(this.team, size);
    this.worker = change(this.worker, size);
    this.table = change(this.table, size);
  }
}
