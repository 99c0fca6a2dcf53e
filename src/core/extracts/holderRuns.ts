import { growable, roomForLabel, settled, sized, withRoom, type LabelNumbers, type Resize } from './growable.js';
import { runHolding } from './numberRuns.js';

/** Child, team and worker numbers: one of each per event, or per run. */
interface Holders {
  readonly child: Int32Array;
  readonly team: LabelNumbers;
  readonly worker: LabelNumbers;
}

/** The holders to cross a thread boundary: runs (each from its `starts` event on), or one per event. */
export type HolderRunsData = (Holders & { readonly starts: Int32Array; readonly length: number }) | (Holders & { readonly length: number });

/** Runs are kept while they take no more than one number of each per event would, or than this many events' (8 KB). */
const MIN_EVENTS = 1024;

/** Bytes a run takes (its start, child, team and worker) and an event's three numbers take. */
const RUN_BYTES = 12;
const EVENT_BYTES = 8;

/**
 * The child, team and worker numbers of an event log's events. An export
 * sorted by child holds each child's rows together, most of them with the
 * row before's team and worker: a run per change of any of the three (its
 * first event, and the three numbers) takes 1 to 4 bytes an event in the
 * bench's visits and supervision records where one of each takes 8. When
 * runs would take more (an export sorted by date), the
 * numbers are kept one per event. The indicators read the children run by
 * run (`eachChildRun`) or event by event (`childAt`), never laid out one per
 * event (40 MB for ten million visits); teams and workers only of the
 * events they name in their case rows.
 */
export class HolderRuns {
  private starts: Int32Array = growable(Int32Array);
  private child: Int32Array = growable(Int32Array);
  private team: LabelNumbers = growable(Uint16Array);
  private worker: LabelNumbers = growable(Uint16Array);
  /** One number of each per event, once runs would take more. */
  private perEventNumbers: { child: Int32Array; team: LabelNumbers; worker: LabelNumbers } | undefined;
  private runs = 0;
  private count = 0;
  /** The events expected in all (`reserve`): the room made when they come to be kept one per event. */
  private expected = 0;
  /** The run last looked in: events are mostly looked up in order. */
  private lastRun = 0;

  /** Rebuilds the holders from their arrays (as sent from a worker thread). */
  static from(data: HolderRunsData): HolderRuns {
    const holders = new HolderRuns();
    holders.count = data.length;
    if ('starts' in data) {
      holders.starts = data.starts;
      holders.child = data.child;
      holders.team = data.team;
      holders.worker = data.worker;
      holders.runs = data.starts.length;
    } else {
      holders.perEventNumbers = { child: data.child, team: data.team, worker: data.worker };
    }
    return holders;
  }

  get length(): number {
    return this.count;
  }

  /** Appends the next event's child, team and worker numbers. */
  push(child: number, team: number, worker: number): void {
    const i = this.count++;
    if (this.perEventNumbers === undefined) {
      const r = this.runs - 1;
      if (r >= 0 && this.child[r] === child && this.team[r] === team && this.worker[r] === worker) return;
      if (this.roomForRun(i, team, worker)) {
        this.starts[this.runs] = i;
        this.child[this.runs] = child;
        this.team[this.runs] = team;
        this.worker[this.runs++] = worker;
        return;
      }
      this.toPerEvent(i, Math.max(MIN_EVENTS, i * 2, this.expected));
    }
    const numbers = this.perEventNumbers!;
    if (i === numbers.child.length) this.resizePerEvent(withRoom, Math.max(MIN_EVENTS, i * 2));
    numbers.team = roomForLabel(numbers.team, team);
    numbers.worker = roomForLabel(numbers.worker, worker);
    numbers.child[i] = child;
    numbers.team[i] = team;
    numbers.worker[i] = worker;
  }

  /** Whether a new run, starting at event `events`, can be added: false when runs would take more than one number of each per event. */
  private roomForRun(events: number, team: number, worker: number): boolean {
    if (this.runs === this.starts.length) {
      if (this.runs * RUN_BYTES > Math.max(MIN_EVENTS, events) * EVENT_BYTES) return false;
      const room = Math.max(16, this.runs * 2);
      this.starts = withRoom(this.starts, room);
      this.child = withRoom(this.child, room);
      this.team = withRoom(this.team, room);
      this.worker = withRoom(this.worker, room);
    }
    this.team = roomForLabel(this.team, team);
    this.worker = roomForLabel(this.worker, worker);
    return true;
  }

  /** Makes room for this many events in all (a guess: more may come), when they are kept one per event; runs need none ahead. */
  reserve(events: number): void {
    this.expected = Math.max(this.expected, events);
    if (this.perEventNumbers !== undefined && events > this.perEventNumbers.child.length) this.resizePerEvent(sized, events);
  }

  /** The child number of event `index`. */
  childAt(index: number): number {
    return this.perEventNumbers !== undefined ? this.perEventNumbers.child[index]! : this.child[this.runOf(index)]!;
  }

  /** The team number of event `index`. */
  teamAt(index: number): number {
    return this.perEventNumbers !== undefined ? this.perEventNumbers.team[index]! : this.team[this.runOf(index)]!;
  }

  /** The worker number of event `index`. */
  workerAt(index: number): number {
    return this.perEventNumbers !== undefined ? this.perEventNumbers.worker[index]! : this.worker[this.runOf(index)]!;
  }

  /** The run holding event `index`. */
  private runOf(index: number): number {
    return (this.lastRun = runHolding(this.starts, this.runs, index, this.lastRun));
  }

  /**
   * Calls `visit` with each run of events of one child in turn (`from`
   * included, `to` not; a child's events may come in more than one run):
   * a loop over every event by child reads a number a run, not one an event.
   */
  eachChildRun(visit: (child: number, from: number, to: number) => void): void {
    const perEvent = this.perEventNumbers?.child;
    if (perEvent !== undefined) {
      for (let from = 0; from < this.count; ) {
        let to = from + 1;
        while (to < this.count && perEvent[to] === perEvent[from]) to++;
        visit(perEvent[from]!, from, to);
        from = to;
      }
      return;
    }
    for (let r = 0; r < this.runs; r++) visit(this.child[r]!, this.starts[r]!, r + 1 < this.runs ? this.starts[r + 1]! : this.count);
  }

  /** Switches to one number of each per event, with room for `room` events, writing out the first `events`. */
  private toPerEvent(events: number, room: number): void {
    const team = this.team instanceof Uint32Array ? new Uint32Array(room) : new Uint16Array(room);
    const worker = this.worker instanceof Uint32Array ? new Uint32Array(room) : new Uint16Array(room);
    const numbers = { child: new Int32Array(room), team, worker };
    this.layOut(numbers.child, this.child, events);
    this.layOut(numbers.team, this.team, events);
    this.layOut(numbers.worker, this.worker, events);
    this.perEventNumbers = numbers;
    this.starts = growable(Int32Array);
    this.child = growable(Int32Array);
    this.team = growable(Uint16Array);
    this.worker = growable(Uint16Array);
    this.runs = 0;
    this.lastRun = 0;
  }

  /** Writes each run's number in `byRun` over its events in `perEvent`, the first `events` of them. */
  private layOut(perEvent: Int32Array | LabelNumbers, byRun: Int32Array | LabelNumbers, events: number): void {
    for (let r = 0; r < this.runs; r++) perEvent.fill(byRun[r]!, this.starts[r]!, r + 1 < this.runs ? this.starts[r + 1]! : events);
  }

  private resizePerEvent(how: Resize, room: number): void {
    const numbers = this.perEventNumbers!;
    numbers.child = how(numbers.child, room);
    numbers.team = how(numbers.team, room);
    numbers.worker = how(numbers.worker, room);
  }

  /** The arrays, trimmed to length: plain arrays, which cross a thread boundary. */
  data(): HolderRunsData {
    this.trim();
    const numbers = this.perEventNumbers;
    if (numbers !== undefined) return { child: numbers.child, team: numbers.team, worker: numbers.worker, length: this.count };
    return { starts: this.starts, child: this.child, team: this.team, worker: this.worker, length: this.count };
  }

  /** The buffers of `data()`'s arrays, to transfer. */
  buffers(): ArrayBuffer[] {
    const data = this.data();
    const arrays = 'starts' in data ? [data.starts, data.child, data.team, data.worker] : [data.child, data.team, data.worker];
    return arrays.map((array) => array.buffer as ArrayBuffer);
  }

  /** Gives back the room grown for events or runs that never came. */
  trim(): void {
    const numbers = this.perEventNumbers;
    if (numbers !== undefined) {
      numbers.child = settled(numbers.child, this.count);
      numbers.team = settled(numbers.team, this.count);
      numbers.worker = settled(numbers.worker, this.count);
      return;
    }
    this.starts = settled(this.starts, this.runs);
    this.child = settled(this.child, this.runs);
    this.team = settled(this.team, this.runs);
    this.worker = settled(this.worker, this.runs);
  }
}
