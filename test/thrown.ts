import { DataError } from '../src/core/errors.js';

/** The data error a call throws, to check its code and message. */
export function thrown(run: () => unknown): DataError {
  try {
    run();
  } catch (error) {
    if (error instanceof DataError) return error;
    throw error;
  }
  throw new Error('nothing was thrown');
}
