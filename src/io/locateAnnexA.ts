import { readdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { ANNEX_A_LISTS, ANNEX_A_LIST_NUMBERS, type AnnexAListNumber } from '../core/annexA/lists.js';
import { DataError } from '../core/errors.js';
import type { ExtractKind } from '../core/extracts/definitions.js';
import { listSheets } from './readers/xlsxReader.js';
import type { AnnexASource, FileSource } from './tableSource.js';

// "List 6", "List_6", "list-6 children in need.csv": the list number after the word.
const LIST_NAME = /list[\s_-]*(\d{1,2})(?!\d)/i;

function listNumber(name: string): AnnexAListNumber | undefined {
  const n = Number(LIST_NAME.exec(name)?.[1]);
  return (ANNEX_A_LIST_NUMBERS as readonly number[]).includes(n) ? (n as AnnexAListNumber) : undefined;
}

/** The list files of an Annex A workbook (its sheets) or folder (CSV files named by list). */
async function listFiles(path: string): Promise<{ list: AnnexAListNumber; file: FileSource }[]> {
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    throw new DataError('UNREADABLE_FILE', `${path}: cannot read the Annex A workbook or folder (${error.code ?? error.message})`, { file: path });
  });
  if (info.isDirectory()) {
    const names = (await readdir(path)).filter((name) => extname(name).toLowerCase() === '.csv').sort();
    return names.flatMap((name) => {
      const list = listNumber(name);
      return list === undefined ? [] : [{ list, file: { format: 'csv', path: join(path, name), name } as const }];
    });
  }
  const sheets = await listSheets(path);
  return sheets.flatMap((sheet) => {
    const list = listNumber(sheet);
    return list === undefined ? [] : [{ list, file: { format: 'xlsx', path, name: `${basename(path)}:${sheet}`, sheet } as const }];
  });
}

/**
 * The tables an Annex A workbook or folder gives, by extract kind: one per
 * list and kind it yields (List 6 → CIN plans and last CIN visits). A source
 * holding no list at all is a data error naming what it holds.
 */
export async function locateAnnexA(path: string, kinds: readonly ExtractKind[]): Promise<Map<ExtractKind, AnnexASource[]>> {
  const files = await listFiles(path);
  if (files.length === 0) {
    throw new DataError('NO_EXTRACTS', `${path}: no Annex A list found (sheets or CSV files named "List 1" to "List 11")`, { file: path });
  }
  const tables = new Map<ExtractKind, AnnexASource[]>();
  for (const { list, file } of files) {
    ANNEX_A_LISTS[list].yields.forEach((yielded, yieldIndex) => {
      if (!kinds.includes(yielded.kind)) return;
      const source: AnnexASource = { format: 'annex-a', path: file.path, name: file.name, file, list, yieldIndex };
      tables.set(yielded.kind, [...(tables.get(yielded.kind) ?? []), source]);
    });
  }
  return tables;
}
