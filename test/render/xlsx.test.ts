import ExcelJS from 'exceljs';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Report } from '../../src/core/report.js';
import { renderXlsx, SheetNames, xlsxText } from '../../src/render/xlsx.js';
import { HOSTILE, plainReport, sampleIndicator, sampleReport } from './sampleReport.js';
import { readWorkbook, sheetOf } from './readWorkbook.js';


/** A row's values from column A (exceljs's row.values starts at index 1). */
function values(ws: ExcelJS.Worksheet, row: number): unknown[] {
  return (ws.getRow(row).values as unknown[]).slice(1);
}

/** Every cell value of every sheet, as the reader sees the workbook. */
function cellValues(workbook: ExcelJS.Workbook): unknown {
  return workbook.worksheets.map((ws) => [ws.name, ws.getSheetValues()]);
}

/** Column (1-based) of a header of a sheet. */
function column(ws: ExcelJS.Worksheet, header: string): number {
  const i = values(ws, 1).indexOf(header);
  if (i < 0) throw new Error(`no ${header} column in ${ws.name}`);
  return i + 1;
}

function byTeam(report: Report): Report {
  return { ...report, groupBy: 'team' };
}

describe('renderXlsx: the report as a workbook', () => {
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    workbook = await readWorkbook(await renderXlsx(byTeam(sampleReport())));
  });

  it('has a Summary, Trend and Breakdown sheet, one sheet per indicator named by its id, and the not computed', () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'Summary', 'Trend', 'Breakdown', 'assessment-timeliness', 'missing-over-5-days', 'rhi-within-72h', 'Not computed',
    ]);
  });

  it('gives every sheet one header row, frozen, with a filter over its rows, and set widths', () => {
    for (const ws of workbook.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.autoFilter).toBe(`A1:${ws.getRow(1).getCell(ws.actualColumnCount).address.replace(/\d+$/, '')}${ws.rowCount}`);
      for (let c = 1; c <= ws.actualColumnCount; c++) expect(ws.getColumn(c).width).toBeGreaterThanOrEqual(10);
    }
  });

  it('lists every indicator on the Summary: value as a percentage for rates, RAG as text and fill, change on the previous period', () => {
    const ws = sheetOf(workbook, 'Summary');
    expect(values(ws, 1).slice(0, 10)).toEqual(['indicator', 'title', 'kind', 'value', 'numerator', 'denominator', 'target', 'direction', 'rag', 'change on previous period']);
    expect(ws.rowCount).toBe(4);
    const row = ws.getRow(2);
    expect(row.getCell(1).value).toBe('assessment-timeliness');
    expect(row.getCell(column(ws, 'value')).value).toBe(0.846154);
    expect(row.getCell(column(ws, 'value')).numFmt).toBe('0.0%');
    expect(row.getCell(column(ws, 'target')).numFmt).toBe('0.0%');
    expect([row.getCell(column(ws, 'numerator')).value, row.getCell(column(ws, 'denominator')).value]).toEqual([22, 26]);
    const rag = row.getCell(column(ws, 'rag'));
    expect(rag.value).toBe('RED');
    expect(rag.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } });
    // 84.6 % after 81.4 %: 3.2 points up.
    expect(row.getCell(column(ws, 'change on previous period')).value).toBeCloseTo(3.2, 1);
    // A count is a whole number, its change a count; an empty cohort has no value and no fill.
    expect(ws.getRow(3).getCell(column(ws, 'value')).numFmt).toBe('0');
    expect(ws.getRow(3).getCell(column(ws, 'change on previous period')).value).toBe(1);
    expect(ws.getRow(4).getCell(column(ws, 'value')).value).toBeNull();
    expect(ws.getRow(4).getCell(column(ws, 'rag')).value).toBe('NO RAG');
    expect(ws.getRow(4).getCell(column(ws, 'rag')).fill).toBeUndefined();
  });

  it('writes period dates as real Excel dates', () => {
    const summary = sheetOf(workbook, 'Summary').getRow(2);
    const from = summary.getCell(column(sheetOf(workbook, 'Summary'), 'period from'));
    expect(from.value).toEqual(new Date(Date.UTC(2026, 9, 1)));
    expect(from.numFmt).toBe('dd/mm/yyyy');
    const trend = sheetOf(workbook, 'Trend');
    expect(values(trend, 1)).toEqual(['indicator', 'period', 'from', 'to', 'numerator', 'denominator', 'value', 'target', 'rag']);
    expect(values(trend, 2)).toEqual(['assessment-timeliness', '2026-08', new Date(Date.UTC(2026, 7, 1)), new Date(Date.UTC(2026, 7, 31)), 15, 20, 0.75, 0.9, 'RED']);
    expect(trend.rowCount).toBe(1 + 3 * 3);
  });

  it('breaks each indicator down by the --by column', () => {
    const ws = sheetOf(workbook, 'Breakdown');
    expect(values(ws, 1)).toEqual(['indicator', 'team', 'numerator', 'denominator', 'value', 'target', 'rag']);
    expect(values(ws, 2)).toEqual(['assessment-timeliness', HOSTILE.script, 4, 5, 0.8, 0.9, 'RED']);
  });

  it("lists each indicator's exceptions: child, record, team, worker, detail", () => {
    const ws = sheetOf(workbook, 'assessment-timeliness');
    expect(values(ws, 1)).toEqual(['child', 'record', 'team', 'worker', 'detail']);
    expect(values(ws, 2)).toEqual(['C00001', 'A0001', HOSTILE.script, 'Worker 01', 'completed after 52 working days']);
    // No team or worker: blank cells.
    expect(ws.getRow(5).getCell(3).value).toBeNull();
    expect(sheetOf(workbook, 'rhi-within-72h').rowCount).toBe(1);
  });

  it('neutralises text a spreadsheet would read as a formula', () => {
    const ws = sheetOf(workbook, 'assessment-timeliness');
    expect(ws.getRow(3).getCell(3).value).toBe(`'${HOSTILE.hyperlink}`);
    expect(ws.getRow(3).getCell(3).formula).toBeUndefined();
    expect(sheetOf(workbook, 'Breakdown').getRow(4).getCell(2).value).toBe(`'${HOSTILE.sum}`);
  });

  it('gives the same cell values, and the same bytes, for the same report at any time', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2027-03-04T05:06:07Z'));
    const first = await renderXlsx(byTeam(sampleReport()));
    vi.setSystemTime(new Date('2031-11-12T13:14:15Z'));
    const second = await renderXlsx(byTeam(sampleReport()));
    vi.useRealTimers();
    expect(cellValues(await readWorkbook(second))).toEqual(cellValues(await readWorkbook(first)));
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    expect(cellValues(await readWorkbook(first))).toEqual(cellValues(workbook));
    expect((await readWorkbook(first)).created).toEqual(new Date(Date.UTC(1980, 0, 1)));
  });
});

describe('renderXlsx without --trend or --by', () => {
  afterEach(() => vi.useRealTimers());

  it('has no Trend or Breakdown sheet and leaves the change blank', async () => {
    const workbook = await readWorkbook(await renderXlsx(plainReport()));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Summary', 'assessment-timeliness', 'missing-over-5-days', 'rhi-within-72h', 'Not computed']);
    const ws = sheetOf(workbook, 'Summary');
    expect(ws.getRow(2).getCell(column(ws, 'change on previous period')).value).toBeNull();
  });

  it('names sheets validly and uniquely whatever the indicator ids', async () => {
    const ids = ['summary', 'a/b:c*d?e[f]g\\h', 'x'.repeat(40), `${'x'.repeat(31)}-other`, "'quoted'", 'History'];
    const report: Report = { ...plainReport(), notComputed: [], indicators: ids.map((id) => ({ ...sampleIndicator('rhi-within-72h'), id, series: undefined })) };
    const names = (await readWorkbook(await renderXlsx(report))).worksheets.map((s) => s.name);
    expect(names).toEqual(['Summary', 'summary (2)', 'a-b-c-d-e-f-g-h', 'x'.repeat(31), `${'x'.repeat(27)} (2)`, 'quoted', 'History (2)']);
    for (const name of names) expect(name.length).toBeLessThanOrEqual(31);
  });
});

describe('xlsxText and SheetNames', () => {
  it('prefixes an apostrophe to text that starts a formula, fullwidth and behind whitespace too', () => {
    for (const text of [HOSTILE.hyperlink, HOSTILE.sum, HOSTILE.fullwidth, HOSTILE.spaced, '+44 1234', '-1', '﹦1']) {
      expect(xlsxText(text).startsWith("'")).toBe(true);
    }
    expect(xlsxText('Team A')).toBe('Team A');
  });

  it('drops controls XML cannot hold (NUL, escape) and keeps tab and line feed', () => {
    expect(xlsxText(HOSTILE.nul)).toBe('TeamNull');
    expect(xlsxText('a\tb\nc\x1b')).toBe('a\tb\nc');
    expect(xlsxText(HOSTILE.tab)).toBe("'\t=1+1");
    expect(xlsxText(HOSTILE.cr)).toBe("'=1+1");
    expect(xlsxText('lone \ud800 surrogate')).toBe('lone \ufffd surrogate');
  });

  it('gives Trend to the first to ask and Trend (2) to the next, ignoring case', () => {
    const names = new SheetNames();
    expect([names.name('Trend'), names.name('trend'), names.name('TREND')]).toEqual(['Trend', 'trend (2)', 'TREND (3)']);
  });
});
