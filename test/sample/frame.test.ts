import { beforeAll, describe, expect, test } from 'vitest';
import type { Dataset } from '../../src/core/dataset.js';
import { parseIsoDay } from '../../src/core/dates/localDate.js';
import { parsePeriod, withAsAt } from '../../src/core/period.js';
import type { SampleKind } from '../../src/core/sample/kinds.js';
import { draw, idsOf, loadScenario } from './helpers.js';

// fixtures/sample/hand-worked, period October 2026 (as at Saturday 31/10/2026).
// A size larger than any frame draws every eligible record.
let data: Dataset;
beforeAll(async () => {
  data = await loadScenario('hand-worked');
});

const everything = (kind: SampleKind) => idsOf(draw(data, { kind, size: 100 })).sort();

describe('the sample frame of each kind (hand-worked)', () => {
  test('assessments: completed in the period, or not completed and started in it', () => {
    // A1001 completed 05/10 and A1002 completed 20/10: in.
    // A1003 open, started 12/10: in.  A1009 open, started 31/10 (the last day): in.
    // A1007 completed 31/10 (the last day): in.  A1008 completed 30/10, no team: in.
    // A1004 started in September but completed 02/11: out (it belongs to November).
    // A1005 completed 30/09: out.  A1006 open since July: out.  A1010 started 03/11: out.
    expect(everything('assessments')).toEqual(['A1001', 'A1002', 'A1003', 'A1007', 'A1008', 'A1009']);
  });

  test('plans: open on the as-at date (start <= as-at, end blank or >= as-at)', () => {
    // P2001 open; P2002 ends on 31/10 itself; P2005 starts on 31/10 itself.
    // P2003 ended 30/10; P2004 starts 01/11.
    expect(everything('plans')).toEqual(['P2001', 'P2002', 'P2005']);
  });

  test('plans follow --as-at, not the period end', () => {
    const period = withAsAt(parsePeriod('2026-10'), parseIsoDay('2026-10-30')!);
    expect(idsOf(draw(data, { kind: 'plans', size: 100, period })).sort()).toEqual(['P2001', 'P2002', 'P2003']);
  });

  test('visits: visit_date in the period (records without an id column are named file:line)', () => {
    // line 2: 07/10 in; line 3: 28/09 out; line 4: 31/10 written in UK form, in; line 5: 01/11 out.
    expect(everything('visits')).toEqual(['visits.csv:2', 'visits.csv:4']);
  });

  test('missing: returned in the period, or still missing and gone missing in it', () => {
    // M3001 returned 04/10 and M3002 returned 02/10 (went missing in September): in.
    // M3003 still missing since 28/10: in.  M3004 returned 03/09: out.
    // M3005 still missing since 20/09: out (it belongs to September).
    expect(everything('missing')).toEqual(['M3001', 'M3002', 'M3003']);
  });

  test('supervision: recorded_date in the period, supervision and oversight alike', () => {
    // line 2: supervision 14/10; line 3: oversight 21/10; line 4: 30/08 out.
    expect(everything('supervision')).toEqual(['supervision.csv:2', 'supervision.csv:3']);
  });

  test('each sampled record carries its kind, identifiers, team, worker and key dates', () => {
    const [row] = draw(data, { kind: 'missing', size: 100 }).rows.filter((r) => r.recordId === 'M3001');
    expect(row).toEqual({
      kind: 'missing',
      recordId: 'M3001',
      childId: 'C00016',
      team: 'Team B',
      worker: 'K Patel',
      // Missing episodes have no plan type: no text columns (plans and visits carry plan_type).
      texts: [],
      dates: [
        { day: parseIsoDay('2026-10-03'), minute: 22 * 60 },
        { day: parseIsoDay('2026-10-04'), minute: 9 * 60 + 30 },
        { day: parseIsoDay('2026-10-06'), minute: 10 * 60 },
      ],
      met: null,
      detail: undefined,
    });
  });
});
