/**
 * `npm run bench [-- --visits N --seed S]`: makes the benchmark extracts in
 * bench-data/ (unless they are already there with the same parameters), then
 * times (a) a bare csv-parse pass over every file and (b) the real `report`
 * command in a child process: wall time, rows/s and the child's peak memory.
 * Targets are printed beside the figures; missing one does not fail the run.
 */
import { spawn } from 'node:child_process';
import { createReadStream, existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse } from 'csv-parse';
import {
  BENCH_SEED,
  BENCH_VISITS,
  GENERATOR_VERSION,
  benchOptions,
  generateAuthority,
  parseWholeNumber,
  type WrittenFile,
} from './syntheticAuthority.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DATA = 'bench-data';
const MANIFEST = 'manifest.json';
const PERIOD = '2026-10';
const TARGET_SECONDS = 12;
const TARGET_MB = 500;

interface Manifest {
  readonly generator: number;
  readonly seed: number;
  readonly visits: number;
  readonly files: readonly WrittenFile[];
}

interface Measured {
  readonly file: string;
  readonly rows: number;
  readonly seconds: number;
}

/** How the child's peak memory is read: GNU time's %M, or the child's own process.resourceUsage(). */
type MemoryProbe = 'gnu-time' | 'resource-usage';

interface ChildRun {
  readonly code: number | null;
  readonly signal: string | null;
  readonly seconds: number;
  readonly peakKb: number | null;
  readonly stderrTail: string;
}

const formatCount = (n: number): string => Math.round(n).toLocaleString('en-GB');

function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  return rows.map((row) => row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('   ')).join('\n');
}

async function readManifest(dir: string): Promise<Manifest | null> {
  try {
    return JSON.parse(await readFile(join(dir, MANIFEST), 'utf8')) as Manifest;
  } catch {
    return null;
  }
}

/** Reuses bench-data/ when its manifest records the same generator, seed and visits; regenerates it otherwise. */
async function ensureData(dir: string, seed: number, visits: number): Promise<Manifest> {
  const old = await readManifest(dir);
  if (old && old.generator === GENERATOR_VERSION && old.seed === seed && old.visits === visits &&
    old.files.every((f) => existsSync(join(dir, f.file)))) {
    console.log(`${DATA}/: reusing (seed ${seed}, ${formatCount(visits)} visits)`);
    return old;
  }
  await rm(join(dir, MANIFEST), { force: true });
  const started = performance.now();
  const files = await generateAuthority(dir, benchOptions(visits, seed));
  const manifest: Manifest = { generator: GENERATOR_VERSION, seed, visits, files };
  await writeFile(join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`${DATA}/: generated (seed ${seed}, ${formatCount(visits)} visits) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return manifest;
}

/** Streams one file through csv-parse (arrays, no column mapping) and counts the data rows. */
async function parseOnly(path: string): Promise<number> {
  let records = 0;
  const counter = new Writable({
    objectMode: true,
    write(_record: unknown, _encoding, done) {
      records++;
      done();
    },
  });
  await pipeline(createReadStream(path), parse({ columns: false }), counter);
  return records - 1;
}

async function measureParse(dir: string, files: readonly WrittenFile[]): Promise<Measured[]> {
  const measured: Measured[] = [];
  for (const { file } of files) {
    const started = performance.now();
    const rows = await parseOnly(join(dir, file));
    measured.push({ file, rows, seconds: (performance.now() - started) / 1000 });
  }
  return measured;
}

/** GNU time when `/usr/bin/time -f %M -o FILE` works here (it does not on macOS or busybox). */
async function chooseProbe(work: string): Promise<MemoryProbe> {
  const out = join(work, 'probe.txt');
  const ok = await new Promise<boolean>((resolve) => {
    const child = spawn('/usr/bin/time', ['-f', '%M', '-o', out, process.execPath, '-e', ''], { stdio: 'ignore' });
    child.on('error', () => resolve(false));
    child.on('close', (code) => resolve(code === 0));
  });
  return ok && /^\d+\s*$/.test(await readFile(out, 'utf8').catch(() => '')) ? 'gnu-time' : 'resource-usage';
}

// Loaded with --require into the child: writes its own peak RSS (KB) on exit.
const RSS_PRELOAD = `process.on('exit', () => require('node:fs').writeFileSync(process.env.CSC_BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)));\n`;

/** The command line that runs `node bin/csc-metrics.js …` with the peak-memory probe around or inside it. */
async function commandFor(probe: MemoryProbe, work: string, args: readonly string[]): Promise<[string, string[]]> {
  const rssFile = join(work, 'rss.txt');
  if (probe === 'gnu-time') return ['/usr/bin/time', ['-f', '%M', '-o', rssFile, process.execPath, ...args]];
  const preload = join(work, 'rss-preload.cjs');
  await writeFile(preload, RSS_PRELOAD);
  return [process.execPath, ['--require', preload, ...args]];
}

async function runReport(probe: MemoryProbe, work: string, args: readonly string[]): Promise<ChildRun> {
  const rssFile = join(work, 'rss.txt');
  const [command, commandArgs] = await commandFor(probe, work, args);
  const started = performance.now();
  const { code, signal, stderrTail } = await new Promise<Pick<ChildRun, 'code' | 'signal' | 'stderrTail'>>((resolve) => {
    const child = spawn(command, commandArgs, {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, CSC_BENCH_RSS_FILE: rssFile },
    });
    let tail = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      tail = (tail + chunk).slice(-4000);
    });
    child.on('error', (error) => resolve({ code: null, signal: null, stderrTail: error.message }));
    child.on('close', (exitCode, exitSignal) => resolve({ code: exitCode, signal: exitSignal, stderrTail: tail }));
  });
  const seconds = (performance.now() - started) / 1000;
  const kb = Number.parseInt(await readFile(rssFile, 'utf8').catch(() => ''), 10);
  return { code, signal, seconds, peakKb: Number.isFinite(kb) ? kb : null, stderrTail };
}

function parseTable(measured: readonly Measured[]): string {
  const rows = measured.reduce((sum, m) => sum + m.rows, 0);
  const seconds = measured.reduce((sum, m) => sum + m.seconds, 0);
  const line = (name: string, r: number, s: number): string[] => [name, formatCount(r), s.toFixed(2), formatCount(r / s)];
  return table([
    ['file', 'rows', 'parse s', 'rows/s'],
    ...measured.map((m) => line(m.file, m.rows, m.seconds)),
    line('total', rows, seconds),
  ]);
}

function verdict(met: boolean): string {
  return met ? 'met' : 'MISSED';
}

function reportTable(run: ChildRun, rows: number, probe: MemoryProbe): string {
  const mb = run.peakKb === null ? null : run.peakKb / 1024;
  const how = probe === 'gnu-time' ? 'max RSS from /usr/bin/time -f %M' : "max RSS from the child's process.resourceUsage()";
  return table([
    ['measure', 'value', 'target', ''],
    ['wall time', `${run.seconds.toFixed(2)} s`, `< ${TARGET_SECONDS} s`, verdict(run.seconds < TARGET_SECONDS)],
    ['rows/s', formatCount(rows / run.seconds), '', ''],
    ['peak memory', mb === null ? 'unknown' : `${formatCount(mb)} MB`, `< ${TARGET_MB} MB`, mb === null ? '' : verdict(mb < TARGET_MB)],
  ]) + `\n(peak memory: ${how})`;
}

function failure(run: ChildRun): string {
  const how = run.signal ? `killed by ${run.signal}` : run.code === null ? 'could not start' : `exit code ${run.code}`;
  const tail = run.stderrTail.trim().split('\n').slice(-15).map((line) => `  | ${line}`).join('\n');
  return `report command FAILED (${how}) after ${run.seconds.toFixed(2)} s; no figures measured.\nlast lines of its stderr:\n${tail || '  | (nothing)'}`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { visits: { type: 'string' }, seed: { type: 'string' } }, strict: true });
  const visits = values.visits === undefined ? BENCH_VISITS : parseWholeNumber('--visits', values.visits, 1, 100_000_000);
  const seed = values.seed === undefined ? BENCH_SEED : parseWholeNumber('--seed', values.seed, 0, 0xffffffff);
  const dir = join(ROOT, DATA);
  const manifest = await ensureData(dir, seed, visits);

  const measured = await measureParse(dir, manifest.files);
  const rows = measured.reduce((sum, m) => sum + m.rows, 0);
  console.log(`\n(a) csv-parse only (streaming, columns: false)\n${parseTable(measured)}`);

  const work = await mkdtemp(join(tmpdir(), 'csc-bench-'));
  try {
    const args = ['bin/csc-metrics.js', 'report', '--data', DATA, '--period', PERIOD, '--format', 'json', '--out', join(work, 'report.json')];
    const probe = await chooseProbe(work);
    console.log(`\n(b) node ${args.join(' ')}`);
    const run = await runReport(probe, work, args);
    if (run.code === 0) {
      console.log(reportTable(run, rows, probe));
    } else {
      console.log(failure(run));
      process.exitCode = 1;
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(`bench: ${(error as Error).message}`);
  process.exitCode = 1;
});
