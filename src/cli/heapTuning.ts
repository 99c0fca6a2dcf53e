import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { LoadedWave } from '../core/readingWaves.js';
import { MEMORY_BOUND_FROM_BYTES } from '../io/loadDataset.js';

/** V8's full collection, once the tables are known to be large (see growHeapFor). */
let collect: (() => void) | undefined;
let collecting = false;
/** The heap in use after the last collection made here. */
let leftByLastCollection = 0;

/** How far the heap may grow past what the last collection left before `collectWhenGrown` collects. */
const GROWTH_BETWEEN_COLLECTIONS = 24 * 2 ** 20;

function collectNow(): void {
  collect!();
  leftByLastCollection = getHeapStatistics().used_heap_size;
}

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
    collectNow();
  });
}

/**
 * A full collection now, when the tables are large and the heap has grown by
 * more than 24 MiB since the last: called between one indicator's figures and
 * the next (`ReportOptions.betweenFigures`), where what the last made is
 * garbage. V8 would let it pile up through a wave's twelve periods of a
 * trend while the worker reads the next table: at 10x, `--trend 12` peaked
 * at 519 and 520 MB where 556 to 575 MB, for about 3 s of collections in
 * 67 s (README, "Speed").
 */
export function collectWhenGrown(): void {
  if (collect === undefined || getHeapStatistics().used_heap_size - leftByLastCollection <= GROWTH_BETWEEN_COLLECTIONS) return;
  collectNow();
}

/** `onWave`, then a collection of what the wave held (see collectSoon). */
export function collectingAfter(onWave: (wave: LoadedWave) => void): (wave: LoadedWave) => void {
  return (wave) => {
    onWave(wave);
    collectSoon();
  };
}
