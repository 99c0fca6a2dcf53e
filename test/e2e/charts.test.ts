import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './runCli.js';

const dir = mkdtempSync(join(tmpdir(), 'csc-metrics-charts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const DEMO = ['report', '--data', 'fixtures/demo', '--period', '2026-10', '--extracted-on', '2026-11-20', '--format', 'json'];

function svgFiles(folder: string): Map<string, string> {
  return new Map(readdirSync(folder).sort().map((name) => [name, readFileSync(join(folder, name), 'utf8')]));
}

describe('report --charts DIR: one SVG per indicator for board papers', () => {
  it('makes the folder and writes <indicator-id>.svg for each indicator of the report, the same bytes on a second run', () => {
    const charts = join(dir, 'charts');
    const run = runCli([...DEMO, '--trend', '6', '--charts', charts]);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as { indicators: { id: string; title: string }[] };
    const files = svgFiles(charts);
    expect([...files.keys()]).toEqual(report.indicators.map((i) => `${i.id}.svg`).sort());
    expect(run.stderr).toContain(`Wrote ${report.indicators.length} charts to ${join(charts, `${report.indicators[0]!.id}.svg`)}`);
    for (const [name, text] of files) {
      expect(text.startsWith('<?xml') || text.startsWith('<svg'), name).toBe(true);
      expect(text).toContain('xmlns="http://www.w3.org/2000/svg"');
    }
    const first = report.indicators[0]!;
    expect(files.get(`${first.id}.svg`)).toContain(`<title>${first.title}</title>`);
    // No temporary files left beside them.
    expect(readdirSync(charts).filter((name) => name.startsWith('.'))).toEqual([]);

    const again = runCli([...DEMO, '--trend', '6', '--charts', charts]);
    expect(again.code, again.stderr).toBe(0);
    expect(svgFiles(charts)).toEqual(files);
  });

  it('without --trend, each chart is the one point of the period', () => {
    const charts = join(dir, 'one');
    const run = runCli([...DEMO, '--charts', charts]);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as { indicators: { id: string }[] };
    const text = readFileSync(join(charts, `${report.indicators[0]!.id}.svg`), 'utf8');
    expect(text.match(/<circle /g)).toHaveLength(1);
  });

  it('a --charts that is a file, not a folder, stops the run with exit 2', () => {
    const file = join(dir, 'not-a-folder');
    writeFileSync(file, 'x');
    const run = runCli([...DEMO, '--charts', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`--charts ${file}: cannot make the folder`);
  });
});
