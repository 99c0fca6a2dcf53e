import { ANNEX_A_LISTS, type AnnexAListNumber, type AnyAnnexAYield } from '../core/annexA/lists.js';
import type { ExtractKind, ValidationLimits } from '../core/extracts/definitions.js';
import type { ExtractMapping } from '../core/extracts/mapping.js';
import { openCsv } from './readers/csvReader.js';
import { openAnnexAList } from './readers/annexAReader.js';
import type { RowReader } from './readers/rowReader.js';
import { openXlsxSheet } from './readers/xlsxReader.js';

/** A file of rows: a CSV file or one sheet of a workbook. */
export type FileSource =
  | { readonly format: 'csv'; readonly path: string; readonly name: string }
  | { readonly format: 'xlsx'; readonly path: string; readonly name: string; readonly sheet: string };

/** One Annex A list read as one of our extracts (List 6 gives CIN plans and last CIN visits). */
export interface AnnexASource {
  readonly format: 'annex-a';
  readonly path: string;
  readonly name: string;
  readonly file: FileSource;
  readonly list: AnnexAListNumber;
  /** Which of the list's yields (plans, visits…). */
  readonly yieldIndex: number;
}

/** Where one table of an extract is: plain data, so it can be sent to a worker thread. */
export type TableSource = FileSource | AnnexASource;

/** The Annex A yield a source reads, if it is one. */
export function annexAYield(source: TableSource): AnyAnnexAYield | undefined {
  return source.format === 'annex-a' ? ANNEX_A_LISTS[source.list].yields[source.yieldIndex] : undefined;
}

/** One table for a reader to read: which kind, where, how. */
export interface TableJob {
  readonly kind: ExtractKind;
  readonly source: TableSource;
  readonly limits: ValidationLimits;
  readonly keepRecords: boolean;
  readonly mapping?: ExtractMapping;
  /** Issues listed per code; the rest are counted. */
  readonly issueCap?: number;
}

/** The reader for a table source; a CSV reader cuts cells longer than `maxCellCharacters` short (see `openCsv`). */
export function openTable(source: TableSource, maxCellCharacters?: number): RowReader {
  switch (source.format) {
    case 'csv':
      return openCsv(source.path, source.name, maxCellCharacters);
    case 'xlsx':
      return openXlsxSheet(source.path, source.name, source.sheet);
    case 'annex-a':
      return openAnnexAList(openTable(source.file, maxCellCharacters), `List ${source.list}`, annexAYield(source)!);
  }
}
