// A trend's earlier periods ask the indicators for counted-only rows (IndicatorInput.countedOnly):
// the open-plan, visit, review and placement indicators then yield two shared rows and make no
// record or detail. Cross-checked for every built-in indicator against its whole rows, on the demo
// authority over twelve months and on as-at dates that fall on month ends, a leap day and a bank
// holiday: the same number of rows and the same figure, and the shared rows are what is yielded.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/core/dataset.js';
import { tallyRow } from '../../src/core/indicators/caseRow.js';
import { INDICATORS } from '../../src/core/indicators/registry.js';
import { extractsRead, type IndicatorDefinition } from '../../src/core/indicators/types.js';
import { parsePeriod, trailingPeriods, withAsAt, type Period } from '../../src/core/period.js';
import { figureOf } from '../../src/core/report.js';
import { DEFAULT_SETTINGS } from '../../src/core/settings.js';
import { loadDataset } from '../../src/io/loadDataset.js';
import { validationLimits } from '../../src/cli/options.js';
import { calendar, day } from './helpers.js';

let demo: Dataset;
beforeAll(async () => {
  const dir = new URL('../../fixtures/demo/', import.meta.url).pathname;
  ({ data: demo } = await loadDataset({ dir, files: {} }, { limits: validationLimits(day('2026-11-20'), calendar) }));
});

const PERIODS: Period[] = [
  ...trailingPeriods(parsePeriod('2026-10'), 12),
  // A leap day, a bank holiday (Mon 25 Aug 2025) and a Saturday month end as the as-at date.
  withAsAt(parsePeriod('2024-02'), day('2024-02-29')),
  withAsAt(parsePeriod('2025-08'), day('2025-08-25')),
  withAsAt(parsePeriod('2026-10'), day('2026-10-31')),
];

function rowsOf(indicator: IndicatorDefinition, period: Period, countedOnly: boolean) {
  return [...indicator.cases({ data: demo, period, settings: DEFAULT_SETTINGS, calendar, countedOnly })];
}

describe('counted-only rows against whole rows', () => {
  it('give every indicator the same rows counted and the same figure, period by period', () => {
    const computed = INDICATORS.filter((indicator) => extractsRead(indicator).every((kind) => demo[kind] !== undefined));
    expect(computed.length).toBe(INDICATORS.length);
    for (const indicator of computed) {
      for (const period of PERIODS) {
        const whole = rowsOf(indicator, period, false);
        const counted = rowsOf(indicator, period, true);
        const where = `${indicator.id} as at ${period.asAt}`;
        expect(counted.map((row) => row.counted), where).toEqual(whole.map((row) => row.counted));
        expect(figureOf(indicator.kind, counted), where).toEqual(figureOf(indicator.kind, whole));
      }
    }
  });

  it('are the shared tally rows for the indicators of open plans and visits, and never for whole rows', () => {
    for (const id of ['supervision-6-weeks', 'visits-cp', 'visit-timeliness-cin', 'cin-plan-over-2-years', 'pf-children', 'cla-review-overdue', 'placement-moves-3-plus']) {
      const indicator = INDICATORS.find((candidate) => candidate.id === id)!;
      // The first period with rows: a small authority has no overdue review in some months.
      const period = PERIODS.find((candidate) => rowsOf(indicator, candidate, false).length > 0);
      expect(period, id).toBeDefined();
      expect(rowsOf(indicator, period!, true).every((row) => row === tallyRow(row.counted)), id).toBe(true);
      expect(rowsOf(indicator, period!, false).some((row) => row === tallyRow(row.counted)), id).toBe(false);
    }
  });
});
