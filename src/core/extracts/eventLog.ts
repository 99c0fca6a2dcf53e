import type { DayNumber } from '../dates/localDate.js';
import { growable, settled, withRoom, type Numbers } from './growable.js';
import { ownText } from './ownText.js';

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
  /**
   * Each event's own record id, as UTF-8 bytes end to end (a million ids are
   * one buffer, not a million strings): event i's id ends at byte
   * `nameEnds[i]` and starts where the one before ends; empty when it has none.
   */
  readonly names: Uint8Array;
  readonly nameEnds: Uint32Array;
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

const UTF8_ENCODER = new TextEncoder();
const UTF8_DECODER = new TextDecoder();

/**
 * The UTF-8 bytes from `start` to `end` as text. Ids are short and nearly
 * always ASCII: made from their codes, they cost a fraction of a decoder
 * call, which matters when every visit of a trend's periods is named.
 */
function decodeName(bytes: Uint8Array, start: number, end: number): string {
  let ascii = true;
  for (let i = start; i < end && ascii; i++) ascii = bytes[i]! < 0x80;
  return ascii ? String.fromCharCode.apply(null, bytes.subarray(start, end) as unknown as number[]) : UTF8_DECODER.decode(bytes.subarray(start, end));
}

/** Strings numbered in order of first sight; 0 is blank. */
class Interned {
  private readonly numbers = new Map<string, number>([['', 0]]);
  readonly strings: string[] = [''];

  /** Rebuilt from its strings, number 0 kept as it was. */
  static from(strings: readonly string[]): Interned {
    const table = new Interned();
    for (const s of strings.slice(1)) table.number(s);
    table.strings[0] = strings[0] ?? '';
    return table;
  }

  number(text: string | undefined): number {
    if (text === undefined) return 0;
    let n = this.numbers.get(text);
    if (n === undefined) {
      n = this.strings.length;
      const own = ownText(text);
      this.numbers.set(own, n);
      this.strings.push(own);
    }
    return n;
  }
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
  private names: Uint8Array = growable(Uint8Array);
  private nameEnds: Uint32Array = growable(Uint32Array);
  private namesLength = 0;
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
    log.names = data.names;
    log.namesLength = data.names.length;
    log.nameEnds = data.nameEnds;
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
    if (place.name) this.addName(place.name);
    this.nameEnds[i] = this.namesLength;
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
    const name = decodeName(this.names, index === 0 ? 0 : this.nameEnds[index - 1]!, this.nameEnds[index]!);
    return { line: this.line[index]!, team: label(this.team[index]!), worker: label(this.worker[index]!), name: name || undefined };
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
      names: this.names.subarray(0, this.namesLength),
      nameEnds: this.nameEnds.subarray(0, n),
      table: this.table.subarray(0, n),
      tables: this.tables.strings,
      length: n,
    };
  }

  private addName(name: string): void {
    // A UTF-8 character takes at most 3 bytes per UTF-16 unit.
    if (this.namesLength + name.length * 3 > this.names.length) {
      this.unsettled = true;
      this.names = withRoom(this.names, Math.max(1 << 16, this.names.length * 2, this.namesLength + name.length * 3));
    }
    this.namesLength += UTF8_ENCODER.encodeInto(name, this.names.subarray(this.namesLength)).written;
  }

  /**
   * Settles the arrays to their length as plain arrays, giving back the
   * room grown for events that never came (up to half of every array, some
   * hundreds of MB for ten million visits) at once. Call once the log is
   * complete; it can still grow after.
   */
  trim(): void {
    if (!this.unsettled) return;
    this.unsettled = false;
    const n = this.count;
    this.eachEventArray((array) => settled(array, n));
    this.names = settled(this.names, this.namesLength);
  }

  /** Makes room for this many events in all (a guess: more may come). */
  reserve(events: number): void {
    if (events > this.child.length) this.grow(events);
  }

  private grow(size = Math.max(1024, this.child.length * 2)): void {
    this.unsettled = true;
    this.eachEventArray((array) => withRoom(array, size));
  }

  /** Replaces each array of one number per event by what `change` makes of it. */
  private eachEventArray(change: <A extends Numbers>(array: A) => A): void {
    this.child = change(this.child);
    this.day = change(this.day);
    this.code = change(this.code);
    this.line = change(this.line);
    this.team = change(this.team);
    this.worker = change(this.worker);
    this.table = change(this.table);
    this.nameEnds = change(this.nameEnds);
  }
}
