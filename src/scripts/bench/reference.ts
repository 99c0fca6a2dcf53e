/**
 * The reference DuckDB SQL (duckdb/*.sql) that computes first-wave figures from
 * the same CSV files as csc-metrics. `@duckdb/node-api` is optional and never a
 * dependency: it is imported by name at run time, after
 * `npm install --no-save @duckdb/node-api`.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtInCalendar } from '../../core/calendar/workingCalendar.js';
import { addDays, dayNumber, formatIso } from '../../core/dates/localDate.js';
import { parsePeriod } from '../../core/period.js';

/** The project root, from dist/scripts/bench/. */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
/** The period and extract day every benchmark and check run uses (the generator's reporting month). */
export const PERIOD = '2026-10';
export const EXTRACTED_ON = '2026-11-20';
/** The report command line csc-metrics is measured and checked with, less the data folder and output file. */
export const REPORT_ARGS = ['bin/csc-metrics.js', 'report', '--period', PERIOD, '--extracted-on', EXTRACTED_ON, '--format', 'json'];

/** The extracts the reference SQL reads (setup/); the rest of a report's files are not part of the comparison. */
export const REFERENCE_EXTRACTS = ['assessments', 'plans', 'visits', 'missing', 'supervision'] as const;

/** The indicators the reference SQL computes, by id (checkSql.ts checks the SQL gives exactly these). */
export const REFERENCE_INDICATORS = [
  'assessment-timeliness', 'assessment-open-overdue', 'assessment-child-seen', 'assessment-seen-alone', 'assessment-voice-recorded',
  'rhi-within-72h', 'rhi-offered', 'rhi-late-reason', 'missing-over-5-days',
  'visits-cp', 'visits-cin', 'visits-cla', 'supervision-6-weeks', 'oversight-6-weeks',
] as const;

/** `report` flags computing only the reference SQL's indicators. */
export const REFERENCE_INDICATOR_ARGS = REFERENCE_INDICATORS.flatMap((id) => ['--indicator', id]);

const SQL_DIR = join(ROOT, 'src/scripts/bench/duckdb');
const SETUP_DIR = join(SQL_DIR, 'setup');

/**
 * How the reference SQL loads the extracts: `checked` as csc-metrics reads them
 * (duplicates counted once, bad rows left out: the like-for-like comparison),
 * `lean` as an analyst's first SQL would (the columns read, every row as it is).
 */
export type SqlLoad = 'checked' | 'lean';

const DUCKDB_PACKAGE = '@duckdb/node-api';

/** One indicator's figures: a rate's numerator and denominator, or a count as numerator with a null denominator. */
export interface Figure {
  readonly id: string;
  readonly numerator: number;
  readonly denominator: number | null;
}

// The few calls made on @duckdb/node-api, typed here because the package may be absent.
interface Reader {
  getRowObjectsJS(): Record<string, unknown>[];
}
interface Connection {
  run(sql: string): Promise<unknown>;
  runAndReadAll(sql: string): Promise<Reader>;
}
/** The part of @duckdb/node-api used here. */
export interface DuckDb {
  DuckDBInstance: { create(path: string): Promise<{ connect(): Promise<Connection> }> };
}

/** The DuckDB Node API when it is installed, else null. */
export async function loadDuckDb(): Promise<DuckDb | null> {
  try {
    return (await import(DUCKDB_PACKAGE)) as DuckDb;
  } catch {
    return null;
  }
}

/** Writes csc-metrics' england-and-wales calendar as day,working,cum (working days on or before day) for the SQL. */
export async function writeCalendar(path: string): Promise<void> {
  const calendar = builtInCalendar('england-and-wales');
  const last = dayNumber(calendar.lastYear, 12, 31);
  const lines = ['day,working,cum'];
  let cum = 0;
  for (let day = dayNumber(calendar.firstYear, 1, 1); day <= last; day = addDays(day, 1)) {
    const working = calendar.isWorkingDay(day);
    if (working) cum++;
    lines.push(`${formatIso(day)},${working},${cum}`);
  }
  await writeFile(path, `${lines.join('\n')}\n`);
}

/** The set-up (prelude, the extracts loaded one way, views) with the folders and dates filled in; the indicator files read only what it defines. */
async function setupSql(dataDir: string, calendarCsv: string, load: SqlLoad): Promise<string> {
  const period = parsePeriod(PERIOD);
  const values: Record<string, string> = {
    data: dataDir,
    calendar: calendarCsv,
    from: formatIso(period.from),
    to: formatIso(period.to),
    as_at: formatIso(period.asAt),
    extracted_on: EXTRACTED_ON,
  };
  const parts = await Promise.all(['prelude', load, 'views'].map((name) => readFile(join(SETUP_DIR, `${name}.sql`), 'utf8')));
  return parts.join('\n').replace(/\{(\w+)\}/g, (whole, name: string) => (values[name] ?? whole).replaceAll("'", "''"));
}

/** Where referenceRun.js writes the figures of a run in `work`. */
export function referenceRunFigures(work: string, load: SqlLoad): string {
  return join(work, `figures-${load}.json`);
}

/** The indicator SQL files, in name order. */
async function indicatorFiles(): Promise<string[]> {
  return (await readdir(SQL_DIR)).filter((name) => name.endsWith('.sql')).sort();
}

const toNumber = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

/** Runs every reference query over the extracts in dataDir, loaded as `load` says (the calendar CSV already written), and returns its figures by id. */
export async function referenceFigures(duckdb: DuckDb, dataDir: string, calendarCsv: string, load: SqlLoad = 'checked'): Promise<Figure[]> {
  const instance = await duckdb.DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run(await setupSql(dataDir, calendarCsv, load));
  const figures: Figure[] = [];
  for (const file of await indicatorFiles()) {
    const reader = await connection.runAndReadAll(await readFile(join(SQL_DIR, file), 'utf8'));
    for (const row of reader.getRowObjectsJS()) {
      figures.push({ id: String(row.id), numerator: toNumber(row.numerator)!, denominator: toNumber(row.denominator) });
    }
  }
  return figures.sort((a, b) => a.id.localeCompare(b.id));
}
