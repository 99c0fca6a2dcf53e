import type { DayNumber } from '../dates/localDate.js';
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
  private names: Uint8Array = new Uint8Array(1 << 16);
  private nameEnds: Uint32Array = new Uint32Array(1024);
  private namesLength = 0;
  private child: Int32Array = new Int32Array(1024);
  private day: Int32Array = new Int32Array(1024);
  private code: Uint8Array = new Uint8Array(1024);
  private line: Int32Array = new Int32Array(1024);
  private team: Uint32Array = new Uint32Array(1024);
  private worker: Uint32Array = new Uint32Array(1024);
  private table: Uint16Array = new Uint16Array(1024);
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

  /** The arrays, trimmed to length. */
  data(): EventLogData {
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
      this.names = grown(this.names, new Uint8Array(Math.max(this.names.length * 2, this.namesLength + name.length * 3)));
    }
    this.namesLength += UTF8_ENCODER.encodeInto(name, this.names.subarray(this.namesLength)).written;
  }

  /**
   * Gives back the room grown for events that never came: up to half of
   * every array, some hundreds of MB for ten million visits. Call once the
   * log is complete; it can still grow after.
   */
  trim(): void {
    const n = this.count;
    this.child = this.child.slice(0, n);
    this.day = this.day.slice(0, n);
    this.code = this.code.slice(0, n);
    this.line = this.line.slice(0, n);
    this.team = this.team.slice(0, n);
    this.worker = this.worker.slice(0, n);
    this.table = this.table.slice(0, n);
    this.nameEnds = this.nameEnds.slice(0, n);
    this.names = this.names.slice(0, this.namesLength);
  }

  private grow(): void {
    const size = Math.max(1024, this.child.length * 2);
    this.child = grown(this.child, new Int32Array(size));
    this.day = grown(this.day, new Int32Array(size));
    this.code = grown(this.code, new Uint8Array(size));
    this.line = grown(this.line, new Int32Array(size));
    this.team = grown(this.team, new Uint32Array(size));
    this.worker = grown(this.worker, new Uint32Array(size));
    this.table = grown(this.table, new Uint16Array(size));
    this.nameEnds = grown(this.nameEnds, new Uint32Array(size));
  }
}

function grown<A extends Int32Array | Uint8Array | Uint32Array | Uint16Array>(from: A, to: A): A {
  to.set(from);
  return to;
}
