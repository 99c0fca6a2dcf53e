import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './runCli.js';

// The demo extracts were taken on 20/11/2026 (fixtures/demo/README.md); pinned so no row becomes "future" on another clock.
const DEMO = ['report', '--data', 'fixtures/demo', '--period', '2026-10', '--extracted-on', '2026-11-20', '--trend', '3', '--by', 'team'];

const dir = mkdtempSync(join(tmpdir(), 'csc-metrics-xlsx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('report --out pack.xlsx', () => {
  it('writes a workbook whose Summary has one row per indicator, with the numerators of --format json', async () => {
    const pack = join(dir, 'pack.xlsx');
    const run = runCli([...DEMO, '--out', pack]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`Wrote xlsx report to ${pack}`);

    const json = runCli([...DEMO, '--format', 'json']);
    expect(json.code).toBe(0);
    const indicators = (JSON.parse(json.stdout) as { indicators: { id: string; numerator?: number; count?: number }[] }).indicators;

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(pack);
    const summary = workbook.getWorksheet('Summary')!;
    const header = (summary.getRow(1).values as unknown[]).slice(1);
    const [id, numerator] = [header.indexOf('indicator') + 1, header.indexOf('numerator') + 1];
    const rows: [unknown, unknown][] = [];
    for (let r = 2; r <= summary.rowCount; r++) rows.push([summary.getRow(r).getCell(id).value, summary.getRow(r).getCell(numerator).value]);
    expect(rows).toEqual(indicators.map((i) => [i.id, i.numerator ?? i.count]));
    expect(workbook.getWorksheet('Trend')).toBeDefined();
    expect(workbook.getWorksheet('Breakdown')!.getRow(1).getCell(2).value).toBe('team');
    // A sheet per indicator, named by its id cut to Excel's 31 characters (care-leavers-suitable-accommodation).
    for (const indicator of indicators) expect(workbook.getWorksheet(indicator.id.slice(0, 31)), indicator.id).toBeDefined();
  });

  it('refuses an --out extension no format writes, writing nothing', () => {
    const wrong = join(dir, 'wrong');
    const run = runCli([...DEMO, '--out', join(wrong, '..', 'pack.xlsc')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/--out .*pack\.xlsc: no format writes \.xlsc files/);
    expect(run.stdout).toBe('');
    expect(readdirSync(dir).filter((name) => name.includes('xlsc'))).toEqual([]);
    expect(existsSync(join(dir, 'pack.xlsc'))).toBe(false);
  });

  it('refuses a workbook under a text name, and text under .xlsx', () => {
    expect(runCli([...DEMO, '--format', 'xlsx', '--out', join(dir, 'pack.json')]).code).toBe(1);
    expect(runCli([...DEMO, '--format', 'json', '--out', join(dir, 'pack2.xlsx')]).code).toBe(1);
    expect(existsSync(join(dir, 'pack.json')) || existsSync(join(dir, 'pack2.xlsx'))).toBe(false);
  });

  it('writes the workbook to stdout when it is not a terminal', async () => {
    const run = runCli([...DEMO, '--format', 'xlsx']);
    expect(run.code).toBe(0);
    // runCli reads stdout as UTF-8: the zip's signature survives it.
    expect(run.stdout.startsWith('PK\u0003\u0004')).toBe(true);
  });
});
