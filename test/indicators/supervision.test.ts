// supervision-6-weeks and oversight-6-weeks (indicators.md).
// Cohort: children with any open plan on the as-at date. Met when not overdue:
// due = 42 calendar days after the later of the EARLIEST start among the
// child's open plans and the latest record of that kind on or before the
// as-at date; met when due >= as-at.
//
// fixtures/indicators/supervision/, period October 2026, as at Sat 31 Oct.
// Met exactly when the base day is on or after 31 Oct - 42 = Sat 19 Sep.
//
// child   open plans on 31 Oct                supervision records     oversight records
// C00501  P0501 CIN 5 Jan                      10 Aug, 19 Sep          18 Sep
// C00502  P0502 CLA 2 Mar; P0503 CP 25 Sep     1 Aug                   1 Oct
// C00503  P0504 CIN 1 Oct                      -                       -
// C00504  P0505 CP 5 Jan                       2 Nov (after as-at)     20 Oct
// C00505  P0506 CIN 2 Feb                      20 Oct                  -
// C00506  (P0507 ended 30 Sep)                 15 Oct                  15 Oct
// C00507  (P0508 starts 2 Nov)                 -                       -
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/core/dataset.js';
import { oversight6Weeks, supervision6Weeks } from '../../src/core/indicators/supervision.js';
import { parsePeriod } from '../../src/core/period.js';
import { casesOf, figure, loadScenario, reportOf, resultOf, view } from './helpers.js';

const october = parsePeriod('2026-10');

let data: Dataset;
beforeAll(async () => {
  data = await loadScenario('supervision');
});

function caseOf(indicator: typeof supervision6Weeks, childId: string) {
  return view(casesOf(indicator, data, october)).find((r) => r.childId === childId);
}

describe('supervision-6-weeks (42 calendar days)', () => {
  it('a supervision exactly 42 days before the as-at date is in time', () => {
    // C00501: latest supervision 19 Sep (10 Aug is earlier); later of 5 Jan and 19 Sep = 19 Sep.
    // 19 Sep + 42 = 31 Oct (11 days to 30 Sep, 31 into October) >= 31 Oct: met.
    expect(caseOf(supervision6Weeks, 'C00501')).toEqual({
      recordId: 'P0501',
      childId: 'C00501',
      counted: true,
      detail: 'last supervision 19/09/2026; next due 31/10/2026',
    });
  });

  it('the clock falls back to the EARLIEST start among the open plans', () => {
    // C00502: open CLA from 2 Mar and CP from 25 Sep. Earliest start 2 Mar; latest supervision 1 Aug.
    // Later of 2 Mar and 1 Aug = 1 Aug; + 42 = 12 Sep < 31 Oct: 49 days overdue (18 in Sep + 31 in Oct).
    // (Taking the newest plan's start, 25 Sep, would have made it met: due 6 Nov.)
    // One row a child, under the newest plan (P0503, Team B).
    const rows = casesOf(supervision6Weeks, data, october).filter((r) => r.childId === 'C00502');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ recordId: 'P0503', team: 'Team B', counted: false, detail: 'last supervision 01/08/2026; due 12/09/2026, 49 days overdue' });
  });

  it('a new plan without any supervision yet is in time until 42 days after its start', () => {
    // C00503: plan from 1 Oct, no record: 1 Oct + 42 = 12 Nov >= 31 Oct: met.
    expect(caseOf(supervision6Weeks, 'C00503')).toEqual({
      recordId: 'P0504',
      childId: 'C00503',
      counted: true,
      detail: 'no supervision since plan start 01/10/2026; next due 12/11/2026',
    });
  });

  it('oversight records do not count for supervision, nor records after the as-at date', () => {
    // C00504: an oversight record on 20 Oct and a supervision on 2 Nov (after 31 Oct): neither counts.
    // Clock from the plan start 5 Jan: + 42 = 16 Feb; 31 Oct (day 304 of 2026) - 16 Feb (day 47) = 257 days overdue.
    expect(caseOf(supervision6Weeks, 'C00504')).toEqual({
      recordId: 'P0505',
      childId: 'C00504',
      counted: false,
      detail: 'no supervision since plan start 05/01/2026; due 16/02/2026, 257 days overdue',
    });
  });

  it('a child with no open plan on the as-at date is not in the cohort, whatever their records', () => {
    // C00506's plan ended 30 Sep (records on 15 Oct); C00507's plan starts 2 Nov.
    const children = casesOf(supervision6Weeks, data, october).map((r) => r.childId).sort();
    expect(children).toEqual(['C00501', 'C00502', 'C00503', 'C00504', 'C00505']);
  });

  it('figure: 3 of 5 in time', () => {
    // Met: C00501 (due 31 Oct), C00503 (12 Nov), C00505 (20 Oct + 42 = 1 Dec).
    // Not met: C00502 (49 days), C00504 (257 days). 3/5 = 0.6 against 95 % -> red.
    const result = resultOf(reportOf(data, october), 'supervision-6-weeks');
    expect(figure(result)).toEqual({ numerator: 3, denominator: 5, value: 0.6, rag: 'red' });
    expect([...result.exceptions]).toMatchObject([
      { childId: 'C00504', recordId: 'P0505', team: 'Team A', worker: 'Worker 03', detail: 'no supervision since plan start 05/01/2026; due 16/02/2026, 257 days overdue' },
      { childId: 'C00502', recordId: 'P0503', team: 'Team B', worker: 'Worker 02', detail: 'last supervision 01/08/2026; due 12/09/2026, 49 days overdue' },
    ]);
  });
});

describe('oversight-6-weeks (42 calendar days)', () => {
  it('supervision records do not count for oversight', () => {
    // C00505: a supervision on 20 Oct but no oversight: clock from the plan start 2 Feb:
    // + 42 = 16 Mar; 31 Oct (day 304) - 16 Mar (day 75) = 229 days overdue.
    expect(caseOf(oversight6Weeks, 'C00505')).toEqual({
      recordId: 'P0506',
      childId: 'C00505',
      counted: false,
      detail: 'no oversight since plan start 02/02/2026; due 16/03/2026, 229 days overdue',
    });
  });

  it('an oversight 43 days before the as-at date is one day overdue', () => {
    // C00501: oversight 18 Sep + 42 = 30 Oct < 31 Oct: 1 day overdue (its supervision on 19 Sep does not help).
    expect(caseOf(oversight6Weeks, 'C00501')).toEqual({
      recordId: 'P0501',
      childId: 'C00501',
      counted: false,
      detail: 'last oversight 18/09/2026; due 30/10/2026, 1 day overdue',
    });
  });

  it('figure: 3 of 5 in time', () => {
    // Met: C00502 (oversight 1 Oct, later than the earliest start 2 Mar: due 12 Nov), C00503 (plan 1 Oct: 12 Nov),
    //      C00504 (oversight 20 Oct: 1 Dec). Not met: C00501 (1 day), C00505 (229 days).
    // 3/5 = 0.6 against 90 % -> red.
    const result = resultOf(reportOf(data, october), 'oversight-6-weeks');
    expect(figure(result)).toEqual({ numerator: 3, denominator: 5, value: 0.6, rag: 'red' });
    expect(result.exceptions.map((e) => [e.childId, e.recordId])).toEqual([
      ['C00501', 'P0501'],
      ['C00505', 'P0506'],
    ]);
    expect(view(casesOf(oversight6Weeks, data, october)).filter((r) => r.counted).map((r) => [r.childId, r.detail])).toEqual([
      ['C00502', 'last oversight 01/10/2026; next due 12/11/2026'],
      ['C00503', 'no oversight since plan start 01/10/2026; next due 12/11/2026'],
      ['C00504', 'last oversight 20/10/2026; next due 01/12/2026'],
    ]);
  });
});
