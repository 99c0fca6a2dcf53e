import { dayNumber } from '../../src/core/dates/localDate.js';
export { rows } from '../recordRows.js';
import type { ValidationLimits } from '../../src/core/extracts/definitions.js';
import { loadDataset, type LoadedData } from '../../src/io/loadDataset.js';

export const FIXTURES = new URL('../../fixtures/cin-census/', import.meta.url).pathname;

const limits: ValidationLimits = {
  extractedOn: dayNumber(2026, 11, 20),
  calendar: { name: 'test', first: dayNumber(2000, 1, 1), last: dayNumber(2035, 12, 31) },
};

/** Reads a CIN census file as `--cin-census` does, keeping the referral records too. */
export function loadCensus(path: string): Promise<LoadedData> {
  return loadDataset({ cinCensus: path, files: {} }, { limits, keepRecords: ['referrals'] });
}
