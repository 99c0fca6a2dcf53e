import { z } from 'zod';
import { formatIso, type DayNumber } from '../dates/localDate.js';
import { compareLocal, type LocalDateTime } from '../dates/londonTime.js';
import { columns, type ColumnSpec } from './columns.js';
import type { IssueCode } from './issues.js';

/** The extract kinds of extracts.md, each read from `<kind>.csv`. */
export const EXTRACT_KINDS = ['assessments', 'plans', 'visits', 'missing', 'supervision', 'referrals'] as const;
export type ExtractKind = (typeof EXTRACT_KINDS)[number];

export const PLAN_TYPES = ['CIN', 'CP', 'CLA', 'PF', 'CL'] as const;
/** CIN, CP, CLA, private fostering (PF) or care leaver (CL). */
export type PlanType = (typeof PLAN_TYPES)[number];

/** A visit's event code: 0 for a blank plan type (it counts for every plan), else the type's place + 1. */
export function visitCode(planType: PlanType | undefined): number {
  return planType === undefined ? 0 : PLAN_TYPES.indexOf(planType) + 1;
}

export const SUPERVISION_KINDS = ['supervision', 'oversight'] as const;
export type SupervisionKind = (typeof SUPERVISION_KINDS)[number];

type Columns = Record<string, ColumnSpec<unknown>>;
type RecordOf<C extends Columns> = { [K in keyof C]: C[K] extends ColumnSpec<infer T> ? T : never } & {
  /** Physical line in the file where the record starts. */
  readonly line: number;
};

/** What the checks of one run need to know beyond the row itself. */
export interface ValidationLimits {
  /** The day the extract was taken: recorded events cannot be later. */
  readonly extractedOn: DayNumber;
}

/** Everything needed to read and validate one kind of extract. */
export interface ExtractDefinition<R = unknown> {
  readonly kind: ExtractKind;
  readonly fileName: string;
  readonly columns: Columns;
  /** The column that identifies a record; else `file:line` identifies it. */
  readonly idColumn?: string;
  /** For kinds that indicators read only as (child, day, code) events: how a record becomes one. */
  readonly event?: EventSpec<R>;
  /** One zod schema for a row (raw text by canonical column, plus its line), with the logical checks. */
  schema(limits: ValidationLimits): z.ZodType<R>;
}

/** How a record reduces to an event: its day and a small code (plan type, supervision kind). */
export interface EventSpec<R> {
  day(record: R): DayNumber;
  code(record: R): number;
}

/** [earlier, later]: the later column may not be before the earlier one. */
type Order = readonly [string, string];

function defineExtract<C extends Columns>(spec: {
  kind: ExtractKind;
  columns: C;
  idColumn?: keyof C & string;
  order: readonly Order[];
  /** Event dates that cannot lie after the day the extract was taken. */
  notAfterExtract: readonly (keyof C & string)[];
  event?: EventSpec<RecordOf<C>>;
}): ExtractDefinition<RecordOf<C>> {
  const shape: Record<string, z.ZodType> = { line: z.number() };
  for (const [name, col] of Object.entries(spec.columns)) shape[name] = col.schema;
  const base = z.object(shape);
  return {
    kind: spec.kind,
    fileName: `${spec.kind}.csv`,
    columns: spec.columns,
    ...(spec.idColumn ? { idColumn: spec.idColumn } : {}),
    ...(spec.event ? { event: spec.event } : {}),
    schema: (limits) =>
      base.superRefine((row, ctx) => {
        for (const issue of logicalIssues(row as Record<string, unknown>, spec.order, spec.notAfterExtract, limits) ?? []) {
          ctx.addIssue({ code: 'custom', path: [issue.column], message: issue.message, params: { code: issue.code } });
        }
      }) as unknown as z.ZodType<RecordOf<C>>,
  };
}

/** A parsed date column holds a day number; a date-time column a LocalDateTime. */
type DateValue = DayNumber | LocalDateTime;

function dayOf(value: DateValue): DayNumber {
  return typeof value === 'number' ? value : value.day;
}

/** Orders two parsed values without allocating (this runs for every row). */
function compareValues(a: DateValue, b: DateValue): number {
  if (typeof a === 'number' || typeof b === 'number') return dayOf(a) - dayOf(b);
  return compareLocal(a, b);
}

interface LogicalIssue {
  code: IssueCode;
  column: string;
  message: string;
}

// extracts.md "Bad input": completed before start, returned before missing,
// end before start, and a date after the extract was taken are impossible.
function logicalIssues(
  row: Record<string, unknown>,
  order: readonly Order[],
  notAfterExtract: readonly string[],
  limits: ValidationLimits,
): LogicalIssue[] | undefined {
  let found: LogicalIssue[] | undefined;
  for (const [earlier, later] of order) {
    const a = row[earlier] as DateValue | undefined;
    const b = row[later] as DateValue | undefined;
    if (a !== undefined && b !== undefined && compareValues(b, a) < 0) {
      (found ??= []).push({ code: 'END_BEFORE_START', column: later, message: `is before ${earlier} (${formatIso(dayOf(a))})` });
    }
  }
  for (const name of notAfterExtract) {
    const value = row[name] as DateValue | undefined;
    if (value !== undefined && dayOf(value) > limits.extractedOn) {
      (found ??= []).push({ code: 'FUTURE_DATE', column: name, message: `is after the extract date ${formatIso(limits.extractedOn)}` });
    }
  }
  return found;
}

export const assessments = defineExtract({
  kind: 'assessments',
  columns: {
    child_id: columns.childId(),
    assessment_id: columns.text(),
    referral_date: columns.date(),
    start_date: columns.requiredDate(),
    completed_date: columns.date(),
    team: columns.label(),
    worker: columns.label(),
    child_seen: columns.flag(),
    child_seen_alone: columns.flag(),
    child_voice_recorded: columns.flag(),
  },
  idColumn: 'assessment_id',
  order: [['start_date', 'completed_date'], ['referral_date', 'completed_date']],
  notAfterExtract: ['referral_date', 'start_date', 'completed_date'],
});

export const plans = defineExtract({
  kind: 'plans',
  columns: {
    child_id: columns.childId(),
    plan_id: columns.text(),
    plan_type: columns.code(true, PLAN_TYPES),
    start_date: columns.requiredDate(),
    end_date: columns.date(),
    category: columns.label(),
    team: columns.label(),
    worker: columns.label(),
  },
  idColumn: 'plan_id',
  order: [['start_date', 'end_date']],
  // A planned end date may lie ahead; a start may not.
  notAfterExtract: ['start_date'],
});

export const visits = defineExtract({
  kind: 'visits',
  columns: {
    child_id: columns.childId(),
    visit_date: columns.requiredDate(),
    plan_type: columns.code(false, PLAN_TYPES) as ColumnSpec<PlanType | undefined>,
    seen_alone: columns.flag(),
    worker: columns.label(),
    team: columns.label(),
  },
  order: [],
  notAfterExtract: ['visit_date'],
  event: { day: (v) => v.visit_date, code: (v) => visitCode(v.plan_type) },
});

export const missing = defineExtract({
  kind: 'missing',
  columns: {
    child_id: columns.childId(),
    episode_id: columns.text(),
    missing_from: columns.requiredDateTime(),
    returned_at: columns.dateTime(),
    rhi_offered: columns.flag(),
    rhi_completed_at: columns.dateTime(),
    rhi_declined: columns.flag(),
    late_reason: columns.text(),
    looked_after: columns.flag(),
    team: columns.label(),
    worker: columns.label(),
  },
  idColumn: 'episode_id',
  order: [['missing_from', 'returned_at'], ['returned_at', 'rhi_completed_at']],
  notAfterExtract: ['missing_from', 'returned_at', 'rhi_completed_at'],
});

export const supervision = defineExtract({
  kind: 'supervision',
  columns: {
    child_id: columns.childId(),
    recorded_date: columns.requiredDate(),
    kind: columns.code(true, SUPERVISION_KINDS),
    worker: columns.label(),
    supervisor: columns.label(),
    team: columns.label(),
  },
  order: [],
  notAfterExtract: ['recorded_date'],
  event: { day: (r) => r.recorded_date, code: (r) => SUPERVISION_KINDS.indexOf(r.kind) },
});

export const referrals = defineExtract({
  kind: 'referrals',
  columns: {
    child_id: columns.childId(),
    referral_date: columns.requiredDate(),
    outcome: columns.label(),
    team: columns.label(),
  },
  order: [],
  notAfterExtract: ['referral_date'],
  event: { day: (r) => r.referral_date, code: () => 0 },
});

export type AssessmentRecord = z.output<ReturnType<typeof assessments.schema>>;
export type PlanRecord = z.output<ReturnType<typeof plans.schema>>;
export type VisitRecord = z.output<ReturnType<typeof visits.schema>>;
export type MissingRecord = z.output<ReturnType<typeof missing.schema>>;
export type SupervisionRecord = z.output<ReturnType<typeof supervision.schema>>;
export type ReferralRecord = z.output<ReturnType<typeof referrals.schema>>;

/** The validated record type of each extract kind. */
export interface RecordsByKind {
  assessments: AssessmentRecord;
  plans: PlanRecord;
  visits: VisitRecord;
  missing: MissingRecord;
  supervision: SupervisionRecord;
  referrals: ReferralRecord;
}

/** The definitions of every extract kind, by kind. */
export const EXTRACTS: { readonly [K in ExtractKind]: ExtractDefinition<RecordsByKind[K]> } = {
  assessments,
  plans,
  visits,
  missing,
  supervision,
  referrals,
};
