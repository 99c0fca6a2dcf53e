/** Runs a Node script in a child process and measures it: wall time, its own CPU time (user + system) and peak RSS. */
import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

/** One measured child run; the figures are null when it failed. */
export interface Measured {
  readonly ok: boolean;
  readonly wallSeconds: number;
  readonly cpuSeconds: number | null;
  readonly peakMb: number | null;
  /** Why it failed, with the last lines of its stderr. */
  readonly failure: string | null;
}

// Loaded with --require into the child: process.resourceUsage() covers every thread of the process.
const USAGE_PRELOAD = `process.on('exit', () => { const u = process.resourceUsage();
  require('node:fs').writeFileSync(process.env.CSC_BENCH_USAGE_FILE, JSON.stringify([u.userCPUTime + u.systemCPUTime, u.maxRSS])); });\n`;

interface Exit {
  readonly code: number | null;
  readonly signal: string | null;
  readonly stderrTail: string;
}

function spawnNode(cwd: string, args: readonly string[], usageFile: string): Promise<Exit> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, CSC_BENCH_USAGE_FILE: usageFile } });
    let tail = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      tail = (tail + chunk).slice(-4000);
    });
    child.on('error', (error) => resolve({ code: null, signal: null, stderrTail: error.message }));
    child.on('close', (code, signal) => resolve({ code, signal, stderrTail: tail }));
  });
}

function failureText(exit: Exit): string {
  const how = exit.signal ? `killed by ${exit.signal}` : exit.code === null ? 'could not start' : `exit code ${exit.code}`;
  const tail = exit.stderrTail.trim().split('\n').slice(-15).map((line) => `  | ${line}`).join('\n');
  return `FAILED (${how}); last lines of its stderr:\n${tail || '  | (nothing)'}`;
}

/** The node options a script's `#!/usr/bin/env -S node <options>` line gives it (bin/csc-metrics.js), else none. */
async function shebangOptions(script: string): Promise<string[]> {
  const firstLine = (await readFile(script, 'utf8')).split('\n', 1)[0]!;
  const options = /^#!\/usr\/bin\/env -S node(?<options>.*)$/.exec(firstLine)?.groups?.['options'];
  return options === undefined ? [] : options.trim().split(/\s+/).filter((option) => option !== '');
}

/**
 * Runs `node <args>` in cwd, with the node options the script (`args[0]`)
 * names in its `#!` line, as the installed command runs; `work` is a
 * scratch folder for the usage file.
 */
export async function measureNode(cwd: string, work: string, args: readonly string[]): Promise<Measured> {
  const preload = join(work, 'usage-preload.cjs');
  const usageFile = join(work, 'usage.json');
  await writeFile(preload, USAGE_PRELOAD);
  await writeFile(usageFile, '');
  const options = await shebangOptions(join(cwd, args[0]!));
  const started = performance.now();
  const exit = await spawnNode(cwd, [...options, '--require', preload, ...args], usageFile);
  const wallSeconds = (performance.now() - started) / 1000;
  if (exit.code !== 0) return { ok: false, wallSeconds, cpuSeconds: null, peakMb: null, failure: failureText(exit) };
  const [cpuMicros, rssKb] = JSON.parse(await readFile(usageFile, 'utf8')) as [number, number];
  return { ok: true, wallSeconds, cpuSeconds: cpuMicros / 1e6, peakMb: rssKb / 1024, failure: null };
}
