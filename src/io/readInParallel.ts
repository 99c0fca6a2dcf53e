import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { EventLog } from '../core/extracts/eventLog.js';
import { recordsNotLoaded } from '../core/extracts/notLoaded.js';
import { RecordStore } from '../core/extracts/recordStore.js';
import type { ExtractData } from '../core/extracts/extractParser.js';
import { DataError } from '../core/errors.js';
import type { TableJob, WorkerMessage } from './extractJob.js';
import type { RowProgress } from './readExtract.js';
import { JobQueue } from './jobQueue.js';
import { readTable } from './readTable.js';

const MAX_WORKERS = 4;

/**
 * A reading thread's young generation (two semi-spaces and the new large
 * objects, a third as much again): 12 MB, as `--max-semi-space-size=4` gives
 * this thread (bin/csc-metrics.js), where V8 would let it grow to 48 MB while
 * a large table is read. A worker's own limit holds however the process was
 * started.
 */
const WORKER_YOUNG_GENERATION_MB = 12;

/** Takes each table's extract as soon as it is read, with the job's index. */
export type OnTableRead = (job: number, extract: ExtractData) => void;

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

/**
 * Runs one worker over the queue until it is empty. A worker that has read a
 * large table is replaced by a new one: ending the thread gives back at once
 * all it took while reading (the duplicate-row table, the arrays' room),
 * which its collector would otherwise hold until its next full collection.
 */
function drainOnWorker(jobs: readonly TableJob[], queue: JobQueue, reader: Reader): Promise<void> {
  const worker = new Worker(new URL('./extractWorker.js', import.meta.url), { resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
  return new Promise<void>((resolve, reject) => {
    let current: number | undefined;
    const next = async () => {
      current = await queue.take();
      if (current !== undefined) worker.postMessage(jobs[current]);
      else void worker.terminate().then(() => resolve());
    };
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') {
        reader.onProgress?.(message.kind, message.rows);
        return;
      }
      const done = current!;
      if (queue.isLarge(done)) {
        // The new worker is started before this thread takes the table (see OnTableRead), so it starts up while the wave is computed.
        void worker.terminate();
        resolve(drainOnWorker(jobs, queue, reader));
      } else {
        // The worker starts its next table before this thread takes the one it sent, which may take a while (see OnTableRead).
        void next();
      }
      reader.took(done, message.type === 'done' ? toExtract(message) : toError(message.error));
      queue.done(done);
    });
    worker.on('error', reject);
    void next();
  });
}

/** Reads on this thread until the queue is empty, or until only large jobs are left when `largeToo` is false (worker threads read those). */
async function drainHere(jobs: readonly TableJob[], queue: JobQueue, reader: Reader, largeToo: boolean): Promise<void> {
  for (let current = await queue.take(largeToo); current !== undefined; current = await queue.take(largeToo)) {
    reader.took(current, await readTable(jobs[current]!, reader.onProgress).catch((error: unknown) => error as Error));
    queue.done(current);
  }
}

/** Where the threads' tables go: each extract to `onRead` at once, the errors kept to throw when all are done. */
class Reader {
  private readonly failures: Error[] = [];

  constructor(
    private readonly onRead: OnTableRead,
    readonly onProgress: RowProgress | undefined,
  ) {}

  took(job: number, result: ExtractData | Error): void {
    if (result instanceof Error) {
      this.failures[job] = result;
      return;
    }
    // Thrown in a worker's message handler, the error would be uncaught.
    try {
      this.onRead(job, result);
    } catch (error) {
      this.failures[job] = error as Error;
    }
  }

  /** The first failed job's error, whichever thread failed first. */
  firstFailure(): Error | undefined {
    return this.failures.find((failure) => failure !== undefined);
  }
}

/**
 * Reads the tables on this thread and on worker threads, one table per
 * thread at a time, starting them in `order` (indexes into `jobs`), and
 * gives each extract to `onRead` as it comes, on this thread. This thread is
 * one of the readers: it would otherwise wait, and the records it reads need
 * no copying. The `large` jobs are read one at a time (see JobQueue), on a
 * worker thread when there is one, each worker replaced after one (see
 * drainOnWorker). When tables fail, the first failed job's error is thrown
 * once every thread is done, whichever failed first.
 */
export async function readInParallel(
  jobs: readonly TableJob[],
  order: readonly number[],
  onRead: OnTableRead,
  options: { readonly large?: ReadonlySet<number>; readonly onProgress?: RowProgress } = {},
): Promise<void> {
  const queue = new JobQueue(order, options.large ?? new Set());
  const reader = new Reader(onRead, options.onProgress);
  const workers = Math.min(MAX_WORKERS, availableParallelism(), jobs.length) - 1;
  await Promise.all([drainHere(jobs, queue, reader, workers === 0), ...Array.from({ length: workers }, () => drainOnWorker(jobs, queue, reader))]);
  const failure = reader.firstFailure();
  if (failure !== undefined) throw failure;
}
