import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './runCli.js';

// An authority's own indicators, declared in its config (catalogue.md's examples), run by the built CLI on the demo.
const dir = mkdtempSync(join(tmpdir(), 'csc-metrics-custom-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const config = join(dir, 'config.json');
writeFileSync(
  config,
  JSON.stringify({
    indicators: [
      {
        id: 'ws17-neglect-oversight-4-weeks',
        title: 'Neglect cases with supervision or oversight in 4 weeks',
        shape: 'due',
        plans: { where: { category: ['Neglect'] } },
        records: { extract: 'supervision', where: { kind: ['supervision', 'oversight'] } },
        within: { calendarDays: 28 },
        target: [{ from: '2026-01-01', target: 80 }, { from: '2026-10-01', target: 90 }],
      },
      { id: 'cp-visit-seen-alone', title: 'CP visits where the child was seen alone', shape: 'flag', extract: 'visits', date: 'visit_date', flag: 'seen_alone', where: { plan_type: ['CP'] }, target: 80 },
    ],
  }),
);
const DEMO = ['--data', 'fixtures/demo', '--period', '2026-10', '--extracted-on', '2026-11-20', '--config', config];

describe('declarative indicators from the config appear wherever a built-in does', () => {
  it('JSON: the figure, dated target, groups by category, trend (each point its own target) and exceptions', () => {
    const run = runCli(['report', ...DEMO, '--by', 'category', '--trend', '3', '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    const ws17 = JSON.parse(run.stdout).indicators.find((i: { id: string }) => i.id === 'ws17-neglect-oversight-4-weeks');
    // 19 of the 23 children with an open neglect plan on 31/10/2026 had supervision or oversight within 28 days.
    expect([ws17.numerator, ws17.denominator, ws17.target, ws17.rag]).toEqual([19, 23, 0.9, 'red']);
    expect(ws17.groups.map((g: { key: string }) => g.key)).toEqual(['Neglect']);
    expect(ws17.exceptions).toHaveLength(4);
    // August and September are under the 80 % step, October under the 90 % one.
    expect(ws17.series.map((p: { period: string; target: number }) => [p.period, p.target])).toEqual([['2026-08', 0.8], ['2026-09', 0.8], ['2026-10', 0.9]]);
  });

  it('CSV, HTML and the terminal table carry them too', () => {
    const csv = runCli(['report', ...DEMO, '--format', 'csv']);
    expect(csv.stdout).toContain('cp-visit-seen-alone,CP visits where the child was seen alone,rate,');
    const html = runCli(['report', ...DEMO, '--format', 'html']);
    expect(html.stdout).toContain('data-indicator="ws17-neglect-oversight-4-weeks"');
    const table = runCli(['report', ...DEMO, '--format', 'table']);
    expect(table.stdout).toContain('Neglect cases with supervision or oversight in 4 weeks');
  });

  it('sample --indicator draws from its cohort, and --fail-under names it', () => {
    const sample = runCli(['sample', ...DEMO, '--kind', 'plans', '--size', '2', '--seed', 's1', '--indicator', 'ws17-neglect-oversight-4-weeks', '--only', 'exceptions', '--format', 'json']);
    expect(sample.code, sample.stderr).toBe(0);
    const drawn = JSON.parse(sample.stdout) as { summary: { eligible: number }; rows: { indicator: string; outcome: string }[] };
    // The 4 exceptions of the JSON report above are the eligible records.
    expect(drawn.summary.eligible).toBe(4);
    expect(drawn.rows.map((row) => [row.indicator, row.outcome])).toEqual([['ws17-neglect-oversight-4-weeks', 'not met'], ['ws17-neglect-oversight-4-weeks', 'not met']]);
    const gate = runCli(['report', ...DEMO, '--format', 'json', '--fail-under', 'ws17-neglect-oversight-4-weeks=85']);
    expect(gate.code).toBe(3);
  });

  it('a config naming an unknown column is a usage error with the path and the columns there are', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ indicators: [{ id: 'x', shape: 'flag', extract: 'visits', date: 'visit_date', flag: 'seen_alonee' }] }));
    const run = runCli(['report', '--data', 'fixtures/demo', '--period', '2026-10', '--config', bad]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('indicators.0.flag: visits has no flag column "seen_alonee" (its flag columns: seen_alone)');
    expect(run.stdout).toBe('');
  });
});
