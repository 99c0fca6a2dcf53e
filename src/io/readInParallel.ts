import { availableParallelism } from 'node:os';
import { stat } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import type { ExtractKind } from '../core/extracts/definitions.js';
import { EventLog } from '../core/extracts/eventLog.js';
import type { ExtractData } from '../core/extracts/extractParser.js';
import { DataError } from '../core/errors.js';
import type { ExtractJob, WorkerMessage } from './extractJob.js';
import type { RowProgress } from './readExtract.js';

const MAX_WORKERS = 4;

/** Largest file first, so the big ones start at once and the small ones fill the gaps. */
async function bySizeDescending(jobs: readonly ExtractJob[]): Promise<ExtractJob[]> {
  const sizes = await Promise.all(jobs.map((job) => stat(job.path).then((s) => s.size, () => 0)));
  return jobs.map((job, i) => ({ job, size: sizes[i]! })).sort((a, b) => b.size - a.size).map((x) => x.job);
}

function toExtract(message: Extract<WorkerMessage, { type: 'done' }>): ExtractData {
  return {
    kind: message.kind,
    file: message.file,
    records: message.records,
    ...(message.events ? { events: EventLog.from(message.events) } : {}),
    quality: message.quality,
  } as ExtractData;
}

function toError(failure: Extract<WorkerMessage, { type: 'failed' }>['error']): Error {
  return failure.code !== undefined && failure.location !== undefined ? new DataError(failure.code, failure.message, failure.location) : new Error(failure.message);
}

/** Runs one worker over the shared queue until it is empty. */
function drain(queue: ExtractJob[], results: Map<ExtractKind, ExtractData | Error>, onProgress?: RowProgress): Promise<void> {
  const worker = new Worker(new URL('./extractWorker.js', import.meta.url));
  return new Promise<void>((resolve, reject) => {
    let current: ExtractJob | undefined;
    const next = () => {
      current = queue.shift();
      if (current) worker.postMessage(current);
      else void worker.terminate().then(() => resolve());
    };
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') {
        onProgress?.(message.kind, message.rows);
        return;
      }
      results.set(current!.kind, message.type === 'done' ? toExtract(message) : toError(message.error));
      next();
    });
    worker.on('error', reject);
    next();
  });
}

/**
 * Reads the files on worker threads, one file per thread at a time, and
 * returns each kind's extract. The result does not depend on which thread
 * finished first: when files fail, the error of the first kind in `order` is thrown.
 */
export async function readInParallel(jobs: readonly ExtractJob[], order: readonly ExtractKind[], onProgress?: RowProgress): Promise<Map<ExtractKind, ExtractData>> {
  const queue = await bySizeDescending(jobs);
  const results = new Map<ExtractKind, ExtractData | Error>();
  const threads = Math.min(MAX_WORKERS, availableParallelism(), queue.length);
  await Promise.all(Array.from({ length: threads }, () => drain(queue, results, onProgress)));
  const extracts = new Map<ExtractKind, ExtractData>();
  for (const kind of order) {
    const result = results.get(kind);
    if (result instanceof Error) throw result;
    if (result) extracts.set(kind, result);
  }
  return extracts;
}
