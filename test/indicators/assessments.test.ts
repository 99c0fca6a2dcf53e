// Assessment indicators (indicators.md): assessment-timeliness,
// assessment-open-overdue, assessment-child-seen, assessment-seen-alone,
// assessment-voice-recorded. Every expected figure is worked by hand below
// from fixtures/indicators/assessments/ and fixtures/indicators/assessments-christmas/.
//
// "Working days between a and b" = working days d with a < d <= b: the clock
// start is day 0. England and Wales calendar. Working days per month used here:
//   Aug 2026: Mon 31 Aug is the Summer bank holiday; 3-7, 10-14, 17-21, 24-28 Aug work.
//   Sep 2026: 22 working days (1 Sep is a Tuesday, no holidays).
//   Oct 2026: 22 working days (1 Oct is a Thursday, no holidays).
//   Dec 2026: Fri 25 Dec Christmas Day; Sat 26 Dec Boxing Day, substitute day Mon 28 Dec.
//   Jan 2027: Fri 1 Jan New Year's Day; 20 working days (4-8, 11-15, 18-22, 25-29).
//   Feb 2027: 20 working days (1 Feb is a Monday).
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/core/dataset.js';
import {
  assessmentChildSeen,
  assessmentOpenOverdue,
  assessmentSeenAlone,
  assessmentTimeliness,
  assessmentVoiceRecorded,
} from '../../src/core/indicators/assessments.js';
import { figureOf } from '../../src/core/report.js';
import { parsePeriod, rangePeriod, withAsAt } from '../../src/core/period.js';
import { casesOf, day, figure, loadScenario, reportOf, resultOf, view } from './helpers.js';

// fixtures/indicators/assessments/assessments.csv, period October 2026 (1-31 Oct, as at Sat 31 Oct):
//
// id     referral    start       completed   flags seen/alone/voice
// A0001  Fri 14 Aug  17 Aug      Mon 19 Oct  Y / Y / Y
// A0002  Fri 14 Aug  17 Aug      Tue 20 Oct  Y / N / Y
// A0003  Sat 15 Aug  17 Aug      Mon 19 Oct  Y / - / N
// A0004  (blank)     Mon 17 Aug  Tue 20 Oct  N / Y / Yes
// A0005  Thu 1 Oct   1 Oct       Sat 31 Oct  - / - / -      ("-" = blank)
// A0006  3 Aug       3 Aug       30 Sep      (completed before the period)
// A0007  Fri 14 Aug  17 Aug      Mon 2 Nov   (completed after the period and after the as-at date)
// A0008  (blank)     Fri 14 Aug  open
// A0009  Thu 27 Aug  1 Sep       open
// A0010  Fri 14 Aug  Mon 2 Nov   open       (started after the as-at date)
// A0011  Wed 26 Aug  1 Sep       open
const october = parsePeriod('2026-10');

describe('assessment-timeliness (completed within 45 working days)', () => {
  let data: Dataset;
  beforeAll(async () => {
    data = await loadScenario('assessments');
  });

  it('exactly 45 working days is met and 46 is not (clock from the referral date)', () => {
    // A0001: clock Fri 14 Aug. Aug: 17-21, 24-28 = 10 (31 Aug holiday); Sep 22 -> 32;
    //        Oct 1, 2, 5-9, 12-16, 19 = 13 -> 45. 45 <= 45: met.
    // A0002: same clock, completed Tue 20 Oct: one more -> 46 > 45: not met.
    const rows = view(casesOf(assessmentTimeliness, data, october)).filter((r) => r.recordId <= 'A0002');
    expect(rows).toEqual([
      { recordId: 'A0001', childId: 'C00001', counted: true, detail: 'completed after 45 working days' },
      { recordId: 'A0002', childId: 'C00002', counted: false, detail: 'completed after 46 working days' },
    ]);
  });

  it('a clock starting on a Saturday counts from that Saturday: Monday is working day 1', () => {
    // A0003: referral Sat 15 Aug (day 0). Sun 16 is not a working day, Mon 17 Aug is day 1,
    // so the count to Mon 19 Oct is the same as from Fri 14 Aug: 45 -> met.
    const row = view(casesOf(assessmentTimeliness, data, october)).find((r) => r.recordId === 'A0003');
    expect(row).toEqual({ recordId: 'A0003', childId: 'C00003', counted: true, detail: 'completed after 45 working days' });
  });

  it('a blank referral_date starts the clock at start_date', () => {
    // A0004: no referral; clock Mon 17 Aug. Aug 18-21, 24-28 = 9; Sep 22 -> 31; Oct 1-20 = 14 -> 45: met.
    const row = view(casesOf(assessmentTimeliness, data, october)).find((r) => r.recordId === 'A0004');
    expect(row).toEqual({ recordId: 'A0004', childId: 'C00004', counted: true, detail: 'completed after 45 working days' });
  });

  it("a completion on the period's last day is in the period; completions outside it are not", () => {
    // A0005 completed Sat 31 Oct = period.to: in. Clock Thu 1 Oct -> Oct 2, 5-9, 12-16, 19-23, 26-30 = 21.
    // A0006 (30 Sep) and A0007 (2 Nov) are outside October; A0008-A0011 are not completed.
    const rows = view(casesOf(assessmentTimeliness, data, october));
    expect(rows.map((r) => r.recordId)).toEqual(['A0001', 'A0002', 'A0003', 'A0004', 'A0005']);
    expect(rows[4]).toEqual({ recordId: 'A0005', childId: 'C00005', counted: true, detail: 'completed after 21 working days' });
  });

  it('October figure: 4 of 5 within 45 working days, red against 90 %', () => {
    // Met: A0001 (45), A0003 (45), A0004 (45), A0005 (21). Not met: A0002 (46).
    // 4/5 = 0.8; shortfall 10 points > 5-point tolerance -> red.
    const result = resultOf(reportOf(data, october, { exceptionDates: true }), 'assessment-timeliness');
    expect(figure(result)).toEqual({ numerator: 4, denominator: 5, value: 0.8, rag: 'red' });
    // The exception carries the assessment's dates, for the lists managers filter (--exceptions-out), when asked for.
    expect([...resultOf(reportOf(data, october), 'assessment-timeliness').exceptions]).toEqual([
      { childId: 'C00002', recordId: 'A0002', team: 'Team A', worker: 'Worker 02', detail: 'completed after 46 working days' },
    ]);
    expect([...result.exceptions]).toEqual([
      {
        childId: 'C00002', recordId: 'A0002', team: 'Team A', worker: 'Worker 02', detail: 'completed after 46 working days',
        dates: { referral_date: day('2026-08-14'), start_date: day('2026-08-17'), completed_date: day('2026-10-20') },
      },
    ]);
  });

  it('a --from/--to range selects completions by day, inclusive at both ends', () => {
    // Range Mon 19 Oct .. Tue 20 Oct: A0001 and A0003 (19 Oct), A0002 and A0004 (20 Oct).
    const period = rangePeriod(day('2026-10-19'), day('2026-10-20'));
    const rows = casesOf(assessmentTimeliness, data, period);
    expect(rows.map((r) => r.recordId).sort()).toEqual(['A0001', 'A0002', 'A0003', 'A0004']);
    expect(figureOf('rate', rows)).toEqual({ numerator: 3, denominator: 4, value: 0.75 });
  });
});

describe('assessment-timeliness: clocks starting on Christmas bank holidays', () => {
  // fixtures/indicators/assessments-christmas/, period March 2027.
  // From any clock start on 24-28 Dec 2026 the next working day is Tue 29 Dec:
  //   Dec 29, 30, 31 = 3; Jan 2027 = 20 -> 23; Feb 2027 = 20 -> 43; Mon 1 Mar 44; Tue 2 Mar 45.
  let data: Dataset;
  beforeAll(async () => {
    data = await loadScenario('assessments-christmas');
  });
  const march = parsePeriod('2027-03');

  it('a referral on Christmas Day (Fri 25 Dec, a bank holiday) completed Tue 2 Mar is exactly 45: met', () => {
    const row = view(casesOf(assessmentTimeliness, data, march)).find((r) => r.recordId === 'A0101');
    expect(row).toEqual({ recordId: 'A0101', childId: 'C00101', counted: true, detail: 'completed after 45 working days' });
  });

  it('a referral on Boxing Day (Sat 26 Dec) counts from that day: 45, met', () => {
    const row = view(casesOf(assessmentTimeliness, data, march)).find((r) => r.recordId === 'A0102');
    expect(row).toEqual({ recordId: 'A0102', childId: 'C00102', counted: true, detail: 'completed after 45 working days' });
  });

  it('a referral on the Boxing Day substitute day (Mon 28 Dec) counts from that day: 45, met', () => {
    const row = view(casesOf(assessmentTimeliness, data, march)).find((r) => r.recordId === 'A0103');
    expect(row).toEqual({ recordId: 'A0103', childId: 'C00103', counted: true, detail: 'completed after 45 working days' });
  });

  it('Christmas Eve is a working day: a referral on Wed 23 Dec to Tue 2 Mar is 46, not met', () => {
    // A0104: Thu 24 Dec counts (+1) -> 46.
    const row = view(casesOf(assessmentTimeliness, data, march)).find((r) => r.recordId === 'A0104');
    expect(row).toEqual({ recordId: 'A0104', childId: 'C00104', counted: false, detail: 'completed after 46 working days' });
  });

  it('March 2027 figure: 3 of 5 (Christmas-Day clock completed Wed 3 Mar is 46)', () => {
    // Met A0101, A0102, A0103; not met A0104 (46) and A0105 (25 Dec -> Wed 3 Mar = 46).
    const result = resultOf(reportOf(data, march), 'assessment-timeliness');
    expect(figure(result)).toEqual({ numerator: 3, denominator: 5, value: 0.6, rag: 'red' });
    expect(result.exceptions.map((e) => [e.recordId, e.detail])).toEqual([
      ['A0104', 'completed after 46 working days'],
      ['A0105', 'completed after 46 working days'],
    ]);
  });
});

describe('assessment-open-overdue (open assessments past 45 working days)', () => {
  let data: Dataset;
  beforeAll(async () => {
    data = await loadScenario('assessments');
  });

  it('counts assessments open on the as-at date whose clock has run more than 45 working days', () => {
    // As at Sat 31 Oct 2026. Open = started <= 31 Oct and (not completed or completed after 31 Oct).
    //   A0001-A0006 completed on or before 31 Oct: not open.
    //   A0007 completed Mon 2 Nov, after the as-at date: open. Clock 14 Aug: 10 + 22 + 22 = 54 > 45: counted.
    //   A0008 no referral, clock start_date Fri 14 Aug: 54 > 45: counted.
    //   A0009 clock Thu 27 Aug: Aug 28 = 1 (31 Aug holiday) + 22 + 22 = 45, not > 45: not counted.
    //   A0010 referral 14 Aug but started Mon 2 Nov, after the as-at date: not open, not counted.
    //   A0011 clock Wed 26 Aug: Aug 27, 28 = 2 + 22 + 22 = 46 > 45: counted.
    // Count 3, target 0 -> red.
    const result = resultOf(reportOf(data, october), 'assessment-open-overdue');
    expect(figure(result)).toEqual({ numerator: 3, denominator: 3, value: 3, rag: 'red' });
    expect([...result.exceptions]).toMatchObject([
      { childId: 'C00007', recordId: 'A0007', team: 'Team A', worker: 'Worker 02', detail: 'open 54 working days (clock started 14/08/2026)' },
      { childId: 'C00011', recordId: 'A0011', team: 'Team A', worker: 'Worker 02', detail: 'open 46 working days (clock started 26/08/2026)' },
      { childId: 'C00008', recordId: 'A0008', team: 'Team B', worker: 'Worker 03', detail: 'open 54 working days (clock started 14/08/2026)' },
    ]);
  });

  it('an assessment completed after the as-at date counts as open on it', () => {
    // A0007 completed 2 Nov; as at 31 Oct it is open (see above). As at Mon 2 Nov it is not.
    const ids = (asAt: string) => casesOf(assessmentOpenOverdue, data, withAsAt(october, day(asAt))).map((r) => r.recordId).sort();
    expect(ids('2026-10-31')).toContain('A0007');
    expect(ids('2026-11-02')).not.toContain('A0007');
  });

  it('an assessment started after the as-at date is not open, whatever its referral date', () => {
    // A0010 referral 14 Aug, started 2 Nov: not counted on 31 Oct. As at Mon 2 Nov it has started:
    // clock 14 Aug -> 2 Nov = 54 + 1 (Mon 2 Nov) = 55 > 45: counted.
    const ids = (asAt: string) => casesOf(assessmentOpenOverdue, data, withAsAt(october, day(asAt))).map((r) => r.recordId);
    expect(ids('2026-10-31')).not.toContain('A0010');
    expect(view(casesOf(assessmentOpenOverdue, data, withAsAt(october, day('2026-11-02')))).find((r) => r.recordId === 'A0010')).toEqual({
      recordId: 'A0010',
      childId: 'C00010',
      counted: false,
      detail: 'open 55 working days (clock started 14/08/2026)',
    });
  });

  it('exactly 45 working days open is not overdue; 46 is', () => {
    // As at Mon 19 Oct: A0002, A0007 (clock 14 Aug, still open) and A0008 (start 14 Aug) are at exactly 45: none counted.
    // As at Tue 20 Oct they are at 46, but A0002 completed on 20 Oct, so it is no longer open:
    // counted A0007 and A0008 (46 each). A0009 (27 Aug -> 20 Oct = 1 + 22 + 14 = 37) and A0011 (38) are not.
    expect(casesOf(assessmentOpenOverdue, data, withAsAt(october, day('2026-10-19')))).toEqual([]);
    expect(view(casesOf(assessmentOpenOverdue, data, withAsAt(october, day('2026-10-20'))))).toEqual([
      { recordId: 'A0007', childId: 'C00007', counted: false, detail: 'open 46 working days (clock started 14/08/2026)' },
      { recordId: 'A0008', childId: 'C00008', counted: false, detail: 'open 46 working days (clock started 14/08/2026)' },
    ]);
  });
});

describe('assessment flags: child seen, seen alone, voice recorded', () => {
  // Cohort (as assessment-timeliness): A0001-A0005, completed in October.
  let data: Dataset;
  beforeAll(async () => {
    data = await loadScenario('assessments');
  });

  it('assessment-child-seen: child_seen = yes; N and blank are not met (3 of 5)', () => {
    // Y: A0001, A0002, A0003. N: A0004. Blank: A0005.
    // 3/5 = 0.6 against 95 % -> red.
    const result = resultOf(reportOf(data, october), 'assessment-child-seen');
    expect(figure(result)).toEqual({ numerator: 3, denominator: 5, value: 0.6, rag: 'red' });
    expect([...result.exceptions]).toMatchObject([
      { childId: 'C00004', recordId: 'A0004', team: 'Team B', worker: 'Worker 03', detail: 'child seen: no' },
      { childId: 'C00005', recordId: 'A0005', team: undefined, worker: undefined, detail: 'child seen: not recorded' },
    ]);
  });

  it('assessment-seen-alone: a blank flag is not met (2 of 5)', () => {
    // Y: A0001, A0004. N: A0002. Blank: A0003, A0005. 2/5 = 0.4 against 70 % -> red.
    const result = resultOf(reportOf(data, october), 'assessment-seen-alone');
    expect(figure(result)).toEqual({ numerator: 2, denominator: 5, value: 0.4, rag: 'red' });
    expect(result.exceptions.map((e) => [e.recordId, e.detail])).toEqual([
      ['A0002', 'child seen alone: no'],
      ['A0003', 'child seen alone: not recorded'],
      ['A0005', 'child seen alone: not recorded'],
    ]);
  });

  it('assessment-voice-recorded: "Yes" is yes, blank is not met (3 of 5)', () => {
    // Y: A0001, A0002; "Yes": A0004. N: A0003. Blank: A0005. 3/5 = 0.6 against 100 % -> red.
    const result = resultOf(reportOf(data, october), 'assessment-voice-recorded');
    expect(figure(result)).toEqual({ numerator: 3, denominator: 5, value: 0.6, rag: 'red' });
    expect(result.exceptions.map((e) => [e.recordId, e.detail])).toEqual([
      ['A0003', "child's voice recorded: no"],
      ['A0005', "child's voice recorded: not recorded"],
    ]);
  });

  it('the flag indicators share the timeliness cohort exactly', () => {
    const ids = (rows: { recordId: string }[]) => rows.map((r) => r.recordId).sort();
    const cohort = ids(casesOf(assessmentTimeliness, data, october));
    for (const indicator of [assessmentChildSeen, assessmentSeenAlone, assessmentVoiceRecorded]) {
      expect(ids(casesOf(indicator, data, october))).toEqual(cohort);
    }
  });
});
