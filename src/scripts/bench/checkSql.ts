/**
 * `npm run bench:check-sql`: runs the reference DuckDB SQL and `report --format json`
 * on fixtures/demo and on the hand-worked fixtures/real-shaped/clean (bank-holiday
 * and clock-change edges) and compares every numerator, denominator and count, for
 * the report of every indicator and for the report of only the SQL's (`--indicator`,
 * as the bench runs it). Exits 1 on any difference or when the SQL computes other
 * indicators than REFERENCE_INDICATORS, 2 when @duckdb/node-api is not installed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REFERENCE_INDICATOR_ARGS, REFERENCE_INDICATORS, REPORT_ARGS, ROOT, loadDuckDb, referenceFigures, writeCalendar, type DuckDb, type Figure } from './reference.js';

const FIXTURES = ['fixtures/demo', 'fixtures/real-shaped/clean'];

interface ReportIndicator {
  readonly id: string;
  readonly numerator?: number;
  readonly denominator?: number;
  readonly count?: number;
}

/** csc-metrics' own figures for a fixture, in the Figure shape. */
async function reportFigures(fixture: string, work: string, chosen: readonly string[]): Promise<Map<string, Figure>> {
  const out = join(work, 'report.json');
  const run = spawnSync(process.execPath, [...REPORT_ARGS, '--data', fixture, '--out', out, '--quiet', ...chosen], { cwd: ROOT, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`report failed (exit ${run.status}): ${run.stderr}`);
  const report = JSON.parse(await readFile(out, 'utf8')) as { indicators: ReportIndicator[] };
  return new Map(report.indicators.map((i) => [i.id, { id: i.id, numerator: i.count ?? i.numerator!, denominator: i.count === undefined ? i.denominator! : null }]));
}

const show = (figure: Figure | undefined): string =>
  figure === undefined ? 'missing' : figure.denominator === null ? `count ${figure.numerator}` : `${figure.numerator}/${figure.denominator}`;

async function main(): Promise<void> {
  const duckdb = await loadDuckDb();
  if (duckdb === null) {
    console.error('bench:check-sql: @duckdb/node-api is not installed; run npm install --no-save @duckdb/node-api');
    process.exitCode = 2;
    return;
  }
  const work = await mkdtemp(join(tmpdir(), 'csc-check-sql-'));
  try {
    const calendarCsv = join(work, 'calendar.csv');
    await writeCalendar(calendarCsv);
    let differences = 0;
    for (const fixture of FIXTURES) differences += await compare(duckdb, fixture, calendarCsv, work);
    if (differences > 0) process.exitCode = 1;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Prints one line per indicator of the reference SQL; returns how many differ. */
async function compare(duckdb: DuckDb, fixture: string, calendarCsv: string, work: string): Promise<number> {
  const reference = await referenceFigures(duckdb, join(ROOT, fixture), calendarCsv);
  let differences = 0;
  const ids = reference.map((figure) => figure.id).join(', ');
  if (ids !== [...REFERENCE_INDICATORS].sort().join(', ')) {
    differences++;
    console.log(`DIFF  the SQL computes ${ids}; REFERENCE_INDICATORS (what the bench names with --indicator) lists ${REFERENCE_INDICATORS.join(', ')}`);
  }
  const whole = await reportFigures(fixture, work, []);
  const chosen = await reportFigures(fixture, work, REFERENCE_INDICATOR_ARGS);
  for (const figure of reference) {
    const ours = show(whole.get(figure.id));
    const alone = show(chosen.get(figure.id));
    const theirs = show(figure);
    const same = ours === theirs && alone === theirs;
    if (!same) differences++;
    console.log(`${same ? 'same' : 'DIFF'}  ${figure.id.padEnd(28)} csc-metrics ${ours.padEnd(12)} with --indicator ${alone.padEnd(12)} DuckDB ${theirs}`);
  }
  console.log(`${fixture}: ${reference.length} indicators compared, ${differences} different\n`);
  return differences;
}

main().catch((error: unknown) => {
  console.error(`bench:check-sql: ${(error as Error).message}`);
  process.exitCode = 1;
});
