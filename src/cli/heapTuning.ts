import { setFlagsFromString } from 'node:v8';
import { MEMORY_BOUND_FROM_BYTES } from '../io/loadDataset.js';

/**
 * Lets the heap grow by at most half between full collections when the
 * tables about to be read are large. V8 lets a heap whose limit is 2 GB or
 * more (a machine with 16 GB) grow to up to four times what was live after
 * its last full collection, and reading a large authority leaves hundreds of
 * MB of garbage for each collection to find (README, "Speed"). Called before
 * any worker thread starts: V8's flags are the process's.
 */
export function growHeapFor(bytes: number): void {
  if (bytes >= MEMORY_BOUND_FROM_BYTES) setFlagsFromString('--heap-growing-percent=50');
}
