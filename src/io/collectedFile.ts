import { existsSync, readFileSync } from 'node:fs';
import type { TableRow } from '../core/audits/sampleTable.js';
import { openCsv } from './readers/csvReader.js';
import { readRows } from './readSampleFiles.js';

/** An audits file collected earlier, to append to. */
export interface CollectedFile {
  /** Its non-blank rows; the first is the header. */
  readonly rows: readonly TableRow[];
  /** Its bytes, kept as they are: new audits go after them. */
  readonly bytes: Buffer;
  /** 'utf-8', 'utf-8 (BOM)', … as the CSV reader found it. */
  readonly encoding: string;
  /** ',', ';' or '\t', as the CSV reader found it. */
  readonly delimiter: string | undefined;
}

/** The file at `path` when it exists, else undefined (the first collection writes it). */
export async function readCollectedFile(path: string): Promise<CollectedFile | undefined> {
  if (!existsSync(path)) return undefined;
  const { rows, notes } = await readRows(openCsv(path, path));
  return { rows, bytes: readFileSync(path), encoding: notes.encoding, delimiter: notes.delimiter };
}
