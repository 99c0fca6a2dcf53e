/**
 * A deterministic synthetic local authority: every extract of extracts.md
 * (assessments, plans, visits, missing, supervision, referrals) and of the
 * second wave in catalogue.md (audits, audit-actions, reviews, enquiries,
 * placements, careleavers, health, contacts) for made-up children `C00001`…,
 * teams `Team A`…, workers `Worker 01`… and auditors `Auditor 1`…. The same
 * seed gives byte-identical files. The second wave's rows come from their own
 * random stream, drawn after each child's first-wave rows, so adding them left
 * the first wave's files unchanged. The assessments-heavy benchmark's extra
 * assessments (options.extraAssessments) come from a third stream, so without
 * them the output is as before. Children are simulated one at a time and their
 * rows streamed to disk, so the benchmark scale never sits in memory.
 *
 * The quirks a reader must cope with are deliberate: unknown extra columns
 * (`assessment_type`, `legal_status`, `visit_id`, `location`,
 * `duration_minutes`, `source`), UK dates (all of supervision.csv, some rows
 * elsewhere), datetimes in visits and missing, flags in mixed spellings,
 * quoted late reasons with commas, quotes or a line break, and plans.csv
 * with CRLF line endings (the others LF).
 *
 * The demo also carries exactly three deliberately bad rows (see addBadRows).
 */
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { addDays, dayNumber, formatIso, formatUk, isoWeekday, type DayNumber } from '../core/dates/localDate.js';
import { addMonths } from '../core/dates/months.js';
import { quoteCsv } from '../render/csvCell.js';

/** How big an authority to make: a number of children, or enough children for exactly this many visits. */
export type AuthoritySize = { readonly children: number } | { readonly visits: number };

/** Everything that determines the generated files. */
export interface AuthorityOptions {
  /** PRNG seed (an unsigned 32-bit integer). */
  readonly seed: number;
  readonly size: AuthoritySize;
  /** Add the demo's three deliberately bad rows. */
  readonly badRows: boolean;
  /** Mean extra assessments per child, drawn from a stream of their own (the assessments-heavy benchmark); absent = none. */
  readonly extraAssessments?: number;
}

/** One file written and its data rows (the header not counted). */
export interface WrittenFile {
  readonly file: string;
  readonly rows: number;
}

/** Bumped whenever the generator's output changes, so cached benchmark data is regenerated. */
export const GENERATOR_VERSION = 3;

/** The demo in fixtures/demo: a few hundred children, reporting month October 2026. */
export const DEMO_OPTIONS: AuthorityOptions = { seed: 20261031, size: { children: 400 }, badRows: true };

/** Default benchmark scale: 1 million visits, about 2 million rows in all. */
export const BENCH_VISITS = 1_000_000;

/** Default benchmark seed. */
export const BENCH_SEED = 2026;

/** The benchmark's data profiles: the standard authority, or one with about 2 million assessments per million visits. */
export const BENCH_PROFILES = ['standard', 'assessments-heavy'] as const;

/** A benchmark data profile. */
export type BenchProfile = (typeof BENCH_PROFILES)[number];

/** Extra assessments per child in the assessments-heavy profile: about 12 in all, 2 million at 1 million visits. */
const HEAVY_EXTRA_ASSESSMENTS = 11;

/** The benchmark options for a number of visits, a seed and a profile. */
export function benchOptions(visits: number = BENCH_VISITS, seed: number = BENCH_SEED, profile: BenchProfile = 'standard'): AuthorityOptions {
  const options: AuthorityOptions = { seed, size: { visits }, badRows: false };
  return profile === 'standard' ? options : { ...options, extraAssessments: HEAVY_EXTRA_ASSESSMENTS };
}

/** Parses a command-line whole number (digits, `_` or `,` separators allowed); throws a message naming the flag. */
export function parseWholeNumber(flag: string, text: string, min: number, max: number): number {
  const value = /^\d[\d_,]*$/.test(text) ? Number(text.replace(/[_,]/g, '')) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new Error(`${flag} must be a whole number from ${min} to ${max}, got "${text}"`);
  }
  return value;
}

// ---------------------------------------------------------------------------
// Files

type Row = string[];

const FILES = {
  assessments: {
    name: 'assessments.csv',
    eol: '\n',
    header: ['child_id', 'assessment_id', 'referral_date', 'start_date', 'completed_date', 'team', 'worker',
      'child_seen', 'child_seen_alone', 'child_voice_recorded', 'assessment_type'],
  },
  plans: {
    name: 'plans.csv',
    eol: '\r\n',
    header: ['child_id', 'plan_id', 'plan_type', 'start_date', 'end_date', 'category', 'team', 'worker', 'legal_status'],
  },
  visits: {
    name: 'visits.csv',
    eol: '\n',
    header: ['visit_id', 'child_id', 'visit_date', 'plan_type', 'seen_alone', 'worker', 'team', 'location'],
  },
  missing: {
    name: 'missing.csv',
    eol: '\n',
    header: ['child_id', 'episode_id', 'missing_from', 'returned_at', 'rhi_offered', 'rhi_completed_at',
      'rhi_declined', 'late_reason', 'looked_after', 'team', 'worker'],
  },
  supervision: {
    name: 'supervision.csv',
    eol: '\n',
    header: ['child_id', 'recorded_date', 'kind', 'worker', 'supervisor', 'team', 'duration_minutes'],
  },
  referrals: {
    name: 'referrals.csv',
    eol: '\n',
    header: ['child_id', 'referral_id', 'referral_date', 'outcome', 'team', 'source'],
  },
  audits: {
    name: 'audits.csv',
    eol: '\n',
    header: ['audit_id', 'child_id', 'audit_date', 'audit_type', 'auditor', 'grade', 'moderated_grade', 'team', 'worker',
      'record_kind', 'record_id'],
  },
  auditActions: {
    name: 'audit-actions.csv',
    eol: '\n',
    header: ['action_id', 'audit_id', 'raised_date', 'due_date', 'completed_date', 'team'],
  },
  reviews: {
    name: 'reviews.csv',
    eol: '\n',
    header: ['child_id', 'review_id', 'review_type', 'review_date', 'plan_id', 'team', 'worker'],
  },
  enquiries: {
    name: 'enquiries.csv',
    eol: '\n',
    header: ['child_id', 'enquiry_id', 's47_start', 'icpc_date', 'icpc_not_required', 'icpc_result_cp_plan', 'team', 'worker'],
  },
  placements: {
    name: 'placements.csv',
    eol: '\n',
    header: ['child_id', 'placement_id', 'placement_start', 'placement_end', 'placement_type', 'reason_changed', 'team'],
  },
  careleavers: {
    name: 'careleavers.csv',
    eol: '\n',
    header: ['child_id', 'contact_id', 'date_of_birth', 'contact_date', 'in_touch', 'activity', 'accommodation_suitable',
      'pathway_plan_date', 'team', 'worker'],
  },
  health: {
    name: 'health.csv',
    eol: '\n',
    header: ['child_id', 'assessment_id', 'assessment_type', 'completed_date', 'due_date', 'team'],
  },
  contacts: {
    name: 'contacts.csv',
    eol: '\n',
    header: ['child_id', 'contact_id', 'contact_date', 'decision_date', 'outcome', 'team', 'worker'],
  },
} as const;

type Kind = keyof typeof FILES;
type Records = Record<Kind, Row[]>;

const KINDS = Object.keys(FILES) as Kind[];

function emptyRecords(): Records {
  return Object.fromEntries(KINDS.map((kind) => [kind, []])) as unknown as Records;
}

/** A CSV file written through a buffer; flush() waits for the disk when the stream is full. */
class CsvSink {
  rows = 0;
  private buffer: string;

  constructor(private readonly stream: WriteStream, private readonly eol: string, header: readonly string[]) {
    this.buffer = header.join(',') + eol;
  }

  write(fields: readonly string[]): void {
    this.buffer += fields.map(quoteCsv).join(',') + this.eol;
    this.rows++;
  }

  async flush(force = false): Promise<void> {
    if (this.buffer.length < 65536 && !force) return;
    const more = this.stream.write(this.buffer);
    this.buffer = '';
    if (!more) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    await this.flush(true);
    this.stream.end();
    await once(this.stream, 'finish');
  }
}

// ---------------------------------------------------------------------------
// Randomness, days and formats

/** mulberry32: tiny, fast and plenty for synthetic data; one stream per wave of extracts. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, weight] of choices) total += weight;
    let r = this.next() * total;
    for (const [value, weight] of choices) {
      r -= weight;
      if (r < 0) return value;
    }
    return choices[choices.length - 1]![0];
  }
}

const HISTORY_START = dayNumber(2025, 1, 1);
/** The day the extracts were taken: three weeks after the October 2026 reporting month. */
const EXTRACT_END = dayNumber(2026, 11, 20);
const LAST_REFERRAL = EXTRACT_END - 7;
const MINUTES_PER_DAY = 1440;

function iso(day: number): string {
  return formatIso(day as DayNumber);
}

function uk(day: number): string {
  return formatUk(day as DayNumber);
}

// Weekends only: the intervals are meant to be roughly statutory, not exact.
function addWorkingDays(day: number, n: number): number {
  let d = day as DayNumber;
  for (let left = n; left > 0;) {
    d = addDays(d, 1);
    if (isoWeekday(d) <= 5) left--;
  }
  return d;
}

function weekdayOnOrAfter(day: number): number {
  const weekday = isoWeekday(day as DayNumber);
  return weekday <= 5 ? day : day + 8 - weekday;
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function clock(minutes: number): string {
  const inDay = ((minutes % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  return `${pad(Math.floor(inDay / 60), 2)}:${pad(inDay % 60, 2)}`;
}

type StampStyle = 'isoDate' | 'isoSpace' | 'isoT' | 'isoSeconds' | 'ukDate' | 'ukTime';

/** A point in time (minutes since 1970-01-01, local clock) in one of the forms extracts.md allows. */
function stamp(minutes: number, style: StampStyle): string {
  const day = Math.floor(minutes / MINUTES_PER_DAY);
  switch (style) {
    case 'isoDate': return iso(day);
    case 'isoSpace': return `${iso(day)} ${clock(minutes)}`;
    case 'isoT': return `${iso(day)}T${clock(minutes)}`;
    case 'isoSeconds': return `${iso(day)} ${clock(minutes)}:00`;
    case 'ukDate': return uk(day);
    case 'ukTime': return `${uk(day)} ${clock(minutes)}`;
  }
}

// No generated time falls in 01:00–01:59, the hour that is skipped or repeated on clock-change nights.
function avoidClockChangeHour(minutes: number): number {
  return Math.floor(minutes / 60) % 24 === 1 ? minutes + 60 : minutes;
}

const FLAG_SPELLINGS = [['Y', 'N'], ['Yes', 'No'], ['true', 'false'], ['1', '0'], ['y', 'n'], ['YES', 'NO'], ['True', 'False']] as const;

/** A flag in the file's usual spelling, sometimes another one, sometimes blank (not recorded). */
function flag(rng: Rng, value: boolean, usual: number): string {
  if (rng.chance(0.03)) return '';
  const spelling = rng.chance(0.85) ? FLAG_SPELLINGS[usual]! : rng.pick(FLAG_SPELLINGS);
  return value ? spelling[0] : spelling[1];
}

// Each file's usual spelling, an index into FLAG_SPELLINGS.
const FLAGS_ASSESSMENTS = 0;
const FLAGS_VISITS = 2;
const FLAGS_MISSING = 1;

// ---------------------------------------------------------------------------
// The authority

type PlanType = 'CIN' | 'CP' | 'CLA' | 'PF';

interface Staff {
  readonly worker: string;
  readonly team: string;
  readonly supervisor: string;
}

interface Span {
  readonly id: string;
  readonly type: PlanType;
  readonly start: number;
  readonly end: number | null;
  /** Who held the case through the plan. */
  readonly staff: Staff;
}

/** A referral's day and who took it, for the contact that led to it. */
interface Referral {
  readonly day: number;
  readonly staff: Staff;
}

interface Child {
  readonly id: string;
  staff: Staff;
  readonly spans: Span[];
  readonly referrals: Referral[];
  /** Visits stop after this day: some children have not been visited lately. */
  readonly visitsStop: number;
  readonly supervisionStop: number;
  readonly out: Records;
}

interface World {
  readonly rng: Rng;
  /** The second wave's own stream: drawing from it leaves the first wave's rows as they were. */
  readonly later: Rng;
  /** The extra assessments' own stream, drawn from only when options.extraAssessments is set. */
  readonly extra: Rng;
  readonly extraAssessments: number;
  readonly staff: readonly Staff[];
  readonly auditors: number;
  readonly ids: {
    assessment: number; plan: number; visit: number; episode: number; referral: number;
    audit: number; action: number; enquiry: number; placement: number;
    review: number; leaverContact: number; health: number; contact: number;
  };
  badRowsPending: boolean;
}

/** Children per worker over the whole history (open caseloads end up around 10–20). */
const CHILDREN_PER_WORKER = 50;
/** Measured on the generator: visits per child, to size the staff for a visits target. */
const VISITS_PER_CHILD = 6;

/** `A`…`Z`, then `AA`, `AB`… as spreadsheet columns are named. */
function teamLetters(index: number): string {
  const letter = String.fromCharCode(65 + (index % 26));
  return index < 26 ? letter : teamLetters(Math.floor(index / 26) - 1) + letter;
}

function buildStaff(workers: number): Staff[] {
  const teams = Math.max(3, Math.ceil(workers / 5));
  const width = Math.max(2, String(workers).length);
  return Array.from({ length: workers }, (_, i) => ({
    worker: `Worker ${pad(i + 1, width)}`,
    team: `Team ${teamLetters(i % teams)}`,
    supervisor: `Supervisor ${pad((i % teams) + 1, Math.max(2, String(teams).length))}`,
  }));
}

function expectedChildren(size: AuthoritySize): number {
  return 'children' in size ? size.children : Math.ceil(size.visits / VISITS_PER_CHILD);
}

/** Another wave's seed: a scramble of the first's, so the streams do not overlap. */
function laterSeed(seed: number, salt = 0x9e3779b9): number {
  return Math.imul(seed ^ salt, 0x85ebca6b) >>> 0;
}

/** Writes the fourteen extracts of a synthetic authority into dir and returns the rows written per file. */
export async function generateAuthority(dir: string, options: AuthorityOptions): Promise<WrittenFile[]> {
  await mkdir(dir, { recursive: true });
  const sinks = KINDS.map((kind) => {
    const spec = FILES[kind];
    return new CsvSink(createWriteStream(join(dir, spec.name)), spec.eol, spec.header);
  });
  const staff = buildStaff(Math.max(4, Math.ceil(expectedChildren(options.size) / CHILDREN_PER_WORKER)));
  const world: World = {
    rng: new Rng(options.seed),
    later: new Rng(laterSeed(options.seed)),
    extra: new Rng(laterSeed(options.seed, 0x7f4a7c15)),
    extraAssessments: options.extraAssessments ?? 0,
    staff,
    auditors: Math.max(3, Math.ceil(staff.length / 10)),
    ids: { assessment: 0, plan: 0, visit: 0, episode: 0, referral: 0, audit: 0, action: 0, enquiry: 0, placement: 0, review: 0, leaverContact: 0, health: 0, contact: 0 },
    badRowsPending: options.badRows,
  };
  const write = async (records: Records): Promise<void> => {
    KINDS.forEach((kind, i) => {
      for (const row of records[kind]) sinks[i]!.write(row);
    });
    await Promise.all(sinks.map((sink) => sink.flush()));
  };
  const visitsSink = sinks[KINDS.indexOf('visits')]!;
  const size = options.size;
  let n = 1;
  for (; 'children' in size ? n <= size.children : visitsSink.rows < size.visits; n++) {
    const records = simulateChild(world, `C${pad(n, 5)}`);
    if ('visits' in size) records.visits.length = Math.min(records.visits.length, size.visits - visitsSink.rows);
    await write(records);
  }
  for (let k = Math.round((n - 1) * EARLIER_CARE_LEAVERS_PER_CHILD); k > 0; k--, n++) {
    await write(earlierCareLeaver(world, `C${pad(n, 5)}`));
  }
  await Promise.all(sinks.map((sink) => sink.close()));
  return KINDS.map((kind, i) => ({ file: FILES[kind].name, rows: sinks[i]!.rows }));
}

function simulateChild(world: World, id: string): Records {
  const { rng } = world;
  const child: Child = {
    id,
    staff: rng.pick(world.staff),
    spans: [],
    referrals: [],
    visitsStop: rng.chance(0.06) ? EXTRACT_END - rng.int(30, 120) : EXTRACT_END,
    supervisionStop: rng.chance(0.04) ? EXTRACT_END - rng.int(50, 150) : EXTRACT_END,
    out: emptyRecords(),
  };
  // Demand grows over the history (half the children arrive on a rising ramp), so the reporting months are busy.
  const u = rng.next();
  const first = HISTORY_START + Math.floor((rng.chance(0.5) ? u : Math.sqrt(u)) * (LAST_REFERRAL - HISTORY_START + 1));
  let next: number | null = first;
  for (let n = 0; n < 3 && next !== null && next <= LAST_REFERRAL; n++) next = referral(world, child, next);
  missingEpisodes(world, child, first);
  if (world.badRowsPending && child.out.visits.length > 0) {
    addBadRows(world, child);
    world.badRowsPending = false;
  }
  secondWave(world, child);
  if (world.extraAssessments > 0) extraAssessments(world, child);
  return child.out;
}

/** The assessments-heavy profile's extra assessments, on days through the history, drawn from world.extra alone. */
function extraAssessments(world: World, child: Child): void {
  const rng = world.extra;
  for (let n = rng.int(0, 2 * world.extraAssessments); n > 0; n--) assessmentRow(world, rng, child, rng.int(HISTORY_START, LAST_REFERRAL));
}

/**
 * The demo's three deliberately bad rows, all on one child, for the data-quality summary:
 * 1. assessments.csv: start_date `31/02/2026`, a date that does not exist;
 * 2. plans.csv: a CIN plan whose end_date 2026-05-29 is before its start_date 2026-06-15;
 * 3. visits.csv: the child's first visit row repeated exactly on the next line.
 */
function addBadRows(world: World, child: Child): void {
  const { team, worker } = child.staff;
  child.out.assessments.push([child.id, `A${pad(++world.ids.assessment, 4)}`, '25/02/2026', '31/02/2026',
    '30/03/2026', team, worker, 'Y', 'Y', 'Y', 'Single assessment']);
  child.out.plans.push([child.id, `P${pad(++world.ids.plan, 4)}`, 'CIN', '2026-06-15', '2026-05-29',
    'Family in acute stress', team, worker, '']);
  child.out.visits.splice(1, 0, [...child.out.visits[0]!]);
}

const REFERRAL_OUTCOMES = [['Assessment', 70], ['NFA', 18], ['Early help', 10], ['Private fostering', 2]] as const;
const REFERRAL_SOURCES = ['Police', 'School', 'Health', 'Family', 'Anonymous', 'Other local authority', 'Self'];

/** One referral and what followed it; returns the day of the next referral, or null when there is none. */
function referral(world: World, child: Child, day: number): number | null {
  const { rng } = world;
  const outcome = rng.weighted(REFERRAL_OUTCOMES);
  child.referrals.push({ day, staff: child.staff });
  child.out.referrals.push([child.id, `R${pad(++world.ids.referral, 5)}`, rng.chance(0.05) ? uk(day) : iso(day), outcome, child.staff.team, rng.pick(REFERRAL_SOURCES)]);
  let closed: number | null = day;
  if (outcome === 'Assessment') closed = assessment(world, child, day);
  else if (outcome === 'Private fostering') closed = planChain(world, child, 'PF', day + rng.int(1, 5));
  return closed !== null && rng.chance(0.22) ? closed + rng.int(20, 400) : null;
}

const PLAN_AFTER_ASSESSMENT = [[null, 35], ['CIN', 38], ['CP', 17], ['CLA', 10]] as const;

function assessmentLength(rng: Rng): number {
  const r = rng.next();
  if (r < 0.82) return rng.int(8, 45);
  return r < 0.95 ? rng.int(46, 65) : rng.int(66, 110);
}

/** An assessment after a referral; returns the day the case closed, or null while still open. */
function assessment(world: World, child: Child, referralDay: number): number | null {
  const { rng } = world;
  const completed = assessmentRow(world, rng, child, referralDay);
  if (completed === null) return null;
  const plan = rng.weighted(PLAN_AFTER_ASSESSMENT);
  return plan === null ? completed : planChain(world, child, plan, completed + rng.int(0, 10));
}

/** Writes one assessment row drawn from rng; returns its completion day, or null while still open. */
function assessmentRow(world: World, rng: Rng, child: Child, referralDay: number): number | null {
  const start = addWorkingDays(referralDay, rng.int(0, 3));
  const finished = addWorkingDays(start, assessmentLength(rng));
  // A few are never completed: they stay open and become overdue.
  const completed = rng.chance(0.015) || finished > EXTRACT_END ? null : finished;
  const date = rng.chance(0.08) ? uk : iso;
  const seen = rng.chance(0.95);
  child.out.assessments.push([
    child.id, `A${pad(++world.ids.assessment, 4)}`, rng.chance(0.1) ? '' : date(referralDay), date(start),
    completed === null ? '' : date(completed), child.staff.team, child.staff.worker,
    flag(rng, seen, FLAGS_ASSESSMENTS), flag(rng, seen && rng.chance(0.72), FLAGS_ASSESSMENTS),
    flag(rng, rng.chance(0.9), FLAGS_ASSESSMENTS), rng.chance(0.85) ? 'Child and family assessment' : 'Single assessment',
  ]);
  return completed;
}

function planLength(rng: Rng, type: PlanType): number {
  switch (type) {
    case 'CP': return rng.chance(0.7) ? rng.int(90, 365) : rng.chance(0.8) ? rng.int(366, 540) : rng.int(541, 800);
    case 'CIN': return rng.int(90, 600);
    case 'CLA': return rng.int(180, 1000);
    case 'PF': return rng.int(60, 365);
  }
}

function nextPlan(rng: Rng, type: PlanType): PlanType | null {
  if (type === 'CP') return rng.chance(0.55) ? 'CIN' : null;
  if (type === 'CIN') return rng.chance(0.08) ? 'CP' : null;
  return null;
}

/** A run of plans (a CP plan stepping down to CIN, …); returns the day the last ended, null while one is open. */
function planChain(world: World, child: Child, first: PlanType, firstStart: number): number | null {
  let type: PlanType | null = first;
  let start = firstStart;
  let end = firstStart;
  while (type !== null) {
    if (start > EXTRACT_END) return null;
    end = start + planLength(world.rng, type);
    const open = end > EXTRACT_END;
    plan(world, child, type, start, open ? null : end);
    if (open) return null;
    type = nextPlan(world.rng, type);
    start = end + 1;
  }
  return end;
}

const CP_CATEGORIES = [['Neglect', 50], ['Emotional abuse', 30], ['Physical abuse', 10], ['Sexual abuse', 5], ['Multiple', 5]] as const;
const CIN_CATEGORIES = ['Abuse or neglect', 'Family in acute stress', 'Family dysfunction', "Child's disability",
  'Parental illness or disability', 'Socially unacceptable behaviour', 'Absent parenting'];
const LEGAL_STATUSES = ['C1', 'C2', 'V2', 'E1'];

function category(rng: Rng, type: PlanType): string {
  if (type === 'CP') return rng.weighted(CP_CATEGORIES);
  return type === 'CIN' ? rng.pick(CIN_CATEGORIES) : '';
}

/** One plan with its visits and supervision; some plans change the allocated worker. */
function plan(world: World, child: Child, type: PlanType, start: number, end: number | null): void {
  const { rng } = world;
  if (child.spans.length > 0 && rng.chance(0.25)) child.staff = rng.pick(world.staff);
  const id = `P${pad(++world.ids.plan, 4)}`;
  child.spans.push({ id, type, start, end, staff: child.staff });
  child.out.plans.push([
    child.id, id, type, iso(start), end === null ? '' : iso(end), category(rng, type),
    child.staff.team, rng.chance(0.02) ? '' : child.staff.worker, type === 'CLA' ? rng.pick(LEGAL_STATUSES) : '',
  ]);
  planVisits(world, child, type, start, end ?? EXTRACT_END);
  planSupervision(world, child, start, end ?? EXTRACT_END);
}

function firstVisit(rng: Rng, type: PlanType, start: number): number {
  if (type === 'CP') return addWorkingDays(start, rng.int(1, 5));
  return type === 'CIN' ? addWorkingDays(start, rng.int(1, 10)) : start + rng.int(1, 7);
}

// Statutory intervals: CP 10 working days, CIN 20 working days, CLA and PF 6 weeks; about 1 gap in 8 runs late.
function nextVisit(rng: Rng, type: PlanType, day: number): number {
  const onTime = rng.chance(0.88);
  if (type === 'CP' || type === 'CIN') {
    const n = type === 'CP' ? 10 : 20;
    return addWorkingDays(day, onTime ? rng.int(0.2 * n, n) : rng.int(n + 1, 1.5 * n + 2));
  }
  return day + (onTime ? rng.int(10, 42) : rng.int(43, 63));
}

const SEEN_ALONE: Record<PlanType, number> = { CP: 0.75, CIN: 0.6, CLA: 0.6, PF: 0.5 };
const LOCATIONS: Record<PlanType, readonly string[]> = {
  CP: ['Home', 'Home', 'School', 'Office'],
  CIN: ['Home', 'Home', 'School', 'Virtual'],
  CLA: ['Placement', 'Placement', 'School', 'Contact centre'],
  PF: ['Home'],
};
const VISIT_STAMPS = [['isoDate', 60], ['isoSpace', 25], ['ukTime', 10], ['ukDate', 5]] as const;

function planVisits(world: World, child: Child, type: PlanType, start: number, last: number): void {
  const { rng } = world;
  const stop = Math.min(last, child.visitsStop);
  for (let day = firstVisit(rng, type, start); day <= stop; day = nextVisit(rng, type, day)) {
    const minutes = day * MINUTES_PER_DAY + rng.int(8 * 60, 19 * 60 + 59);
    child.out.visits.push([
      `V${pad(++world.ids.visit, 6)}`, child.id, stamp(minutes, rng.weighted(VISIT_STAMPS)), rng.chance(0.05) ? '' : type,
      flag(rng, rng.chance(SEEN_ALONE[type]), FLAGS_VISITS), rng.chance(0.9) ? child.staff.worker : rng.pick(world.staff).worker,
      child.staff.team, rng.pick(LOCATIONS[type]),
    ]);
  }
}

/** Supervision and management oversight through a plan, each roughly every 6 weeks with some gaps. */
function planSupervision(world: World, child: Child, start: number, last: number): void {
  const { rng } = world;
  const stop = Math.min(last, child.supervisionStop);
  for (const kind of ['supervision', 'oversight']) {
    for (let day = weekdayOnOrAfter(start + rng.int(3, 30)); day <= stop;
      day = weekdayOnOrAfter(day + (rng.chance(0.85) ? rng.int(35, 42) : rng.int(43, 90)))) {
      const { worker, supervisor, team } = child.staff;
      child.out.supervision.push([child.id, uk(day), kind, worker, supervisor, team, String(5 * rng.int(3, 18))]);
    }
  }
}

function missingRisk(child: Child): number {
  if (child.spans.some((s) => s.type === 'CLA')) return 0.5;
  if (child.spans.some((s) => s.type === 'CP')) return 0.25;
  return child.spans.length > 0 ? 0.12 : 0.04;
}

/** Missing episodes through the child's history; a few children are still missing when the extract is taken. */
function missingEpisodes(world: World, child: Child, from: number): void {
  const { rng } = world;
  if (!rng.chance(missingRisk(child))) return;
  let free = from;
  for (let n = 0, day = from + rng.int(0, 120); n < 12 && day < EXTRACT_END; n++) {
    const returned = missingEpisode(world, child, day, false);
    if (returned === null) return;
    free = Math.floor(returned / MINUTES_PER_DAY) + 1;
    day = free + rng.int(2, 150);
    if (!rng.chance(0.7)) break;
  }
  const stillMissingFrom = EXTRACT_END - rng.int(6, 60);
  if (rng.chance(0.1) && stillMissingFrom >= free) missingEpisode(world, child, stillMissingFrom, true);
}

const MISSING_STAMPS = [['isoSpace', 60], ['isoT', 10], ['isoSeconds', 5], ['ukTime', 15], ['isoDate', 5], ['ukDate', 5]] as const;
const RHI_STAMPS = [['isoDate', 45], ['isoSpace', 30], ['ukTime', 15], ['ukDate', 10]] as const;
// 01:00 is left out, as in avoidClockChangeHour.
const OTHER_HOURS = [0, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14];

function missingDuration(rng: Rng): number {
  const r = rng.next();
  if (r < 0.8) return rng.int(2 * 60, 48 * 60);
  return r < 0.95 ? rng.int(48 * 60, 5 * MINUTES_PER_DAY) : rng.int(5 * MINUTES_PER_DAY, 20 * MINUTES_PER_DAY);
}

function lookedAfter(child: Child, day: number): boolean {
  return child.spans.some((s) => s.type === 'CLA' && s.start <= day && (s.end === null || s.end >= day));
}

/** One missing episode from the given day; returns when the child came back (minutes), null when still missing. */
function missingEpisode(world: World, child: Child, day: number, stillMissing: boolean): number | null {
  const { rng } = world;
  const hour = rng.chance(0.6) ? rng.int(15, 23) : rng.pick(OTHER_HOURS);
  const from = day * MINUTES_PER_DAY + hour * 60 + rng.int(0, 59);
  const back = avoidClockChangeHour(from + missingDuration(rng));
  const returned = stillMissing || back >= (EXTRACT_END + 1) * MINUTES_PER_DAY ? null : back;
  child.out.missing.push([
    child.id, `M${pad(++world.ids.episode, 4)}`, stamp(from, rng.weighted(MISSING_STAMPS)),
    returned === null ? '' : stamp(returned, rng.weighted(MISSING_STAMPS)),
    ...(returned === null ? ['', '', '', ''] : returnInterview(rng, returned)),
    flag(rng, lookedAfter(child, day), FLAGS_MISSING), child.staff.team, child.staff.worker,
  ]);
  return returned;
}

const LATE_REASONS = [
  ['Child declined, rearranged', 5],
  ['Worker unavailable, rebooked for the following week', 5],
  ['Child not at placement', 5],
  ['Child asked for a different worker', 3],
  ['Child said "not today", rearranged', 2],
  ['Interview booked within 72 hours\nchild unwell on the day', 1],
  ['Placement out of area', 3],
] as const;

/** rhi_offered, rhi_completed_at, rhi_declined and late_reason for a child who came back at `returned`. */
function returnInterview(rng: Rng, returned: number): [string, string, string, string] {
  const r = rng.next();
  if (r < 0.08) return [flag(rng, false, FLAGS_MISSING), '', '', rng.chance(0.4) ? 'Not offered: returned to a placement out of area' : ''];
  if (r < 0.16) return [flag(rng, true, FLAGS_MISSING), '', flag(rng, true, FLAGS_MISSING), rng.chance(0.5) ? 'Child declined' : ''];
  const late = r >= 0.8;
  // On time: at most 69 clock hours, 70 after skipping 01:00, so still within 72 elapsed hours across a clock change.
  const after = late ? rng.int(75 * 60, 10 * MINUTES_PER_DAY) : rng.int(3 * 60, 69 * 60);
  const done = avoidClockChangeHour(returned + after);
  const recorded = done < (EXTRACT_END + 1) * MINUTES_PER_DAY;
  return [
    flag(rng, true, FLAGS_MISSING), recorded ? stamp(done, rng.weighted(RHI_STAMPS)) : '', flag(rng, false, FLAGS_MISSING),
    late && rng.chance(0.75) ? rng.weighted(LATE_REASONS) : '',
  ];
}

// ---------------------------------------------------------------------------
// The second wave (catalogue.md "New extracts"): drawn from world.later only

/** Care leavers who left care before the history began, so appear in careleavers.csv alone: per simulated child. */
const EARLIER_CARE_LEAVERS_PER_CHILD = 0.05;
/** Case-file audits are done in these months (Oct and Nov 2026), on a few open cases per team. */
const AUDIT_MONTHS = [dayNumber(2026, 10, 1), dayNumber(2026, 11, 1)];
const AUDIT_CHANCE_PER_MONTH = 0.18;

/** The days from first while on or before stop, each the next after the one before. */
function series(first: number, stop: number, next: (day: number) => number): number[] {
  const days: number[] = [];
  for (let day = first; day <= stop; day = next(day)) days.push(day);
  return days;
}

/** A plan's last day for events: its end, or the extract day while open. */
function lastDay(span: Span): number {
  return Math.min(span.end ?? EXTRACT_END, EXTRACT_END);
}

function spansOf(child: Child, type: PlanType): Span[] {
  return child.spans.filter((span) => span.type === type);
}

/** The plan open on a day with the latest start, if any. */
function openSpan(child: Child, day: number): Span | undefined {
  return child.spans.filter((s) => s.start <= day && (s.end === null || s.end >= day)).at(-1);
}

function secondWave(world: World, child: Child): void {
  for (const span of spansOf(child, 'CP')) {
    enquiry(world, child, span, true);
    reviews(world, child, span, 'CP');
  }
  for (const span of spansOf(child, 'CIN')) {
    if (world.later.chance(0.2)) enquiry(world, child, span, false);
  }
  for (const span of spansOf(child, 'CLA')) {
    reviews(world, child, span, 'CLA');
    placements(world, child, span);
    healthAssessments(world, child, span);
  }
  leftCare(world, child);
  contacts(world, child);
  audits(world, child);
}

const FLAGS_ENQUIRIES = 0;
const FLAGS_CARE_LEAVERS = 1;

/** A section 47 enquiry before a plan: a CP plan starts at its ICPC; a CIN plan follows one that needed no CP plan. */
function enquiry(world: World, child: Child, span: Span, cpPlan: boolean): void {
  const rng = world.later;
  const held = cpPlan || rng.chance(0.6);
  const icpc = cpPlan ? span.start : span.start - rng.int(0, 3);
  // About 4 ICPCs in 5 within the 15 working days (England 2024/25: 81.4 %).
  const s47 = weekdayBefore(icpc, rng.chance(0.8) ? rng.int(3, 14) : rng.int(16, 30));
  child.out.enquiries.push([
    child.id, `E${pad(++world.ids.enquiry, 5)}`, iso(held ? s47 : span.start - rng.int(5, 20)), held ? iso(icpc) : '',
    held ? (rng.chance(0.7) ? '' : flag(rng, false, FLAGS_ENQUIRIES)) : flag(rng, true, FLAGS_ENQUIRIES),
    held ? flag(rng, cpPlan, FLAGS_ENQUIRIES) : '', span.staff.team, span.staff.worker,
  ]);
}

/** The day n working days (weekends only) before day. */
function weekdayBefore(day: number, n: number): number {
  let d = day;
  for (let left = n; left > 0;) {
    d--;
    if (isoWeekday(d as DayNumber) <= 5) left--;
  }
  return d;
}

/** A due day met with a few days to spare, or missed by a few weeks. */
function aroundDue(rng: Rng, due: number, lateChance: number): number {
  return rng.chance(lateChance) ? due + rng.int(3, 40) : weekdayOnOrBefore(due - rng.int(0, 25));
}

function weekdayOnOrBefore(day: number): number {
  const weekday = isoWeekday(day as DayNumber);
  return weekday <= 5 ? day : day - (weekday - 5);
}

// CLA: 20 working days, then 3 months, then every 6 months (reg 33); CP: 3 months, then every 6 months.
function nextReview(rng: Rng, type: 'CLA' | 'CP', start: number, previous: number | null, count: number): number {
  if (previous === null) {
    return type === 'CLA' ? addWorkingDays(start, rng.chance(0.12) ? rng.int(21, 35) : rng.int(8, 18)) : aroundDue(rng, addMonths(start as DayNumber, 3), 0.06);
  }
  const months = type === 'CLA' && count === 1 ? 3 : 6;
  return aroundDue(rng, addMonths(previous as DayNumber, months), type === 'CLA' ? 0.1 : 0.05);
}

function reviews(world: World, child: Child, span: Span, type: 'CLA' | 'CP'): void {
  const rng = world.later;
  let count = 0;
  for (const day of series(nextReview(rng, type, span.start, null, 0), lastDay(span), (d) => nextReview(rng, type, span.start, d, ++count))) {
    child.out.reviews.push([child.id, `RV${pad(++world.ids.review, 5)}`, type, iso(day), span.id, span.staff.team, span.staff.worker]);
  }
}

const PLACEMENT_TYPES = [['U4', 30], ['U6', 15], ['Foster care (in-house)', 15], ['Independent fostering agency', 15],
  ["Children's home", 10], ['K2', 5], ['Kinship care', 5], ['Semi-independent', 5]] as const;
const MOVE_REASONS = ['Placement breakdown', 'Planned move', 'Carer request', 'Change to care plan', 'Child request'];

/** Half the placements last; the other half end within weeks or months. */
function placementLength(rng: Rng): number {
  return rng.chance(0.5) ? rng.int(150, 900) : rng.int(14, 120);
}

/** The placements of a CLA plan, back to back: each move ends one placement the day the next starts. */
function placements(world: World, child: Child, span: Span): void {
  const rng = world.later;
  const last = lastDay(span);
  const starts = series(span.start, last, (day) => day + placementLength(rng));
  starts.forEach((start, i) => {
    const moved = i + 1 < starts.length;
    const end = moved ? starts[i + 1]! : span.end;
    child.out.placements.push([
      child.id, `PL${pad(++world.ids.placement, 5)}`, iso(start), end === null ? '' : iso(end), rng.weighted(PLACEMENT_TYPES),
      moved ? rng.pick(MOVE_REASONS) : '', span.staff.team,
    ]);
  });
}

/** An IHA (within 20 working days for most, late or missing for some), then an RHA each year. */
function healthAssessments(world: World, child: Child, span: Span): void {
  const rng = world.later;
  const r = rng.next();
  if (r >= 0.9) return;
  const iha = addWorkingDays(span.start, r < 0.7 ? rng.int(5, 19) : rng.int(21, 45));
  const days = series(iha, lastDay(span), (day) => addMonths(day as DayNumber, 12) - rng.int(0, 30));
  days.forEach((day, i) => {
    const due = i === 0 ? addWorkingDays(span.start, 20) : addMonths(days[i - 1]! as DayNumber, 12);
    child.out.health.push([child.id, `HA${pad(++world.ids.health, 5)}`, i === 0 ? 'IHA' : 'RHA', iso(day), rng.chance(0.1) ? '' : iso(due), span.staff.team]);
  });
}

const ACTIVITIES = [['EET', 20], ['F1', 10], ['P1', 5], ['F2', 15], ['P2', 5], ['F4', 3], ['G4', 15], ['G5', 12], ['G6', 10], ['NEET', 5]] as const;

/** A care leaver's contacts with their personal adviser, every few weeks from `from` to their 21st birthday. */
function careLeaverContacts(world: World, out: Records, id: string, birth: number, from: number, staff: Staff): void {
  const rng = world.later;
  const stop = Math.min(addMonths(birth as DayNumber, 12 * 21), EXTRACT_END);
  for (const day of series(weekdayOnOrAfter(from), stop, (d) => weekdayOnOrAfter(d + rng.int(28, 75)))) {
    const inTouch = rng.chance(0.9);
    out.careleavers.push([
      id, `LC${pad(++world.ids.leaverContact, 5)}`, iso(birth), iso(day), flag(rng, inTouch, FLAGS_CARE_LEAVERS), inTouch ? rng.weighted(ACTIVITIES) : '',
      inTouch ? flag(rng, rng.chance(0.88), FLAGS_CARE_LEAVERS) : '', rng.chance(0.1) ? '' : iso(Math.max(from, day - rng.int(0, 180))),
      staff.team, staff.worker,
    ]);
  }
}

/** Most children whose last plan was a CLA plan that ended left care at 18 and became care leavers. */
function leftCare(world: World, child: Child): void {
  const last = child.spans.at(-1);
  if (last?.type !== 'CLA' || last.end === null || !world.later.chance(0.6)) return;
  careLeaverContacts(world, child.out, child.id, addMonths(last.end as DayNumber, -12 * 18), last.end + world.later.int(7, 40), last.staff);
}

/** A care leaver who turned 18 and left care in the year before the history: no other rows. */
function earlierCareLeaver(world: World, id: string): Records {
  const rng = world.later;
  const out = emptyRecords();
  const eighteenth = HISTORY_START - rng.int(1, 365);
  careLeaverContacts(world, out, id, addMonths(eighteenth as DayNumber, -12 * 18), HISTORY_START + rng.int(0, 60), rng.pick(world.staff));
  return out;
}

const CONTACT_STAMPS = [['isoSpace', 70], ['isoT', 10], ['ukTime', 15], ['isoDate', 5]] as const;
const OTHER_CONTACT_OUTCOMES = [['NFA', 55], ['nfa', 3], ['EH', 32], ['Information and advice', 10]] as const;

/** One contact at the front door: decided the same day or the next working day mostly, a few later. */
function contact(world: World, child: Child, day: number, decided: number, outcome: string, staff: Staff): void {
  const rng = world.later;
  const at = day * MINUTES_PER_DAY + rng.int(8 * 60, 16 * 60);
  const decision = decided === day ? at + rng.int(20, 150) : decided * MINUTES_PER_DAY + rng.int(9 * 60, 17 * 60);
  child.out.contacts.push([
    child.id, `CT${pad(++world.ids.contact, 6)}`, stamp(at, rng.weighted(CONTACT_STAMPS)), decided > EXTRACT_END ? '' : stamp(decision, rng.weighted(CONTACT_STAMPS)),
    outcome, staff.team, staff.worker,
  ]);
}

function decisionLag(rng: Rng): number {
  const r = rng.next();
  return r < 0.7 ? 0 : r < 0.9 ? 1 : rng.int(2, 5);
}

/** A contact before each referral (decided on the referral's day), and a few that went no further. */
function contacts(world: World, child: Child): void {
  const rng = world.later;
  for (const { day, staff } of child.referrals) contact(world, child, weekdayBefore(day, decisionLag(rng)), day, 'REFERRAL', staff);
  const anchor = child.referrals[0]!.day;
  for (let n = rng.weighted([[0, 50], [1, 32], [2, 18]] as const); n > 0; n--) {
    const day = weekdayOnOrAfter(Math.max(HISTORY_START, anchor + rng.int(-300, 600)));
    if (day <= EXTRACT_END) contact(world, child, day, addWorkingDays(day, decisionLag(rng)), rng.weighted(OTHER_CONTACT_OUTCOMES), child.referrals[0]!.staff);
  }
}

// 1 outstanding, 2 good, 3 requires improvement, 4 inadequate.
const AUDIT_GRADES = [[1, 8], [2, 45], [3, 35], [4, 12]] as const;
const GRADE_SPELLINGS: Record<number, readonly string[]> = {
  1: ['Outstanding', 'outstanding', '1'],
  2: ['Good', 'good', '2'],
  3: ['Requires improvement', 'requires improvement', 'RI', '3'],
  4: ['Inadequate', 'inadequate', '4'],
};
const AUDIT_TYPES = ['Monthly audit', 'Themed audit', 'Practice week'];

function gradeText(rng: Rng, grade: number): string {
  return rng.pick(GRADE_SPELLINGS[grade]!);
}

/** A moderator agrees with most grades and moves the rest one step. */
function moderated(rng: Rng, grade: number): number {
  if (rng.chance(0.6)) return grade;
  return Math.min(4, Math.max(1, grade + (rng.chance(0.6) ? 1 : -1)));
}

/** Case-file audits in the audit months of a few children with an open plan, and their actions. */
function audits(world: World, child: Child): void {
  const rng = world.later;
  for (const month of AUDIT_MONTHS) {
    const day = weekdayOnOrAfter(month + rng.int(0, 26));
    const span = openSpan(child, day);
    if (span === undefined || day > EXTRACT_END || !rng.chance(AUDIT_CHANCE_PER_MONTH)) continue;
    const id = `AU${pad(++world.ids.audit, 4)}`;
    const grade = rng.weighted(AUDIT_GRADES);
    child.out.audits.push([
      id, child.id, iso(day), rng.pick(AUDIT_TYPES), `Auditor ${rng.int(1, world.auditors)}`, gradeText(rng, grade),
      rng.chance(0.3) ? gradeText(rng, moderated(rng, grade)) : '', span.staff.team, span.staff.worker, 'plan', span.id,
    ]);
    auditActions(world, child, id, day, grade, span.staff.team);
  }
}

/** The actions an audit raised: more for weaker grades; most completed in 20 working days, some late, some open. */
function auditActions(world: World, child: Child, auditId: string, day: number, grade: number, team: string): void {
  const rng = world.later;
  for (let n = rng.int(0, grade); n > 0; n--) {
    const raised = addWorkingDays(day, rng.int(0, 3));
    if (raised > EXTRACT_END) return;
    const r = rng.next();
    const done = r < 0.2 ? null : addWorkingDays(raised, r < 0.75 ? rng.int(1, 19) : rng.int(21, 40));
    child.out.auditActions.push([
      `AC${pad(++world.ids.action, 5)}`, auditId, iso(raised), iso(addWorkingDays(raised, 20)),
      done === null || done > EXTRACT_END ? '' : iso(done), team,
    ]);
  }
}
