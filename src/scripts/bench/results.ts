/** The benchmark's results as a Markdown table, headed by the machine and the date of the run. */
import { cpus, totalmem } from 'node:os';
import type { BenchData } from './data.js';
import type { Measured } from './measure.js';
import type { BenchOptions } from './options.js';
import { OTHER_WORKLOADS } from './otherWorkloads.js';
import { REFERENCE_EXTRACTS, REFERENCE_INDICATORS } from './reference.js';

/** Every run of one scale: the full report and, when DuckDB is installed, the like-for-like pair. */
export interface ScaleResult {
  readonly data: BenchData;
  /** The report on every extract. */
  readonly report: Measured[];
  readonly reference: {
    /** The report on the reference SQL's extracts only. */
    readonly firstWave: Measured[];
    /** The same, computing only the reference SQL's indicators. */
    readonly sameIndicators: Measured[];
    /** The reference SQL on the extracts as read by `checked` (setup/checked.sql). */
    readonly duckdb: Measured[];
    /** The same on the extracts as `lean` reads them: the columns needed, no checks (setup/lean.sql). */
    readonly lean: Measured[];
  } | null;
  /** The runs of each of OTHER_WORKLOADS, in its order, when `--others` asked for them. */
  readonly others: Measured[][] | null;
}

/** Issue 13's targets, printed under the table; missing one does not fail the run. */
const TARGETS = 'Targets: at 1x within 1.0x of DuckDB\'s time, and within 1.5x elsewhere and of the lean SQL\'s; peak memory < 500 MB at every scale; linear time (10x data ≤ 11x time, i.e. time per row vs 1x ≤ 1.1).';

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The successful runs' values of one figure. */
function figures(runs: readonly Measured[], pick: (run: Measured) => number | null): number[] {
  return runs.filter((run) => run.ok).map(pick).filter((value): value is number => value !== null);
}

const count = (n: number): string => Math.round(n).toLocaleString('en-GB');
const fixed = (n: number, digits: number): string => n.toFixed(digits);

/** Median wall seconds of the successful runs, or null when every run failed. */
function medianWall(runs: readonly Measured[]): number | null {
  const walls = figures(runs, (run) => run.wallSeconds);
  return walls.length === 0 ? null : median(walls);
}

function wallCell(runs: readonly Measured[]): string {
  const walls = figures(runs, (run) => run.wallSeconds);
  if (walls.length === 0) return 'FAILED';
  return walls.length === 1 ? fixed(walls[0]!, 2) : `${fixed(Math.min(...walls), 2)} / ${fixed(median(walls), 2)}`;
}

function medianCell(runs: readonly Measured[], pick: (run: Measured) => number | null, format: (n: number) => string): string {
  const values = figures(runs, pick);
  return values.length === 0 ? '—' : format(median(values));
}

/** Seconds per row at this scale over seconds per row at 1x (1.00 = perfectly linear). */
function perRowVsOne(result: ScaleResult, one: ScaleResult | undefined): string {
  const wall = medianWall(result.report);
  const oneWall = one && medianWall(one.report);
  if (!one || wall === null || !oneWall) return '—';
  return fixed((wall / result.data.rows) / (oneWall / one.data.rows), 2);
}

function ratio(ours: readonly Measured[], theirs: readonly Measured[]): string {
  const a = medianWall(ours);
  const b = medianWall(theirs);
  return a === null || b === null ? '—' : `${fixed(a / b, 2)}x`;
}

/** Wall and peak memory of the report on the reference extracts (all indicators, then the SQL's), DuckDB's, and the ratios. */
function referenceCells(result: ScaleResult): string[] {
  const { reference } = result;
  if (reference === null) return HEADER.slice(8).map(() => '—');
  const peak = (runs: readonly Measured[]): string => medianCell(runs, (run) => run.peakMb, count);
  return [
    wallCell(reference.firstWave), peak(reference.firstWave), wallCell(reference.sameIndicators), peak(reference.sameIndicators),
    wallCell(reference.duckdb), peak(reference.duckdb),
    ratio(reference.sameIndicators, reference.duckdb), ratio(reference.firstWave, reference.duckdb), ratio(result.report, reference.duckdb),
    wallCell(reference.lean), peak(reference.lean), ratio(reference.sameIndicators, reference.lean),
  ];
}

function row(result: ScaleResult, one: ScaleResult | undefined): string[] {
  const { data, report } = result;
  const wall = medianWall(report);
  return [
    data.profile, `${data.scale}x`, count(data.rows), wallCell(report),
    medianCell(report, (run) => run.cpuSeconds, (n) => fixed(n, 2)),
    wall === null ? '—' : count(data.rows / wall),
    medianCell(report, (run) => run.peakMb, count),
    perRowVsOne(result, one),
    ...referenceCells(result),
  ];
}

const FEW = `${REFERENCE_EXTRACTS.length} extracts`;
const SAME = `${REFERENCE_INDICATORS.length} indicators`;
const HEADER = ['profile', 'scale', 'rows', 'wall s', 'CPU s', 'rows/s', 'peak RSS MB', 'time per row vs 1x',
  `${FEW}: wall s`, `${FEW}: peak MB`, `${SAME}: wall s`, `${SAME}: peak MB`, 'DuckDB wall s', 'DuckDB peak MB',
  `${SAME} / DuckDB`, `${FEW} / DuckDB`, 'full report / DuckDB', 'lean SQL wall s', 'lean SQL peak MB', `${SAME} / lean SQL`];

function markdownRow(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** The machine and the run, for the line above the table. */
function machine(options: BenchOptions, duckdb: boolean): string {
  const cores = cpus();
  return [
    `Run on ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cores[0]?.model.trim() ?? 'unknown CPU'} × ${cores.length} cores,`,
    `${Math.round(totalmem() / 2 ** 30)} GB RAM; ${options.runs} run${options.runs === 1 ? '' : 's'} per scale (wall s: min / median when more than one;`,
    `CPU s = user + system of the child process, median; peak RSS from the child's process.resourceUsage()).`,
    duckdb
      ? `DuckDB: @duckdb/node-api, the reference SQL of src/scripts/bench/duckdb/ (the ${SAME} of the first wave) over ${REFERENCE_EXTRACTS.join(', ')}.csv;\n` +
        `"${FEW}" is \`report\` given those files only (it still computes every indicator they allow);\n` +
        `"${SAME}" is the same with \`--indicator\` naming the SQL's ${SAME}: like for like, files and figures.\n` +
        '"lean SQL" is the same SQL over the extracts loaded as an analyst\'s first SQL would (setup/lean.sql: the columns read, no duplicate or bad-row checks); its figures are checked to be the same.'
      : 'DuckDB: not installed (npm install --no-save @duckdb/node-api), so no ratio.',
  ].join('\n');
}

const OTHERS_HEADER = ['profile', 'scale', ...OTHER_WORKLOADS.flatMap((workload) => [`${workload.name}: wall s`, `${workload.name}: peak MB`]), 'trend 12 / one period'];

const OTHERS_TARGETS = 'Targets: `report --trend 12` under 2x the one-period report of the same run (wall, medians); `validate` and `sample` under 500 MB at every scale.';

function othersRow(result: ScaleResult, others: readonly Measured[][]): string[] {
  const { data, report } = result;
  return [
    data.profile, `${data.scale}x`,
    ...others.flatMap((runs) => [wallCell(runs), medianCell(runs, (run) => run.peakMb, count)]),
    ratio(others[0]!, report),
  ];
}

/** The second table, when the other workloads were timed. */
function othersTable(results: readonly ScaleResult[]): string[] {
  const timed = results.flatMap((result) => (result.others === null ? [] : [{ result, others: result.others }]));
  if (timed.length === 0) return [];
  return [
    '## Other workloads', '',
    markdownRow(OTHERS_HEADER),
    markdownRow(OTHERS_HEADER.map((_, i) => (i < 2 ? '---' : '---:'))),
    ...timed.map(({ result, others }) => markdownRow(othersRow(result, others))), '',
    OTHERS_TARGETS, '',
  ];
}

/** The results file's text: heading, machine, table, targets; then the other workloads' table, when timed. */
export function resultsMarkdown(results: readonly ScaleResult[], options: BenchOptions, duckdb: boolean): string {
  const one = results.find((result) => result.data.scale === 1);
  return [
    '# csc-metrics benchmark', '',
    machine(options, duckdb), '',
    markdownRow(HEADER),
    markdownRow(HEADER.map((_, i) => (i < 2 ? '---' : '---:'))),
    ...results.map((result) => markdownRow(row(result, one))), '',
    TARGETS, '',
    ...othersTable(results),
  ].join('\n');
}
