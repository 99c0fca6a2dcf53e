// missing-over-5-days (indicators.md, catalogue.md): count of CHILDREN with an
// episode with missing_from <= as-at - 5 days and returned_at blank or after the
// as-at date; a child with two such episodes is one row, listed under the one
// with the earliest missing_from (which gives the team).
// Hand-worked from fixtures/indicators/missing-over-5-days/missing.csv (one
// episode per child, so children and episodes agree here):
//
// episode  missing_from        returned_at
// M0001    Thu 15 Oct 09:00    -
// M0002    Fri 16 Oct 09:00    -
// M0003    Sat 10 Oct          Thu 22 Oct 10:00
// M0004    Sat 10 Oct          Tue 20 Oct 18:00
// M0005    Thu 1 Oct           Thu 8 Oct
// M0006    Wed 21 Oct 08:00    -
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/core/dataset.js';
import { missingOver5Days } from '../../src/core/indicators/missingEpisodes.js';
import { parsePeriod, withAsAt } from '../../src/core/period.js';
import { buildReport } from '../../src/core/report.js';
import { DEFAULT_SETTINGS } from '../../src/core/settings.js';
import { calendar, casesOf, day, figure, loadScenario, reportOf, resultOf, view } from './helpers.js';

const asAt = (iso: string) => withAsAt(parsePeriod('2026-10'), day(iso));

let data: Dataset;
beforeAll(async () => {
  data = await loadScenario('missing-over-5-days');
});

describe('missing-over-5-days', () => {
  it('missing_from exactly as-at minus 5 days counts; minus 4 does not', () => {
    // As at Tue 20 Oct: as-at - 5 = Thu 15 Oct.
    // M0001 missing from 15 Oct (the time of day does not matter), not returned: counted, 5 days.
    // M0002 missing from 16 Oct = as-at - 4: not counted.
    const ids = casesOf(missingOver5Days, data, asAt('2026-10-20')).map((r) => r.recordId);
    expect(ids).toContain('M0001');
    expect(ids).not.toContain('M0002');
  });

  it('an episode returned after the as-at date still counts; one returned on or before it does not', () => {
    // As at 20 Oct: M0003 (from 10 Oct) returned Thu 22 Oct > 20 Oct: counted, 10 days.
    // M0004 (from 10 Oct) returned on 20 Oct itself, not after the as-at date: not counted.
    // M0005 returned 8 Oct: not counted. M0006 began after the as-at date: not counted.
    const result = resultOf(reportOf(data, asAt('2026-10-20')), 'missing-over-5-days');
    expect(figure(result)).toEqual({ numerator: 2, denominator: 2, value: 2, rag: 'red' });
    expect([...result.exceptions]).toMatchObject([
      { childId: 'C00301', recordId: 'M0001', team: 'Team A', worker: 'Worker 01', detail: 'missing since 15/10/2026 (5 days)' },
      { childId: 'C00303', recordId: 'M0003', team: 'Team B', worker: 'Worker 02', detail: 'missing since 10/10/2026 (10 days)' },
    ]);
  });

  it('the day before, the episode returned on 20 Oct is still missing on the as-at date', () => {
    // As at Mon 19 Oct: as-at - 5 = 14 Oct. M0001 (15 Oct) and M0002 (16 Oct) are too recent.
    // M0003 (returned 22 Oct) and M0004 (returned 20 Oct) are both after 19 Oct: counted, 9 days each.
    // `counted` is true: a count counts every row it lists (it was false here before, which the figure never read).
    expect(view(casesOf(missingOver5Days, data, asAt('2026-10-19')))).toEqual([
      { recordId: 'M0003', childId: 'C00303', counted: true, detail: 'missing since 10/10/2026 (9 days)' },
      { recordId: 'M0004', childId: 'C00304', counted: true, detail: 'missing since 10/10/2026 (9 days)' },
    ]);
  });

  it('is a snapshot: the period does not limit it, only the as-at date', () => {
    // As at 20 Oct but with a period of September (from/to before every episode's return): still M0001 and M0003.
    const september = withAsAt(parsePeriod('2026-09'), day('2026-10-20'));
    expect(casesOf(missingOver5Days, data, september).map((r) => r.recordId).sort()).toEqual(['M0001', 'M0003']);
  });
});

// A child with two qualifying episodes counts once (catalogue.md "Missing > 5 days
// by child"). Hand-worked from fixtures/indicators/missing-by-child/missing.csv, as at
// Tue 20 Oct 2026 (as-at - 5 = 15 Oct):
//
// child   episode  missing_from      returned_at       team    qualifies?
// C00901  E0901    12 Oct 10:00      -                 Team B  yes (8 days)
// C00901  E0902    8 Oct             -                 Team A  yes (12 days): the earlier, listed, Team A
// C00902  E0903    10 Oct            12 Oct 18:00      Team A  no: back before the as-at date
// C00902  E0904    14 Oct 09:00      -                 Team B  yes (6 days): the only one, Team B
// C00903  E0906    5 Oct 08:00       -                 Team B  yes (15 days)
// C00903  E0905    5 Oct 08:00       25 Oct 12:00      Team A  yes (15 days, back after the as-at date);
//                                                               same start as E0906: the lower id, E0905, is listed
// C00904  E0907    16 Oct 09:00      -                 Team A  no: as-at - 4
// C00904  E0908    1 Oct             3 Oct             Team A  no: back
//
// Count: 3 children (C00901, C00902, C00903), not 5 episodes.
describe('missing-over-5-days counts children, not episodes', () => {
  let byChild: Dataset;
  const october20 = asAt('2026-10-20');
  beforeAll(async () => {
    byChild = await loadScenario('missing-by-child');
  });

  it('lists a child with two qualifying episodes once, under the earliest', () => {
    expect(view(casesOf(missingOver5Days, byChild, october20))).toEqual([
      { recordId: 'E0902', childId: 'C00901', counted: true, detail: 'missing since 08/10/2026 (12 days); 1 other episode over 5 days' },
      { recordId: 'E0904', childId: 'C00902', counted: true, detail: 'missing since 14/10/2026 (6 days)' },
      { recordId: 'E0905', childId: 'C00903', counted: true, detail: 'missing since 05/10/2026 (15 days); 1 other episode over 5 days' },
    ]);
  });

  it('gives the same rows whatever the order of the extract', () => {
    const reversed: Dataset = { ...byChild, missing: { ...byChild.missing!, records: [...byChild.missing!.records].reverse() } };
    expect(view(casesOf(missingOver5Days, reversed, october20))).toEqual(view(casesOf(missingOver5Days, byChild, october20)));
  });

  it('in a report: a count of 3 (target 0: red), every child an exception, each in the team of its earliest episode', () => {
    // By team: C00901 (E0902) and C00903 (E0905) in Team A; C00902 (E0904) in Team B. E0901 and E0906 (Team B) are not rows.
    const result = resultOf(
      buildReport(byChild, { period: october20, settings: DEFAULT_SETTINGS, calendar, by: 'team' }, [missingOver5Days]),
      'missing-over-5-days',
    );
    expect(figure(result)).toEqual({ numerator: 3, denominator: 3, value: 3, rag: 'red' });
    expect(result.groups!.map((g) => [g.key, g.value])).toEqual([
      ['Team A', 2],
      ['Team B', 1],
    ]);
    expect(result.exceptions.map((e) => [e.team, e.worker, e.childId, e.recordId])).toEqual([
      ['Team A', 'Worker 01', 'C00901', 'E0902'],
      ['Team A', 'Worker 03', 'C00903', 'E0905'],
      ['Team B', 'Worker 02', 'C00902', 'E0904'],
    ]);
  });
});
