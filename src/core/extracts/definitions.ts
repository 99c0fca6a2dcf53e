import { formatIso, type DayNumber } from '../dates/localDate.js';
import { compareLocal, type LocalDateTime } from '../dates/londonTime.js';
import { columns, type CellSink, type ColumnSpec, type Grade, type ParseOptions } from './columns.js';
import { rowValidator, type RowProblem, type RowValidator } from './rowValidator.js';

/** The extract kinds of extracts.md, each read from `<kind>.csv`. */
export const EXTRACT_KINDS = ['assessments', 'plans', 'visits', 'missing', 'supervision', 'referrals', 'audits', 'audit-actions', 'reviews', 'enquiries', 'placements', 'careleavers', 'health', 'contacts'] as const;
export type ExtractKind = (typeof EXTRACT_KINDS)[number];

export const PLAN_TYPES = ['CIN', 'CP', 'CLA', 'PF', 'CL'] as const;
/** CIN, CP, CLA, private fostering (PF) or care leaver (CL). */
export type PlanType = (typeof PLAN_TYPES)[number];

/** A visit's event code: 0 for a blank plan type (it counts for every plan), else the type's place + 1. */
export function visitCode(planType: PlanType | undefined): number {
  return planType === undefined ? 0 : PLAN_TYPES.indexOf(planType) + 1;
}

/** The event code of a visit whose plan type was refused: it matches no plan. */
export const UNKNOWN_PLAN = 255;

export const REVIEW_TYPES = ['CLA', 'CP', 'CIN', 'PATHWAY'] as const;
/** A looked-after child's, a child protection, a child in need or a care leaver's pathway plan review. */
export type ReviewType = (typeof REVIEW_TYPES)[number];

export const HEALTH_ASSESSMENT_TYPES = ['IHA', 'RHA'] as const;
/** An initial or a review health assessment of a looked-after child. */
export type HealthAssessmentType = (typeof HEALTH_ASSESSMENT_TYPES)[number];

export const SUPERVISION_KINDS = ['supervision', 'oversight'] as const;
export type SupervisionKind = (typeof SUPERVISION_KINDS)[number];

type Columns = Record<string, ColumnSpec<unknown>>;
type RecordOf<C extends Columns> = { [K in keyof C]: C[K] extends ColumnSpec<infer T> ? T : never } & RecordPlace;

/** Where a record was read, and which of its optional cells were refused. */
export interface RecordPlace {
  /** Physical line (or sheet row) where the record starts. */
  readonly line: number;
  /** The table it was read from, when an extract kind is read from more than one. */
  readonly file?: string;
  /** Optional columns whose value was refused (a cell issue): column → the text read. */
  readonly refused?: Readonly<Record<string, string>>;
}

/** The days a working calendar covers, as plain data (it crosses to worker threads). */
export interface CalendarRange {
  readonly name: string;
  readonly first: DayNumber;
  readonly last: DayNumber;
}

/** What the checks of one run need to know beyond the row itself. */
export interface ValidationLimits {
  /** The day the extract was taken: recorded events cannot be later. */
  readonly extractedOn: DayNumber;
  /** Working-day clocks can only be counted inside the calendar's years. */
  readonly calendar: CalendarRange;
  /** A longer value is refused (a cell issue; the row too in a required column). */
  readonly maxCellCharacters?: number;
}

/** Everything needed to read and validate one kind of extract. */
export interface ExtractDefinition<R = unknown> {
  readonly kind: ExtractKind;
  readonly fileName: string;
  readonly columns: Columns;
  /** The column that identifies a record, each value once (DUPLICATE_ID); else `file:line` identifies it. */
  readonly idColumn?: string;
  /**
   * For event kinds (millions of rows): a column that names a record in
   * exceptions, without the check that each value comes once.
   */
  readonly nameColumn?: string;
  /** The column whose blank means the record is still open (an assessment not completed, a plan not ended). */
  readonly openUntil?: string;
  /** For kinds that indicators read only as (child, day, code) events: how a record becomes one. */
  readonly event?: EventSpec<R>;
  /** The problems of a row whose values were read (dates in the wrong order, after the extract, outside the calendar), if any. */
  logicalIssues(row: Record<string, unknown>, limits: ValidationLimits): RowProblem[] | undefined;
  /**
   * Validates the rows of a table: each column's reader, then the logical
   * checks; refused values of optional columns go to `cells`. Its reference
   * is the zod schema of `referenceSchema.ts`.
   */
  validator(limits: ValidationLimits, options: ParseOptions, cells: CellSink): RowValidator<R>;
  /** The same extract with optional flag columns an authority declares (audit themes); their values are read like any flag. */
  withFlags(names: readonly string[]): ExtractDefinition<R>;
}

/** How a record reduces to an event: its day and a small code (plan type, supervision kind). */
export interface EventSpec<R> {
  day(record: R): DayNumber;
  code(record: R): number;
  /** The column `day` reads. */
  readonly dayColumn: string;
  /** The column the code stands for, and the code of each of its values (blank included): filters on it can read events. */
  readonly codeColumn?: string;
  codeOf?(value: string | undefined): number;
  /** Every code an event can have. */
  readonly codes: readonly number[];
}

/** [earlier, later]: the later column may not be before the earlier one. */
type Order = readonly [string, string];

interface ExtractSpec<C extends Columns> {
  kind: ExtractKind;
  columns: C;
  idColumn?: keyof C & string;
  nameColumn?: keyof C & string;
  openUntil?: keyof C & string;
  order: readonly Order[];
  /** Event dates that cannot lie after the day the extract was taken. */
  notAfterExtract: readonly (keyof C & string)[];
  /** Dates a working-day clock is counted from or to: they must lie inside the calendar. */
  clocks: readonly (keyof C & string)[];
  event?: EventSpec<RecordOf<C>>;
}

function defineExtract<C extends Columns>(spec: ExtractSpec<C>): ExtractDefinition<RecordOf<C>> {
  return {
    kind: spec.kind,
    fileName: `${spec.kind}.csv`,
    columns: spec.columns,
    ...(spec.idColumn ? { idColumn: spec.idColumn } : {}),
    ...(spec.nameColumn ? { nameColumn: spec.nameColumn } : {}),
    ...(spec.openUntil ? { openUntil: spec.openUntil } : {}),
    ...(spec.event ? { event: spec.event } : {}),
    logicalIssues: (row, limits) => logicalIssues(row, spec, limits),
    validator: (limits, options, cells) => rowValidator(spec.columns, options, cells, (row) => logicalIssues(row, spec, limits)),
    withFlags: (names) => {
      const flags = Object.fromEntries(names.filter((name) => !Object.hasOwn(spec.columns, name)).map((name) => [name, columns.flag()]));
      return defineExtract({ ...spec, columns: { ...spec.columns, ...flags } }) as unknown as ExtractDefinition<RecordOf<C>>;
    },
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

interface LogicalRules {
  readonly order: readonly Order[];
  readonly notAfterExtract: readonly string[];
  readonly clocks: readonly string[];
}

// extracts.md "Bad input": completed before start, returned before missing,
// end before start, and a date after the extract was taken are impossible.
// A clock date outside the calendar cannot be counted in working days: the
// row is refused here rather than the whole report stopping later.
function logicalIssues(row: Record<string, unknown>, rules: LogicalRules, limits: ValidationLimits): RowProblem[] | undefined {
  let found: RowProblem[] | undefined;
  for (const [earlier, later] of rules.order) {
    const a = row[earlier] as DateValue | undefined;
    const b = row[later] as DateValue | undefined;
    if (a !== undefined && b !== undefined && compareValues(b, a) < 0) {
      (found ??= []).push({ code: 'END_BEFORE_START', column: later, message: `is before ${earlier} (${formatIso(dayOf(a))})` });
    }
  }
  for (const name of rules.notAfterExtract) {
    const value = row[name] as DateValue | undefined;
    if (value !== undefined && dayOf(value) > limits.extractedOn) {
      (found ??= []).push({ code: 'FUTURE_DATE', column: name, message: `is after the extract date ${formatIso(limits.extractedOn)}` });
    }
  }
  const { calendar } = limits;
  for (const name of rules.clocks) {
    const value = row[name] as DateValue | undefined;
    if (value !== undefined && (dayOf(value) < calendar.first || dayOf(value) > calendar.last)) {
      (found ??= []).push({
        code: 'OUTSIDE_CALENDAR',
        column: name,
        message: `is outside the ${calendar.name} calendar (${formatIso(calendar.first)} to ${formatIso(calendar.last)}), so working days cannot be counted for child ${String(row.child_id)}; an authority holiday list that covers it is needed`,
      });
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
  openUntil: 'completed_date',
  order: [['start_date', 'completed_date'], ['referral_date', 'completed_date']],
  notAfterExtract: ['referral_date', 'start_date', 'completed_date'],
  clocks: ['referral_date', 'start_date', 'completed_date'],
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
  openUntil: 'end_date',
  order: [['start_date', 'end_date']],
  // A planned end date may lie ahead; a start may not.
  notAfterExtract: ['start_date'],
  // A CP or CIN visit falls due a number of working days after the plan's start.
  clocks: ['start_date'],
});

export const visits = defineExtract({
  kind: 'visits',
  columns: {
    child_id: columns.childId(),
    visit_id: columns.text(),
    visit_date: columns.requiredDate(),
    plan_type: columns.code(false, PLAN_TYPES) as ColumnSpec<PlanType | undefined>,
    seen_alone: columns.flag(),
    worker: columns.label(),
    team: columns.label(),
  },
  nameColumn: 'visit_id',
  order: [],
  notAfterExtract: ['visit_date'],
  clocks: ['visit_date'],
  // A refused plan type is not a blank one (which counts for every plan): the visit counts for none.
  event: {
    day: (v) => v.visit_date,
    dayColumn: 'visit_date',
    code: (v) => (v.refused?.plan_type !== undefined ? UNKNOWN_PLAN : visitCode(v.plan_type)),
    codeColumn: 'plan_type',
    codeOf: (value) => visitCode(value as PlanType | undefined),
    codes: [visitCode(undefined), ...PLAN_TYPES.map(visitCode), UNKNOWN_PLAN],
  },
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
  openUntil: 'returned_at',
  order: [['missing_from', 'returned_at'], ['returned_at', 'rhi_completed_at']],
  notAfterExtract: ['missing_from', 'returned_at', 'rhi_completed_at'],
  clocks: [],
});

export const supervision = defineExtract({
  kind: 'supervision',
  columns: {
    child_id: columns.childId(),
    record_id: columns.text(),
    recorded_date: columns.requiredDate(),
    kind: columns.code(true, SUPERVISION_KINDS),
    worker: columns.label(),
    supervisor: columns.label(),
    team: columns.label(),
  },
  nameColumn: 'record_id',
  order: [],
  notAfterExtract: ['recorded_date'],
  clocks: [],
  event: { day: (r) => r.recorded_date, dayColumn: 'recorded_date', code: (r) => SUPERVISION_KINDS.indexOf(r.kind), codeColumn: 'kind', codeOf: (value) => SUPERVISION_KINDS.indexOf(value as SupervisionKind), codes: [0, 1] },
});

export const referrals = defineExtract({
  kind: 'referrals',
  columns: {
    child_id: columns.childId(),
    referral_id: columns.text(),
    referral_date: columns.requiredDate(),
    outcome: columns.label(),
    team: columns.label(),
  },
  nameColumn: 'referral_id',
  order: [],
  notAfterExtract: ['referral_date'],
  clocks: [],
  event: { day: (r) => r.referral_date, dayColumn: 'referral_date', code: () => 0, codes: [0] },
});

export const audits = defineExtract({
  kind: 'audits',
  columns: {
    child_id: columns.childId(),
    audit_id: columns.text(),
    audit_date: columns.requiredDate(),
    grade: columns.grade(true) as ColumnSpec<Grade>,
    moderated_grade: columns.grade(false),
    audit_type: columns.label(),
    auditor: columns.label(),
    team: columns.label(),
    worker: columns.label(),
    record_kind: columns.label(),
    record_id: columns.text(),
  },
  idColumn: 'audit_id',
  order: [],
  notAfterExtract: ['audit_date'],
  clocks: [],
});

// An action has no child of its own: its child is its audit's (catalogue.md "Audits").
export const auditActions = defineExtract({
  kind: 'audit-actions',
  columns: {
    audit_id: columns.requiredText(),
    action_id: columns.text(),
    raised_date: columns.requiredDate(),
    completed_date: columns.date(),
    due_date: columns.date(),
    team: columns.label(),
  },
  idColumn: 'action_id',
  openUntil: 'completed_date',
  order: [['raised_date', 'completed_date'], ['raised_date', 'due_date']],
  // A due date may lie ahead; raising and completing may not.
  notAfterExtract: ['raised_date', 'completed_date'],
  // Completed within 20 working days of being raised.
  clocks: ['raised_date', 'completed_date'],
});

export const reviews = defineExtract({
  kind: 'reviews',
  columns: {
    child_id: columns.childId(),
    review_id: columns.text(),
    review_type: columns.code(true, REVIEW_TYPES),
    review_date: columns.requiredDate(),
    plan_id: columns.text(),
    team: columns.label(),
    worker: columns.label(),
  },
  idColumn: 'review_id',
  order: [],
  notAfterExtract: ['review_date'],
  // A first CLA review is due 20 working days after the plan's start.
  clocks: ['review_date'],
});

export const enquiries = defineExtract({
  kind: 'enquiries',
  columns: {
    child_id: columns.childId(),
    enquiry_id: columns.text(),
    s47_start: columns.requiredDate(),
    icpc_date: columns.date(),
    icpc_not_required: columns.flag(),
    icpc_result_cp_plan: columns.flag(),
    team: columns.label(),
    worker: columns.label(),
  },
  idColumn: 'enquiry_id',
  order: [['s47_start', 'icpc_date']],
  notAfterExtract: ['s47_start', 'icpc_date'],
  // The ICPC is due within 15 working days of the strategy discussion.
  clocks: ['s47_start', 'icpc_date'],
});

export const placements = defineExtract({
  kind: 'placements',
  columns: {
    child_id: columns.childId(),
    placement_id: columns.text(),
    placement_start: columns.requiredDate(),
    placement_end: columns.date(),
    placement_type: columns.label(),
    reason_changed: columns.label(),
    team: columns.label(),
  },
  idColumn: 'placement_id',
  openUntil: 'placement_end',
  order: [['placement_start', 'placement_end']],
  notAfterExtract: ['placement_start', 'placement_end'],
  clocks: [],
});

export const careleavers = defineExtract({
  kind: 'careleavers',
  columns: {
    child_id: columns.childId(),
    contact_id: columns.text(),
    date_of_birth: columns.requiredDate(),
    contact_date: columns.requiredDate(),
    in_touch: columns.flag(),
    activity: columns.label(),
    accommodation_suitable: columns.flag(),
    pathway_plan_date: columns.date(),
    team: columns.label(),
    worker: columns.label(),
  },
  idColumn: 'contact_id',
  order: [['date_of_birth', 'contact_date'], ['date_of_birth', 'pathway_plan_date']],
  notAfterExtract: ['date_of_birth', 'contact_date', 'pathway_plan_date'],
  clocks: [],
});

export const health = defineExtract({
  kind: 'health',
  columns: {
    child_id: columns.childId(),
    assessment_id: columns.text(),
    assessment_type: columns.code(true, HEALTH_ASSESSMENT_TYPES),
    completed_date: columns.requiredDate(),
    due_date: columns.date(),
    team: columns.label(),
  },
  idColumn: 'assessment_id',
  order: [],
  notAfterExtract: ['completed_date'],
  // An IHA is due within 20 working days of the CLA plan's start.
  clocks: ['completed_date'],
});

export const contacts = defineExtract({
  kind: 'contacts',
  columns: {
    child_id: columns.childId(),
    contact_id: columns.text(),
    contact_date: columns.requiredDateTime(),
    decision_date: columns.dateTime(),
    outcome: columns.label(),
    team: columns.label(),
    worker: columns.label(),
  },
  idColumn: 'contact_id',
  order: [['contact_date', 'decision_date']],
  notAfterExtract: ['contact_date', 'decision_date'],
  // The decision is due within 1 working day of the contact.
  clocks: ['contact_date', 'decision_date'],
});

/** The record an extract definition validates rows into. */
type RecordOfExtract<D> = D extends ExtractDefinition<infer R> ? R : never;

export type AssessmentRecord = RecordOfExtract<typeof assessments>;
export type PlanRecord = RecordOfExtract<typeof plans>;
export type VisitRecord = RecordOfExtract<typeof visits>;
export type MissingRecord = RecordOfExtract<typeof missing>;
export type SupervisionRecord = RecordOfExtract<typeof supervision>;
export type ReferralRecord = RecordOfExtract<typeof referrals>;
export type AuditRecord = RecordOfExtract<typeof audits>;
export type AuditActionRecord = RecordOfExtract<typeof auditActions>;
export type ReviewRecord = RecordOfExtract<typeof reviews>;
export type EnquiryRecord = RecordOfExtract<typeof enquiries>;
export type PlacementRecord = RecordOfExtract<typeof placements>;
export type CareLeaverRecord = RecordOfExtract<typeof careleavers>;
export type HealthRecord = RecordOfExtract<typeof health>;
export type ContactRecord = RecordOfExtract<typeof contacts>;

/** The validated record type of each extract kind. */
export interface RecordsByKind {
  assessments: AssessmentRecord;
  plans: PlanRecord;
  visits: VisitRecord;
  missing: MissingRecord;
  supervision: SupervisionRecord;
  referrals: ReferralRecord;
  audits: AuditRecord;
  'audit-actions': AuditActionRecord;
  reviews: ReviewRecord;
  enquiries: EnquiryRecord;
  placements: PlacementRecord;
  careleavers: CareLeaverRecord;
  health: HealthRecord;
  contacts: ContactRecord;
}

/** The definitions of every extract kind, by kind. */
export const EXTRACTS: { readonly [K in ExtractKind]: ExtractDefinition<RecordsByKind[K]> } = {
  assessments,
  plans,
  visits,
  missing,
  supervision,
  referrals,
  audits,
  'audit-actions': auditActions,
  reviews,
  enquiries,
  placements,
  careleavers,
  health,
  contacts,
};
