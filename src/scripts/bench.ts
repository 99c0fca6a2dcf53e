/**
 * `npm run bench [-- --scales 0.25,1,4,10 --profile standard|assessments-heavy --runs N --out FILE --seed S --others]`:
 * makes each scale's extracts in bench-data/<profile>-<scale>/ (reused while its
 * manifest matches), then times the real `report` command in a child process at
 * each scale (wall, CPU, peak RSS), and the reference DuckDB SQL on the same files
 * right after it when @duckdb/node-api is installed (with the report again on the
 * extracts that SQL reads, then computing only its indicators too: like for like),
 * then the same SQL over the extracts loaded lean (the columns read, no checks),
 * whose figures must be the checked SQL's. With `--others`, also
 * `report --trend 12`, `validate` and `sample` at each scale, in a second table. Writes and prints the Markdown
 * tables; missing a target does not fail the run, a failed command does.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ensureData, type BenchData } from './bench/data.js';
import { measureNode, type Measured } from './bench/measure.js';
import { benchOptions } from './bench/options.js';
import { OTHER_WORKLOADS } from './bench/otherWorkloads.js';
import { REFERENCE_EXTRACTS, REFERENCE_INDICATORS, REFERENCE_INDICATOR_ARGS, REPORT_ARGS, ROOT, loadDuckDb, referenceRunFigures } from './bench/reference.js';
import { resultsMarkdown, type ScaleResult } from './bench/results.js';

const REFERENCE_RUN = 'dist/scripts/bench/referenceRun.js';

function progress(tool: string, data: BenchData, run: Measured): void {
  const figures = run.ok ? `${run.wallSeconds.toFixed(2)} s wall, ${run.cpuSeconds!.toFixed(2)} s CPU, ${Math.round(run.peakMb!)} MB` : run.failure;
  console.log(`  ${data.profile} ${data.scale}x ${tool}: ${figures}`);
}

/** The report command reading only the extracts the reference SQL reads: the like-for-like figure. */
function firstWaveArgs(data: BenchData, work: string): string[] {
  const files = REFERENCE_EXTRACTS.flatMap((kind) => [`--${kind}`, join(data.dir, `${kind}.csv`)]);
  return [...REPORT_ARGS, ...files, '--out', join(work, 'report.json')];
}

/**
 * The lean SQL's run, failed when its figures are not the checked SQL's of the
 * same run: on the bench's extracts (no duplicates, no bad rows) they must be.
 */
async function sameFiguresAsChecked(lean: Measured, checked: Measured, work: string): Promise<Measured> {
  if (!lean.ok || !checked.ok) return lean;
  const [leanFigures, checkedFigures] = await Promise.all([readFile(referenceRunFigures(work, 'lean'), 'utf8'), readFile(referenceRunFigures(work, 'checked'), 'utf8')]);
  return leanFigures === checkedFigures ? lean : { ...lean, ok: false, failure: `FAILED: its figures differ from the checked SQL's\n  | lean    ${leanFigures}\n  | checked ${checkedFigures}` };
}

/** One run of each other workload at one scale, each added to its runs. */
async function measureOthers(data: BenchData, others: readonly Measured[][], work: string): Promise<void> {
  for (const [i, workload] of OTHER_WORKLOADS.entries()) {
    const run = await measureNode(ROOT, work, workload.args(data, work));
    progress(workload.name, data, run);
    others[i]!.push(run);
  }
}

/**
 * One run of every scale: the full report, the other workloads when asked for,
 * then (with DuckDB) the report on the reference SQL's extracts only, the same
 * computing only the SQL's indicators, and the SQL itself, so all see the
 * machine in the same state.
 */
async function runOnce(results: readonly ScaleResult[], work: string): Promise<void> {
  for (const { data, report, reference, others } of results) {
    const full = await measureNode(ROOT, work, [...REPORT_ARGS, '--data', data.dir, '--out', join(work, 'report.json')]);
    progress('csc-metrics, all extracts', data, full);
    report.push(full);
    if (others !== null) await measureOthers(data, others, work);
    if (reference === null) continue;
    const firstWave = await measureNode(ROOT, work, firstWaveArgs(data, work));
    progress(`csc-metrics, ${REFERENCE_EXTRACTS.length} extracts`, data, firstWave);
    reference.firstWave.push(firstWave);
    const sameIndicators = await measureNode(ROOT, work, [...firstWaveArgs(data, work), ...REFERENCE_INDICATOR_ARGS]);
    progress(`csc-metrics, ${REFERENCE_INDICATORS.length} indicators`, data, sameIndicators);
    reference.sameIndicators.push(sameIndicators);
    const duckdb = await measureNode(ROOT, work, [REFERENCE_RUN, data.dir, work, 'checked']);
    progress(`DuckDB, ${REFERENCE_EXTRACTS.length} extracts`, data, duckdb);
    reference.duckdb.push(duckdb);
    const lean = await sameFiguresAsChecked(await measureNode(ROOT, work, [REFERENCE_RUN, data.dir, work, 'lean']), duckdb, work);
    progress(`DuckDB lean SQL, ${REFERENCE_EXTRACTS.length} extracts`, data, lean);
    reference.lean.push(lean);
  }
}

async function main(): Promise<void> {
  const options = benchOptions(process.argv.slice(2));
  const duckdb = (await loadDuckDb()) !== null;
  const results: ScaleResult[] = [];
  for (const scale of options.scales) {
    results.push({
      data: await ensureData(ROOT, options.profile, scale, options.seed),
      report: [],
      reference: duckdb ? { firstWave: [], sameIndicators: [], duckdb: [], lean: [] } : null,
      others: options.others ? OTHER_WORKLOADS.map(() => []) : null,
    });
  }
  const work = await mkdtemp(join(tmpdir(), 'csc-bench-'));
  try {
    for (let run = 1; run <= options.runs; run++) {
      console.log(`run ${run} of ${options.runs}`);
      await runOnce(results, work);
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  const markdown = resultsMarkdown(results, options, duckdb);
  await writeFile(resolve(ROOT, options.out), markdown);
  console.log(`\n${markdown}\nwritten to ${options.out}`);
  const runs = results.flatMap((result) => [...result.report, ...(result.others ?? []).flat(), ...(result.reference?.lean ?? [])]);
  if (runs.some((run) => !run.ok)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(`bench: ${(error as Error).message}`);
  process.exitCode = 1;
});
