import { stat } from 'node:fs/promises';
import type { ExtractData, TableOptions } from '../core/extracts/extractParser.js';
import { readExtract, type RowProgress } from './readExtract.js';
import { openTable, type TableJob } from './tableSource.js';

/** A CSV file's size in bytes, from which the rows to expect are guessed; unknown for other sources. */
async function csvBytes(job: TableJob): Promise<number | undefined> {
  if (job.source.format !== 'csv') return undefined;
  return stat(job.source.path).then((s) => s.size, () => undefined);
}

/** Reads one table job (on this thread or a worker's; `onIssue` only on this one). */
export async function readTable(job: TableJob, onProgress?: RowProgress, onIssue?: TableOptions['onIssue']): Promise<ExtractData> {
  const bytes = await csvBytes(job);
  return readExtract(job.kind, openTable(job.source, job.limits.maxCellCharacters), {
    ...(bytes !== undefined ? { bytes } : {}),
    limits: job.limits,
    keepRecords: job.keepRecords,
    keepEvents: job.keepEvents,
    ...(job.mapping ? { mapping: job.mapping } : {}),
    ...(job.issueCap !== undefined ? { issueCap: job.issueCap } : {}),
    ...(onProgress ? { onProgress } : {}),
    ...(onIssue ? { onIssue } : {}),
  });
}
