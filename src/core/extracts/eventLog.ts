import type { DayNumber } from '../dates/localDate.js';

/** The plain arrays an event log is made of: they cross a worker-thread boundary without copying. */
export interface EventLogData {
  readonly childIds: readonly string[];
  readonly child: Int32Array;
  readonly day: Int32Array;
  readonly code: Uint8Array;
  /** The line each event was read from. */
  readonly line: Int32Array;
  readonly length: number;
}

/**
 * One (child, day, code) triple per record, in typed arrays: what the
 * visits and supervision indicators read of a million-row extract, at 13
 * bytes a record (with its line) instead of a record object each.
 */
export class EventLog {
  private readonly ids = new Map<string, number>();
  private readonly childIds: string[] = [];
  private child: Int32Array = new Int32Array(1024);
  private day: Int32Array = new Int32Array(1024);
  private code: Uint8Array = new Uint8Array(1024);
  private line: Int32Array = new Int32Array(1024);
  private count = 0;

  /** Rebuilds a log from its arrays (as sent from a worker thread). */
  static from(data: EventLogData): EventLog {
    const log = new EventLog();
    data.childIds.forEach((id, i) => {
      log.ids.set(id, i);
      log.childIds.push(id);
    });
    log.child = data.child;
    log.day = data.day;
    log.code = data.code;
    log.line = data.line;
    log.count = data.length;
    return log;
  }

  get length(): number {
    return this.count;
  }

  /** Appends an event read from `line`; returns its index. */
  add(childId: string, day: DayNumber, code: number, line: number): number {
    if (this.count === this.child.length) this.grow();
    let id = this.ids.get(childId);
    if (id === undefined) {
      id = this.childIds.length;
      this.ids.set(childId, id);
      this.childIds.push(childId);
    }
    this.child[this.count] = id;
    this.day[this.count] = day;
    this.code[this.count] = code;
    this.line[this.count] = line;
    return this.count++;
  }

  /** Appends every event of another log (an extract read from several tables). */
  append(other: EventLog): void {
    const data = other.data();
    for (let i = 0; i < data.length; i++) {
      this.add(data.childIds[data.child[i]!]!, data.day[i]! as DayNumber, data.code[i]!, data.line[i]!);
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

  /** The number a child ID has in this log, if it has any event. */
  childNumber(childId: string): number | undefined {
    return this.ids.get(childId);
  }

  /** The arrays, trimmed to length. */
  data(): EventLogData {
    return {
      childIds: this.childIds,
      child: this.child.subarray(0, this.count),
      day: this.day.subarray(0, this.count),
      code: this.code.subarray(0, this.count),
      line: this.line.subarray(0, this.count),
      length: this.count,
    };
  }

  private grow(): void {
    const size = this.child.length * 2;
    const child = new Int32Array(size);
    const day = new Int32Array(size);
    const code = new Uint8Array(size);
    const line = new Int32Array(size);
    child.set(this.child);
    day.set(this.day);
    code.set(this.code);
    line.set(this.line);
    this.child = child;
    this.day = day;
    this.code = code;
    this.line = line;
  }
}
