import { formatIso, dayNumber, type DayNumber } from '../../src/core/dates/localDate.js';
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

/** Records as plain rows with ISO dates, without `file`, for comparing with hand-worked expectations. */
export function rows(records: readonly object[]): Record<string, unknown>[] {
  return records.map((record) =>
    Object.fromEntries(
      Object.entries(record)
        .filter(([key]) => key !== 'file')
        .map(([key, value]) => [key, typeof value === 'number' && key !== 'line' ? formatIso(value as DayNumber) : value]),
    ),
  );
}
