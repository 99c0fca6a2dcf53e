import { availableParallelism } from 'node:os';
import { stat } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { EventLog } from '../core/extracts/eventLog.js';
import { recordsNotLoaded } from '../core/extracts/notLoaded.js';
import { RecordStore } from '../core/extracts/recordStore.js';
import type { ExtractData } from '../core/extracts/extractParser.js';
import { DataError } from '../core/errors.js';
import type { TableJob, WorkerMessage } from './extractJob.js';
import type { RowProgress } from './readExtract.js';
import { readTable } from './readTable.js';

const MAX_WORKERS = 4;

/** The jobs not yet started, largest file first, so the big ones start at once and the small ones fill the gaps. */
class JobQueue {
  private constructor(private readonly waiting: number[]) {}

  static async of(jobs: readonly TableJob[]): Promise<JobQueue> {
    const sizes = await Promise.all(jobs.map((job) => stat(job.source.path).then((s) => s.size, () => 0)));
    return new JobQueue(jobs.map((_, i) => i).sort((a, b) => sizes[b]! - sizes[a]! || a - b));
  }

  /** The largest waiting job. */
  take(): number | undefined {
    return this.waiting.shift();
  }
}

function toExtract(message: Extract<WorkerMessage, { type: 'done' }>): ExtractData {
  return {
    kind: message.kind,
    file: message.file,
    records: message.records ? RecordStore.from(message.records) : recordsNotLoaded(message.kind),
    ...(message.events ? { events: EventLog.from(message.events) } : {}),
    columns: message.columns,
    quality: message.quality,
  } as ExtractData;
}

function toError(failure: Extract<WorkerMessage, { type: 'failed' }>['error']): Error {
  return failure.code !== undefined && failure.location !== undefined ? new DataError(failure.code, failure.message, failure.location) : new Error(failure.message);
}

/** Runs one worker over the queue, largest job first, until it is empty. */
function drainOnWorker(jobs: readonly TableJob[], queue: JobQueue, results: (ExtractData | Error)[], onProgress?: RowProgress): Promise<void> {
  const worker = new Worker(new URL('./extractWorker.js', import.meta.url));
  return new Promise<void>((resolve, reject) => {
    let current: number | undefined;
    const next = () => {
      current = queue.take();
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

/** Reads on this thread, largest job first, until the queue is empty. */
async function drainHere(jobs: readonly TableJob[], queue: JobQueue, results: (ExtractData | Error)[], onProgress?: RowProgress): Promise<void> {
  for (let current = queue.take(); current !== undefined; current = queue.take()) {
    results[current] = await readTable(jobs[current]!, onProgress).catch((error: unknown) => error as Error);
  }
}

/**
 * Reads the tables on this thread and on worker threads, one table per
 * thread at a time, and returns their extracts in the order of `jobs`. This
 * thread is one of the readers: it would otherwise wait, and the records it
 * reads need no copying. The result does not depend on which thread finished
 * first: when tables fail, the first failed job's error is thrown.
 */
export async function readInParallel(jobs: readonly TableJob[], onProgress?: RowProgress): Promise<ExtractData[]> {
  const queue = await JobQueue.of(jobs);
  const results: (ExtractData | Error)[] = [];
  const workers = Math.min(MAX_WORKERS, availableParallelism(), jobs.length) - 1;
  await Promise.all([drainHere(jobs, queue, results, onProgress), ...Array.from({ length: workers }, () => drainOnWorker(jobs, queue, results, onProgress))]);
  for (const result of results) if (result instanceof Error) throw result;
  return results as ExtractData[];
}
