// cla-review-timeliness, cp-review-timeliness and cla-review-overdue (catalogue.md "New extracts and
// their indicators", "Edges, pinned" -> Reviews, "Within N months of x", "Groups").
// A review belongs to the child's plan of its type open on the review date (latest start); it is
// numbered by the distinct earlier days of that plan's reviews (same-day reviews share a number).
// CLA: first due 20 working days after the plan's start, second 3 months after the first, each later
// one 6 months after the one before. CP: first 3 months after the start, then 6 months.
// "Within N months of x": on or before x + N months, clamped to the month's end.
// England and Wales calendar; bank holidays used below: Mon 31/08/2026, Fri 25/12 and Mon 28/12/2026
// (Boxing Day's substitute), Fri 01/01/2027, Mon 29/05/2023.
//
// fixtures/indicators/reviews/plans.csv
// child   plan   type start       end         team/worker
// C00001  P0001  CLA  01/06/2026  -           A/W1
// C00002  P0002  CLA  03/08/2026  -           A/W1
// C00003  P0003  CLA  03/08/2026  -           B/W2
// C00004  P0004  CLA  02/03/2026  15/10/2026  B/W2   the episode ends ...
// C00004  P0005  CLA  16/10/2026  -           B/W2   ... and restarts the next day
// C00005  P0006  CLA  15/12/2026  -           A/W2
// C00006  P0007  CLA  01/09/2026  -           A/W1
// C00007  P0008  CLA  01/04/2026  30/09/2026  B/W2
// C00008  P0009  CLA  01/10/2026  -           B/W1   never reviewed
// C00009  P0010  CLA  01/12/2026  -           A/W1   never reviewed
// C00010  P0011  CP   10/06/2026  -           A/W1
// C00011  P0012  CP   31/05/2026  -           B/W2
// C00012  P0013  CP   01/02/2026  -           B/W2
// C00020  P0014  CLA  15/05/2023  30/06/2024  A/W1
// C00021  P0015  CLA  15/05/2023  30/06/2024  B/W2
//
// fixtures/indicators/reviews/reviews.csv, by line; "in" = dated in September 2026 - February 2027.
// line child  type date        team/worker  judged
//  2   C00001 CLA  26/06/2026  A/W1  1st; 20 wd after Mon 01/06 = Mon 29/06 (no June holiday): met; not in
//  3   C00001 CLA  26/09/2026  A/W1  in: 2nd, due 26/06 + 3 months = 26/09, on the day: MET
//  4   C00001 CLA  15/02/2027  A/W1  in: 3rd, due 26/09/2026 + 6 months = 26/03/2027: MET
//  5   C00001 CP   05/10/2026  A/W1  in (CP): C00001 has no CP plan: NOT met
//  6   C00002 CLA  31/08/2026  A/W1  1st; 20 wd after Mon 03/08: 4-7 = 4, 10-14 = 9, 17-21 = 14, 24-28 = 19,
//                                    (31/08 holiday), Tue 01/09 = 20 -> due 01/09: met; not in
//  7   C00002 CLA  30/11/2026  A/W1  in: 2nd, due 31/08 + 3 months = 30/11 (clamped): MET
//  8   C00003 CLA  31/08/2026  B/W2  1st, as line 6; not in
//  9   C00003 CLA  01/12/2026  B/W2  in: 2nd, due 30/11: NOT met, 1 day late
// 10   C00004 CLA  20/03/2026  B/W2  1st of P0004; not in
// 11   C00004 CLA  15/06/2026  B/W2  2nd of P0004 (due 20/06); not in
// 12   C00004 CLA  01/10/2026  B/W2  in: 3rd of P0004 (open until 15/10), due 15/06 + 6 months = 15/12: MET
// 13   C00004 CLA  16/11/2026  B/W2  in: 1st of P0005 (the clock restarts): 20 wd after Fri 16/10:
//                                    19-23 = 5, 26-30 = 10, 2-6 Nov = 15, 9-13 = 20 -> due Fri 13/11: NOT met,
//                                    3 days late. (On P0004's clock, 4th due 01/04/2027: it would be met.)
// 14   C00005 CLA  15/01/2027  A/W2  in: 1st; 20 wd after Tue 15/12/2026: 16-18 = 3, 21-24 = 7, (25, 28 holidays),
//                                    29-31 = 10, (01/01 holiday), 4-8 = 15, 11-15 = 20 -> due Fri 15/01/2027: MET
//                                    (without the holidays the 20th working day would be Tue 12/01: late)
// 15   C00006 CLA  25/09/2026  A/W1  in: 1st; 20 wd after Tue 01/09: 2-4 = 3, 7-11 = 8, 14-18 = 13, 21-25 = 18,
//                                    28 = 19, 29 = 20 -> due Tue 29/09: MET
// 16   C00006 CLA  04/01/2027  A/W1  in: 2nd, due 25/09 + 3 months = 25/12/2026: NOT met, 10 days late
// 17   C00006 CLA  04/01/2027  B/W2  in: the same day as line 16: also the 2nd, also 10 days late
// 18   C00006 CLA  10/02/2027  A/W1  in: 3rd (two earlier DAYS, not three reviews), due 04/01 + 6 months
//                                    = 04/07/2027: MET
// 19   C00007 CLA  10/10/2026  B/W2  in: P0008 ended 30/09, no CLA plan open: NOT met
// 20   C00010 CP   10/09/2026  A/W1  in (CP): 1st, due 10/06 + 3 months = 10/09: MET
// 21   C00010 CP   10/02/2027  A/W1  in (CP): 2nd, due 10/09 + 6 months = 10/03/2027: MET
// 22   C00011 CP   01/09/2026  B/W2  in (CP): 1st, due 31/05 + 3 months = 31/08: NOT met, 1 day late
// 23   C00011 CP   26/02/2027  B/W2  in (CP): 2nd, due 01/09/2026 + 6 months = 01/03/2027: MET
// 24   C00012 CP   20/04/2026  B/W2  1st (due 01/05); not in
// 25   C00012 CP   21/10/2026  B/W2  in (CP): 2nd, due 20/04 + 6 months = 20/10: NOT met, 1 day late
// 26   C00020 CLA  31/05/2023  A/W1  1st; 20 wd after Mon 15/05/2023 = Tue 13/06 (29/05 a holiday): met
// 27   C00020 CLA  31/08/2023  A/W1  2nd, due 31/05 + 3 months = 31/08: met
// 28   C00020 CLA  29/02/2024  A/W1  3rd, due 31/08/2023 + 6 months = 29/02/2024 (leap year): MET
// 29-30 C00021 as lines 26-27 (B/W2)
// 31   C00021 CLA  01/03/2024  B/W2  3rd, due 29/02/2024: NOT met, 1 day late
//
// cla-review-timeliness, September 2026 - February 2027: lines 3, 4, 7, 9, 12, 13, 14, 15, 16, 17, 18, 19
//   = 12 reviews; met 3, 4, 7, 12, 14, 15, 18 = 7 -> 7/12 = 58.3 %, red against 90 %.
//   Team A: 3, 4, 7, 14, 15, 16, 18 = 7, met all but 16 = 6.  Team B: 9, 12, 13, 17, 19 = 5, met 12 = 1.
// cp-review-timeliness, same period: lines 5, 20, 21, 22, 23, 25 = 6; met 20, 21, 23 = 3 -> 50 %, red against 95 %.
// cla-review-overdue, as at Thu 31/12/2026 (open CLA plans, reviews on or before 31/12 only):
//   C00001 3rd due 26/03/2027; C00002 3rd due 30/05/2027; C00003 3rd due 01/06/2027; C00004 (P0005) 2nd due
//   16/02/2027; C00005 1st due 15/01/2027: none overdue. C00007's plan ended.
//   C00006: 2nd due 25/12/2026, 6 days overdue (its 04/01/2027 reviews are after the as-at date: ignored).
//   C00008: 1st due 20 wd after Thu 01/10: 2/10 = 1, 5-9 = 6, 12-16 = 11, 19-23 = 16, 26-29 = 20 -> Thu 29/10,
//           63 days overdue (2 + 30 + 31).
//   C00009: 1st due 20 wd after Tue 01/12: 2-4 = 3, 7-11 = 8, 14-18 = 13, 21-24 = 17, 29-31 = 20 -> Thu 31/12,
//           the as-at date itself: not overdue (overdue means due < as-at).
//   -> 2 (C00006, C00008).
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/core/dataset.js';
import { formatIso } from '../../src/core/dates/localDate.js';
import { claReviewOverdue, claReviewTimeliness, cpReviewTimeliness } from '../../src/core/indicators/reviews.js';
import type { CaseRow } from '../../src/core/indicators/types.js';
import { rangePeriod, withAsAt } from '../../src/core/period.js';
import { DEFAULT_SETTINGS, withReviewIntervals, type PartialReviewIntervals, type Settings } from '../../src/core/settings.js';
import { calendar, casesOf, day, figure, loadScenario, reportOf, resultOf } from './helpers.js';

const period = rangePeriod(day('2026-09-01'), day('2027-02-28'));
let data: Dataset;
beforeAll(async () => {
  data = await loadScenario('reviews');
});

/** The default settings with some review intervals changed. */
function withReviews(given: PartialReviewIntervals): Settings {
  return { ...DEFAULT_SETTINGS, reviewIntervals: withReviewIntervals(DEFAULT_SETTINGS.reviewIntervals, given) };
}

/** [line, child, counted, detail] in line order (record ids are reviews.csv:line). */
function byLine(rows: readonly CaseRow[]): [number, string, boolean, string][] {
  return rows.map((r): [number, string, boolean, string] => [r.source.line, r.childId, r.counted, r.detail]).sort((a, b) => a[0] - b[0]);
}

describe('cla-review-timeliness', () => {
  it('judges each CLA review of the period against its own due date: 7 of 12', () => {
    expect(byLine(casesOf(claReviewTimeliness, data, period))).toEqual([
      [3, 'C00001', true, 'second review 26/09/2026, due by 26/09/2026 (3 months after the first, 26/06/2026)'],
      [4, 'C00001', true, 'third review 15/02/2027, due by 26/03/2027 (6 months after the second, 26/09/2026)'],
      [7, 'C00002', true, 'second review 30/11/2026, due by 30/11/2026 (3 months after the first, 31/08/2026)'],
      [9, 'C00003', false, 'second review 01/12/2026, due by 30/11/2026 (3 months after the first, 31/08/2026), 1 day late'],
      [12, 'C00004', true, 'third review 01/10/2026, due by 15/12/2026 (6 months after the second, 15/06/2026)'],
      [13, 'C00004', false, "first review 16/11/2026, due by 13/11/2026 (20 working days after the plan's start, 16/10/2026), 3 days late"],
      [14, 'C00005', true, "first review 15/01/2027, due by 15/01/2027 (20 working days after the plan's start, 15/12/2026)"],
      [15, 'C00006', true, "first review 25/09/2026, due by 29/09/2026 (20 working days after the plan's start, 01/09/2026)"],
      [16, 'C00006', false, 'second review 04/01/2027, due by 25/12/2026 (3 months after the first, 25/09/2026), 10 days late'],
      [17, 'C00006', false, 'second review 04/01/2027, due by 25/12/2026 (3 months after the first, 25/09/2026), 10 days late'],
      [18, 'C00006', true, 'third review 10/02/2027, due by 04/07/2027 (6 months after the second, 04/01/2027)'],
      [19, 'C00007', false, 'CLA review 10/10/2026 with no CLA plan open on that day, so not met'],
    ]);
  });

  it('names a review by file:line (the extract has no id column)', () => {
    expect(casesOf(claReviewTimeliness, data, period).map((r) => r.recordId)).toContain('reviews.csv:13');
  });

  it('counts 20 working days across Christmas 2026: plan from Tue 15/12, the 20th working day is Fri 15/01/2027', () => {
    expect(formatIso(calendar.addWorkingDays(day('2026-12-15'), 20))).toBe('2027-01-15');
    const c5 = casesOf(claReviewTimeliness, data, period).filter((r) => r.childId === 'C00005');
    expect(c5.map((r) => r.counted)).toEqual([true]);
  });

  it('restarts the clock for an episode starting the day after the last ended', () => {
    // Line 13 is judged as the first review of P0005 (from 16/10), not the fourth of P0004 (due 01/04/2027).
    const c4 = byLine(casesOf(claReviewTimeliness, data, rangePeriod(day('2026-11-01'), day('2026-11-30'))));
    expect(c4.map(([line, , counted]) => [line, counted])).toEqual([[7, true], [13, false]]);
  });

  it('in a leap year, 6 months after 31/08/2023 is 29/02/2024: met on that day, not the day after', () => {
    const leap = rangePeriod(day('2024-02-01'), day('2024-03-31'));
    expect(byLine(casesOf(claReviewTimeliness, data, leap))).toEqual([
      [28, 'C00020', true, 'third review 29/02/2024, due by 29/02/2024 (6 months after the second, 31/08/2023)'],
      [31, 'C00021', false, 'third review 01/03/2024, due by 29/02/2024 (6 months after the second, 31/08/2023), 1 day late'],
    ]);
  });

  it('in a report: 7/12 is red against 90 %; by team each review goes to its own row\'s team', () => {
    // 58.3 % is more than 5 points under 90 %: red. Team A 6 of 7 (not line 16); Team B 1 of 5 (line 12 only):
    // C00006's two same-day reviews (lines 16, 17) fall in different teams.
    expect(figure(resultOf(reportOf(data, period), 'cla-review-timeliness'))).toEqual({ numerator: 7, denominator: 12, value: 7 / 12, rag: 'red' });
    const groups = resultOf(reportOf(data, period, { by: 'team' }), 'cla-review-timeliness').groups!;
    expect(groups.map((g) => [g.key, g.numerator, g.denominator])).toEqual([['Team A', 6, 7], ['Team B', 1, 5]]);
  });
});

describe('reviewIntervals.CLA', () => {
  it('with the second review 4 months after the first: lines 9, 16 and 17 are in time (due 31/12/2026 and 25/01/2027): 10 of 12', () => {
    const settings = withReviews({ CLA: { second: { months: 4 } } });
    const second = byLine(casesOf(claReviewTimeliness, data, period, settings)).filter(([line]) => [9, 16, 17].includes(line));
    expect(second).toEqual([
      [9, 'C00003', true, 'second review 01/12/2026, due by 31/12/2026 (4 months after the first, 31/08/2026)'],
      [16, 'C00006', true, 'second review 04/01/2027, due by 25/01/2027 (4 months after the first, 25/09/2026)'],
      [17, 'C00006', true, 'second review 04/01/2027, due by 25/01/2027 (4 months after the first, 25/09/2026)'],
    ]);
    // 10/12 = 83.3 %, more than 5 points under 90 %: still red.
    expect(figure(resultOf(reportOf(data, period, { settings }), 'cla-review-timeliness'))).toEqual({ numerator: 10, denominator: 12, value: 10 / 12, rag: 'red' });
    expect(claReviewTimeliness.title(settings)).toBe('CLA reviews in timescale (20 working days, 4 months, then 6 months)');
    expect(claReviewTimeliness.timescale(settings)).toBe('20 working days, 4 months, then 6 months');
  });

  it('schedules the overdue list too: as at 31/12/2026 C00006 (second due 25/01/2027) is no longer overdue', () => {
    const settings = withReviews({ CLA: { second: { months: 4 } } });
    expect(casesOf(claReviewOverdue, data, withAsAt(period, day('2026-12-31')), settings).map((r) => r.childId)).toEqual(['C00008']);
    expect(claReviewOverdue.timescale(settings)).toBe('20 working days, 4 months, then 6 months');
  });
});

describe('cp-review-timeliness', () => {
  it('judges CP reviews: first 3 months after the plan start, then 6 months after the one before: 3 of 6', () => {
    expect(byLine(casesOf(cpReviewTimeliness, data, period))).toEqual([
      [5, 'C00001', false, 'CP review 05/10/2026 with no CP plan open on that day, so not met'],
      [20, 'C00010', true, "first review 10/09/2026, due by 10/09/2026 (3 months after the plan's start, 10/06/2026)"],
      [21, 'C00010', true, 'second review 10/02/2027, due by 10/03/2027 (6 months after the first, 10/09/2026)'],
      [22, 'C00011', false, "first review 01/09/2026, due by 31/08/2026 (3 months after the plan's start, 31/05/2026), 1 day late"],
      [23, 'C00011', true, 'second review 26/02/2027, due by 01/03/2027 (6 months after the first, 01/09/2026)'],
      [25, 'C00012', false, 'second review 21/10/2026, due by 20/10/2026 (6 months after the first, 20/04/2026), 1 day late'],
    ]);
    expect(figure(resultOf(reportOf(data, period), 'cp-review-timeliness'))).toEqual({ numerator: 3, denominator: 6, value: 0.5, rag: 'red' });
  });
});

describe('cla-review-overdue', () => {
  it('as at 31/12/2026 counts C00006 and C00008; a review after the as-at date is ignored, one due on it is not overdue', () => {
    const rows = casesOf(claReviewOverdue, data, withAsAt(period, day('2026-12-31')));
    expect(rows.map((r) => [r.recordId, r.childId, r.team, r.counted, r.detail])).toEqual([
      ['P0007', 'C00006', 'Team A', true, 'second review due by 25/12/2026 (3 months after the first, 25/09/2026), 6 days overdue'],
      ['P0009', 'C00008', 'Team B', true, "first review due by 29/10/2026 (20 working days after the plan's start, 01/10/2026), 63 days overdue"],
    ]);
  });

  it('as at 05/01/2027 C00006 is no longer overdue (reviewed 04/01) and C00009 is (due 31/12)', () => {
    const rows = casesOf(claReviewOverdue, data, withAsAt(period, day('2027-01-05')));
    expect(rows.map((r) => [r.childId, r.detail])).toEqual([
      ['C00008', "first review due by 29/10/2026 (20 working days after the plan's start, 01/10/2026), 68 days overdue"],
      ['C00009', "first review due by 31/12/2026 (20 working days after the plan's start, 01/12/2026), 5 days overdue"],
    ]);
  });
});

describe('reviewIntervals.CP', () => {
  it('with the first review 4 months after the start: line 22 (due 30/09/2026) is in time: 4 of 6', () => {
    const settings = withReviews({ CP: { first: { months: 4 } } });
    expect(byLine(casesOf(cpReviewTimeliness, data, period, settings)).find(([line]) => line === 22)).toEqual([
      22,
      'C00011',
      true,
      "first review 01/09/2026, due by 30/09/2026 (4 months after the plan's start, 31/05/2026)",
    ]);
    expect(figure(resultOf(reportOf(data, period, { settings }), 'cp-review-timeliness'))).toEqual({ numerator: 4, denominator: 6, value: 4 / 6, rag: 'red' });
    expect(cpReviewTimeliness.title(settings)).toBe('CP reviews in timescale (4 months, then 6 months)');
  });

  it('with later reviews 5 months after the one before: line 23 (due 01/02/2027) is late, line 21 (due 10/02/2027) on the day: 2 of 6', () => {
    const settings = withReviews({ CP: { later: { months: 5 } } });
    expect(byLine(casesOf(cpReviewTimeliness, data, period, settings)).map(([line, , counted]) => [line, counted])).toEqual([
      [5, false],
      [20, true],
      [21, true],
      [22, false],
      [23, false],
      [25, false],
    ]);
    expect(cpReviewTimeliness.title(settings)).toBe('CP reviews in timescale (3 months, then 5 months)');
  });
});
