// re-referral-12-months (catalogue.md "Over the existing extracts", "Edges,
// pinned"). Cohort: referrals with referral_date in the period, one row per
// referral. Counted: the child has another referral dated strictly before it
// and on or after its date − 12 months (clamped: 29/02/2024 − 12 months =
// 28/02/2023). A same-day referral is not earlier; a later one never counts.
// Hand-worked from fixtures/indicators/re-referrals/referrals.csv (referrals
// have no id column: a row is known by its line, the header being line 1):
//
// line  child   date        team    October 2026?  earlier referral within 12 months
//  2    C00801  15/10/2025  Team A  -
//  3    C00801  15/10/2026  Team A  yes            15/10/2025 = 15/10/2026 − 12 months exactly: counted
//  4    C00802  14/10/2025  Team A  -
//  5    C00802  15/10/2026  Team B  yes            14/10/2025, one day before 15/10/2025: not counted
//  6    C00803  20/10/2026  Team A  yes            line 7 is the same day, not earlier: not counted
//  7    C00803  20/10/2026  Team B  yes            likewise: not counted
//  8    C00804  05/10/2026  Team A  yes            lines 9 and 10 are later: not counted
//  9    C00804  25/10/2026  Team B  yes            05/10/2026: counted (Team B, its own row's team)
// 10    C00804  02/11/2026  Team B  -
// 11    C00805  28/02/2023  Team A  -
// 12    C00805  29/02/2024  Team A  (Feb 2024)     29/02/2024 − 12 months = 28/02/2023: counted
// 13    C00806  27/02/2023  Team B  -
// 14    C00806  29/02/2024  Team B  (Feb 2024)     27/02/2023 is before 28/02/2023: not counted
// 15    C00807  30/11/2025  Team A  -
// 16    C00807  01/03/2026  Team A  -
// 17    C00807  30/10/2026  Team A  yes            the latest earlier, 01/03/2026: counted
// 18    C00808  01/06/2026  Team B  -
// 19    C00808  20/10/2026  Team B  yes            01/06/2026 (not line 20, the same day): counted
// 20    C00808  20/10/2026  Team A  yes            01/06/2026: counted
//
// October 2026: cohort lines 3, 5, 6, 7, 8, 9, 17, 19, 20 = 9; counted 3, 9, 17, 19, 20 = 5 of 9.
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { validationLimits } from '../../src/cli/options.js';
import type { Dataset } from '../../src/core/dataset.js';
import { reReferral12Months } from '../../src/core/indicators/reReferrals.js';
import type { CaseRow } from '../../src/core/indicators/types.js';
import { parsePeriod, type Period } from '../../src/core/period.js';
import { buildReport } from '../../src/core/report.js';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings.js';
import { loadDataset } from '../../src/io/loadDataset.js';
import { calendar, casesOf, EXTRACTED_ON, figure, resultOf } from './helpers.js';

const october = parsePeriod('2026-10');

/** Case rows by line, for the hand working above. */
function byLine(rows: readonly CaseRow[]): [number, string, boolean, string][] {
  return rows.map((r): [number, string, boolean, string] => [r.source.line, r.childId, r.counted, r.detail]).sort((a, b) => a[0] - b[0]);
}

function report(period: Period, settings: Settings = DEFAULT_SETTINGS) {
  return resultOf(buildReport(data, { period, settings, calendar }, [reReferral12Months]), reReferral12Months.id);
}

let data: Dataset;
beforeAll(async () => {
  // As loadScenario, but keeping the referral records the indicator declares (referrals are otherwise loaded as events only).
  const dir = fileURLToPath(new URL('../../fixtures/indicators/re-referrals/', import.meta.url));
  const loaded = await loadDataset({ dir, files: {} }, { limits: validationLimits(EXTRACTED_ON, calendar), keepRecords: reReferral12Months.records ?? [] });
  expect(loaded.data.referrals!.quality[0]!.issues).toEqual([]);
  expect(loaded.data.referrals!.quality[0]!.rowsRejected).toBe(0);
  data = loaded.data;
});

describe('re-referral-12-months', () => {
  it('reads the referral events only: their records need not be kept', () => {
    expect(reReferral12Months.records).toBeUndefined();
  });

  it('counts a referral with an earlier one on or after 12 months before it', () => {
    expect(byLine(casesOf(reReferral12Months, data, october))).toEqual([
      [3, 'C00801', true, 'previous referral 15/10/2025'],
      [5, 'C00802', false, 'previous referral 14/10/2025, before 15/10/2025'],
      [6, 'C00803', false, 'no earlier referral'],
      [7, 'C00803', false, 'no earlier referral'],
      [8, 'C00804', false, 'no earlier referral'],
      [9, 'C00804', true, 'previous referral 05/10/2026'],
      [17, 'C00807', true, 'previous referral 01/03/2026'],
      [19, 'C00808', true, 'previous referral 01/06/2026'],
      [20, 'C00808', true, 'previous referral 01/06/2026'],
    ]);
  });

  it('12 months before a leap day is 28 February', () => {
    // February 2024: line 12 (counted, 28/02/2023 is the day itself) and line 14 (27/02/2023: not). 1 of 2.
    expect(byLine(casesOf(reReferral12Months, data, parsePeriod('2024-02')))).toEqual([
      [12, 'C00805', true, 'previous referral 28/02/2023'],
      [14, 'C00806', false, 'previous referral 27/02/2023, before 28/02/2023'],
    ]);
  });

  it('in a report: 5 of 9 is red against 25 %; the exceptions are the re-referrals, each under its own row’s team', () => {
    // 5/9 = 55.6 % > 25 % + 5 points: red. Exceptions by team, then child: Team A lines 3, 17, 20; Team B lines 9, 19.
    const result = report(october);
    expect(figure(result)).toEqual({ numerator: 5, denominator: 9, value: 5 / 9, rag: 'red' });
    expect(result.exceptions.map((e) => [e.team, e.childId, e.recordId])).toEqual([
      ['Team A', 'C00801', 'referrals.csv:3'],
      ['Team A', 'C00807', 'referrals.csv:17'],
      ['Team A', 'C00808', 'referrals.csv:20'],
      ['Team B', 'C00804', 'referrals.csv:9'],
      ['Team B', 'C00808', 'referrals.csv:19'],
    ]);
  });

  it('follows a changed setting, in its title and its figures', () => {
    // 6 months: line 3 (15/10/2025 < 15/04/2026) and line 17 (01/03/2026 < 30/04/2026) drop out; lines 9, 19, 20 stay. 3 of 9.
    const result = report(october, { ...DEFAULT_SETTINGS, reReferralMonths: 6 });
    expect(result.title).toBe('Referrals within 6 months of a previous referral');
    expect(result.timescale).toBe('6 months');
    expect(figure(result)).toMatchObject({ numerator: 3, denominator: 9 });
    expect(report(october).title).toBe('Referrals within 12 months of a previous referral');
  });
});
