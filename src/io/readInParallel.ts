import { availableParallelism } from 'node:os';
import { stat } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { EventLog } from '../core/extracts/eventLog.js';
import { recordsNotLoaded } from '../core/extracts/notLoaded.js';
import type { ExtractData } from '../core/extracts/extractParser.js';
import { DataError } from '../core/errors.js';
import type { TableJob, WorkerMessage } from './extractJob.js';
import type { RowProgress } from './readExtract.js';

const MAX_WORKERS = 4;

/** Job indexes, largest file first, so the big ones start at once and the small ones fill the gaps. */
async function bySizeDescending(jobs: readonly TableJob[]): Promise<number[]> {
  const sizes = await Promise.all(jobs.map((job) => stat(job.source.path).then((s) => s.size, () => 0)));
  return jobs.map((_, i) => i).sort((a, b) => sizes[b]! - sizes[a]! || a - b);
}

function toExtract(message: Extract<WorkerMessage, { type: 'done' }>): ExtractData {
  return {
    kind: message.kind,
    file: message.file,
    records: message.records ?? recordsNotLoaded(message.kind),
    ...(message.events ? { events: EventLog.from(message.events) } : {}),
    columns: message.columns,
    quality: message.quality,
  } as ExtractData;
}

function toError(failure: Extract<WorkerMessage, { type: 'failed' }>['error']): Error {
  return failure.code !== undefined && failure.location !== undefined ? new DataError(failure.code, failure.message, failure.location) : new Error(failure.message);
}

/** Runs one worker over the shared queue of job indexes until it is empty. */
function drain(jobs: readonly TableJob[], queue: number[], results: (ExtractData | Error)[], onProgress?: RowProgress): Promise<void> {
  const worker = new Worker(new URL('./extractWorker.js', import.meta.url));
  return new Promise<void>((resolve, reject) => {
    let current: number | undefined;
    const next = () => {
      current = queue.shift();
      if (current !== undefined) worker.postMessage(jobs[current]);
      else void worker.terminate().then(() => resolve());
    };
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') {
        onProgress?.(message.kind, message.rows);
        return;
      }
      results[current!] = message.type === 'done' ? toExtract(message) : toError(message.error);
      next();
    });
    worker.on('error', reject);
    next();
  });
}

/**
 * Reads the tables on worker threads, one table per thread at a time, and
 * returns their extracts in the order of `jobs`. The result does not depend
 * on which thread finished first: when tables fail, the first failed job's error is thrown.
 */
export async function readInParallel(jobs: readonly TableJob[], onProgress?: RowProgress): Promise<ExtractData[]> {
  const queue = await bySizeDescending(jobs);
  const results: (ExtractData | Error)[] = [];
  const threads = Math.min(MAX_WORKERS, availableParallelism(), queue.length);
  await Promise.all(Array.from({ length: threads }, () => drain(jobs, queue, results, onProgress)));
  for (const result of results) if (result instanceof Error) throw result;
  return results as ExtractData[];
}
