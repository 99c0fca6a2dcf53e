import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './runCli.js';

const dir = mkdtempSync(join(tmpdir(), 'csc-metrics-saved-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const config = join(dir, 'config.json');
writeFileSync(
  config,
  JSON.stringify({
    reports: {
      monthly: { data: 'fixtures/demo', period: 'last-month', indicator: ['visits-cp', 'assessment-timeliness'], by: 'team', trend: 3, format: 'json', out: join(dir, 'pack-{period}.json'), failOn: 'red' },
      weekly: { data: 'fixtures/demo', period: 'last-week', format: 'csv', out: join(dir, 'week-{period}.csv') },
    },
  }),
);

describe('report NAME: a saved run of the config', () => {
  it('runs with its options: the relative period resolves against the extract date, {period} names the file, only its indicators, failOn gives exit 3', () => {
    const run = runCli(['report', 'monthly', '--config', config, '--extracted-on', '2026-11-20']);
    expect(run.code, run.stderr).toBe(3);
    const path = join(dir, 'pack-2026-10.json');
    expect(run.stderr).toContain(`Wrote json report to ${path}`);
    const report = JSON.parse(readFileSync(path, 'utf8'));
    expect([report.period.from, report.period.to, report.groupBy]).toEqual(['2026-10-01', '2026-10-31', 'team']);
    expect(report.indicators[0].series).toHaveLength(3);
    // assessment-timeliness is red in October (22/26 against 90 %): the exit 3.
    expect(report.indicators.map((i: { id: string }) => i.id)).toEqual(['assessment-timeliness', 'visits-cp']);
  });

  it('what the command line gives wins over the saved run', () => {
    const run = runCli(['report', 'weekly', '--config', config, '--extracted-on', '2026-11-20', '--period', '2026-W45']);
    expect(run.code, run.stderr).toBe(0);
    expect(existsSync(join(dir, 'week-2026-W45.csv'))).toBe(true);
    expect(existsSync(join(dir, 'week-2026-W46.csv'))).toBe(false);
  });

  it('a name the config does not hold is a usage error naming those it does', () => {
    const run = runCli(['report', 'daily', '--config', config]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('report daily: the config has no saved run of that name (its runs: monthly, weekly)');
  });
});
