import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './runCli.js';

const dir = mkdtempSync(join(tmpdir(), 'csc-metrics-exceptions-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const DEMO = ['report', '--data', 'fixtures/demo', '--period', '2026-10', '--extracted-on', '2026-11-20', '--format', 'json'];
const BOM = '\uFEFF';

function rowsOf(path: string): Record<string, string>[] {
  return parse(readFileSync(path, 'utf8'), { bom: true, columns: true }) as Record<string, string>[];
}

describe('report --exceptions-out: the child-level lists a team manager filters', () => {
  it('one long table of every exception with its key dates, after a UTF-8 byte-order mark', () => {
    const out = join(dir, 'exceptions.csv');
    const run = runCli([...DEMO, '--exceptions-out', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(`Wrote the exceptions to ${out}`);
    const text = readFileSync(out, 'utf8');
    expect(text.startsWith(BOM)).toBe(true);
    const report = JSON.parse(run.stdout) as { indicators: { id: string; exceptions: unknown[] }[] };
    const rows = rowsOf(out);
    // Exactly the JSON's exceptions, indicator by indicator.
    expect(rows.length).toBe(report.indicators.reduce((n, i) => n + i.exceptions.length, 0));
    const late = rows.filter((r) => r.indicator === 'assessment-timeliness');
    expect(late).toHaveLength(4);
    // An assessment's dates come as ISO dates in their own columns; a visit-timeliness row (an event) has none.
    expect(late[0]!.start_date).toMatch(/^2026-\d\d-\d\d$/);
    expect(late[0]!.completed_date).toMatch(/^2026-10-\d\d$/);
    expect(Object.keys(rows[0]!).slice(0, 7)).toEqual(['indicator', 'title', 'child', 'record', 'team', 'worker', 'detail']);
  });

  it('--by team --split: one file per team, each holding only its team, and --no-bom drops the mark', () => {
    const run = runCli([...DEMO, '--by', 'team', '--exceptions-out', join(dir, 'exceptions.csv'), '--split', '--no-bom']);
    expect(run.code, run.stderr).toBe(0);
    const files = readdirSync(dir).filter((name) => name.startsWith('exceptions-')).sort();
    expect(files).toEqual(['exceptions-Team A.csv', 'exceptions-Team B.csv', 'exceptions-Team C.csv']);
    for (const name of files) {
      const team = name.slice('exceptions-'.length, -'.csv'.length);
      expect(readFileSync(join(dir, name), 'utf8').startsWith(BOM)).toBe(false);
      expect(new Set(rowsOf(join(dir, name)).map((r) => r.team))).toEqual(new Set([team]));
    }
  });

  it('--split without --by team or worker, or without --exceptions-out, is a usage error', () => {
    expect(runCli([...DEMO, '--exceptions-out', join(dir, 'x.csv'), '--split']).stderr).toContain('--split writes one exceptions file per team or worker: give --by team or --by worker');
    expect(runCli([...DEMO, '--split']).code).toBe(1);
  });
});

describe('CSV outputs', () => {
  it('report --format csv with --trend: a BOM, then one row per indicator per period', () => {
    const run = runCli(['report', '--data', 'fixtures/demo', '--period', '2026-10', '--extracted-on', '2026-11-20', '--format', 'csv', '--trend', '3']);
    expect(run.stdout.startsWith(BOM)).toBe(true);
    const rows = parse(run.stdout, { bom: true, columns: true }) as Record<string, string>[];
    const timeliness = rows.filter((r) => r.indicator === 'assessment-timeliness');
    expect(timeliness.map((r) => r.period_from)).toEqual(['2026-08-01', '2026-09-01', '2026-10-01']);
    expect(timeliness[2]!.numerator).toBe('22');
  });

  it('validate --format csv starts with the BOM', () => {
    const run = runCli(['validate', '--data', 'fixtures/demo', '--extracted-on', '2026-11-20', '--format', 'csv']);
    expect(run.code).toBe(2);
    expect(run.stdout.startsWith(`${BOM}file,kind,line,`)).toBe(true);
  });
});
