import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './runCli.js';

// The demo extracts were taken on 20/11/2026 (fixtures/demo/README.md); pinned so no row becomes "future" on another clock.
const DEMO = ['report', '--data', 'fixtures/demo', '--period', '2026-10', '--extracted-on', '2026-11-20', '--trend', '6', '--by', 'team', '--title', 'Demo Authority'];

describe('report --format markdown|csv on stdout: the same input and flags give the same bytes', () => {
  it.each([
    ['markdown', '# Demo Authority\n'],
    // CSV starts with the UTF-8 byte-order mark Excel on Windows needs.
    ['csv', '\uFEFFindicator,title,kind,group,numerator,denominator,value,target,direction,rag,period_from,period_to,as_at,warnings\r\n'],
  ])('%s', (format, start) => {
    const first = runCli([...DEMO, '--format', format]);
    const second = runCli([...DEMO, '--format', format]);
    expect(first.code).toBe(0);
    expect(first.stdout.startsWith(start)).toBe(true);
    expect(first.stdout.length).toBeGreaterThan(start.length);
    expect(second.stdout).toBe(first.stdout);
    // The data-quality summary goes to stderr, never into the result.
    expect(first.stderr).toContain('rows read');
    expect(first.stdout).not.toContain('INVALID_DATE');
  });
});

describe('report --fail-on red on the demo data (it has red indicators)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'csc-metrics-fail-on-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 3 after writing the whole output file', () => {
    const failing = join(dir, 'failing.html');
    const passing = join(dir, 'passing.html');
    const run = runCli([...DEMO, '--format', 'html', '--out', failing, '--fail-on', 'red']);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/threshold breached: [a-z0-9-]+ is red \(--fail-on red\)/);
    expect(existsSync(failing)).toBe(true);
    expect(runCli([...DEMO, '--format', 'html', '--out', passing]).code).toBe(0);
    expect(readFileSync(failing, 'utf8')).toBe(readFileSync(passing, 'utf8'));
    // Written before the exit: the message saying so comes first.
    expect(run.stderr.indexOf('Wrote html report')).toBeLessThan(run.stderr.indexOf('threshold breached'));
  });
});
