// Statutory visits (indicators.md): visits-cp, visits-cin, visits-cla.
// Cohort: children with an open plan of the type on the as-at date (one row a
// child, under the plan with the latest start). Met when not overdue:
// due = interval after the later of the plan start and the latest visit on or
// before the as-at date that counts for the plan (same plan_type, or blank);
// met when due >= as-at. CP 10 working days, CIN 20 working days, CLA 42
// calendar days. "N working days after b" is the N-th working day after b.
//
// fixtures/indicators/visits/ (plans.csv, visits.csv). Mon 31 Aug 2026 is a bank holiday.
//
// child   plan(s)                                   visits (type)
// C00401  P0001 CP 1 Jun                            18 Sep CP, Fri 2 Oct CP
// C00402  P0002 CP Mon 5 Oct                        25 Sep CP (before the plan started)
// C00403  P0003 CP 2 Mar; P0004 CP Mon 5 Oct (Team B)  20 Aug CP
// C00404  P0005 CP 5 Jan; P0006 CLA 2 Feb           1 Sep CLA, Fri 9 Oct (blank type)
// C00405  P0007 CP 1 Sep                            Mon 14 Sep CP, 20 Oct CP (after the as-at date)
// C00406  P0008 CP Mon 3 Aug                        12 Oct CIN (not a CP visit)
// C00407  P0009 CP 5 Jan, ended Fri 16 Oct          Tue 6 Oct CP
// C00408  P0010 CIN 1 Sep                           Fri 18 Sep CIN
// C00409  P0011 CIN 1 Jul                           Fri 28 Aug CIN
// C00410  P0012 CLA 1 May                           4 Sep CLA
// C00411  P0013 CLA 1 May                           3 Sep CLA
// C00412  P0014 CP 5 Jan, ended 30 Sep              10 Sep CP
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/core/dataset.js';
import { visitsCin, visitsCla, visitsCp } from '../../src/core/indicators/visits.js';
import { parsePeriod, withAsAt } from '../../src/core/period.js';
import { casesOf, day, figure, loadScenario, reportOf, resultOf, view } from './helpers.js';

const friday16 = withAsAt(parsePeriod('2026-10'), day('2026-10-16'));
const saturday17 = withAsAt(parsePeriod('2026-10'), day('2026-10-17'));

let data: Dataset;
beforeAll(async () => {
  data = await loadScenario('visits');
});

function cpCase(period: typeof friday16, childId: string) {
  return view(casesOf(visitsCp, data, period)).find((r) => r.childId === childId);
}

describe('visits-cp (10 working days)', () => {
  it('10 working days after Friday 2 October 2026 is Friday 16 October: met as at Friday 16', () => {
    // C00401: latest CP visit on or before 16 Oct is Fri 2 Oct (18 Sep is earlier).
    // 5-9 Oct = 5, 12-16 Oct = 10 -> due Fri 16 Oct >= 16 Oct: met.
    expect(cpCase(friday16, 'C00401')).toEqual({ recordId: 'P0001', childId: 'C00401', counted: true, detail: 'last visit 02/10/2026; next due 16/10/2026' });
  });

  it('a visit due on Friday is overdue on Saturday: as-at on a Saturday', () => {
    // As at Sat 17 Oct: due 16 Oct < 17 Oct: not met, 1 day overdue, though no working day has passed.
    expect(cpCase(saturday17, 'C00401')).toEqual({
      recordId: 'P0001',
      childId: 'C00401',
      counted: false,
      detail: 'last visit 02/10/2026; due 16/10/2026, 1 day overdue',
    });
  });

  it('a plan opened after its last visit runs its clock from the plan start', () => {
    // C00402: last visit 25 Sep (due 9 Oct if it counted), but the plan started Mon 5 Oct.
    // Later of the two = 5 Oct; 6-9 Oct = 4, 12-16 = 9, Mon 19 Oct = 10 -> due 19 Oct >= 16 Oct: met.
    expect(cpCase(friday16, 'C00402')).toEqual({
      recordId: 'P0002',
      childId: 'C00402',
      counted: true,
      detail: 'no visit since plan start 05/10/2026; next due 19/10/2026',
    });
  });

  it('a child with two open CP plans is counted once, under the plan with the latest start', () => {
    // C00403: P0003 (2 Mar, Team A) and P0004 (Mon 5 Oct, Team B) both open. One row, for P0004:
    // later of 5 Oct and the last visit 20 Aug = 5 Oct -> due Mon 19 Oct: met.
    // (Clocked from P0003 the 20 Aug visit would have been due 3 Sep: overdue.)
    const rows = casesOf(visitsCp, data, friday16).filter((r) => r.childId === 'C00403');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ recordId: 'P0004', team: 'Team B', worker: 'Worker 03', counted: true, detail: 'no visit since plan start 05/10/2026; next due 19/10/2026' });
  });

  it('a visit with a blank plan_type counts for every open plan of the child', () => {
    // C00404: CP plan P0005 has no CP visit; the blank-type visit Fri 9 Oct counts:
    // 12-16 Oct = 5, 19-23 = 10 -> due Fri 23 Oct: met. (Without it: due 10 working days after 5 Jan.)
    // The same visit counts for the CLA plan: see visits-cla below.
    expect(cpCase(friday16, 'C00404')).toEqual({ recordId: 'P0005', childId: 'C00404', counted: true, detail: 'last visit 09/10/2026; next due 23/10/2026' });
  });

  it('a visit after the as-at date is ignored', () => {
    // C00405: visits Mon 14 Sep and 20 Oct; as at 16 Oct only 14 Sep counts.
    // 15-18 Sep = 4, 21-25 = 9, Mon 28 Sep = 10 -> due 28 Sep < 16 Oct: 18 days overdue.
    expect(cpCase(friday16, 'C00405')).toEqual({
      recordId: 'P0007',
      childId: 'C00405',
      counted: false,
      detail: 'last visit 14/09/2026; due 28/09/2026, 18 days overdue',
    });
  });

  it('a visit made under another plan type does not count for a CP plan', () => {
    // C00406: only a CIN visit (12 Oct). CP clock from the plan start Mon 3 Aug:
    // 4-7 Aug = 4, 10-14 = 9, Mon 17 Aug = 10 -> due 17 Aug; 16 Oct - 17 Aug = 60 days overdue.
    expect(cpCase(friday16, 'C00406')).toEqual({
      recordId: 'P0008',
      childId: 'C00406',
      counted: false,
      detail: 'no visit since plan start 03/08/2026; due 17/08/2026, 60 days overdue',
    });
  });

  it('a plan ending on the as-at date is open on it; a plan that ended earlier is not', () => {
    // C00407: P0009 ends Fri 16 Oct: open as at 16 Oct (end >= as-at), not as at 17 Oct.
    // Visit Tue 6 Oct: 7-9 Oct = 3, 12-16 = 8, 19, 20 -> due Tue 20 Oct: met.
    // C00412: P0014 ended 30 Sep: never in the October cohorts.
    expect(cpCase(friday16, 'C00407')).toEqual({ recordId: 'P0009', childId: 'C00407', counted: true, detail: 'last visit 06/10/2026; next due 20/10/2026' });
    expect(cpCase(saturday17, 'C00407')).toBeUndefined();
    expect(cpCase(friday16, 'C00412')).toBeUndefined();
  });

  it('figure as at Friday 16 October: 5 of 7', () => {
    // Cohort: C00401-C00407 (7 children; C00403 once). Met: C00401, C00402, C00403, C00404, C00407.
    // Not met: C00405 (18 days), C00406 (60 days). 5/7 = 71.4 % against 95 % -> red.
    const result = resultOf(reportOf(data, friday16), 'visits-cp');
    expect(figure(result)).toEqual({ numerator: 5, denominator: 7, value: 5 / 7, rag: 'red' });
    expect(result.exceptions.map((e) => [e.childId, e.recordId, e.team, e.worker])).toEqual([
      ['C00405', 'P0007', 'Team A', 'Worker 02'],
      ['C00406', 'P0008', 'Team B', 'Worker 04'],
    ]);
  });

  it('figure as at Saturday 17 October: 3 of 6', () => {
    // Cohort: C00401-C00406 (C00407's plan ended 16 Oct). Met: C00402, C00403 (due 19 Oct), C00404 (due 23 Oct).
    // Not met: C00401 (1 day), C00405 (19 days), C00406 (61 days). 3/6 = 0.5.
    const result = resultOf(reportOf(data, saturday17), 'visits-cp');
    expect(figure(result)).toEqual({ numerator: 3, denominator: 6, value: 0.5, rag: 'red' });
    expect(result.exceptions.map((e) => [e.childId, e.detail])).toEqual([
      ['C00401', 'last visit 02/10/2026; due 16/10/2026, 1 day overdue'],
      ['C00405', 'last visit 14/09/2026; due 28/09/2026, 19 days overdue'],
      ['C00406', 'no visit since plan start 03/08/2026; due 17/08/2026, 61 days overdue'],
    ]);
  });
});

describe('visits-cin (20 working days)', () => {
  it('20 working days after Fri 18 Sep is Fri 16 Oct; a bank holiday in the window moves the due date', () => {
    // C00408: 21-25 Sep = 5, 28-30 = 8, 1-2 Oct = 10, 5-9 = 15, 12-16 = 20 -> due Fri 16 Oct: met as at 16 Oct.
    // C00409: last visit Fri 28 Aug; Mon 31 Aug is a bank holiday, so 1-4 Sep = 4, 7-11 = 9, 14-18 = 14,
    //         21-25 = 19, Mon 28 Sep = 20 -> due 28 Sep: 18 days overdue. 1/2 = 0.5.
    const result = resultOf(reportOf(data, friday16), 'visits-cin');
    // Issue 10: n = 2 is under minCohort 5, so no RAG (red before).
    expect(figure(result)).toEqual({ numerator: 1, denominator: 2, value: 0.5, rag: 'none' });
    expect(view(casesOf(visitsCin, data, friday16))).toEqual([
      { recordId: 'P0010', childId: 'C00408', counted: true, detail: 'last visit 18/09/2026; next due 16/10/2026' },
      { recordId: 'P0011', childId: 'C00409', counted: false, detail: 'last visit 28/08/2026; due 28/09/2026, 18 days overdue' },
    ]);
  });

  it('as at Saturday 17 October neither is in time (0 of 2)', () => {
    // C00408 due 16 Oct < 17 Oct: 1 day overdue. C00409: 19 days overdue. 0/2 = 0: red.
    const result = resultOf(reportOf(data, saturday17), 'visits-cin');
    // Issue 10: n = 2 is under minCohort 5, so no RAG (red before).
    expect(figure(result)).toEqual({ numerator: 0, denominator: 2, value: 0, rag: 'none' });
    expect(result.exceptions.map((e) => e.detail)).toEqual([
      'last visit 18/09/2026; due 16/10/2026, 1 day overdue',
      'last visit 28/08/2026; due 28/09/2026, 19 days overdue',
    ]);
  });
});

describe('visits-cla (42 calendar days)', () => {
  it('42 calendar days: visit 4 Sep due 16 Oct (met), visit 3 Sep due 15 Oct (1 day overdue)', () => {
    // C00410: 4 Sep + 42 = 16 Oct (26 days to 30 Sep, 16 into October) >= 16 Oct: met.
    // C00411: 3 Sep + 42 = 15 Oct < 16 Oct: 1 day overdue.
    // C00404: CLA visit 1 Sep and blank-type visit 9 Oct: the later, 9 Oct, counts: due 20 Nov: met.
    // 2/3, red against 95 %.
    const result = resultOf(reportOf(data, friday16), 'visits-cla');
    // Issue 10: n = 3 is under minCohort 5, so no RAG (red before).
    expect(figure(result)).toEqual({ numerator: 2, denominator: 3, value: 2 / 3, rag: 'none' });
    expect(view(casesOf(visitsCla, data, friday16))).toEqual([
      { recordId: 'P0006', childId: 'C00404', counted: true, detail: 'last visit 09/10/2026; next due 20/11/2026' },
      { recordId: 'P0012', childId: 'C00410', counted: true, detail: 'last visit 04/09/2026; next due 16/10/2026' },
      { recordId: 'P0013', childId: 'C00411', counted: false, detail: 'last visit 03/09/2026; due 15/10/2026, 1 day overdue' },
    ]);
  });

  it('as at Saturday 17 October: 1 of 3', () => {
    // C00404 met (due 20 Nov); C00410 due 16 Oct: 1 day overdue; C00411: 2 days overdue.
    const result = resultOf(reportOf(data, saturday17), 'visits-cla');
    // Issue 10: n = 3 is under minCohort 5, so no RAG (red before).
    expect(figure(result)).toEqual({ numerator: 1, denominator: 3, value: 1 / 3, rag: 'none' });
    expect(result.exceptions.map((e) => [e.childId, e.detail])).toEqual([
      ['C00410', 'last visit 04/09/2026; due 16/10/2026, 1 day overdue'],
      ['C00411', 'last visit 03/09/2026; due 15/10/2026, 2 days overdue'],
    ]);
  });
});
