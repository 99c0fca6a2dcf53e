import { ANNEX_A_LISTS, type AnnexAListNumber, type AnyAnnexAYield } from '../core/annexA/lists.js';
import type { ExtractKind, ValidationLimits } from '../core/extracts/definitions.js';
import type { ExtractMapping } from '../core/extracts/mapping.js';
import { openCsv } from './readers/csvReader.js';
import { openAnnexAList } from './readers/annexAReader.js';
import { openCinCensus } from './readers/cinCensusReader.js';
import { openSsda903 } from './readers/ssda903Reader.js';
import type { Ssda903TableName } from '../core/ssda903/tables.js';
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

/** The records of one element of a CIN census return (`<Section47>` gives enquiries). */
export interface CinCensusSource {
  readonly format: 'cin-census';
  readonly path: string;
  /** `CIN_Census_2024.xml:Section47`. */
  readonly name: string;
  readonly element: string;
}

/** One table of an SSDA903 return read as one of our extracts (episodes give CLA plans and placements). */
export interface Ssda903Source {
  readonly format: 'ssda903';
  readonly path: string;
  readonly name: string;
  readonly table: Ssda903TableName;
  readonly kind: ExtractKind;
  /** The return's episodes table: reviews are checked against its periods of care, and it dates OC3's contacts. */
  readonly episodes?: string;
}

/** Where one table of an extract is: plain data, so it can be sent to a worker thread. */
export type TableSource = FileSource | AnnexASource | CinCensusSource | Ssda903Source;

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
  readonly keepEvents: boolean;
  readonly mapping?: ExtractMapping;
  /** Issues listed per code; the rest are counted. */
  readonly issueCap?: number;
}

/** The reader for a table source; the CSV and CIN census readers cut values longer than `maxCellCharacters` short (see `openCsv`). */
export function openTable(source: TableSource, maxCellCharacters?: number): RowReader {
  switch (source.format) {
    case 'csv':
      return openCsv(source.path, source.name, maxCellCharacters);
    case 'xlsx':
      return openXlsxSheet(source.path, source.name, source.sheet);
    case 'annex-a':
      return openAnnexAList(openTable(source.file, maxCellCharacters), `List ${source.list}`, annexAYield(source)!);
    case 'cin-census':
      return openCinCensus(source.path, source.name, source.element, maxCellCharacters);
    case 'ssda903':
      return openSsda903(source, maxCellCharacters);
  }
}
