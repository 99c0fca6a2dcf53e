import type { SampleKind } from './kinds.js';

/** Object values (date-times) with their keys sorted, absent values dropped, so equal values serialise equally. */
function canonical(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  return entries.sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, canonical(v)]);
}

/**
 * A record's identity for sampling: its kind and every parsed value (its id
 * column included) but not its line, so reordering the file or adding other
 * rows leaves it unchanged. Changing this changes every sample ever drawn.
 */
export function recordKey(kind: SampleKind, record: object): string {
  const { line: _line, ...values } = record as { line?: number };
  return JSON.stringify([kind, canonical(values)]);
}
