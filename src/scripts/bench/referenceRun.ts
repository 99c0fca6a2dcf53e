/**
 * `node dist/scripts/bench/referenceRun.js DATA_DIR WORK_DIR`: the DuckDB side of
 * the benchmark as a process of its own, so it is timed and measured exactly as
 * the report command is. Prints the figures as JSON.
 */
import { join, resolve } from 'node:path';
import { loadDuckDb, referenceFigures, writeCalendar } from './reference.js';

async function main(): Promise<void> {
  const [dataDir, work] = process.argv.slice(2);
  if (dataDir === undefined || work === undefined) throw new Error('usage: referenceRun.js DATA_DIR WORK_DIR');
  const duckdb = await loadDuckDb();
  if (duckdb === null) throw new Error('@duckdb/node-api is not installed (npm install --no-save @duckdb/node-api)');
  const calendarCsv = join(work, 'calendar.csv');
  await writeCalendar(calendarCsv);
  console.log(JSON.stringify(await referenceFigures(duckdb, resolve(dataDir), calendarCsv)));
}

main().catch((error: unknown) => {
  console.error(`reference: ${(error as Error).message}`);
  process.exitCode = 1;
});
