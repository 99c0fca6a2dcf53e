import { constants, PerformanceObserver } from 'node:perf_hooks';
import { getHeapStatistics } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { collectingAfter, collectWhenGrown, growHeapFor } from '../../src/cli/heapTuning.js';
import type { LoadedWave } from '../../src/core/readingWaves.js';
import { MEMORY_BOUND_FROM_BYTES } from '../../src/io/loadDataset.js';

/** What a worker thread made now sees as `gc`: "function" once V8's gc is exposed. */
function workerGc(): Promise<string> {
  const worker = new Worker("require('node:worker_threads').parentPort.postMessage(typeof gc)", { eval: true });
  return new Promise((resolve) => worker.once('message', (type: string) => void worker.terminate().then(() => resolve(type))));
}

/** The full (major) collections V8 reports while `run` runs and for a moment after. */
async function majorCollectionsDuring(run: () => Promise<void>): Promise<number> {
  let majors = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if ((entry as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) majors++;
  });
  observer.observe({ entryTypes: ['gc'] });
  await run();
  // The observer is told of collections in a later task.
  await new Promise((resolve) => setTimeout(resolve, 100));
  observer.disconnect();
  return majors;
}

const wave: LoadedWave = { data: {} as LoadedWave['data'], kinds: ['contacts'], absentReasons: {} };

describe('heap tuning for large inputs', () => {
  // One test: the flags it sets are the process's, for every test after it.
  it('from 256 MiB of tables, gives worker threads made after it gc, and collects once each wave is computed', async () => {
    expect(await workerGc()).toBe('undefined');
    growHeapFor(MEMORY_BOUND_FROM_BYTES);
    expect(await workerGc()).toBe('function');
    const given: LoadedWave[] = [];
    const onWave = collectingAfter((w) => given.push(w));
    const majors = await majorCollectionsDuring(async () => {
      onWave(wave);
      // Not within the wave's handler, whose caller still holds the wave: once its task has ended.
      expect(given).toEqual([wave]);
      await new Promise((resolve) => setImmediate(resolve));
    });
    expect(majors).toBeGreaterThanOrEqual(1);
    // Between figures: no collection while the heap has grown by little since the last; once it has
    // grown by more than 24 MiB (32 MB of arrays, held while made, then let go of), one that frees it.
    const quiet = await majorCollectionsDuring(async () => collectWhenGrown());
    expect(quiet).toBe(0);
    const held: number[][] = [];
    for (let i = 0; i < 40; i++) held.push(Array.from({ length: 100_000 }, (_, k) => k + 0.5));
    held.length = 0;
    const before = getHeapStatistics().used_heap_size;
    collectWhenGrown();
    expect(before - getHeapStatistics().used_heap_size).toBeGreaterThan(24 * 2 ** 20);
  });
});
