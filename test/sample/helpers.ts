import { fileURLToPath } from 'node:url';
import { builtInCalendar } from '../../src/core/calendar/workingCalendar.js';
import type { Dataset } from '../../src/core/dataset.js';
import { parseIsoDay } from '../../src/core/dates/localDate.js';
import { parsePeriod } from '../../src/core/period.js';
import { drawSample, type Sample, type SampleRequest } from '../../src/core/sample/sample.js';
import { DEFAULT_SETTINGS } from '../../src/core/settings.js';
import { loadDataset } from '../../src/io/loadDataset.js';
import { validationLimits } from '../../src/cli/options.js';

/** The extracts of one scenario under fixtures/sample/, read as the CLI reads them (taken on 23/11/2026). */
export async function loadScenario(name: string): Promise<Dataset> {
  const dir = fileURLToPath(new URL(`../../fixtures/sample/${name}/`, import.meta.url));
  const limits = validationLimits(parseIsoDay('2026-11-23')!, builtInCalendar('england-and-wales'));
  return (await loadDataset({ dir, files: {} }, { limits, keepRecords: ['visits', 'supervision'] })).data;
}

/** A request for October 2026 under the default settings and calendar; `overrides` pick the rest. */
export function october(overrides: Partial<SampleRequest> & Pick<SampleRequest, 'kind'>): SampleRequest {
  return {
    period: parsePeriod('2026-10'),
    size: 3,
    seed: '2026-11',
    settings: DEFAULT_SETTINGS,
    calendar: builtInCalendar('england-and-wales'),
    ...overrides,
  };
}

/** The record ids of a draw, in output order. */
export function idsOf(sample: Sample): string[] {
  return sample.rows.map((row) => row.recordId);
}

/** Draws from a dataset with an October request. */
export function draw(data: Dataset, overrides: Partial<SampleRequest> & Pick<SampleRequest, 'kind'>): Sample {
  return drawSample(data, october(overrides));
}
