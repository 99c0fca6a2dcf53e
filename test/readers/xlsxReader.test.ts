import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DataError } from '../../src/core/errors.js';
import { listSheets, openXlsxSheet } from '../../src/io/readers/xlsxReader.js';
import type { ReadNotes } from '../../src/io/readers/rowReader.js';

const dir = mkdtempSync(join(tmpdir(), 'csc-xlsx-reader-'));
const workbookPath = join(dir, 'Annex_A.xlsx');

/** Sheet "List 4" (second in tab order): a title row, a header, then rows of every kind of cell; row 5 is left out. */
async function writeWorkbook(): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Summary').addRow(['Total', 2]);
  const sheet = workbook.addWorksheet('List 4');
  sheet.addRow(['Annex A: List 4']);
  sheet.addRow(['Child ID', 'Referral date', 'Visit at', 'Serial', 'Review due', 'Team', 'Link', 'Disabled', 'Check', 'Zero']);
  sheet.addRow([
    'C1',
    new Date(Date.UTC(2020, 8, 16)),
    new Date(Date.UTC(2020, 8, 16, 14, 30)),
    44090,
    { formula: 'D3+28', result: 44118 },
    { richText: [{ text: 'Équipe ' }, { font: { bold: true }, text: 'Á' }] },
    { text: 'Nord', hyperlink: 'https://example.org/teams/nord' },
    true,
    { error: '#N/A' },
    { formula: 'D3-D3', result: 0 },
  ]);
  sheet.getCell('B3').numFmt = 'dd/mm/yyyy';
  sheet.getCell('C3').numFmt = 'dd/mm/yyyy hh:mm';
  sheet.getCell('A4').value = 'C2';
  sheet.getCell('E4').value = { formula: 'D4+28', result: undefined } as unknown as ExcelJS.CellFormulaValue;
  sheet.getCell('I4').value = { formula: '1/0', result: { error: '#DIV/0!' } };
  sheet.getCell('A6').value = 'C3';
  sheet.getCell('C6').value = 0;
  await workbook.xlsx.writeFile(workbookPath);
}

interface Read {
  readonly rows: [string[], number][];
  readonly notes: ReadNotes;
}

async function read(path: string, sheet: string): Promise<Read> {
  const rows: [string[], number][] = [];
  const notes = await openXlsxSheet(path, `Annex_A.xlsx:${sheet}`, sheet).read((fields, line) => rows.push([fields, line]));
  return { rows, notes };
}

beforeAll(writeWorkbook);

describe('listSheets', () => {
  it('names the sheets in tab order', async () => {
    expect(await listSheets(workbookPath)).toEqual(['Summary', 'List 4']);
  });
});

describe('openXlsxSheet', () => {
  it('is named as given and reads date columns as serials too', () => {
    expect(openXlsxSheet(workbookPath, 'Annex_A.xlsx:List 4', 'List 4')).toMatchObject({ name: 'Annex_A.xlsx:List 4', serialDates: true });
  });

  it('reads every row as text with its sheet row number, padded to the widest row so far', async () => {
    const { rows } = await read(workbookPath, 'List 4');
    expect(rows).toEqual([
      [['Annex A: List 4'], 1],
      [['Child ID', 'Referral date', 'Visit at', 'Serial', 'Review due', 'Team', 'Link', 'Disabled', 'Check', 'Zero'], 2],
      [['C1', '2020-09-16', '2020-09-16T14:30', '44090', '44118', 'Équipe Á', 'Nord', 'TRUE', '#N/A', '0'], 3],
      [['C2', '', '', '', '', '', '', '', '', ''], 4],
      [['C3', '', '0', '', '', '', '', '', '', ''], 6],
    ]);
  });

  it('says which formulas had no result to read', async () => {
    const { notes } = await read(workbookPath, 'List 4');
    expect(notes).toEqual({
      encoding: 'xlsx',
      notes: [
        '1 formula cell(s) had no saved result (the workbook was saved without calculating them): read as blank',
        '1 formula cell(s) had an error such as #N/A as their result: read as blank',
      ],
    });
  });

  it('reads another sheet, its name matched ignoring case', async () => {
    expect(await read(workbookPath, 'summary')).toEqual({ rows: [[['Total', '2'], 1]], notes: { encoding: 'xlsx', notes: [] } });
  });

  it('a sheet that is not there is MISSING_SHEET, listing the sheets', async () => {
    const error = await read(workbookPath, 'List 9').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    expect(error).toMatchObject({ code: 'MISSING_SHEET', message: 'Annex_A.xlsx: no sheet named "List 9"; sheets: Summary, List 4', location: { file: 'Annex_A.xlsx' } });
  });

  it('an error thrown by the sink comes out unchanged', async () => {
    const thrown = new RangeError('stop');
    const reading = openXlsxSheet(workbookPath, 'Annex_A.xlsx:List 4', 'List 4').read((_fields, line) => {
      if (line === 2) throw thrown;
    });
    await expect(reading).rejects.toBe(thrown);
  });
});

describe('files that are not workbooks', () => {
  const notZip = join(dir, 'not-a-workbook.xlsx');
  writeFileSync(notZip, 'child_id,referral_date\nC1,2020-09-16\n');
  const folder = join(dir, 'folder.xlsx');
  mkdirSync(folder);

  it.each([
    ['missing', join(dir, 'missing.xlsx'), '(ENOENT)'],
    ['a folder', folder, '(EISDIR)'],
    ['not a zip', notZip, '(invalid signature'],
  ])('%s: UNREADABLE_FILE', async (_name, path, reason) => {
    for (const attempt of [listSheets(path), read(path, 'List 4')]) {
      const error = await attempt.catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'UNREADABLE_FILE' });
      expect((error as Error).message).toContain(`cannot read the workbook ${reason}`);
    }
  });
});
