/**
 * `node dist/scripts/bench/referenceRun.js DATA_DIR WORK_DIR [checked|lean]`: the
 * DuckDB side of the benchmark as a process of its own, so it is timed and
 * measured exactly as the report command is. Writes the figures as JSON to
 * WORK_DIR/figures-<load>.json (`referenceRunFigures`), for the bench to compare.
 */
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { loadDuckDb, referenceFigures, referenceRunFigures, writeCalendar, type SqlLoad } from './reference.js';

const LOADS: readonly SqlLoad[] = ['checked', 'lean'];

async function main(): Promise<void> {
  const [dataDir, work, named = 'checked'] = process.argv.slice(2);
  const load = LOADS.find((each) => each === named);
  if (dataDir === undefined || work === undefined || load === undefined) throw new Error('usage: referenceRun.js DATA_DIR WORK_DIR [checked|lean]');
  const duckdb = await loadDuckDb();
  if (duckdb === null) throw new Error('@duckdb/node-api is not installed (npm install --no-save @duckdb/node-api)');
  const calendarCsv = join(work, 'calendar.csv');
  await writeCalendar(calendarCsv);
  const figures = await referenceFigures(duckdb, resolve(dataDir), calendarCsv, load);
  await writeFile(referenceRunFigures(work, load), JSON.stringify(figures));
}

main().catch((error: unknown) => {
  console.error(`reference: ${(error as Error).message}`);
  process.exitCode = 1;
});
