import type { ExtractKind } from './definitions.js';
import type { RecordList } from './recordList.js';

const notLoaded = new WeakSet<object>();

/**
 * The records of an event extract that was loaded as compact events only:
 * any use of them throws, naming the kind, so an indicator that reads
 * records it did not declare fails loudly instead of seeing none (0/0).
 */
export function recordsNotLoaded<R>(kind: ExtractKind): RecordList<R> {
  const refuse = (): never => {
    throw new Error(`the ${kind} records were not loaded, only their events: an indicator that reads them must declare records: ['${kind}']`);
  };
  const records = new Proxy([] as R[], { get: refuse, has: refuse, ownKeys: refuse, getOwnPropertyDescriptor: refuse });
  notLoaded.add(records);
  return records;
}

/** Whether these records were loaded (false for `recordsNotLoaded`'s stand-in). */
export function recordsLoaded(records: RecordList<unknown>): boolean {
  return !notLoaded.has(records);
}
