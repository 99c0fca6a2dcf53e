// The bench measures the CLI as the installed command runs (issue 13, point 1):
// with the node options its `#!/usr/bin/env -S node …` line names.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { measureNode } from '../../src/scripts/bench/measure.js';
import { ROOT } from '../e2e/runCli.js';
import { tempFolder } from '../tempFolder.js';

const folder = tempFolder('csc-bench-measure-');

// Exits 0 only when node was started with the option, 3 otherwise.
const BODY = "process.exit(process.execArgv.includes('--max-semi-space-size=4') ? 0 : 3);\n";

test('a script is run with the node options of its #! line, and measured', async () => {
  writeFileSync(join(folder.dir, 'with.mjs'), `#!/usr/bin/env -S node --max-semi-space-size=4\n${BODY}`);
  const run = await measureNode(folder.dir, folder.dir, ['with.mjs']);
  expect(run.failure).toBeNull();
  expect(run.ok).toBe(true);
  expect(run.peakMb).toBeGreaterThan(0);
  expect(run.cpuSeconds).toBeGreaterThan(0);
});

test('a script whose #! line names no options is run with none', async () => {
  writeFileSync(join(folder.dir, 'without.mjs'), `#!/usr/bin/env node\n${BODY}`);
  const run = await measureNode(folder.dir, folder.dir, ['without.mjs']);
  expect(run.ok).toBe(false);
  expect(run.failure).toContain('exit code 3');
});

test('bin/csc-metrics.js runs as a program, as the installed command does, through its #! line', () => {
  const run = spawnSync(join(ROOT, 'bin/csc-metrics.js'), ['--version'], { cwd: ROOT, env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8' });
  expect(run.stderr).toBe('');
  expect(run.stdout).toBe(`${JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version}\n`);
  expect(run.status).toBe(0);
});
