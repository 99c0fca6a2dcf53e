import { readdir } from 'node:fs/promises';
import { extname, join } from 'node:path';
import type { TableSample } from '../core/extracts/guessMapping.js';
import { DataError } from '../core/errors.js';
import { openCsv } from './readers/csvReader.js';
import type { RowReader } from './readers/rowReader.js';
import { listSheets, openXlsxSheet } from './readers/xlsxReader.js';

const SAMPLE_ROWS = 500;

/** Thrown by the sink to stop a reader once enough rows are in. */
class Enough extends Error {}

/** The first `limit` non-blank rows of a table; the rest is not read. */
export async function firstRows(reader: RowReader, limit = SAMPLE_ROWS): Promise<TableSample['rows']> {
  const rows: { fields: string[]; line: number }[] = [];
  try {
    await reader.read((fields, line) => {
      if (fields.every((f) => f.trim() === '')) return;
      rows.push({ fields, line });
      if (rows.length >= limit) throw new Enough();
    });
  } catch (error) {
    if (!(error instanceof Enough)) throw error;
  }
  return rows;
}

/** The first rows of every table in a folder: each CSV file, each sheet of each workbook. */
export async function sampleTables(dir: string): Promise<TableSample[]> {
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    throw new DataError('UNREADABLE_FILE', `${dir}: cannot read the data folder (${error.code ?? error.message})`, { file: dir });
  });
  const samples: TableSample[] = [];
  for (const file of names.sort()) {
    const path = join(dir, file);
    const extension = extname(file).toLowerCase();
    if (extension === '.csv' || extension === '.txt' || extension === '.tsv') {
      samples.push({ file, rows: await firstRows(openCsv(path, file)) });
    } else if (extension === '.xlsx' || extension === '.xlsm') {
      for (const sheet of await listSheets(path)) samples.push({ file, sheet, rows: await firstRows(openXlsxSheet(path, `${file}:${sheet}`, sheet)) });
    }
  }
  return samples;
}
