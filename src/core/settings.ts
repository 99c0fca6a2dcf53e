import { z } from 'zod';
import type { DayNumber } from './dates/localDate.js';
import { indicatorConfigSchema } from './indicators/shapeConfig.js';
import type { ShapeSpec } from './indicators/shapes.js';
import { SAVED_RUN_NAME, savedRunSchema, type SavedRun } from './savedRuns.js';
import { targetSchema } from './targetSchema.js';
import { EXTRACT_KINDS, type PlanType } from './extracts/definitions.js';
import type { ExtractMapping, ExtractMappings } from './extracts/mapping.js';

/** A target from a day on (a trajectory: interim targets, then the final one). */
export interface DatedTarget {
  readonly from: DayNumber;
  /** A fraction for rates, a whole number for counts; null for none. */
  readonly target: number | null;
}

/** A target: one for all time, or dated steps in order of `from`; null for none. */
export type Target = number | null | readonly DatedTarget[];

/** A timescale counted in working days or in calendar days. */
export type Interval = { readonly workingDays: number } | { readonly calendarDays: number };

/** A review timescale: working days, calendar days or months after the review before (or the plan's start). */
export type ReviewSpan = Interval | { readonly months: number };

/** When a plan's reviews fall due: the first after the plan's start, each later one after the review before. */
export interface ReviewIntervals {
  /** Looked-after children's reviews: the first, the second (after the first), and each later one. */
  readonly CLA: { readonly first: ReviewSpan; readonly second: ReviewSpan; readonly later: ReviewSpan };
  /** Child protection review conferences: the first (after the initial conference, the plan's start), and each later one. */
  readonly CP: { readonly first: ReviewSpan; readonly later: ReviewSpan };
}

/** Review intervals some of which are given: per plan type, per review. */
export type PartialReviewIntervals = { readonly [T in keyof ReviewIntervals]?: Partial<ReviewIntervals[T]> };

/** The review intervals with those given over them, review by review. */
export function withReviewIntervals(base: ReviewIntervals, given: PartialReviewIntervals | undefined): ReviewIntervals {
  return { CLA: { ...base.CLA, ...given?.CLA }, CP: { ...base.CP, ...given?.CP } };
}

/** A theme an audit records as a yes/no flag column (catalogue.md `audit-theme-<name>`). */
export interface AuditTheme {
  /** The name in the indicator id: `audit-theme-<name>`. */
  readonly name: string;
  /** The flag column of the audits extract. */
  readonly column: string;
  readonly title: string;
}

/** The timescales and targets of one run. Every field has a statutory or plan default. */
export interface Settings {
  /** Assessment timescale in working days (Working Together: 45). */
  readonly assessmentWorkingDays: number;
  /** Return home interview window in hours (missing children guidance: 72). */
  readonly rhiHours: number;
  /** Days missing after which an episode is on the weekly highlight list. */
  readonly missingDays: number;
  /** Statutory visit interval per plan type. */
  readonly visitIntervals: Readonly<Record<Exclude<PlanType, 'CL'>, Interval>>;
  /** Calendar days within which a case is supervised. */
  readonly supervisionDays: number;
  /** Calendar days within which a case has management oversight. */
  readonly oversightDays: number;
  /** A CP plan open longer than this many months is a long plan (WS 27: 18). */
  readonly cpPlanLongMonths: number;
  /** A CIN plan open longer than this many months is a long plan (WS 28: 24). */
  readonly cinPlanLongMonths: number;
  /** A repeat CP plan "within N months": the earlier plan ended this many months before the new start, or later (DfE: 24). */
  readonly repeatCpPlanMonths: number;
  /** A re-referral: an earlier referral this many months before, or less (DfE: 12). */
  readonly reReferralMonths: number;
  /** The most children a worker may hold and be within the caseload measure (WS 2: 18). */
  readonly caseloadMaxChildren: number;
  /** Calendar days after a PF plan's start within which the first visit is due (WS 19: 7). */
  readonly pfVisitDays: number;
  /** When CLA and CP reviews fall due (Care Planning Regulations 2010 reg 33: 20 working days, 3 months, then 6 months; Working Together: 3 months, then 6 months). */
  readonly reviewIntervals: ReviewIntervals;
  /** Working days from the strategy discussion (s47_start) within which the initial child protection conference is held (Working Together: 15). */
  readonly icpcWorkingDays: number;
  /** Working days after a CLA plan's start by which the initial health assessment is due (WS 64: 20). */
  readonly ihaWorkingDays: number;
  /** The months before the as-at date whose placement starts are counted (WS 35: 12). */
  readonly placementMovesMonths: number;
  /** The placements started in those months that make a child counted (WS 35: 3 or more). */
  readonly placementMovesCount: number;
  /** Working days after a contact within which the front door decides on it (Jersey: 1). */
  readonly contactDecisionWorkingDays: number;
  /** Working days after it was raised within which an audit action is completed, or due when it has no due_date (WS 49: 20). */
  readonly auditActionWorkingDays: number;
  /** Targets by indicator id: a fraction (0.9) for rates, a whole number for counts; null for none; or dated steps. */
  readonly targets: Readonly<Record<string, Target>>;
  /** Percentage points below target still shown amber. */
  readonly tolerance: number;
  /** A rate whose cohort (n) is smaller than this has no RAG ("n < 5") and no change arrow: too few to judge. */
  readonly minCohort: number;
  /** How to read each extract kind from an authority's own export. */
  readonly extracts: ExtractMappings;
  /** A file that loses more than this fraction of its rows marks every indicator that reads it. */
  readonly maxRejectedShare: number;
  /** Issues a report lists per file and code; the rest are counted (`validate` lists all). */
  readonly maxIssuesPerCode: number;
  /** Characters a value may have; a longer one is refused (no extract value is that long). */
  readonly maxCellCharacters: number;
  /** The authority's own indicators, declared in the config's shapes. */
  readonly indicators: readonly ShapeSpec[];
  /** Named report runs (`csc-metrics report NAME`). */
  readonly reports: Readonly<Record<string, SavedRun>>;
  /** The themes audits record as flags, each an indicator `audit-theme-<name>`. */
  readonly auditThemes: readonly AuditTheme[];
}

export const DEFAULT_SETTINGS: Settings = {
  assessmentWorkingDays: 45,
  rhiHours: 72,
  missingDays: 5,
  visitIntervals: {
    CP: { workingDays: 10 },
    CIN: { workingDays: 20 },
    CLA: { calendarDays: 42 },
    PF: { calendarDays: 42 },
  },
  supervisionDays: 42,
  oversightDays: 42,
  cpPlanLongMonths: 18,
  cinPlanLongMonths: 24,
  repeatCpPlanMonths: 24,
  reReferralMonths: 12,
  caseloadMaxChildren: 18,
  pfVisitDays: 7,
  reviewIntervals: {
    CLA: { first: { workingDays: 20 }, second: { months: 3 }, later: { months: 6 } },
    CP: { first: { months: 3 }, later: { months: 6 } },
  },
  icpcWorkingDays: 15,
  ihaWorkingDays: 20,
  placementMovesMonths: 12,
  placementMovesCount: 3,
  contactDecisionWorkingDays: 1,
  auditActionWorkingDays: 20,
  targets: {},
  tolerance: 5,
  minCohort: 5,
  extracts: {},
  maxRejectedShare: 0.01,
  maxIssuesPerCode: 1000,
  maxCellCharacters: 1_000_000,
  indicators: [],
  reports: {},
  auditThemes: [],
};

const positiveInt = z.number().int().positive();
// Timescales within sane bounds (a year at most), so a typo cannot push every due date past the calendar.
const workingDays = positiveInt.max(260);
const calendarDays = positiveInt.max(366);
const months = positiveInt.max(120);
const intervalSchema = z.union([
  z.object({ workingDays }).strict(),
  z.object({ calendarDays }).strict(),
]);

const reviewSpanSchema = z.union([intervalSchema, z.object({ months }).strict()]);
const reviewIntervalsSchema = z
  .object({
    CLA: z.object({ first: reviewSpanSchema, second: reviewSpanSchema, later: reviewSpanSchema }).strict().partial(),
    CP: z.object({ first: reviewSpanSchema, later: reviewSpanSchema }).strict().partial(),
  })
  .strict()
  .partial();

const headerList = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).transform((v) => (typeof v === 'string' ? [v] : v));

/** One extract kind's mapping (cli.md, "Config file"). */
const extractMappingSchema = z
  .object({
    file: z.string().min(1),
    sheet: z.string().min(1),
    headerRow: positiveInt,
    columns: z.record(z.string(), headerList),
    values: z.record(z.string(), z.record(z.string(), z.string().nullable())),
    dateOrder: z.enum(['dmy', 'mdy']),
  })
  .strict()
  .partial() satisfies z.ZodType<ExtractMapping, unknown>;

const auditThemeSchema = z
  .object({
    column: z.string().regex(/^[a-z][a-z0-9_]*$/, 'a theme column is a name like voice_evident: lower-case letters, digits and underscores'),
    title: z.string().trim().min(1),
    target: targetSchema,
  })
  .strict()
  .partial({ target: true });

/** `"audit": { "themes": { "voice-of-child": { "column": "voice_evident", "title": "Child's voice evident", "target": 90 } } }`. */
const auditSchema = z
  .object({
    themes: z.record(z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a theme name is lower-case words joined by hyphens, e.g. voice-of-child'), auditThemeSchema),
  })
  .strict()
  .partial();

const extractsSchema = z.object(Object.fromEntries(EXTRACT_KINDS.map((kind) => [kind, extractMappingSchema]))).strict().partial();

/**
 * The config file (`--config FILE`, JSON). Rate targets are written as
 * percentages (90 means 90 %), count targets as whole numbers; null removes a target.
 */
export const configSchema = z
  .object({
    /** The profile whose timescales and targets the rest of the file extends (`england` when absent). */
    profile: z.string().min(1),
    assessmentWorkingDays: workingDays,
    rhiHours: positiveInt.max(8784),
    missingDays: calendarDays,
    visitIntervals: z.object({ CP: intervalSchema, CIN: intervalSchema, CLA: intervalSchema, PF: intervalSchema }).strict().partial(),
    supervisionDays: calendarDays,
    oversightDays: calendarDays,
    cpPlanLongMonths: months,
    cinPlanLongMonths: months,
    repeatCpPlanMonths: months,
    reReferralMonths: months,
    caseloadMaxChildren: positiveInt.max(1000),
    pfVisitDays: calendarDays,
    /** `"reviewIntervals": { "CLA": { "first": { "workingDays": 20 }, "second": { "months": 3 }, "later": { "months": 6 } }, "CP": { "first": { "months": 3 }, "later": { "months": 6 } } }`, any part of it. */
    reviewIntervals: reviewIntervalsSchema,
    icpcWorkingDays: workingDays,
    ihaWorkingDays: workingDays,
    placementMovesMonths: months,
    // More moves than that in a window of months is not a threshold anyone sets.
    placementMovesCount: positiveInt.max(100),
    contactDecisionWorkingDays: workingDays,
    auditActionWorkingDays: workingDays,
    targets: z.record(z.string(), targetSchema),
    indicators: z.array(indicatorConfigSchema),
    reports: z.record(z.string().regex(SAVED_RUN_NAME, 'a run name is lower-case letters, digits and hyphens, e.g. weekly'), savedRunSchema),
    tolerance: z.number().min(0).max(100),
    /** The smallest cohort a rate is judged on: a whole number, at least 1 (1 judges every figure). */
    minCohort: positiveInt.max(1000),
    extracts: extractsSchema,
    audit: auditSchema,
    /** A percentage, like targets: 1 means 1 % of a file's rows. */
    maxRejectedShare: z.number().min(0).max(100),
    maxIssuesPerCode: positiveInt,
    maxCellCharacters: positiveInt.max(16_000_000),
  })
  .strict()
  .partial();

/** Where a setting in force came from: the built-in default, the profile chosen, or the config file. */
export type SettingSource = 'default' | 'profile' | 'config';

/** A config file's contents after validation. */
export type Config = z.infer<typeof configSchema>;
