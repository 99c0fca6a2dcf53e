import { stat } from 'node:fs/promises';
import type { Dataset } from '../core/dataset.js';
import { EXTRACT_KINDS, type ExtractKind, type ValidationLimits } from '../core/extracts/definitions.js';
import type { ExtractData } from '../core/extracts/extractParser.js';
import type { Issue, IssueTable } from '../core/extracts/issues.js';
import type { ExtractMappings } from '../core/extracts/mapping.js';
import { mergeExtracts, withRecordsHeld } from '../core/extracts/mergeExtracts.js';
import { RecordStore } from '../core/extracts/recordStore.js';
import { TextPool } from '../core/extracts/textPool.js';
import { locateSources, type ExtractSources } from './locateSources.js';
import { readInParallel } from './readInParallel.js';
import type { RowProgress } from './readExtract.js';
import { readTable } from './readTable.js';
import { annexAYield, type TableJob } from './tableSource.js';
import { ANNEX_A_KIND_NAMES, ANNEX_A_UNSUPPORTED } from '../core/annexA/lists.js';
import { SSDA903_LIMITS } from '../core/ssda903/tables.js';
import { cinCensusLacks } from '../core/cinCensus/elements.js';

export type { ExtractSources };

/** Which extracts to read and what to keep of them. */
export interface LoadOptions {
  readonly limits: ValidationLimits;
  /** How to read each kind (the config's `extracts`). */
  readonly mappings?: ExtractMappings;
  /** Issues listed per file and code; the rest are counted (default: all). */
  readonly issueCap?: number;
  /** Only these kinds (default: all). */
  readonly kinds?: readonly ExtractKind[];
  /** Event kinds whose records are kept as well as their events (the kind a sample draws from). */
  readonly keepRecords?: readonly ExtractKind[];
  readonly onProgress?: RowProgress;
  /** Read the files on worker threads, several at once (needs the built dist/ code), when they hold `parallelFromBytes` or more. */
  readonly parallel?: boolean;
  /** Below this many bytes in all, starting the threads costs more than they save (default `PARALLEL_FROM_BYTES`). */
  readonly parallelFromBytes?: number;
  /** Takes every issue as it is found instead of the files' lists; the files are then read one after another, on this thread. */
  readonly onIssue?: (issue: Issue, table: IssueTable) => void;
  /** Told the bytes of the tables about to be read, before any is read. */
  readonly beforeReading?: (bytes: number) => void;
}

/** The extracts read, and what in the sources was not read. */
export interface LoadedData {
  readonly data: Dataset;
  /** Table-like files in the data folder that no extract kind claimed. */
  readonly unreadFiles: readonly string[];
  /** Extract files of the kinds not asked for: found, not read. */
  readonly notAskedFor: readonly string[];
  /** Why a kind is absent or lacks columns, when its source cannot hold them (Annex A has no supervision records; the SSDA903 no interview times). */
  readonly absentReasons: Readonly<Partial<Record<ExtractKind, string>>>;
}

/** Tables of fewer bytes than this in all are read on this thread: a worker takes about a quarter of a second of CPU to start. */
export const PARALLEL_FROM_BYTES = 4 * 1024 * 1024;

/** The bytes of the tables' files (a file read for several kinds counts each time, as it is read each time). */
async function totalBytes(jobs: readonly TableJob[]): Promise<number> {
  const sizes = await Promise.all(jobs.map((job) => stat(job.source.path).then((s) => s.size, () => 0)));
  return sizes.reduce((sum, size) => sum + size, 0);
}

/** Every table of every kind asked for, in a fixed order (kind, then file name). */
function jobsFor(tables: ReadonlyMap<ExtractKind, readonly TableJob['source'][]>, options: LoadOptions): TableJob[] {
  const { limits, kinds = EXTRACT_KINDS, keepRecords = [], mappings = {}, issueCap } = options;
  return EXTRACT_KINDS.filter((kind) => kinds.includes(kind)).flatMap((kind) =>
    (tables.get(kind) ?? []).map((source) => {
      // The config's mapping is for an authority's own files; Annex A lists, CIN census elements and SSDA903 tables carry their own.
      const mapping = source.format === 'annex-a' || source.format === 'cin-census' || source.format === 'ssda903' ? undefined : mappings[kind];
      return { kind, source, limits, keepRecords: keepRecords.includes(kind), ...(mapping ? { mapping } : {}), ...(issueCap !== undefined ? { issueCap } : {}) };
    }),
  );
}

/** An Annex A list that holds each child's latest only is true as at the extract date alone. */
function asSnapshot(extract: ExtractData, job: TableJob): ExtractData {
  const yielded = annexAYield(job.source);
  if (!yielded?.snapshot) return extract;
  return { ...extract, snapshotOn: job.limits.extractedOn, snapshotSource: `Annex A ${ANNEX_A_KIND_NAMES[job.kind]}` };
}

/** Child IDs, teams and workers as one string each across the extracts (see TextPool). */
function shareTexts(extracts: readonly ExtractData[]): void {
  const pool = new TextPool();
  for (const extract of extracts) {
    if (extract.records instanceof RecordStore) extract.records.shareTexts(pool);
    extract.events?.shareTexts(pool);
  }
}

/**
 * Reads and validates the extracts the sources name; only the `kinds` asked
 * for (a sample of assessments need not read a million visits). A kind read
 * from several tables becomes one extract.
 */
export async function loadDataset(sources: ExtractSources, options: LoadOptions): Promise<LoadedData> {
  const located = await locateSources(sources, options.mappings ?? {}, options.kinds);
  const jobs = jobsFor(located.tables, options);
  const bytes = await totalBytes(jobs);
  options.beforeReading?.(bytes);
  let extracts: ExtractData[];
  if (options.parallel && jobs.length > 1 && !options.onIssue && bytes >= (options.parallelFromBytes ?? PARALLEL_FROM_BYTES)) {
    extracts = await readInParallel(jobs, options.onProgress);
  } else {
    extracts = [];
    for (const job of jobs) extracts.push(await readTable(job, options.onProgress, options.onIssue));
  }
  const data: Partial<Record<ExtractKind, ExtractData>> = {};
  for (const kind of EXTRACT_KINDS) {
    const parts = extracts.flatMap((extract, i) => (extract.kind === kind ? [asSnapshot(extract, jobs[i]!)] : []));
    if (parts.length > 0) data[kind] = mergeExtracts(parts);
  }
  shareTexts(Object.values(data));
  for (const kind of EXTRACT_KINDS) {
    const extract = data[kind];
    if (extract !== undefined) data[kind] = withRecordsHeld(extract);
  }
  const absentReasons: Partial<Record<ExtractKind, string>> = {};
  if (sources.annexA !== undefined) {
    for (const [kind, reason] of Object.entries(ANNEX_A_UNSUPPORTED)) if (data[kind as ExtractKind] === undefined) absentReasons[kind as ExtractKind] = reason;
  }
  if (sources.ssda903 !== undefined) {
    // Said whether the kind is absent or read from the return without the columns (missing has no interview times).
    for (const [kind, reason] of Object.entries(SSDA903_LIMITS) as [ExtractKind, string][]) {
      const fromReturn = located.tables.get(kind)?.every((table) => table.format === 'ssda903') ?? true;
      if (fromReturn && absentReasons[kind] === undefined) absentReasons[kind] = reason;
    }
  }
  if (sources.cinCensus !== undefined) {
    for (const kind of EXTRACT_KINDS) {
      const reason = cinCensusLacks(kind);
      if (reason !== undefined && data[kind] === undefined && absentReasons[kind] === undefined) absentReasons[kind] = reason;
    }
  }
  return { data: data as Dataset, unreadFiles: located.unread, notAskedFor: located.notAskedFor, absentReasons };
}
