import { dayNumber } from '../../src/core/dates/localDate.js';
export { rows } from '../recordRows.js';
import type { ExtractKind, ValidationLimits } from '../../src/core/extracts/definitions.js';
import { loadDataset, type LoadedData } from '../../src/io/loadDataset.js';

export const FIXTURES = new URL('../../fixtures/ssda903/', import.meta.url).pathname;

export const limits: ValidationLimits = {
  extractedOn: dayNumber(2025, 6, 30),
  calendar: { name: 'test', first: dayNumber(2000, 1, 1), last: dayNumber(2035, 12, 31) },
};

const ALL: readonly ExtractKind[] = ['plans', 'placements', 'reviews', 'missing', 'careleavers'];

/** Reads an SSDA903 folder as `--ssda903` does, keeping every record. */
export function loadReturn(dir: string): Promise<LoadedData> {
  return loadDataset({ ssda903: dir, files: {} }, { limits, keepRecords: ALL });
}
