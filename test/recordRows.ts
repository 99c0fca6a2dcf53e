import { formatIso, type DayNumber } from '../src/core/dates/localDate.js';

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
