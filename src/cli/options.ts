import { fileURLToPath } from 'node:url';
import { Option, type Command } from 'commander';
import { dayNumber, parseIsoDay, type DayNumber } from '../core/dates/localDate.js';
import { breakdownColumns, type Filters, type GroupBy } from '../core/breakdown.js';
import { UsageError } from '../core/errors.js';
import { formatIso } from '../core/dates/localDate.js';
import type { WorkingCalendar } from '../core/calendar/workingCalendar.js';
import { EXTRACT_KINDS, type ExtractKind, type ValidationLimits } from '../core/extracts/definitions.js';
import { DEFAULT_PROFILE, PROFILE_NAMES } from '../core/profiles.js';
import { asAtExtract, monthOf, parsePeriod, previousPeriod, rangePeriod, relativePeriod, withAsAt, type Period } from '../core/period.js';
import type { ExtractSources } from '../io/loadDataset.js';

/** The bundled synthetic authority that `report` uses when no --data is given. */
export const DEMO_DIR = fileURLToPath(new URL('../../fixtures/demo/', import.meta.url));
/** The month the demo authority is built around. */
export const DEMO_PERIOD = '2026-10';
/** The day the demo extracts were taken (fixtures/demo/README.md). */
export const DEMO_EXTRACTED_ON = '2026-11-20';

/** Flags every command that reads extracts shares: one per extract kind, and these. */
export interface SourceFlags extends Partial<Record<ExtractFlag, string>> {
  data?: string;
  annexA?: string;
  cinCensus?: string;
  ssda903?: string;
  extractedOn?: string;
  strict?: boolean;
  quiet?: boolean;
  color: boolean;
}

/** Flags that choose the profile, the calendar and the config. */
export interface SettingsFlags {
  /** Absent unless given: the calendar then is the profile's. */
  calendar?: string;
  holidays?: string;
  config?: string;
  profile?: string;
}

/** Flags that choose the period. */
export interface PeriodFlags extends SettingsFlags {
  period?: string;
  from?: string;
  to?: string;
  asAt?: string;
}

/** Adds --data, one flag per extract kind, --extracted-on, --strict, --quiet and --no-color. */
export function addSourceOptions(command: Command): Command {
  command.option('--data <dir>', 'folder of extracts named <kind>.csv or <kind>.xlsx (any case; or as the config names them)');
  command.option('--annex-a <path>', 'an Ofsted Annex A workbook, or a folder of its lists as CSV files');
  command.option('--ssda903 <dir>', 'a folder of an SSDA903 return\'s CSV tables, recognised by their columns: CLA plans, placements, reviews, missing, care leavers');
  command.option('--cin-census <file>', 'a DfE children in need census return (XML): referrals, assessments, enquiries, CP and CIN plans, CP reviews');
  for (const kind of EXTRACT_KINDS) command.option(`--${kind} <file>`, `the ${kind} extract (overrides --data)`);
  return command
    .option('--extracted-on <date>', 'the day the extracts were taken: later event dates are rejected (default: today)')
    .option('--strict', 'any rejected row fails the run (exit 2) before any figure')
    .option('--quiet', 'no progress and no data-quality summary on stderr')
    .option('--no-color', 'no colour even on a terminal');
}

/** Adds --period, --from, --to, --as-at, --calendar, --holidays and --config. */
export function addPeriodOptions(command: Command): Command {
  command
    .option('--period <period>', 'a month (2026-10) or an ISO week (2026-W43) (default: the last whole month before the extract date)')
    .option('--from <date>', 'first day of the period (with --to)')
    .option('--to <date>', 'last day of the period (with --from)')
    .option('--as-at <date>', 'the day snapshot indicators are taken on (default: the last day of the period, or the extract date if earlier)');
  return addSettingsOptions(command);
}

/** --profile NAME: a built-in profile; any other name is a usage error listing them. */
export function profileOption(): Option {
  return new Option('--profile <name>', `the timescales, targets and calendar to start from (default: the config's "profile", else ${DEFAULT_PROFILE})`).choices(PROFILE_NAMES);
}

/** Adds --profile, --calendar, --holidays and --config. */
export function addSettingsOptions(command: Command): Command {
  // No default for --calendar: when it is not given, the profile's calendar is used.
  return command
    .addOption(profileOption())
    .option('--calendar <name|file>', "england-and-wales, jersey, or a file of holiday dates (default: the profile's, england-and-wales for England)")
    .option('--holidays <file>', "an authority's own holiday list: one ISO date a line, or gov.uk bank-holidays.json")
    .option('--config <file>', `JSON file of targets, timescales and how to read each extract (default: ${CONFIG_FILE} here, if present)`);
}

/** --by team|worker, described for the command at hand. */
export function byOption(description: string): Option {
  return new Option('--by <field>', description).choices(['team', 'worker']);
}

/** --by COLUMN of `report`: any column a figure can be broken down by. */
export function parseBy(column: string | undefined): GroupBy | undefined {
  if (column === undefined) return undefined;
  const columns = breakdownColumns();
  if (!columns.includes(column)) throw new UsageError(`--by ${column}: not a column to break figures down by; choose one of ${columns.join(', ')}`);
  return column;
}

/** --where COLUMN=VALUE, repeatable: the same column again adds a value it may have; different columns must all match. */
export function parseWhere(texts: readonly string[]): Filters | undefined {
  if (texts.length === 0) return undefined;
  const columns = breakdownColumns();
  const filters: Record<string, string[]> = {};
  for (const text of texts) {
    const at = text.indexOf('=');
    const column = text.slice(0, at).trim();
    const value = text.slice(at + 1).trim();
    if (at === -1 || value === '') throw new UsageError(`--where ${text}: expected COLUMN=VALUE, e.g. --where category=Neglect`);
    if (!columns.includes(column)) throw new UsageError(`--where ${text}: ${column} is not a column to filter on; choose one of ${columns.join(', ')}`);
    (filters[column] ??= []).push(value);
  }
  return filters;
}

/** Today in the UK: the default extract date and the anchor of the default period. */
export function ukToday(now: Date = new Date()): DayNumber {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const part = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return dayNumber(part('year'), part('month'), part('day'));
}

type ExtractFlag = { [K in ExtractKind]: K extends `${infer A}-${infer B}` ? `${A}${Capitalize<B>}` : K }[ExtractKind];

/** The property commander gives `--<kind>` (`--audit-actions` → auditActions). */
function flagKey(kind: ExtractKind): ExtractFlag {
  return kind.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase()) as ExtractFlag;
}

/** Whether the run reads the bundled demo authority (no --data and no single files). */
export function usesDemo(flags: SourceFlags): boolean {
  return flags.data === undefined && flags.annexA === undefined && flags.cinCensus === undefined && flags.ssda903 === undefined && EXTRACT_KINDS.every((kind) => flags[flagKey(kind)] === undefined);
}

/** Where to read: the flags, or the demo authority when `demoByDefault` and none given. */
export function extractSources(flags: SourceFlags, demoByDefault: boolean): ExtractSources {
  if (usesDemo(flags)) {
    if (!demoByDefault) throw new UsageError('give --data DIR, --annex-a PATH or at least one extract file (--assessments FILE, …)');
    return { dir: DEMO_DIR, files: {} };
  }
  const files: Partial<Record<ExtractKind, string>> = {};
  for (const kind of EXTRACT_KINDS) {
    const file = flags[flagKey(kind)];
    if (file !== undefined) files[kind] = file;
  }
  return { ...(flags.data !== undefined ? { dir: flags.data } : {}), ...(flags.annexA !== undefined ? { annexA: flags.annexA } : {}), ...(flags.cinCensus !== undefined ? { cinCensus: flags.cinCensus } : {}), ...(flags.ssda903 !== undefined ? { ssda903: flags.ssda903 } : {}), files };
}

/** The config file read when no --config is given, if it exists in the working directory. */
export const CONFIG_FILE = 'csc-metrics.config.json';

/** The day the extracts were taken: --extracted-on, else the demo's day, else today. */
export function extractDate(flags: SourceFlags, demo: boolean, today: DayNumber): DayNumber {
  if (flags.extractedOn !== undefined) return parseDateOption(flags.extractedOn, '--extracted-on');
  return demo ? parseDateOption(DEMO_EXTRACTED_ON, 'demo extract date') : today;
}

/** The validation limits: events cannot be later than the extract date; clocks lie inside the calendar. */
export function validationLimits(extractedOn: DayNumber, calendar: WorkingCalendar, maxCellCharacters?: number): ValidationLimits {
  return {
    extractedOn,
    calendar: { name: calendar.name, first: dayNumber(calendar.firstYear, 1, 1), last: dayNumber(calendar.lastYear, 12, 31) },
    ...(maxCellCharacters !== undefined ? { maxCellCharacters } : {}),
  };
}

/** The period and what its reader must be warned of. */
export interface ResolvedPeriod {
  readonly period: Period;
  readonly warnings: readonly string[];
}

/**
 * The period from --period or --from/--to; without either, the demo month for
 * the demo authority, else the last complete month before the extract date.
 * The as-at date is --as-at, else the earlier of the period's end and the
 * extract date. A period wholly after the extract date is a usage error; an
 * --as-at after it is a warning.
 */
export function resolvePeriod(flags: PeriodFlags, demo: boolean, extractedOn: DayNumber): ResolvedPeriod {
  const period = choosePeriod(flags, demo, extractedOn);
  const taken = formatIso(extractedOn);
  if (period.from > extractedOn) {
    throw new UsageError(`the period ${period.label} starts after the extracts were taken (${taken}): nothing in them can describe it; give an earlier --period or the right --extracted-on`);
  }
  if (flags.asAt === undefined) return { period: asAtExtract(period, extractedOn), warnings: [] };
  const asAt = parseDateOption(flags.asAt, '--as-at');
  const warnings = asAt > extractedOn ? [`the as-at date ${formatIso(asAt)} is after the extract date ${taken}: anything recorded after ${taken} is not in the data, so snapshot figures may show work as overdue that was done`] : [];
  return { period: withAsAt(period, asAt), warnings };
}

/** Parses an ISO date given on the command line; `flag` names it in the error. */
export function parseDateOption(text: string, flag: string): DayNumber {
  const day = parseIsoDay(text);
  if (day === null) throw new UsageError(`${flag} ${text}: expected a date like 2026-10-31`);
  return day;
}

/** Runs a core parse, naming the flag the user typed in its usage error. */
function withFlag<T>(flag: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof UsageError) throw new UsageError(`${flag} ${error.message}`);
    throw error;
  }
}

function choosePeriod(flags: PeriodFlags, demo: boolean, extractedOn: DayNumber): Period {
  if (flags.period !== undefined && (flags.from !== undefined || flags.to !== undefined)) {
    throw new UsageError('give either --period or --from/--to, not both');
  }
  if ((flags.from === undefined) !== (flags.to === undefined)) throw new UsageError('--from and --to go together');
  let period: Period;
  if (flags.period !== undefined) period = relativePeriod(flags.period, extractedOn) ?? withFlag('--period', () => parsePeriod(flags.period!));
  else if (flags.from !== undefined) {
    const from = parseDateOption(flags.from, '--from');
    const to = parseDateOption(flags.to!, '--to');
    if (to < from) throw new UsageError(`--to ${formatIso(to)} is before --from ${formatIso(from)}`);
    period = rangePeriod(from, to);
  }
  else if (demo) period = parsePeriod(DEMO_PERIOD);
  else period = previousPeriod(monthOf(extractedOn));
  return period;
}
