import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { LoadedWave } from '../core/readingWaves.js';
import { MEMORY_BOUND_FROM_BYTES } from '../io/loadDataset.js';

/** V8's full collection, once the tables are known to be large (see growHeapFor). */
let collect: (() => void) | undefined;
let collecting = false;

/**
 * Lets the heap grow by at most half between full collections when the
 * tables about to be read are large. V8 lets a heap whose limit is 2 GB or
 * more (a machine with 16 GB) grow to up to four times what was live after
 * its last full collection, and reading a large authority leaves hundreds of
 * MB of garbage for each collection to find (README, "Speed"). Also makes a
 * full collection callable: by `collectSoon` here, and by each worker thread
 * once it has sent a table (extractWorker). Called before any worker thread
 * starts: V8's flags are the process's, and a thread made after the flag has
 * `gc`; this thread's global was made before, a new context's has it.
 */
export function growHeapFor(bytes: number): void {
  if (bytes < MEMORY_BOUND_FROM_BYTES) return;
  setFlagsFromString('--heap-growing-percent=50');
  setFlagsFromString('--expose-gc');
  collect = runInNewContext("typeof gc === 'function' ? gc : undefined") as (() => void) | undefined;
}

/**
 * A full collection on this thread as soon as the task in hand ends, when
 * the tables are large. After a wave is computed its extracts are garbage,
 * and a wave of ten million visits leaves 130 MB of arrays that V8 would
 * free only at its next full collection, while the next tables are read;
 * called from within the wave, the caller's frames would still hold them.
 */
function collectSoon(): void {
  if (collect === undefined || collecting) return;
  collecting = true;
  setImmediate(() => {
    collecting = false;
    collect?.();
  });
}

/** `onWave`, then a collection of what the wave held (see collectSoon). */
export function collectingAfter(onWave: (wave: LoadedWave) => void): (wave: LoadedWave) => void {
  return (wave) => {
    onWave(wave);
    collectSoon();
  };
}
