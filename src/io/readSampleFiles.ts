import { extname } from 'node:path';
import type { SampleTable, TableRow } from '../core/audits/sampleTable.js';
import { unneutralised } from '../core/formulaText.js';
import { openCsv } from './readers/csvReader.js';
import type { ReadNotes, RowReader } from './readers/rowReader.js';
import { listSheets, openXlsxSheet } from './readers/xlsxReader.js';

/** The sheets `sample --format xlsx` writes. */
const SAMPLE_SHEET = 'Sample';
const ABOUT_SHEET = 'About';

/** Every non-blank row of a table, in file order, and what the reader noticed about its bytes. */
export async function readRows(reader: RowReader): Promise<{ rows: TableRow[]; notes: ReadNotes }> {
  const rows: TableRow[] = [];
  const notes = await reader.read((fields, line) => {
    if (fields.some((field) => field.trim() !== '')) rows.push({ fields: fields.map(unneutralised), line });
  });
  return { rows, notes };
}

function isWorkbook(path: string): boolean {
  return ['.xlsx', '.xlsm'].includes(extname(path).toLowerCase());
}

/** Whether a sample workbook's About sheet says its child IDs are pseudonyms. */
async function saysPseudonymised(path: string, sheets: readonly string[]): Promise<boolean> {
  const about = sheets.find((sheet) => sheet.toLowerCase() === ABOUT_SHEET.toLowerCase());
  if (about === undefined) return false;
  const { rows } = await readRows(openXlsxSheet(path, `${path}:${about}`, about));
  return rows.some(({ fields }) => fields[0]?.trim().toLowerCase() === 'pseudonymised' && fields[1]?.trim().toLowerCase() === 'yes');
}

/**
 * A returned dip sample: a CSV file, or a workbook's Sample sheet (else its
 * first sheet) with what its About sheet says of pseudonyms. Read through the
 * extract readers, so encodings, BOMs and Excel dates are read as everywhere.
 */
export async function readSampleFile(path: string): Promise<SampleTable> {
  if (!isWorkbook(path)) return { file: path, rows: (await readRows(openCsv(path, path))).rows, serialDates: false, pseudonymised: false };
  const sheets = await listSheets(path);
  const sheet = sheets.find((name) => name.toLowerCase() === SAMPLE_SHEET.toLowerCase()) ?? sheets[0] ?? SAMPLE_SHEET;
  const { rows } = await readRows(openXlsxSheet(path, `${path}:${sheet}`, sheet));
  return { file: path, rows, serialDates: true, pseudonymised: await saysPseudonymised(path, sheets) };
}

/** The returned samples, one table each, in the order given. */
export async function readSampleFiles(paths: readonly string[]): Promise<SampleTable[]> {
  const tables: SampleTable[] = [];
  for (const path of paths) tables.push(await readSampleFile(path));
  return tables;
}
