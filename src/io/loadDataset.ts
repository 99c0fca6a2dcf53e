import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Dataset } from '../core/dataset.js';
import { EXTRACT_KINDS, type ExtractKind, type ValidationLimits } from '../core/extracts/definitions.js';
import type { ExtractData } from '../core/extracts/extractParser.js';
import { DataError } from '../core/errors.js';
import { readExtract, type RowProgress } from './readExtract.js';
import { readInParallel } from './readInParallel.js';

/** Which extracts to read and what to keep of them. */
export interface LoadOptions {
  readonly limits: ValidationLimits;
  /** Only these kinds (default: all). */
  readonly kinds?: readonly ExtractKind[];
  /** Event kinds whose records are kept as well as their events (the kind a sample draws from). */
  readonly keepRecords?: readonly ExtractKind[];
  readonly onProgress?: RowProgress;
  /** Read the files on worker threads, several at once (needs the built dist/ code). */
  readonly parallel?: boolean;
}

/** Where the extracts are: a folder of `<kind>.csv` files and/or files given one by one. */
export interface ExtractSources {
  readonly dir?: string;
  readonly files: Partial<Record<ExtractKind, string>>;
}

/** The file to read for each kind and the name it is reported under. */
async function locate(sources: ExtractSources): Promise<Map<ExtractKind, { path: string; name: string }>> {
  const found = new Map<ExtractKind, { path: string; name: string }>();
  if (sources.dir !== undefined) {
    const entries = await readdir(sources.dir).catch((error: NodeJS.ErrnoException) => {
      throw new DataError('UNREADABLE_FILE', `${sources.dir}: cannot read the data folder (${error.code ?? error.message})`, { file: sources.dir! });
    });
    for (const kind of EXTRACT_KINDS) {
      if (entries.includes(`${kind}.csv`)) found.set(kind, { path: join(sources.dir, `${kind}.csv`), name: `${kind}.csv` });
    }
  }
  for (const kind of EXTRACT_KINDS) {
    const path = sources.files[kind];
    if (path !== undefined) found.set(kind, { path, name: path });
  }
  return found;
}

/**
 * Reads and validates the extracts the sources name, one after another in a
 * fixed order; only the `kinds` asked for (a sample of assessments need not
 * read a million visits).
 */
export async function loadDataset(sources: ExtractSources, options: LoadOptions): Promise<Dataset> {
  const { limits, kinds = EXTRACT_KINDS, keepRecords = [], onProgress } = options;
  const located = await locate(sources);
  const jobs = EXTRACT_KINDS.filter((kind) => kinds.includes(kind) && located.has(kind)).map((kind) => ({
    kind,
    ...located.get(kind)!,
    limits,
    keepRecords: keepRecords.includes(kind),
  }));
  const data: Partial<Record<ExtractKind, ExtractData>> = {};
  if (options.parallel && jobs.length > 1) {
    for (const [kind, extract] of await readInParallel(jobs, EXTRACT_KINDS, onProgress)) data[kind] = extract;
  } else {
    for (const job of jobs) data[job.kind] = await readExtract(job.kind, job.path, job.name, { ...job, ...(onProgress ? { onProgress } : {}) });
  }
  return data as Dataset;
}
