import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Dataset } from '../../src/core/dataset.js';
import { findIndicator } from '../../src/core/indicators/registry.js';
import { renderSampleCsv } from '../../src/render/sample.js';
import { renderSampleXlsx } from '../../src/render/sampleXlsx.js';
import { draw, loadScenario } from '../sample/helpers.js';
import { readWorkbook, sheetOf } from './readWorkbook.js';


/** A row's values from column A (exceljs's row.values starts at index 1), empty cells as null. */
function values(ws: ExcelJS.Worksheet, row: number, width: number): unknown[] {
  return Array.from({ length: width }, (_, i) => ws.getRow(row).getCell(i + 1).value ?? null);
}

function header(csv: string): string[] {
  return csv.split('\r\n')[0]!.split(',');
}

let data: Dataset;
beforeAll(async () => {
  data = await loadScenario('hand-worked');
});

const timeliness = findIndicator('assessment-timeliness')!;
const GRADE_LIST = ['"Outstanding,Good,Requires improvement,Inadequate"'];

describe('renderSampleXlsx: the dip sample as a workbook', () => {
  test("the Sample sheet has the CSV's columns and the sampled rows, key dates as real dates", async () => {
    const sample = draw(data, { kind: 'assessments', size: 2, seed: '2026-11', indicator: timeliness });
    const ws = sheetOf(await readWorkbook(await renderSampleXlsx(sample)), 'Sample');
    const columns = header(renderSampleCsv(sample));
    expect(values(ws, 1, columns.length)).toEqual(columns);
    expect(ws.rowCount).toBe(3);
    // As the CSV: A1003 (open, started 12/10), then A1007 (not met).
    expect(values(ws, 3, columns.length)).toEqual([
      'assessments', 'A1007', 'C00017', 'Team A', 'L Jones',
      new Date(Date.UTC(2026, 5, 1)), new Date(Date.UTC(2026, 5, 2)), new Date(Date.UTC(2026, 9, 31)),
      'assessment-timeliness', 'not met', 'completed after 108 working days',
      null, null, null, null,
    ]);
    const completed = ws.getRow(3).getCell(columns.indexOf('completed_date') + 1);
    expect(completed.value).toBeInstanceOf(Date);
    expect(completed.numFmt).toBe('dd/mm/yyyy');
    expect(ws.getRow(2).getCell(columns.indexOf('completed_date') + 1).value).toBeNull();
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBeDefined();
  });

  test('grade has a drop-down of the four grades refusing anything else, audit_date a date check, on every sampled row', async () => {
    const sample = draw(data, { kind: 'assessments', size: 4, seed: '2026-11' });
    const ws = sheetOf(await readWorkbook(await renderSampleXlsx(sample)), 'Sample');
    const columns = header(renderSampleCsv(sample));
    for (let r = 2; r <= sample.rows.length + 1; r++) {
      const grade = ws.getRow(r).getCell(columns.indexOf('grade') + 1);
      expect(grade.dataValidation).toMatchObject({ type: 'list', formulae: GRADE_LIST, showErrorMessage: true, allowBlank: true });
      expect(grade.dataValidation.errorStyle ?? 'stop').toBe('stop');
      const auditDate = ws.getRow(r).getCell(columns.indexOf('audit_date') + 1);
      expect(auditDate.dataValidation).toMatchObject({ type: 'date', operator: 'greaterThanOrEqual', showErrorMessage: true, formulae: [new Date(Date.UTC(2026, 9, 1))] });
      expect(auditDate.numFmt).toBe('dd/mm/yyyy');
    }
  });

  test('date-times keep their clock time', async () => {
    const sample = draw(data, { kind: 'missing', size: 10 });
    const ws = sheetOf(await readWorkbook(await renderSampleXlsx(sample)), 'Sample');
    const columns = header(renderSampleCsv(sample));
    const row = sample.rows.findIndex((r) => r.recordId === 'M3001') + 2;
    const from = ws.getRow(row).getCell(columns.indexOf('missing_from') + 1);
    expect(from.value).toEqual(new Date(Date.UTC(2026, 9, 3, 22, 0)));
    expect(from.numFmt).toBe('dd/mm/yyyy hh:mm');
  });

  test('the About sheet says how the sample was drawn', async () => {
    const sample = draw(data, { kind: 'assessments', size: 2, seed: '2026-11', by: 'team', indicator: timeliness, pseudonymKey: 'k' });
    const ws = sheetOf(await readWorkbook(await renderSampleXlsx(sample)), 'About');
    const facts = new Map<unknown, unknown>();
    ws.eachRow((row, n) => {
      if (n > 1) facts.set(row.getCell(1).value, row.getCell(2).value);
    });
    expect(facts.get('seed')).toBe('2026-11');
    expect(facts.get('period')).toBe('2026-10');
    expect(facts.get('period from')).toEqual(new Date(Date.UTC(2026, 9, 1)));
    expect(facts.get('frame')).toBe(sample.frame);
    expect(facts.get('size')).toBe(2);
    expect(facts.get('by')).toBe('team');
    expect(facts.get('indicator')).toBe('assessment-timeliness');
    expect(facts.get('pseudonymised')).toBe('yes');
    expect(facts.get('sampled')).toBe(sample.rows.length);
  });

  test('formulas in the data are neutralised', async () => {
    const sample = draw(await loadScenario('formula'), { kind: 'assessments', size: 10 });
    const workbook = await readWorkbook(await renderSampleXlsx(sample));
    const texts: string[] = [];
    sheetOf(workbook, 'Sample').eachRow((row) => row.eachCell((cell) => void (typeof cell.value === 'string' && texts.push(cell.value))));
    expect(texts).toContain("'=cmd|' /C calc'!A0");
    expect(texts).toContain("'+SUM(A1:A9)");
    expect(texts.filter((text) => /^\s*[=+@-]/.test(text))).toEqual([]);
    sheetOf(workbook, 'Sample').eachRow((row) => row.eachCell((cell) => expect(cell.formula).toBeUndefined()));
  });

  test('two renders of the same sample give identical bytes', async () => {
    const sample = draw(data, { kind: 'missing', size: 10, indicator: findIndicator('rhi-within-72h')! });
    const first = await renderSampleXlsx(sample);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(Buffer.from(await renderSampleXlsx(sample)).equals(Buffer.from(first))).toBe(true);
  });
});
