import { z } from 'zod';
import { parseIsoDay, yearOf, type DayNumber } from '../dates/localDate.js';
import { UsageError } from '../errors.js';
import { createCalendar, type WorkingCalendar } from './workingCalendar.js';

/** The holidays read from an authority's file and the whole years they cover. */
export interface HolidayList {
  /** The listed dates, in file order. */
  readonly holidays: readonly DayNumber[];
  /** First year with at least one listed date. */
  readonly firstYear: number;
  /** Last year with at least one listed date. */
  readonly lastYear: number;
}

const PREFERRED_DIVISION = 'england-and-wales';
const MAX_REPORTED_ISSUES = 10;

const isoDate = z.string().refine((text) => parseIsoDay(text) !== null, {
  error: (issue) => `${JSON.stringify(issue.input)} is not a date in the form YYYY-MM-DD`,
});

// gov.uk publishes every field; only title and date are required so a hand-made file also passes.
const divisionSchema = z.object({
  division: z.string().optional(),
  events: z.array(
    z.object({
      title: z.string(),
      date: isoDate,
      notes: z.string().optional(),
      bunting: z.boolean().optional(),
    }),
  ),
});

const topLevelSchema = z.record(z.string(), z.unknown());

/** `england-and-wales.events[3].date` */
function formatPath(path: readonly PropertyKey[]): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? String(key) : `.${String(key)}`)).join('');
}

function zodError(fileName: string, prefix: readonly PropertyKey[], error: z.ZodError): UsageError {
  const lines = error.issues
    .slice(0, MAX_REPORTED_ISSUES)
    .map((issue) => `${fileName}: ${formatPath([...prefix, ...issue.path])}: ${issue.message}`);
  const more = error.issues.length - MAX_REPORTED_ISSUES;
  if (more > 0) lines.push(`${fileName}: … and ${more} more`);
  return new UsageError(lines.join('\n'));
}

function chooseDivision(fileName: string, divisions: Record<string, unknown>): string {
  const names = Object.keys(divisions);
  if (names.includes(PREFERRED_DIVISION)) return PREFERRED_DIVISION;
  if (names.length === 1) return names[0]!;
  throw new UsageError(
    names.length === 0
      ? `${fileName}: no divisions; expected "${PREFERRED_DIVISION}" or a single division`
      : `${fileName}: no "${PREFERRED_DIVISION}" division and several others (${names.join(', ')}); keep only the one to use`,
  );
}

function parseJson(text: string, fileName: string): DayNumber[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${fileName}: not valid JSON (${(error as Error).message})`);
  }
  const top = topLevelSchema.safeParse(data);
  if (!top.success) {
    throw new UsageError(`${fileName}: expected an object of divisions, as in gov.uk's bank-holidays.json`);
  }
  const name = chooseDivision(fileName, top.data);
  const division = divisionSchema.safeParse(top.data[name]);
  if (!division.success) throw zodError(fileName, [name], division.error);
  if (division.data.events.length === 0) throw new UsageError(`${fileName}: ${name}.events: lists no dates`);
  // The refinement above has already rejected every date parseIsoDay cannot read.
  return division.data.events.map((event) => parseIsoDay(event.date)!);
}

function parseLines(text: string, fileName: string): DayNumber[] {
  const days: DayNumber[] = [];
  const lines = text.split(/\r?\n/);
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const day = parseIsoDay(line);
    if (day === null) {
      throw new UsageError(
        `${fileName} line ${i + 1}: ${JSON.stringify(line)} is not a date in the form YYYY-MM-DD (one date per line; # starts a comment line)`,
      );
    }
    days.push(day);
  }
  if (days.length === 0) throw new UsageError(`${fileName}: lists no dates`);
  return days;
}

const min = (a: number, b: number): number => Math.min(a, b);
const max = (a: number, b: number): number => Math.max(a, b);

function isJson(body: string, fileName: string): boolean {
  return fileName.toLowerCase().endsWith('.json') || body.trimStart().startsWith('{');
}

/** Parses a holiday file: one ISO date per line, or gov.uk's bank-holidays.json format. */
export function parseHolidayFile(text: string, fileName: string): HolidayList {
  const body = text.replace(/^\uFEFF/, '');
  const holidays = isJson(body, fileName) ? parseJson(body, fileName) : parseLines(body, fileName);
  const years = holidays.map(yearOf);
  return { holidays, firstYear: years.reduce(min), lastYear: years.reduce(max) };
}

/** The working calendar `file:<fileName>` built from a holiday file's text. */
export function holidayFileCalendar(text: string, fileName: string): WorkingCalendar {
  const { holidays, firstYear, lastYear } = parseHolidayFile(text, fileName);
  return createCalendar(`file:${fileName}`, holidays, firstYear, lastYear);
}
