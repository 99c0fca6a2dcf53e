import { formatUk, type DayNumber } from '../dates/localDate.js';
import type { LocalDateTime } from '../dates/londonTime.js';
import type { RecordsByKind } from '../extracts/definitions.js';
import { openBetween } from '../indicators/openPlans.js';
import type { Period } from '../period.js';

/**
 * The extract kinds a dip sample can be drawn from (referrals are not audited
 * case by case); a sample of audits is a moderation sample, for a QA lead to
 * moderate the grades.
 */
export const SAMPLE_KINDS = ['assessments', 'plans', 'visits', 'missing', 'supervision', 'audits'] as const;

/** An extract kind a dip sample can be drawn from. */
export type SampleKind = (typeof SAMPLE_KINDS)[number];

/** How the records of one kind enter a period's sample frame, and which of their dates an auditor sees. */
export interface KindRule<K extends SampleKind> {
  /** The text columns shown for each sampled record after team and worker (the plan type; an audit's grade and auditor), in column order. */
  readonly textColumns: readonly (keyof RecordsByKind[K] & string)[];
  /** The date columns shown for each sampled record, in column order. */
  readonly dateColumns: readonly (keyof RecordsByKind[K] & string)[];
  /** The date columns the frame is decided on, read as days from the records' columns before any record is made. */
  readonly frameColumns: readonly (keyof RecordsByKind[K] & string)[];
  /** Whether a record with these days of `frameColumns` (undefined when blank) belongs to the period's frame. */
  inFrame(days: readonly (number | undefined)[], period: Period): boolean;
  /** The frame in words, for the summary: "visits made in 2026-10". */
  describe(period: Period): string;
}

function within(day: number, period: Period): boolean {
  return day >= period.from && day <= period.to;
}

// Each event record has one key date, so the frames of consecutive months never
// overlap: an assessment is sampled in the month it was completed in, or, while
// still open, in the month it started in; a missing episode in the month of the
// return, or, while the child is still missing, in the month it began.
/** The frame rule of every sample kind. */
const KIND_RULES: { readonly [K in SampleKind]: KindRule<K> } = {
  assessments: {
    textColumns: [],
    dateColumns: ['referral_date', 'start_date', 'completed_date'],
    frameColumns: ['completed_date', 'start_date'],
    inFrame: ([completed, start], period) => within(completed ?? start!, period),
    describe: (period) => `assessments completed in ${period.label}, or not completed and started in it`,
  },
  plans: {
    textColumns: ['plan_type'],
    dateColumns: ['start_date', 'end_date'],
    frameColumns: ['start_date', 'end_date'],
    inFrame: ([start, end], period) => openBetween(start!, end, period.asAt),
    describe: (period) => `plans open on ${formatUk(period.asAt)}`,
  },
  visits: {
    textColumns: ['plan_type'],
    dateColumns: ['visit_date'],
    frameColumns: ['visit_date'],
    inFrame: ([visited], period) => within(visited!, period),
    describe: (period) => `visits made in ${period.label}`,
  },
  missing: {
    textColumns: [],
    dateColumns: ['missing_from', 'returned_at', 'rhi_completed_at'],
    frameColumns: ['returned_at', 'missing_from'],
    inFrame: ([returned, from], period) => within(returned ?? from!, period),
    describe: (period) => `missing episodes that ended in ${period.label}, or began in it and have not ended`,
  },
  supervision: {
    textColumns: [],
    dateColumns: ['recorded_date'],
    frameColumns: ['recorded_date'],
    inFrame: ([recorded], period) => within(recorded!, period),
    describe: (period) => `supervision and oversight records made in ${period.label}`,
  },
  audits: {
    textColumns: ['grade', 'auditor'],
    dateColumns: ['audit_date'],
    frameColumns: ['audit_date'],
    inFrame: ([audited], period) => within(audited!, period),
    describe: (period) => `audits dated in ${period.label}`,
  },
};

/** The kind of a moderation sample: audits, to be given a moderated grade, not records to be audited. */
export const MODERATION_KIND = 'audits' satisfies SampleKind;

/** Whether a sample of this kind is a moderation sample. */
export function isModeration(kind: SampleKind): boolean {
  return kind === MODERATION_KIND;
}

/** The rule of a kind, typed for a record of any sample kind. */
export function ruleFor(kind: SampleKind): KindRule<SampleKind> {
  return KIND_RULES[kind] as KindRule<SampleKind>;
}

/** A date column's value as a clock reading: date columns hold a day number, date-time columns a reading. */
export function asReading(value: unknown): LocalDateTime | undefined {
  if (value === undefined) return undefined;
  return typeof value === 'number' ? { day: value as DayNumber, minute: null } : (value as LocalDateTime);
}
