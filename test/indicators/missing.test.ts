// missing-over-5-days (indicators.md): count of episodes with
// missing_from <= as-at - 5 days and returned_at blank or after the as-at date.
// Hand-worked from fixtures/indicators/missing-over-5-days/missing.csv:
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
import { casesOf, day, figure, loadScenario, reportOf, resultOf, view } from './helpers.js';

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
    expect(result.exceptions).toEqual([
      { childId: 'C00301', recordId: 'M0001', team: 'Team A', worker: 'Worker 01', detail: 'missing since 15/10/2026 (5 days)' },
      { childId: 'C00303', recordId: 'M0003', team: 'Team B', worker: 'Worker 02', detail: 'missing since 10/10/2026 (10 days)' },
    ]);
  });

  it('the day before, the episode returned on 20 Oct is still missing on the as-at date', () => {
    // As at Mon 19 Oct: as-at - 5 = 14 Oct. M0001 (15 Oct) and M0002 (16 Oct) are too recent.
    // M0003 (returned 22 Oct) and M0004 (returned 20 Oct) are both after 19 Oct: counted, 9 days each.
    expect(view(casesOf(missingOver5Days, data, asAt('2026-10-19')))).toEqual([
      { recordId: 'M0003', childId: 'C00303', counted: false, detail: 'missing since 10/10/2026 (9 days)' },
      { recordId: 'M0004', childId: 'C00304', counted: false, detail: 'missing since 10/10/2026 (9 days)' },
    ]);
  });

  it('is a snapshot: the period does not limit it, only the as-at date', () => {
    // As at 20 Oct but with a period of September (from/to before every episode's return): still M0001 and M0003.
    const september = withAsAt(parsePeriod('2026-09'), day('2026-10-20'));
    expect(casesOf(missingOver5Days, data, september).map((r) => r.recordId).sort()).toEqual(['M0001', 'M0003']);
  });
});
