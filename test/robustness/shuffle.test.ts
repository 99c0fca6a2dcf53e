import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { demoFiles, folderWith, load, random, renderAll } from './demoRuns.js';

function quoted(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/** The file with its records (some span lines) in a seeded random order, the header first. */
function shuffled(bytes: Buffer, next: () => number): string {
  const [header, ...rows] = parse(bytes, { bom: true, relax_column_count: true }) as string[][];
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [rows[i], rows[j]] = [rows[j]!, rows[i]!];
  }
  return [header!, ...rows].map((row) => `${row.map(quoted).join(',')}\n`).join('');
}

/** The JSON report without what rightly follows the rows' lines: where each issue was found. */
function withoutLines(json: string): unknown {
  const report = JSON.parse(json);
  for (const file of report.dataQuality.files) file.issues = file.issues.map(({ line: _line, message: _message, ...rest }: { line: number; message: string }) => rest);
  return report;
}

describe('row order never changes a figure (the demo authority, its rows shuffled)', () => {
  it('gives byte-identical table, csv, html and markdown, and the same JSON but for issue lines, over 5 shuffles', async () => {
    const files = demoFiles();
    const original = renderAll(await load(folderWith(files)));
    for (let seed = 1; seed <= 5; seed++) {
      const next = random(seed);
      const shuffledFiles = new Map([...files].map(([name, bytes]) => [name, shuffled(bytes, next)]));
      const outputs = renderAll(await load(folderWith(shuffledFiles)));
      for (const format of ['table', 'csv', 'html', 'markdown']) expect(outputs[format], `${format}, seed ${seed}`).toBe(original[format]);
      expect(withoutLines(outputs.json!), `json, seed ${seed}`).toEqual(withoutLines(original.json!));
    }
  });
});
