import type { ExtractData, TableOptions } from '../core/extracts/extractParser.js';
import { readExtract, type RowProgress } from './readExtract.js';
import { openTable, type TableJob } from './tableSource.js';

/** Reads one table job (on this thread or a worker's; `onIssue` only on this one). */
export function readTable(job: TableJob, onProgress?: RowProgress, onIssue?: TableOptions['onIssue']): Promise<ExtractData> {
  return readExtract(job.kind, openTable(job.source, job.limits.maxCellCharacters), {
    limits: job.limits,
    keepRecords: job.keepRecords,
    ...(job.mapping ? { mapping: job.mapping } : {}),
    ...(job.issueCap !== undefined ? { issueCap: job.issueCap } : {}),
    ...(onProgress ? { onProgress } : {}),
    ...(onIssue ? { onIssue } : {}),
  });
}
