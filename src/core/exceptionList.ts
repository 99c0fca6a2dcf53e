import type { DayNumber } from './dates/localDate.js';

/** A record to act on: see `isException`. */
export interface ExceptionRow {
  readonly childId: string;
  readonly recordId: string;
  readonly team: string | undefined;
  readonly worker: string | undefined;
  readonly detail: string;
  /** The record's dates (column → day), for lists a manager filters; absent for a row with no record (an event, a worker). Kept as days, not text: a report holds hundreds of thousands of exceptions. */
  readonly dates?: Readonly<Record<string, DayNumber>>;
}

/** A row's texts numbered in `ExceptionList`'s columns: child, team, worker, detail. */
const TEXTS_A_ROW = 4;

/** The number of a team or worker left blank. */
const BLANK = -1;

/**
 * An indicator's exceptions in their order, kept as columns until written:
 * each distinct child ID, team, worker and detail once, numbered, and the
 * record ids end to end in one string. A report holds every exception of
 * every indicator to the end (at 10x the bench, 470,000), and as objects
 * each took about 100 bytes of heap where here it takes about 30.
 */
export class ExceptionList implements Iterable<ExceptionRow> {
  private constructor(
    private readonly texts: readonly string[],
    /** Per row, TEXTS_A_ROW numbers into `texts`. */
    private readonly numbers: Int32Array,
    private readonly recordIds: string,
    /** Where each row's record id ends in `recordIds`. */
    private readonly recordEnds: Uint32Array,
    /** Per row its dates, when any row has them. */
    private readonly dates: readonly (ExceptionRow['dates'] | undefined)[] | undefined,
  ) {}

  /** The rows, in their order. */
  static of(rows: readonly ExceptionRow[]): ExceptionList {
    const texts: string[] = [];
    const numberOf = new Map<string, number>();
    const number = (text: string | undefined): number => {
      if (text === undefined) return BLANK;
      let n = numberOf.get(text);
      if (n === undefined) numberOf.set(text, (n = texts.push(text) - 1));
      return n;
    };
    const numbers = new Int32Array(rows.length * TEXTS_A_ROW);
    const recordEnds = new Uint32Array(rows.length);
    let end = 0;
    rows.forEach((row, i) => {
      const at = i * TEXTS_A_ROW;
      numbers[at] = number(row.childId);
      numbers[at + 1] = number(row.team);
      numbers[at + 2] = number(row.worker);
      numbers[at + 3] = number(row.detail);
      recordEnds[i] = end += row.recordId.length;
    });
    const dated = rows.some((row) => row.dates !== undefined);
    return new ExceptionList(texts, numbers, rows.map((row) => row.recordId).join(''), recordEnds, dated ? rows.map((row) => row.dates) : undefined);
  }

  get length(): number {
    return this.recordEnds.length;
  }

  /** Row `i`, made anew. */
  at(i: number): ExceptionRow {
    const at = i * TEXTS_A_ROW;
    const childId = this.texts[this.numbers[at]!]!;
    const recordId = this.recordIds.slice(i === 0 ? 0 : this.recordEnds[i - 1], this.recordEnds[i]);
    const team = this.textOrBlank(this.numbers[at + 1]!);
    const worker = this.textOrBlank(this.numbers[at + 2]!);
    const detail = this.texts[this.numbers[at + 3]!]!;
    const dates = this.dates?.[i];
    return dates === undefined ? { childId, recordId, team, worker, detail } : { childId, recordId, team, worker, detail, dates };
  }

  map<T>(each: (row: ExceptionRow, i: number) => T): T[] {
    return Array.from({ length: this.length }, (_, i) => each(this.at(i), i));
  }

  *[Symbol.iterator](): Iterator<ExceptionRow> {
    for (let i = 0; i < this.length; i++) yield this.at(i);
  }

  private textOrBlank(n: number): string | undefined {
    return n === BLANK ? undefined : this.texts[n];
  }
}
