// pf-visit-7-days (catalogue.md, "Over the existing extracts" and "Edges, pinned").
// Cohort: PF plans starting in the period, less pending. Met: a visit with plan_type PF or blank on a
// day d with start <= d <= start + 7 calendar days; the plan's end is ignored. Pending (left out):
// as-at <= start + 7 and no such visit on or before the as-at date (later visits are not known yet).
//
// The tables are inline below, loaded as the CLI loads a folder. Period October 2026.
//
// plan  child start     window (start .. start + 7)  visits (type)             as at Sat 31 Oct
// PF01  C1    Thu 1 Oct  1 Oct .. 8 Oct             8 Oct PF  (start + 7)     met
// PF02  C2    Thu 1 Oct  1 Oct .. 8 Oct             9 Oct PF  (start + 8)     NOT met
// PF03  C3    Tue 27 Oct 27 Oct .. 3 Nov            2 Nov PF  (after as-at)   pending: 31 Oct <= 3 Nov, no visit by 31 Oct
// PF04  C4    Mon 5 Oct  5 Oct .. 12 Oct            4 Oct PF  (before start)  NOT met
// PF05  C5    Mon 5 Oct  5 Oct .. 12 Oct            6 Oct blank               met: a blank type counts for every plan
// PF06  C6    Sat 10 Oct 10 Oct .. 17 Oct, ended 11 Oct   15 Oct PF           met: the plan's end is ignored
// PF07  C7    Mon 12 Oct 12 Oct .. 19 Oct           13 Oct CP                 NOT met: a CP visit is not a PF visit
// PF08  C8    Mon 26 Oct 26 Oct .. 2 Nov            28 Oct PF                 met (window still open, but met already: not pending)
// PF09  C9    Mon 28 Sep                                                      not in the cohort: started before the period
// CP10  C10   Mon 5 Oct (a CP plan)                 6 Oct PF                  not in the cohort: not a PF plan
// PF11  C11   Sat 24 Oct 24 Oct .. 31 Oct           -                         pending: the window's last day is the as-at date
//
// As at 31 Oct: cohort PF01, PF02, PF04, PF05, PF06, PF07, PF08 = 7; met PF01, PF05, PF06, PF08 = 4 -> 4/7.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/core/dataset.js';
import { pfVisit7Days } from '../../src/core/indicators/pfVisits.js';
import { parsePeriod, withAsAt, type Period } from '../../src/core/period.js';
import { buildReport } from '../../src/core/report.js';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings.js';
import { calendar, casesOf, day, figure, resultOf, view, loadTables } from './helpers.js';

const PLANS = `child_id,plan_id,plan_type,start_date,end_date,category,team,worker
C1,PF01,PF,2026-10-01,,,Team A,Worker 1
C2,PF02,PF,2026-10-01,,,Team A,Worker 1
C3,PF03,PF,2026-10-27,,,Team A,Worker 1
C4,PF04,PF,2026-10-05,,,Team B,Worker 2
C5,PF05,PF,2026-10-05,,,Team B,Worker 2
C6,PF06,PF,2026-10-10,2026-10-11,,Team B,Worker 2
C7,PF07,PF,2026-10-12,,,Team B,Worker 2
C8,PF08,PF,2026-10-26,,,Team B,Worker 2
C9,PF09,PF,2026-09-28,,,Team B,Worker 2
C10,CP10,CP,2026-10-05,,Neglect,Team B,Worker 2
C11,PF11,PF,2026-10-24,,,Team B,Worker 2
`;

const VISITS = `child_id,visit_date,plan_type,seen_alone,worker,team
C1,2026-10-08,PF,Y,Worker 1,Team A
C2,2026-10-09,PF,Y,Worker 1,Team A
C3,2026-11-02,PF,Y,Worker 1,Team A
C4,2026-10-04,PF,Y,Worker 2,Team B
C5,2026-10-06,,Y,Worker 2,Team B
C6,2026-10-15,PF,Y,Worker 2,Team B
C7,2026-10-13,CP,Y,Worker 2,Team B
C8,2026-10-28,PF,Y,Worker 2,Team B
C10,2026-10-06,PF,Y,Worker 2,Team B
`;


const october = parsePeriod('2026-10');
let data: Dataset;
beforeAll(async () => {
  data = await loadTables({ 'plans.csv': PLANS, 'visits.csv': VISITS });
});

function reportFor(period: Period, settings: Settings = DEFAULT_SETTINGS) {
  return buildReport(data, { period, settings, calendar }, [pfVisit7Days]);
}

describe('pf-visit-7-days', () => {
  it('as at Saturday 31 October: the hand-worked cohort, pending plans left out', () => {
    expect(view(casesOf(pfVisit7Days, data, october))).toEqual([
      { recordId: 'PF01', childId: 'C1', counted: true, detail: 'visited 08/10/2026 (window 01/10/2026 to 08/10/2026)' },
      { recordId: 'PF02', childId: 'C2', counted: false, detail: 'no visit from 01/10/2026 to 08/10/2026' },
      { recordId: 'PF04', childId: 'C4', counted: false, detail: 'no visit from 05/10/2026 to 12/10/2026' },
      { recordId: 'PF05', childId: 'C5', counted: true, detail: 'visited 06/10/2026 (window 05/10/2026 to 12/10/2026)' },
      { recordId: 'PF06', childId: 'C6', counted: true, detail: 'visited 15/10/2026 (window 10/10/2026 to 17/10/2026)' },
      { recordId: 'PF07', childId: 'C7', counted: false, detail: 'no visit from 12/10/2026 to 19/10/2026' },
      { recordId: 'PF08', childId: 'C8', counted: true, detail: 'visited 28/10/2026 (window 26/10/2026 to 02/11/2026)' },
    ]);
  });

  it('in a report: 4 of 7, the exceptions are the 3 plans not met', () => {
    // 4/7 = 57.1 % against 95 %: red.
    const result = resultOf(reportFor(october), 'pf-visit-7-days');
    expect(figure(result)).toEqual({ numerator: 4, denominator: 7, value: 4 / 7, rag: 'red' });
    expect(result.title).toBe('Private fostering visits within 7 days');
    expect(result.exceptions.map((e) => [e.team, e.childId, e.recordId])).toEqual([
      ['Team A', 'C2', 'PF02'],
      ['Team B', 'C4', 'PF04'],
      ['Team B', 'C7', 'PF07'],
    ]);
  });

  it('as at Thursday 5 November the windows of PF03 and PF11 have closed or been met', () => {
    // PF03: visit 2 Nov, within 27 Oct .. 3 Nov and on or before 5 Nov: met.
    // PF11: window 24 .. 31 Oct closed with no visit: not met. Cohort 9, met 5 -> 5/9.
    const asAt5Nov = withAsAt(october, day('2026-11-05'));
    const rows = view(casesOf(pfVisit7Days, data, asAt5Nov));
    expect(rows.filter((r) => r.recordId === 'PF03' || r.recordId === 'PF11')).toEqual([
      { recordId: 'PF03', childId: 'C3', counted: true, detail: 'visited 02/11/2026 (window 27/10/2026 to 03/11/2026)' },
      { recordId: 'PF11', childId: 'C11', counted: false, detail: 'no visit from 24/10/2026 to 31/10/2026' },
    ]);
    expect(figure(resultOf(reportFor(asAt5Nov), 'pf-visit-7-days'))).toMatchObject({ numerator: 5, denominator: 9 });
  });

  it('visits after the as-at date are ignored: as at Wednesday 7 October only PF05 is decided', () => {
    // PF01 (visit 8 Oct), PF02, PF04: windows open on 7 Oct, no qualifying visit by then -> pending.
    // PF06, PF07, PF08, PF03, PF11 start after 7 Oct -> pending. PF05: blank visit 6 Oct -> met. 1/1.
    expect(view(casesOf(pfVisit7Days, data, withAsAt(october, day('2026-10-07'))))).toEqual([
      { recordId: 'PF05', childId: 'C5', counted: true, detail: 'visited 06/10/2026 (window 05/10/2026 to 12/10/2026)' },
    ]);
  });

  it('the window follows pfVisitDays', () => {
    // With 8 days PF02's visit on start + 8 (9 Oct) is in time; the title says so.
    const settings = { ...DEFAULT_SETTINGS, pfVisitDays: 8 };
    expect(pfVisit7Days.title(settings)).toBe('Private fostering visits within 8 days');
    expect(view(casesOf(pfVisit7Days, data, october, settings)).find((r) => r.recordId === 'PF02')).toEqual({
      recordId: 'PF02',
      childId: 'C2',
      counted: true,
      detail: 'visited 09/10/2026 (window 01/10/2026 to 09/10/2026)',
    });
  });

  it('reads the visits as events only', () => {
    // Loaded without keepRecords: reading data.visits.records would throw, so passing shows it never does.
    expect(pfVisit7Days.records).toBeUndefined();
    expect(() => data.visits!.records.length).toThrow(/not loaded/);
  });
});
