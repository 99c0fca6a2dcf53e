// placement-moves-3-plus (catalogue.md "New extracts", "Edges, pinned" →
// Placements, "N months before d"). Cohort: children with an open CLA plan on
// the as-at date, once each, under the plan with the latest start (its team).
// Counted (lower is better): 3 or more placements, from any CLA episode,
// started on or after as-at − 12 months (clamped) and on or before as-at.
// Hand-worked from fixtures/indicators/placement-moves/, as at 31/03/2027
// (from 31/03/2026):
//
// child   plan   team    placements started                          in the 12 months
// C00101  P101   Team A  01/05/2026, 10/09/2026, 31/03/2027 (as-at)  3: counted
// C00102  P102   Team A  31/03/2026 (as-at − 12 months), 01/08/2026,
//                        10/01/2027                                  3: counted
// C00103  P103   Team B  30/03/2026 (the day before), 01/07/2026,
//                        01/12/2026                                  2: not counted
// C00104  P104   Team B  01/06/2026, 01/10/2026, 15/04/2027 (after)  2: not counted
// C00105  P105B  Team B  10/04/2026, 01/06/2026 (earlier episode P105A,
//                        ended 30/06/2026), 01/10/2026               3: counted, under P105B (Team B)
// C00106  -              its CLA plan ended 31/12/2026               not in the cohort
// C00107  -              a CP plan only                              not in the cohort
// C00108  P108   Team A  none                                        0: not counted
// C00109  P109   Team B  27/02/2027, 28/02/2027 (then 10/04/2027,
//                        15/06/2027, after the as-at date)           2: not counted
//
// 3 of 7; Team A 2 of 3 (C00101, C00102; not C00108), Team B 1 of 4 (C00105; not C00103, C00104, C00109).
// As at 29/02/2028 the window starts 28/02/2027 (no 29/02/2027): C00109 has 28/02/2027, 10/04/2027 and
// 15/06/2027, so 3 (27/02/2027 is the day before); every other child has at most one.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/core/dataset.js';
import { formatIso } from '../../src/core/dates/localDate.js';
import { addMonths } from '../../src/core/dates/months.js';
import { placementMoves3Plus } from '../../src/core/indicators/placements.js';
import { parsePeriod } from '../../src/core/period.js';
import { DEFAULT_SETTINGS } from '../../src/core/settings.js';
import { casesOf, day, figure, loadScenario, reportOf, resultOf, view } from './helpers.js';

const march2027 = parsePeriod('2027-03');
let data: Dataset;
beforeAll(async () => {
  data = await loadScenario('placement-moves');
});

describe('placement-moves-3-plus', () => {
  it('as at 31/03/2027: counts placements started from 31/03/2026 to the as-at date, from any CLA episode', () => {
    const window = '31/03/2026 to 31/03/2027';
    expect(view(casesOf(placementMoves3Plus, data, march2027))).toEqual([
      { recordId: 'P101', childId: 'C00101', counted: true, detail: `3 placements started ${window}: 01/05/2026, 10/09/2026, 31/03/2027` },
      { recordId: 'P102', childId: 'C00102', counted: true, detail: `3 placements started ${window}: 31/03/2026, 01/08/2026, 10/01/2027` },
      { recordId: 'P103', childId: 'C00103', counted: false, detail: `2 placements started ${window}: 01/07/2026, 01/12/2026` },
      { recordId: 'P104', childId: 'C00104', counted: false, detail: `2 placements started ${window}: 01/06/2026, 01/10/2026` },
      { recordId: 'P105B', childId: 'C00105', counted: true, detail: `3 placements started ${window}: 10/04/2026, 01/06/2026, 01/10/2026` },
      { recordId: 'P108', childId: 'C00108', counted: false, detail: `no placement started ${window}` },
      { recordId: 'P109', childId: 'C00109', counted: false, detail: `2 placements started ${window}: 27/02/2027, 28/02/2027` },
    ]);
  });

  it('as at the leap day 29/02/2028, looks back to 28/02/2027', () => {
    expect(formatIso(addMonths(day('2028-02-29'), -12))).toBe('2027-02-28');
    const rows = casesOf(placementMoves3Plus, data, parsePeriod('2028-02'));
    expect(view(rows.filter((r) => r.counted))).toEqual([
      { recordId: 'P109', childId: 'C00109', counted: true, detail: '3 placements started 28/02/2027 to 29/02/2028: 28/02/2027, 10/04/2027, 15/06/2027' },
    ]);
  });

  it('in a report: 3 of 7 with no target (RAG none), by team A 2 of 3 and B 1 of 4; the counted children are the exceptions', () => {
    const result = resultOf(reportOf(data, march2027, { by: 'team' }), 'placement-moves-3-plus');
    expect(figure(result)).toEqual({ numerator: 3, denominator: 7, value: 3 / 7, rag: 'none' });
    expect(result.groups!.map((g) => [g.key, g.numerator, g.denominator])).toEqual([['Team A', 2, 3], ['Team B', 1, 4]]);
    expect(result.exceptions.map((e) => [e.recordId, e.team]).sort()).toEqual([['P101', 'Team A'], ['P102', 'Team A'], ['P105B', 'Team B']]);
  });

  it('follows placementMovesCount: at 2, also C00103, C00104 and C00109 are counted: 6 of 7', () => {
    const settings = { ...DEFAULT_SETTINGS, placementMovesCount: 2 };
    expect(figure(resultOf(reportOf(data, march2027, { settings }), 'placement-moves-3-plus'))).toEqual({ numerator: 6, denominator: 7, value: 6 / 7, rag: 'none' });
    expect(placementMoves3Plus.title(settings)).toBe('Children looked after with 2 or more placements in 12 months');
  });

  it('follows placementMovesMonths: 2 or more in 6 months (from 30/09/2026, clamped) is C00109 alone: 1 of 7', () => {
    // From 30/09/2026 every other child has at most one placement start: C00101 31/03/2027, C00102 10/01/2027,
    // C00103 01/12/2026, C00104 01/10/2026, C00105 01/10/2026, C00108 none.
    const settings = { ...DEFAULT_SETTINGS, placementMovesMonths: 6, placementMovesCount: 2 };
    const counted = view(casesOf(placementMoves3Plus, data, march2027, settings)).filter((r) => r.counted);
    expect(counted).toEqual([{ recordId: 'P109', childId: 'C00109', counted: true, detail: '2 placements started 30/09/2026 to 31/03/2027: 27/02/2027, 28/02/2027' }]);
    expect(figure(resultOf(reportOf(data, march2027, { settings }), 'placement-moves-3-plus'))).toEqual({ numerator: 1, denominator: 7, value: 1 / 7, rag: 'none' });
    expect(placementMoves3Plus.title(settings)).toBe('Children looked after with 2 or more placements in 6 months');
    expect(placementMoves3Plus.timescale(settings)).toBe('6 months');
  });

  it('is not computed without a placements extract, with the reason', () => {
    const { placements: _placements, ...plansOnly } = data;
    expect(reportOf(plansOnly, march2027).notComputed.find((n) => n.id === 'placement-moves-3-plus')?.reason).toContain('placements');
  });
});
