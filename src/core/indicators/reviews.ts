import type { WorkingCalendar } from '../calendar/workingCalendar.js';
import { formatUk, type DayNumber } from '../dates/localDate.js';
import type { PlanRecord, ReviewRecord } from '../extracts/definitions.js';
import { caseOf, tallyRow } from './caseRow.js';
import { memoised } from '../memoised.js';
import { groupRunStarts } from './groupRuns.js';
import { openPlansByChild } from './openPlans.js';
import { childrenOfColumn, PlanSpans } from './planSpans.js';
import { describeSpan, lastDayWithin, type Span } from './spans.js';
import { DEFAULT_SETTINGS, type Settings } from '../settings.js';
import type { CaseRow, IndicatorDefinition, IndicatorInput } from './types.js';
import { count } from './words.js';
import { daysIn, labelNumbersIn, labelsIn, type RecordList } from '../extracts/recordList.js';

/** When the reviews of a plan fall due (catalogue.md `cla-review-timeliness`, `cp-review-timeliness`). */
interface ReviewSchedule {
  /** The plan type, which is also the review type it schedules. */
  readonly type: 'CLA' | 'CP';
  /** The first review, counted from the plan's start. */
  readonly first: Span;
  /** The second, counted from the first. */
  readonly second: Span;
  /** Each later one, counted from the one before. */
  readonly later: Span;
}

/** A type's schedule under the settings in force (`reviewIntervals`); a CP plan's second review is one of the later ones. */
function scheduleOf(type: ReviewSchedule['type'], settings: Settings): ReviewSchedule {
  if (type === 'CLA') return { type, ...settings.reviewIntervals.CLA };
  const { first, later } = settings.reviewIntervals.CP;
  return { type, first, second: later, later };
}

/** "20 working days, 3 months, then 6 months"; "3 months, then 6 months" when the second and later spans agree. */
function describeSchedule(schedule: ReviewSchedule): string {
  const [first, second, later] = [schedule.first, schedule.second, schedule.later].map(describeSpan);
  return second === later ? `${first}, then ${later}` : `${first}, ${second}, then ${later}`;
}

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

/** "first" … "tenth", then "11th", "21st", "22nd". */
function ordinal(n: number): string {
  const word = ORDINALS[n - 1];
  if (word !== undefined) return word;
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** One plan's review clock: the plan's start and the distinct days the plan was reviewed on, in order. */
interface PlanReviews {
  readonly start: DayNumber;
  readonly days: Int32Array;
}

/** The clock of (child, start), found along the child's chain of clocks from its newest; -1 when it has none. */
function clockIn(newest: ReadonlyMap<string, number>, next: ArrayLike<number>, starts: ArrayLike<number>, childId: string, start: number): number {
  let c = newest.get(childId) ?? -1;
  while (c !== -1 && starts[c] !== start) c = next[c]!;
  return c;
}

/**
 * The reviews of one type, each on the plan open on its day, or on none.
 * Numbers in typed arrays, not an object per review and a list per clock:
 * a book is kept for the whole report, and most clocks hold one review.
 */
export class ReviewBook {
  constructor(
    /** Each review of the type, in extract order: its number in the reviews extract (a period's reviews are made when judged). */
    readonly index: Int32Array,
    readonly day: Int32Array,
    /** Each review's clock (see `clockAt`); -1 when no plan of the type was open on its day. */
    readonly clock: Int32Array,
    /** Each child's clocks, as a chain from its newest: `nextOfChild` links a clock to the child's one before. */
    private readonly newestClock: ReadonlyMap<string, number>,
    private readonly nextOfChild: Int32Array,
    private readonly starts: Int32Array,
    /** Clock c's distinct days, in order: `days` from `from[c]` to `to[c]`. */
    private readonly days: Int32Array,
    private readonly from: Int32Array,
    private readonly to: Int32Array,
  ) {}

  clockAt(c: number): PlanReviews {
    return { start: this.starts[c]! as DayNumber, days: this.days.subarray(this.from[c]!, this.to[c]!) };
  }

  /** A plan's clock, by child and start. */
  clockOf(childId: string, start: DayNumber): PlanReviews | undefined {
    const c = clockIn(this.newestClock, this.nextOfChild, this.starts, childId, start);
    return c === -1 ? undefined : this.clockAt(c);
  }
}

/** Sorts each clock's days (from `from[c]`) and drops repeats in place, returning where each clock's distinct days end. */
function distinctInOrder(days: Int32Array, from: Int32Array): Int32Array {
  const to = new Int32Array(from.length - 1);
  for (let c = 0; c < to.length; c++) {
    const own = days.subarray(from[c]!, from[c + 1]!).sort();
    let kept = 0;
    for (const day of own) if (kept === 0 || own[kept - 1] !== day) own[kept++] = day;
    to[c] = from[c]! + kept;
  }
  return to;
}

/**
 * Places each review on the plan of its type open on its day (the latest
 * start), so a restarted episode starts a new clock, even the day after the
 * last one ended. Same-day reviews share a day, hence a number.
 */
export function buildBook(type: ReviewSchedule['type'], reviews: RecordList<ReviewRecord>, plans: RecordList<PlanRecord>): ReviewBook {
  // The plans of the type by the reviews' numbers for their children: no plan is made.
  const children = labelNumbersIn(reviews, 'child_id');
  const spans = PlanSpans.of(plans, type, childrenOfColumn(children));
  // A clock per (child, start).
  const newestClock = new Map<string, number>();
  const starts: number[] = [];
  const nextOfChild: number[] = [];
  const placed = { index: [] as number[], day: [] as number[], clock: [] as number[] };
  // Three columns read by index: no review is made to be placed.
  const typeOf = labelsIn(reviews, 'review_type');
  const dayOf = daysIn(reviews, 'review_date');
  for (let index = 0; index < reviews.length; index++) {
    if (typeOf(index) !== type) continue;
    const child = children.numberOf(index);
    const childId = children.texts[child]!;
    const day = dayOf(index) as DayNumber;
    const start = spans.latestOpenStart(child, day);
    let clock = -1;
    if (start !== undefined) {
      clock = clockIn(newestClock, nextOfChild, starts, childId, start);
      if (clock === -1) {
        nextOfChild.push(newestClock.get(childId) ?? -1);
        clock = starts.push(start) - 1;
        newestClock.set(childId, clock);
      }
    }
    placed.index.push(index);
    placed.day.push(day);
    placed.clock.push(clock);
  }
  // Each clock's days end to end, clock c's from from[c].
  const clocks = starts.length;
  const from = groupRunStarts(placed.clock, clocks);
  const days = new Int32Array(from[clocks]!);
  const filled = from.slice(0, clocks);
  for (let i = 0; i < placed.clock.length; i++) {
    const c = placed.clock[i]!;
    if (c !== -1) days[filled[c]!++] = placed.day[i]!;
  }
  // Numbered by distinct days: reviews on the same day share a number.
  const to = distinctInOrder(days, from);
  return new ReviewBook(Int32Array.from(placed.index), Int32Array.from(placed.day), Int32Array.from(placed.clock), newestClock, Int32Array.from(nextOfChild), Int32Array.from(starts), days, from, to);
}

/** A type's book from the reviews and plans records. */
type BookOf = (reviews: RecordList<ReviewRecord>, plans: RecordList<PlanRecord>) => ReviewBook;

/** The book of a type, built once per reviews and plans extract (a trend reuses it for every period). */
function bookIndex(type: ReviewSchedule['type']): BookOf {
  const byReviews = memoised((reviews: RecordList<ReviewRecord>) => memoised((plans: RecordList<PlanRecord>) => buildBook(type, reviews, plans)));
  return (reviews, plans) => byReviews(reviews)(plans);
}

// One book per type, shared by the indicators that read it (both CLA ones read the CLA book).
const BOOKS: Readonly<Record<ReviewSchedule['type'], BookOf>> = { CLA: bookIndex('CLA'), CP: bookIndex('CP') };

/** When the next review of a plan is due, and why. */
interface Due {
  /** Which review of the plan it is: 1 for the first. */
  readonly number: number;
  readonly by: DayNumber;
  /** "3 months after the first, 31/08/2026". */
  readonly rule: string;
}

/** The due date of the review that follows the plan's first `earlier` review days. */
function nextDue(schedule: ReviewSchedule, plan: PlanReviews, earlier: number, calendar: WorkingCalendar): Due {
  const number = earlier + 1;
  const [span, from, what] =
    earlier === 0 ? [schedule.first, plan.start, "the plan's start"] : [earlier === 1 ? schedule.second : schedule.later, plan.days[earlier - 1]! as DayNumber, `the ${ordinal(earlier)}`];
  return { number, by: lastDayWithin(from, span, calendar), rule: `${describeSpan(span)} after ${what}, ${formatUk(from)}` };
}

/** One row per review of the type dated in the period: met when on or before its due date; a review on no open plan is not met. */
function* reviewTimeliness(type: ReviewSchedule['type'], input: IndicatorInput): Generator<CaseRow> {
  const { data, period, calendar } = input;
  const reviews = data.reviews!;
  const schedule = scheduleOf(type, input.settings);
  // Period cohorts ignore the as-at date: every review dated in the period is judged.
  const book = BOOKS[type](reviews.records, data.plans!.records);
  for (let i = 0; i < book.index.length; i++) {
    const day = book.day[i]! as DayNumber;
    if (day < period.from || day > period.to) continue;
    const review = reviews.records.at(book.index[i]!)!;
    if (book.clock[i] === -1) {
      yield caseOf(reviews, review, false, `${type} review ${formatUk(day)} with no ${type} plan open on that day, so not met`);
      continue;
    }
    const plan = book.clockAt(book.clock[i]!);
    const due = nextDue(schedule, plan, plan.days.indexOf(day), calendar);
    const met = day <= due.by;
    const said = `${ordinal(due.number)} review ${formatUk(day)}, due by ${formatUk(due.by)} (${due.rule})`;
    yield caseOf(reviews, review, met, met ? said : `${said}, ${count(day - due.by, 'day')} late`);
  }
}

function reviewTimelinessIndicator(type: ReviewSchedule['type'], defaultTarget: number): IndicatorDefinition {
  const byDefault = scheduleOf(type, DEFAULT_SETTINGS);
  return {
    id: `${type.toLowerCase()}-review-timeliness`,
    title: (s) => `${type} reviews in timescale (${describeSchedule(scheduleOf(type, s))})`,
    definition: `${type} reviews with review_date in the period, each on the child's ${type} plan open on its day (the latest start); met when on or before its due date (reviewIntervals.${type}; by default the first ${describeSpan(byDefault.first)} after the plan's start, the second ${describeSpan(byDefault.second)} after the first, each later one ${describeSpan(byDefault.later)} after the one before; same-day reviews share a number); a review with no open ${type} plan is not met`,
    kind: 'rate',
    direction: 'higher',
    defaultTarget,
    timescale: (s) => describeSchedule(scheduleOf(type, s)),
    reads: { reviews: [], plans: ['end_date'] },
    // One row per review, grouped by the review row's own team and worker.
    subject: 'reviews',
    cases: (input) => reviewTimeliness(type, input),
  };
}

export const claReviewTimeliness = reviewTimelinessIndicator('CLA', 0.9);
export const cpReviewTimeliness = reviewTimelinessIndicator('CP', 0.95);

/** Children whose open CLA plan's next review fell due before the as-at date; reviews after it are not yet known. */
function* overdueReviews({ data, period, calendar, settings, countedOnly }: IndicatorInput): Generator<CaseRow> {
  const plans = data.plans!;
  const book = BOOKS.CLA(data.reviews!.records, plans.records);
  const { asAt } = period;
  const schedule = scheduleOf('CLA', settings);
  const open = openPlansByChild(plans.records, asAt, 'CLA');
  for (let c = 0; c < open.size; c++) {
    const start = open.newestStart(c);
    const clock = book.clockOf(open.childId(c), start) ?? { start, days: new Int32Array(0) };
    const due = nextDue(schedule, clock, clock.days.filter((day) => day <= asAt).length, calendar);
    // Overdue on day d means due < d (indicators.md).
    if (due.by >= asAt) continue;
    yield countedOnly ? tallyRow(true) : caseOf(plans, open.newest(c), true, `${ordinal(due.number)} review due by ${formatUk(due.by)} (${due.rule}), ${count(asAt - due.by, 'day')} overdue`);
  }
}

export const claReviewOverdue: IndicatorDefinition = {
  id: 'cla-review-overdue',
  title: () => 'Looked-after children with a review overdue',
  definition: `children with an open CLA plan on the as-at date (the plan with the latest start) whose next review was due before it, as cla-review-timeliness schedules it (reviewIntervals.CLA; by default ${describeSchedule(scheduleOf('CLA', DEFAULT_SETTINGS))}); reviews after the as-at date are ignored`,
  kind: 'count',
  // As the other counts: it only matters when an authority sets a target (none by default).
  direction: 'lower',
  defaultTarget: null,
  timescale: (s) => describeSchedule(scheduleOf('CLA', s)),
  reads: { reviews: [], plans: ['end_date'] },
  subject: 'plans',
  cases: overdueReviews,
};
