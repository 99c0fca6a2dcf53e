// Return home interview indicators (indicators.md): rhi-within-72h,
// rhi-offered, rhi-late-reason. Hand-worked from
// fixtures/indicators/return-interviews/missing.csv.
//
// Cohort of all three rates: episodes whose returned_at falls in the period.
// Times are UK local clock times; hours are elapsed hours between instants.
// 2026 clock changes: Sun 29 March (clocks forward, a day of 23 hours) and
// Sun 25 October (clocks back, a day of 25 hours).
//
// episode  returned             interview            offered declined late_reason
// E0001    Mon 5 Oct 10:00      Thu 8 Oct 10:00      Y       -        -
// E0002    Mon 5 Oct 10:00      Thu 8 Oct 10:01      -       -        -
// E0003    Fri 23 Oct 12:00     Mon 26 Oct 12:00     Y       -        Child unavailable until Monday
// E0004    Mon 12 Oct (date)    Thu 15 Oct (date)    -       -        -
// E0005    Mon 12 Oct (date)    Fri 16 Oct (date)    -       -        -
// E0006    Mon 19 Oct 09:00     -                    Y       Y        -
// E0007    Tue 20 Oct 15:30     -                    N       -        -
// E0008    Sat 31 Oct (date)    Mon 2 Nov 09:00      -       -        -
// E0009    still missing (returned blank)
// E0010    Fri 27 Mar 12:00     Mon 30 Mar 12:00     Y       -        -
// E0011    Wed 30 Sep 23:00     Thu 1 Oct 10:00      Y       -        -
// E0012    Wed 21 Oct (date)    -                    -       -        Family moved out of area
// E0013    Wed 14 Oct 23:00     Sat 17 Oct (date)    Y       -        -
//
// October 2026 cohort: E0001-E0008, E0012, E0013 (10 episodes). Not in it:
// E0009 (no return), E0010 (returned in March), E0011 (returned 30 Sep).
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/core/dataset.js';
import { rhiLateReason, rhiOffered, rhiWithin72h } from '../../src/core/indicators/returnInterviews.js';
import { parsePeriod } from '../../src/core/period.js';
import { casesOf, figure, loadScenario, reportOf, resultOf, view } from './helpers.js';

const october = parsePeriod('2026-10');

let data: Dataset;
beforeAll(async () => {
  data = await loadScenario('return-interviews');
});

function caseOf(id: string) {
  const row = view(casesOf(rhiWithin72h, data, october)).find((r) => r.recordId === id);
  if (!row) throw new Error(`${id} not in the rhi-within-72h cohort`);
  return row;
}

describe('rhi-within-72h', () => {
  it('exactly 72 hours is met', () => {
    // E0001: Mon 5 Oct 10:00 -> Thu 8 Oct 10:00, no clock change between: 3 x 24 = 72 h <= 72.
    expect(caseOf('E0001')).toEqual({ recordId: 'E0001', childId: 'C00201', counted: true, detail: 'interview 72 hours after return' });
  });

  it('72 hours and one minute is not met', () => {
    // E0002: 10:00 -> 10:01 three days later: 72 h 1 min > 72 h.
    const row = caseOf('E0002');
    expect(row.counted).toBe(false);
    expect(row.detail).toMatch(/^interview 72 hours 1 minutes? after return$/);
  });

  it('across the October clock change Fri 12:00 -> Mon 12:00 is 73 hours: not met', () => {
    // E0003: Fri 23 Oct 12:00 BST = 11:00 UTC; Mon 26 Oct 12:00 GMT = 12:00 UTC.
    // Sun 25 Oct has 25 hours, so 72 + 1 = 73 elapsed hours > 72.
    expect(caseOf('E0003')).toEqual({ recordId: 'E0003', childId: 'C00203', counted: false, detail: 'interview 73 hours after return' });
  });

  it('across the March clock change Fri 12:00 -> Mon 12:00 is 71 hours: met', () => {
    // E0010: Fri 27 Mar 12:00 GMT = 12:00 UTC; Mon 30 Mar 12:00 BST = 11:00 UTC.
    // Sun 29 Mar has 23 hours, so 72 - 1 = 71 elapsed hours <= 72. Period March 2026: cohort is E0010 alone.
    const rows = view(casesOf(rhiWithin72h, data, parsePeriod('2026-03')));
    expect(rows).toEqual([{ recordId: 'E0010', childId: 'C00210', counted: true, detail: 'interview 71 hours after return' }]);
  });

  it('date-only return and interview: 3 calendar days is met, 4 is not', () => {
    // E0004: 12 Oct -> 15 Oct = 3 days <= 3: met. E0005: 12 Oct -> 16 Oct = 4 days > 3: not met.
    expect(caseOf('E0004')).toEqual({ recordId: 'E0004', childId: 'C00204', counted: true, detail: 'interview 3 days after return (date only)' });
    expect(caseOf('E0005')).toEqual({ recordId: 'E0005', childId: 'C00205', counted: false, detail: 'interview 4 days after return (date only)' });
  });

  it('a date on either side alone makes the comparison by calendar date', () => {
    // E0008: return 31 Oct (date only), interview 2 Nov 09:00: 2 calendar days <= 3: met.
    // E0013: return 14 Oct 23:00, interview 17 Oct (date only): 3 calendar days <= 3: met,
    //        though 17 Oct at any hour after 23:00 would be more than 72 hours.
    expect(caseOf('E0008')).toEqual({ recordId: 'E0008', childId: 'C00208', counted: true, detail: 'interview 2 days after return (date only)' });
    expect(caseOf('E0013')).toEqual({ recordId: 'E0013', childId: 'C00213', counted: true, detail: 'interview 3 days after return (date only)' });
  });

  it('no interview is not met, declined or not', () => {
    // E0006 declined; E0007 and E0012 have no interview.
    expect(caseOf('E0006')).toEqual({ recordId: 'E0006', childId: 'C00206', counted: false, detail: 'interview declined' });
    expect(caseOf('E0007')).toEqual({ recordId: 'E0007', childId: 'C00207', counted: false, detail: 'no interview recorded' });
    expect(caseOf('E0012')).toEqual({ recordId: 'E0012', childId: 'C00212', counted: false, detail: 'no interview recorded' });
  });

  it("the cohort is the returns in the period, including one on the period's last day", () => {
    // E0008 returned on Sat 31 Oct = period.to: in. E0009 (still missing), E0010 (March), E0011 (30 Sep): out.
    const ids = casesOf(rhiWithin72h, data, october).map((r) => r.recordId).sort();
    expect(ids).toEqual(['E0001', 'E0002', 'E0003', 'E0004', 'E0005', 'E0006', 'E0007', 'E0008', 'E0012', 'E0013']);
  });

  it('October figure: 4 of 10 within 72 hours, red against 75 %', () => {
    // Met: E0001 (72 h), E0004 (3 days), E0008 (2 days), E0013 (3 days) = 4.
    // Not met: E0002, E0003, E0005, E0006, E0007, E0012 = 6. 4/10 = 0.4.
    const result = resultOf(reportOf(data, october), 'rhi-within-72h');
    expect(figure(result)).toEqual({ numerator: 4, denominator: 10, value: 0.4, rag: 'red' });
    // Exceptions in team, worker, child order.
    expect(result.exceptions.map((e) => [e.team, e.worker, e.childId, e.recordId])).toEqual([
      ['Team A', 'Worker 01', 'C00202', 'E0002'],
      ['Team A', 'Worker 01', 'C00206', 'E0006'],
      ['Team A', 'Worker 02', 'C00207', 'E0007'],
      ['Team B', 'Worker 02', 'C00203', 'E0003'],
      ['Team B', 'Worker 02', 'C00212', 'E0012'],
      ['Team B', 'Worker 03', 'C00205', 'E0005'],
    ]);
  });
});

describe('rhi-offered', () => {
  it('met by rhi_offered = yes or by a completed interview; N and blank without an interview are not met', () => {
    // Offered Y: E0001, E0003, E0006, E0013. Offer blank but interview completed: E0002, E0004, E0005, E0008.
    // Not met: E0007 (offered N, no interview), E0012 (offer blank, no interview). 8/10 = 0.8, red against 100 %.
    const result = resultOf(reportOf(data, october), 'rhi-offered');
    expect(figure(result)).toEqual({ numerator: 8, denominator: 10, value: 0.8, rag: 'red' });
    expect([...result.exceptions]).toMatchObject([
      { childId: 'C00207', recordId: 'E0007', team: 'Team A', worker: 'Worker 02', detail: 'not offered' },
      { childId: 'C00212', recordId: 'E0012', team: 'Team B', worker: 'Worker 02', detail: 'offer not recorded' },
    ]);
  });

  it('a completed interview counts as offered although rhi_offered is blank', () => {
    const rows = view(casesOf(rhiOffered, data, october));
    expect(rows.find((r) => r.recordId === 'E0002')).toEqual({ recordId: 'E0002', childId: 'C00202', counted: true, detail: 'interview 08/10/2026' });
    expect(rows.find((r) => r.recordId === 'E0008')).toEqual({ recordId: 'E0008', childId: 'C00208', counted: true, detail: 'interview 02/11/2026' });
    expect(rows.find((r) => r.recordId === 'E0006')).toEqual({ recordId: 'E0006', childId: 'C00206', counted: true, detail: 'offered' });
  });
});

describe('rhi-late-reason', () => {
  it('the cohort is exactly the episodes not met by rhi-within-72h', () => {
    const notMet = casesOf(rhiWithin72h, data, october).filter((r) => !r.counted).map((r) => r.recordId).sort();
    const cohort = casesOf(rhiLateReason, data, october).map((r) => r.recordId).sort();
    expect(notMet).toEqual(['E0002', 'E0003', 'E0005', 'E0006', 'E0007', 'E0012']);
    expect(cohort).toEqual(notMet);
  });

  it('met by a late_reason or a declined interview (3 of 6)', () => {
    // E0003 late_reason; E0006 declined; E0012 late_reason: met.
    // E0002, E0005, E0007: nothing recorded: not met. 3/6 = 0.5, red against 100 %.
    const result = resultOf(reportOf(data, october), 'rhi-late-reason');
    expect(figure(result)).toEqual({ numerator: 3, denominator: 6, value: 0.5, rag: 'red' });
    expect(result.exceptions.map((e) => e.recordId)).toEqual(['E0002', 'E0007', 'E0005']);
    expect([...result.exceptions].find((e) => e.recordId === 'E0007')?.detail).toBe('no interview recorded; no reason recorded');
    expect([...result.exceptions].find((e) => e.recordId === 'E0005')?.detail).toBe('interview 4 days after return (date only); no reason recorded');
    const met = view(casesOf(rhiLateReason, data, october)).filter((r) => r.counted);
    expect(met).toEqual([
      { recordId: 'E0003', childId: 'C00203', counted: true, detail: 'interview 73 hours after return; reason: Child unavailable until Monday' },
      { recordId: 'E0006', childId: 'C00206', counted: true, detail: 'interview declined' },
      { recordId: 'E0012', childId: 'C00212', counted: true, detail: 'no interview recorded; reason: Family moved out of area' },
    ]);
  });

  it('an empty cohort (every interview in time) has no value and no RAG', () => {
    // March 2026: E0010 alone, met at 71 hours -> the late-reason cohort is empty: 0/0, value null, rag none.
    const result = resultOf(reportOf(data, parsePeriod('2026-03')), 'rhi-late-reason');
    expect(figure(result)).toEqual({ numerator: 0, denominator: 0, value: null, rag: 'none' });
    expect([...result.exceptions]).toMatchObject([]);
  });
});
