import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DataError } from '../../src/core/errors.js';
import { listSheets, openXlsxSheet } from '../../src/io/readers/xlsxReader.js';
import type { ReadNotes } from '../../src/io/readers/rowReader.js';

const dir = mkdtempSync(join(tmpdir(), 'csc-xlsx-reader-'));
const workbookPath = join(dir, 'Annex_A.xlsx');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

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
  sheet.getCell('E3').numFmt = 'dd/mm/yyyy';
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
      [['C1', '2020-09-16', '2020-09-16T14:30', '44090', '2020-10-14', 'Équipe Á', 'Nord', 'TRUE', '#N/A', '0'], 3],
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

  it('an error thrown by the sink comes out unchanged, the temp files of exceljs removed all the same', async () => {
    // exceljs copies each sheet to a temp file named by the tmp package: tmp-<pid>-<random>.
    const tempFiles = (): string[] => readdirSync(tmpdir()).filter((file) => file.startsWith(`tmp-${process.pid}-`));
    const before = tempFiles();
    const thrown = new RangeError('stop');
    const reading = openXlsxSheet(workbookPath, 'Annex_A.xlsx:Summary', 'Summary').read(() => {
      throw thrown;
    });
    await expect(reading).rejects.toBe(thrown);
    await vi.waitFor(() => expect(tempFiles().filter((file) => !before.includes(file))).toEqual([]), { timeout: 1000, interval: 20 });
  });
});

/** CRC-32 (the zip checksum) of `bytes`. */
function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** A zip of the entries in the order given, stored as they are or deflated. */
function zip(entries: readonly (readonly [string, string])[], deflate: boolean): Buffer {
  const parts: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const [path, text] of entries) {
    const name = Buffer.from(path);
    const raw = Buffer.from(text);
    const data = deflate ? deflateRawSync(raw) : raw;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(deflate ? 8 : 0, 8);
    local.writeUInt32LE(crc32(raw), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    local.copy(central, 10, 8, 26);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    parts.push(local, name, data);
    directory.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.reduce((length, part) => length + part.length, 0), 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, ...directory, end]);
}

const MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

// Shared strings before the sheets and the workbook part last, as LibreOffice writes them; absolute
// sheet targets; the second tab in the first sheet part; a built-in date format (14); inline strings
// and shared formulas. exceljs's stream misses the last parts of so small a zip (always when stored,
// mostly when deflated), so these are mostly read whole, in memory: the result must be the same.
describe.each([
  ['stored', false],
  ['deflated', true],
])('a workbook whose parts come in another order (%s)', (method, deflate) => {
  const path = join(dir, `reordered-${method}.xlsx`);
  writeFileSync(path, zip([
    ['xl/_rels/workbook.xml.rels', `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="/xl/worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/worksheet" Target="/xl/worksheets/sheet2.xml"/></Relationships>`],
    ['xl/sharedStrings.xml', `<sst ${MAIN}><si><t>Child ID</t></si><si><r><t>Équipe </t></r><r><rPr><b/></rPr><t>Á</t></r></si></sst>`],
    ['xl/worksheets/sheet1.xml', `<worksheet ${MAIN}><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>Referral date</t></is></c><c r="C1" t="inlineStr"><is><t>Next</t></is></c><c r="D1" t="inlineStr"><is><t>Label</t></is></c></row><row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" s="1"><v>44090</v></c><c r="C2"><f t="shared" ref="C2:C3" si="0">B2+1</f><v>44091</v></c><c r="D2" t="str"><f>"a"&amp;"b"</f><v>ab</v></c></row><row r="3"><c r="B3" s="1"><v>44091.5</v></c><c r="C3"><f t="shared" si="0"/><v>44092.5</v></c></row><row r="4"><c r="A4" t="e"><v>#N/A</v></c><c r="B4" s="1"><f>B2+28</f><v>44118</v></c><c r="C4"><f>A4</f></c><c r="D4" t="e"><f>1/0</f><v>#DIV/0!</v></c></row></sheetData></worksheet>`],
    ['xl/worksheets/sheet2.xml', `<worksheet ${MAIN}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Cover</t></is></c></row></sheetData></worksheet>`],
    ['xl/styles.xml', `<styleSheet ${MAIN}><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>`],
    ['xl/workbook.xml', `<workbook ${MAIN} xmlns:r="${REL}"><sheets><sheet name="Cover" sheetId="1" r:id="rId2"/><sheet name="List 1" sheetId="2" r:id="rId1"/></sheets></workbook>`],
  ], deflate));

  it('lists the sheets in tab order', async () => {
    expect(await listSheets(path)).toEqual(['Cover', 'List 1']);
  });

  it('finds the sheet by name and reads its cells as from any other workbook', async () => {
    const { rows, notes } = await read(path, 'List 1');
    expect(rows).toEqual([
      [['Child ID', 'Referral date', 'Next', 'Label'], 1],
      [['Équipe Á', '2020-09-16', '44091', 'ab'], 2],
      [['', '2020-09-17T12:00', '44092.5', ''], 3],
      [['#N/A', '2020-10-14', '', ''], 4],
    ]);
    expect(notes.notes).toHaveLength(2);
  });
});

describe('files that are not workbooks', () => {
  const notZip = join(dir, 'not-a-workbook.xlsx');
  writeFileSync(notZip, 'child_id,referral_date\nC1,2020-09-16\n');
  const folder = join(dir, 'folder.xlsx');
  mkdirSync(folder);

  it.each([
    ['missing', join(dir, 'missing.xlsx'), 'cannot read the file (ENOENT)'],
    ['a folder', folder, 'not a regular file (a folder)'],
    ['not a zip', notZip, 'cannot read the workbook (not a zip file, so not an xlsx workbook)'],
  ])('%s: UNREADABLE_FILE', async (_name, path, reason) => {
    for (const attempt of [() => listSheets(path), () => read(path, 'List 4')]) {
      const error = await attempt().catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'UNREADABLE_FILE' });
      expect((error as Error).message).toContain(reason);
    }
  });
});

describe('a workbook path that is not a regular file', () => {
  it('is refused at once, before exceljs could block on it', async () => {
    // A FIFO named like a workbook would block the reader until something wrote to it.
    const path = join(dir, 'visits.xlsx');
    const made = spawnSync('mkfifo', [path], { encoding: 'utf8' });
    expect(made.status, made.stderr).toBe(0);
    const started = performance.now();
    await expect(listSheets(path)).rejects.toMatchObject({ code: 'UNREADABLE_FILE', message: 'visits.xlsx: not a regular file (a FIFO)' });
    await expect(openXlsxSheet(path, 'visits.xlsx:Data', 'Data').read(() => {})).rejects.toMatchObject({ message: 'visits.xlsx:Data: not a regular file (a FIFO)' });
    expect(performance.now() - started).toBeLessThan(1000);
  }, 5000);
});
