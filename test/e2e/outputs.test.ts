import { spawn, spawnSync } from 'node:child_process';
import { closeSync, copyFileSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { errorReport, exitCodeFor, REPORT_HINT } from '../../src/cli/exitCodes.js';
import { OutputError } from '../../src/io/output.js';
import { ROOT, runCli, type CliRun } from './runCli.js';

const ENV = { PATH: process.env.PATH ?? '', NO_COLOR: '1' };
const DEMO = ['--data', 'fixtures/demo', '--period', '2026-10', '--extracted-on', '2026-11-20'];
/** A stack trace line, as Node prints one. */
const STACK = /^\s+at /m;

const dir = mkdtempSync(join(tmpdir(), 'csc-outputs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the built CLI with /dev/full (every write fails with ENOSPC) as its stdout. */
function toFullDisk(args: readonly string[]): CliRun {
  const full = openSync('/dev/full', 'w');
  try {
    const result = spawnSync(process.execPath, ['bin/csc-metrics.js', ...args], { cwd: ROOT, env: ENV, encoding: 'utf8', stdio: ['ignore', full, 'pipe'] });
    return { code: result.status, stdout: '', stderr: result.stderr };
  } finally {
    closeSync(full);
  }
}

describe.runIf(process.platform === 'linux')('stdout on a full disk', () => {
  test.each([
    ['report', ['report', '--format', 'json']],
    ['validate', ['validate', '--data', 'fixtures/formats', '--extracted-on', '2026-11-20']],
    ['sample', ['sample', ...DEMO, '--kind', 'assessments', '--size', '5', '--seed', '2026-11']],
    ['indicators', ['indicators', '--format', 'json']],
    ['--help', ['--help']],
  ])('%s exits 2 with one line saying so, and no stack trace', (_name, args) => {
    const run = toFullDisk([...args, ...(args[0] === 'indicators' || args[0] === '--help' ? [] : ['--quiet'])]);
    expect(run.code, run.stderr).toBe(2);
    const lines = run.stderr.trimEnd().split('\n').filter((line) => !line.startsWith('seed: '));
    expect(lines).toEqual(['csc-metrics: cannot write the result to standard output (ENOSPC: no space left on device)']);
  });
});

describe.runIf(process.platform === 'linux')('a reader that closes stdout early (| head -c 10, a pager quit)', () => {
  /** Runs `csc-metrics ARGS | head -c 10` in bash: the CLI's exit code, what head printed, the CLI's stderr. */
  function throughHead(args: readonly string[]): CliRun {
    const command = [process.execPath, 'bin/csc-metrics.js', ...args].map((word) => `'${word}'`).join(' ');
    const result = spawnSync('bash', ['--norc', '--noprofile', '-c', `${command} | head -c 10; exit \${PIPESTATUS[0]}`], { cwd: ROOT, env: ENV, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  // About 80 kB of JSON: more than a pipe holds (64 kB), so the CLI is still writing when head exits (EPIPE).
  const BIG = ['report', '--by', 'worker', '--trend', '12', '--format', 'json', '--quiet'];

  test('ends quietly with exit 0: no message and no stack trace', () => {
    const run = throughHead(BIG);
    expect(run.stdout).toBe('{\n  "schem');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });

  test('keeps the exit code of the run: a breached threshold still exits 3', () => {
    const run = throughHead([...BIG, '--fail-on', 'amber']);
    expect(run.code).toBe(3);
    expect(run.stderr).not.toMatch(STACK);
    expect(run.stderr).not.toMatch(/EPIPE/);
  });

  test('also when the reader is gone before anything is written', async () => {
    const child = spawn(process.execPath, ['bin/csc-metrics.js', ...BIG], { cwd: ROOT, env: ENV, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});

describe('--out', () => {
  test('onto an input extract is a usage error naming both, and leaves the extract unchanged', () => {
    const before = readFileSync(join(ROOT, 'fixtures/demo/assessments.csv'));
    const run = runCli(['report', '--data', 'fixtures/demo', '--out', 'fixtures/demo/assessments.csv']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^csc-metrics: --out fixtures\/demo\/assessments\.csv is an input of this run \(fixtures\/demo\/assessments\.csv, read through --data fixtures\/demo\)/);
    expect(run.stderr).not.toMatch(/Data quality/); // refused before anything is read
    expect(readFileSync(join(ROOT, 'fixtures/demo/assessments.csv'))).toEqual(before);
  });

  test('onto a file given by a per-kind flag, or the bundled demo, is refused too', () => {
    const copy = join(dir, 'visits.csv');
    copyFileSync(join(ROOT, 'fixtures/demo/visits.csv'), copy);
    const named = runCli(['sample', '--visits', copy, '--kind', 'visits', '--size', '1', '--out', copy]);
    expect(named.code).toBe(1);
    expect(named.stderr).toContain(`(the file given as --visits ${copy})`);
    const demo = runCli(['report', '--out', 'fixtures/demo/plans.csv']);
    expect(demo.code).toBe(1);
    expect(demo.stderr).toContain('read through the bundled demo authority');
  });

  test('replaces an earlier file whole and leaves no temporary file', () => {
    const at = join(dir, 'packs');
    mkdirSync(at);
    writeFileSync(join(at, 'board-pack.json'), 'last month\n');
    const run = runCli(['report', '--quiet', '--out', join(at, 'board-pack.json')]);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(at, 'board-pack.json'), 'utf8'))).toHaveProperty('schemaVersion');
    expect(readdirSync(at)).toEqual(['board-pack.json']);
  });

  test('into a folder that cannot exist is a data error with one line, no stack trace', () => {
    const run = runCli(['report', '--quiet', '--out', 'README.md/report.json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('csc-metrics: UNWRITABLE_FILE: --out README.md/report.json: cannot write the file (ENOTDIR: not a directory)\n');
  });
});

describe('the message of an error nothing expected', () => {
  test('is "internal error" on one line and where to report it, exit 70, no stack', () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'rows')\n    in a second line");
    expect(exitCodeFor(bug)).toBe(70);
    expect(errorReport(bug, false)).toBe(
      `csc-metrics: internal error: Cannot read properties of undefined (reading 'rows') in a second line\n${REPORT_HINT} (CSC_METRICS_DEBUG=1 shows the details)\n`,
    );
    expect(errorReport('thrown text', false)).toMatch(/^csc-metrics: internal error: thrown text\n/);
    expect(errorReport(Object.create(null), false)).toMatch(/^csc-metrics: internal error: an unprintable value was thrown\n/);
  });

  test('carries the stack trace with CSC_METRICS_DEBUG=1', () => {
    const bug = new RangeError('boom');
    expect(errorReport(bug, true)).toContain(bug.stack!);
    expect(errorReport(bug, false)).not.toMatch(STACK);
  });

  test('of a usage or output error is one line without "internal"', () => {
    expect(errorReport(new UsageError('--period 2026-13: no such month'), false)).toBe('csc-metrics: --period 2026-13: no such month\n');
    expect(exitCodeFor(new OutputError('cannot write'))).toBe(2);
  });
});
