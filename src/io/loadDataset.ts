import { stat } from 'node:fs/promises';
import type { Dataset } from '../core/dataset.js';
import { EXTRACT_KINDS, type ExtractKind, type ValidationLimits } from '../core/extracts/definitions.js';
import type { ExtractData } from '../core/extracts/extractParser.js';
import type { Issue, IssueTable } from '../core/extracts/issues.js';
import type { ExtractMappings } from '../core/extracts/mapping.js';
import type { FileQuality } from '../core/extracts/issues.js';
import { GatheredExtracts, type WaveReading } from './gatheredExtracts.js';
import { locateSources, type ExtractSources } from './locateSources.js';
import { readInParallel } from './readInParallel.js';
import type { RowProgress } from './readExtract.js';
import { readTable } from './readTable.js';
import { annexAYield, type TableJob } from './tableSource.js';
import { ANNEX_A_KIND_NAMES, ANNEX_A_UNSUPPORTED } from '../core/annexA/lists.js';
import { SSDA903_LIMITS } from '../core/ssda903/tables.js';
import { cinCensusLacks } from '../core/cinCensus/elements.js';

export type { ExtractSources };
export type { WaveReading } from './gatheredExtracts.js';

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
  /** Event kinds read as their records alone, logging no events: no indicator of the run reads them (a sample drawn without one). */
  readonly recordsOnly?: readonly ExtractKind[];
  readonly onProgress?: RowProgress;
  /** Read the files on worker threads, several at once (needs the built dist/ code), when they hold `parallelFromBytes` or more. */
  readonly parallel?: boolean;
  /** Below this many bytes in all, starting the threads costs more than they save (default `PARALLEL_FROM_BYTES`). */
  readonly parallelFromBytes?: number;
  /** From this many bytes in all, the largest tables are read one at a time (default `ONE_LARGE_TABLE_FROM_BYTES`; see `largeJobs`). */
  readonly oneLargeTableFromBytes?: number;
  /** Takes every issue as it is found instead of the files' lists; the files are then read one after another, on this thread. */
  readonly onIssue?: (issue: Issue, table: IssueTable) => void;
  /** Told the bytes of the tables about to be read, before any is read. */
  readonly beforeReading?: (bytes: number) => void;
  /** Read in waves, each computed while held and then let go of (see ReadingWaves); the held kinds are read first. */
  readonly waves?: WaveReading;
}

/** The extracts read, and what in the sources was not read. */
export interface LoadedData {
  /** The extracts read; when read in waves, only the held kinds (the waves were given to `onWave`). */
  readonly data: Dataset;
  /** Every table's account, in the extracts' order, of every kind read. */
  readonly quality: readonly FileQuality[];
  /** Table-like files in the data folder that no extract kind claimed. */
  readonly unreadFiles: readonly string[];
  /** Extract files of the kinds not asked for: found, not read. */
  readonly notAskedFor: readonly string[];
  /** Why a kind is absent or lacks columns, when its source cannot hold them (Annex A has no supervision records; the SSDA903 no interview times). */
  readonly absentReasons: Readonly<Partial<Record<ExtractKind, string>>>;
}

/** Tables of fewer bytes than this in all are read on this thread: a worker takes about a quarter of a second of CPU to start. */
export const PARALLEL_FROM_BYTES = 4 * 1024 * 1024;

/** The bytes of each table's file (a file read for several kinds counts each time, as it is read each time). */
function bytesOf(jobs: readonly TableJob[]): Promise<number[]> {
  return Promise.all(jobs.map((job) => stat(job.source.path).then((s) => s.size, () => 0)));
}

/**
 * The order to start the jobs in: the held kinds first (every wave waits for
 * them); then, on several threads, the largest file first, so the big ones
 * start at once and the small ones fill the gaps; else the jobs' own order.
 */
function readingOrder(jobs: readonly TableJob[], held: readonly ExtractKind[], bytes?: readonly number[]): number[] {
  const rank = (i: number) => (held.includes(jobs[i]!.kind) ? 0 : 1);
  const size = (i: number) => bytes?.[i] ?? 0;
  return jobs.map((_, i) => i).sort((a, b) => rank(a) - rank(b) || size(b) - size(a) || a - b);
}

/**
 * From this many bytes of tables (about 1.4 times the bench's 1x), memory is
 * the bound the bench misses, not time (README, "Speed"): the heap grows less
 * and is collected after each wave (`growHeapFor`).
 */
export const MEMORY_BOUND_FROM_BYTES = 256 * 1024 * 1024;

/**
 * From this many bytes of tables (about 5.5 times the bench's 1x), the
 * largest are read one at a time: two read side by side would hold too much
 * at once (README, "Speed"). Below it they are read side by side, in less
 * time: at 4x the bench's five first-wave files, four fifths of them visits
 * and supervision, took 11.6 s where one at a time took 15.5 s, and peaked
 * at 265 MB where 227; at 5.5x, 15.7 s and 336 MB where 20.3 s and 286 MB.
 */
export const ONE_LARGE_TABLE_FROM_BYTES = 1024 * 1024 * 1024;

/**
 * The jobs whose file holds over a quarter of all the bytes, from
 * `boundFrom` bytes in all: read one at a time, each the most memory of its
 * time (see JobQueue). Below it none: two large files read one after the
 * other can leave the other threads idle.
 */
function largeJobs(bytes: readonly number[], total: number, boundFrom: number): Set<number> {
  if (total < boundFrom) return new Set();
  return new Set(bytes.flatMap((size, i) => (size * 4 > total ? [i] : [])));
}

/** Every table of every kind asked for, in a fixed order (kind, then file name). */
function jobsFor(tables: ReadonlyMap<ExtractKind, readonly TableJob['source'][]>, options: LoadOptions): TableJob[] {
  const { limits, kinds = EXTRACT_KINDS, keepRecords = [], recordsOnly = [], mappings = {}, issueCap } = options;
  return EXTRACT_KINDS.filter((kind) => kinds.includes(kind)).flatMap((kind) =>
    (tables.get(kind) ?? []).map((source) => {
      // The config's mapping is for an authority's own files; Annex A lists, CIN census elements and SSDA903 tables carry their own.
      const mapping = source.format === 'annex-a' || source.format === 'cin-census' || source.format === 'ssda903' ? undefined : mappings[kind];
      return { kind, source, limits, keepRecords: keepRecords.includes(kind), keepEvents: !recordsOnly.includes(kind), ...(mapping ? { mapping } : {}), ...(issueCap !== undefined ? { issueCap } : {}) };
    }),
  );
}

/** An Annex A list that holds each child's latest only is true as at the extract date alone. */
function asSnapshot(extract: ExtractData, job: TableJob): ExtractData {
  const yielded = annexAYield(job.source);
  if (!yielded?.snapshot) return extract;
  return { ...extract, snapshotOn: job.limits.extractedOn, snapshotSource: `Annex A ${ANNEX_A_KIND_NAMES[job.kind]}` };
}

/**
 * Reads and validates the extracts the sources name; only the `kinds` asked
 * for (a sample of assessments need not read a million visits). A kind read
 * from several tables becomes one extract.
 */
export async function loadDataset(sources: ExtractSources, options: LoadOptions): Promise<LoadedData> {
  const located = await locateSources(sources, options.mappings ?? {}, options.kinds);
  const jobs = jobsFor(located.tables, options);
  const bytes = await bytesOf(jobs);
  const total = bytes.reduce((sum, size) => sum + size, 0);
  options.beforeReading?.(total);
  const absentReasons = absentReasonsOf(sources, located, new Set(jobs.map((job) => job.kind)));
  const gathered = new GatheredExtracts(jobs, asSnapshot, options.waves, absentReasons);
  const held = options.waves?.plan.held ?? [];
  if (options.parallel && jobs.length > 1 && !options.onIssue && total >= (options.parallelFromBytes ?? PARALLEL_FROM_BYTES)) {
    await readInParallel(jobs, readingOrder(jobs, held, bytes), gathered.take, { large: largeJobs(bytes, total, options.oneLargeTableFromBytes ?? ONE_LARGE_TABLE_FROM_BYTES), onProgress: options.onProgress });
  } else {
    for (const i of readingOrder(jobs, held)) gathered.take(i, await readTable(jobs[i]!, options.onProgress, options.onIssue));
  }
  gathered.finish();
  return { data: gathered.dataset(), quality: gathered.quality(), unreadFiles: located.unread, notAskedFor: located.notAskedFor, absentReasons };
}

/** Why a kind is absent or lacks columns, when its source cannot hold them; `present` are the kinds with a table. */
function absentReasonsOf(sources: ExtractSources, located: Awaited<ReturnType<typeof locateSources>>, present: ReadonlySet<ExtractKind>): Partial<Record<ExtractKind, string>> {
  const absentReasons: Partial<Record<ExtractKind, string>> = {};
  if (sources.annexA !== undefined) {
    for (const [kind, reason] of Object.entries(ANNEX_A_UNSUPPORTED)) if (!present.has(kind as ExtractKind)) absentReasons[kind as ExtractKind] = reason;
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
      if (reason !== undefined && !present.has(kind) && absentReasons[kind] === undefined) absentReasons[kind] = reason;
    }
  }
  return absentReasons;
}
