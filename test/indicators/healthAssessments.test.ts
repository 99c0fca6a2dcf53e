// iha-20-working-days (catalogue.md "New extracts", "Edges, pinned" → IHA).
// Cohort: one row per CLA plan whose 20th working day after its start falls in
// the period. Counted: an IHA of the child completed from the plan's start to
// that day (an RHA, or an IHA before the start, from an earlier episode, never
// counts). No pending. Hand-worked from fixtures/indicators/health-assessments/,
// England and Wales calendar (no bank holiday from September to Christmas 2026):
//
// plan   child   team    CLA start       20th working day                           health records
// P201   C00201  Team A  Mon 05/10/2026  06-09/10 = 1-4, 12-16 = 5-9, 19-23 = 10-14,
//                                        26-30 = 15-19, Mon 02/11 = 20               IHA 02/11 (the 20th day): met
// P202   C00202  Team A  Mon 12/10/2026  Mon 09/11                                   IHA 10/11: not met
// P203A  C00203  Team B  Mon 02/03/2026  Mon 30/03/2026 (March, not November)        IHA 20/03/2026
// P203B  C00203  Team B  Mon 19/10/2026  Mon 16/11                                   only the earlier episode's IHA: not met
// P204   C00204  Team B  Mon 19/10/2026  Mon 16/11                                   RHA 04/11: not met
// P205   C00205  Team B  Mon 02/11/2026  03-06/11 = 1-4, …, 23-27 = 15-19, Mon 30/11  IHA 02/11 (the start day): met
// P206   C00206  Team A  Tue 03/11/2026  Tue 01/12 (December)                        IHA 20/11: met in December
// P207   C00207  Team A  Fri 02/10/2026  Fri 30/10 (October)                         IHA 29/10
// P208   C00208  Team A  a CP plan: never in the cohort                              IHA 20/10
// P209   C00209  Team A  Mon 26/10/2026  Mon 23/11                                   IHA 05/11: met
// P210   C00210  Team B  Mon 30/11/2026  Wed 30/12 (see below)                       IHA 30/12: met in December
// P211   C00211  Team A  Thu 10/12/2026  Tue 12/01/2027 (see below)                  IHA 12/01/2027: met in January
// P212   C00212  Team A  Thu 10/12/2026  Tue 12/01/2027                              IHA 13/01/2027: not met
//
// November 2026: P201, P202, P203B, P204, P205, P209; met P201, P205, P209 = 3 of 6 (50 %): red against 75 %.
// By team: Team A P201, P202, P209 = 2 of 3; Team B P203B, P204, P205 = 1 of 3.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/core/dataset.js';
import { formatIso } from '../../src/core/dates/localDate.js';
import { iha20WorkingDays } from '../../src/core/indicators/healthAssessments.js';
import { parsePeriod } from '../../src/core/period.js';
import { DEFAULT_SETTINGS } from '../../src/core/settings.js';
import { calendar, casesOf, day, figure, loadScenario, reportOf, resultOf, view } from './helpers.js';

const november = parsePeriod('2026-11');
let data: Dataset;
beforeAll(async () => {
  data = await loadScenario('health-assessments');
});

describe('iha-20-working-days', () => {
  it('November 2026: plans due in the month, met by an IHA from the start to the 20th working day', () => {
    expect(view(casesOf(iha20WorkingDays, data, november))).toEqual([
      { recordId: 'P201', childId: 'C00201', counted: true, detail: 'IHA 02/11/2026, due by 02/11/2026 (CLA from 05/10/2026)' },
      { recordId: 'P202', childId: 'C00202', counted: false, detail: 'no IHA by 09/11/2026 (CLA from 12/10/2026)' },
      { recordId: 'P203B', childId: 'C00203', counted: false, detail: 'no IHA by 16/11/2026 (CLA from 19/10/2026)' },
      { recordId: 'P204', childId: 'C00204', counted: false, detail: 'no IHA by 16/11/2026 (CLA from 19/10/2026)' },
      { recordId: 'P205', childId: 'C00205', counted: true, detail: 'IHA 02/11/2026, due by 30/11/2026 (CLA from 02/11/2026)' },
      { recordId: 'P209', childId: 'C00209', counted: true, detail: 'IHA 05/11/2026, due by 23/11/2026 (CLA from 26/10/2026)' },
    ]);
  });

  it('counts working days across Christmas 2026', () => {
    // From Mon 30/11: 01-04/12 = 1-4, 07-11 = 5-9, 14-18 = 10-14, 21-24 = 15-18; 25/12 and Monday 28/12
    // (Boxing Day's substitute) are holidays; 29/12 = 19, 30/12 = 20.
    expect(formatIso(calendar.addWorkingDays(day('2026-11-30'), 20))).toBe('2026-12-30');
    // From Thu 10/12: 11/12 = 1, 14-18 = 2-6, 21-24 = 7-10, 29-31 = 11-13, 01/01 a holiday, 04-08/01 = 14-18, 11/01 = 19, 12/01 = 20.
    expect(formatIso(calendar.addWorkingDays(day('2026-12-10'), 20))).toBe('2027-01-12');
    // December: P206 (due 01/12, IHA 20/11) and P210 (IHA 30/12 on its 20th working day); P211 and P212 fall due in January.
    expect(view(casesOf(iha20WorkingDays, data, parsePeriod('2026-12'))).map((r) => [r.recordId, r.counted])).toEqual([['P206', true], ['P210', true]]);
    expect(view(casesOf(iha20WorkingDays, data, parsePeriod('2027-01'))).map((r) => [r.recordId, r.counted])).toEqual([['P211', true], ['P212', false]]);
  });

  it('in a report: 3 of 6 is red against 75 %, by team A 2 of 3 and B 1 of 3, grouped by the plan\'s team', () => {
    const result = resultOf(reportOf(data, november, { by: 'team' }), 'iha-20-working-days');
    expect(figure(result)).toEqual({ numerator: 3, denominator: 6, value: 0.5, rag: 'red' });
    expect(result.groups!.map((g) => [g.key, g.numerator, g.denominator])).toEqual([['Team A', 2, 3], ['Team B', 1, 3]]);
    expect(result.exceptions.map((e) => e.recordId).sort()).toEqual(['P202', 'P203B', 'P204']);
  });

  it('follows ihaWorkingDays: at 21, November is 4 of 6 (P202 met on 10/11, P207 due 02/11 comes in, P205 moves to December)', () => {
    const settings = { ...DEFAULT_SETTINGS, ihaWorkingDays: 21 };
    // The 21st working day: P201 Tue 03/11, P202 Tue 10/11, P203B and P204 Tue 17/11, P207 (Fri 02/10) Mon 02/11,
    // P209 Tue 24/11; P205 (Mon 02/11) Tue 01/12, in December.
    expect(view(casesOf(iha20WorkingDays, data, november, settings)).map((r) => [r.recordId, r.counted])).toEqual([
      ['P201', true],
      ['P202', true],
      ['P203B', false],
      ['P204', false],
      ['P207', true],
      ['P209', true],
    ]);
    expect(figure(resultOf(reportOf(data, november, { settings }), 'iha-20-working-days'))).toEqual({ numerator: 4, denominator: 6, value: 4 / 6, rag: 'red' });
    expect(iha20WorkingDays.title(settings)).toBe('Initial health assessments within 21 working days of coming into care');
    expect(iha20WorkingDays.timescale(settings)).toBe('21 working days');
  });
});
