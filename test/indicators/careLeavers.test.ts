// care-leavers-in-touch, care-leavers-eet, care-leavers-suitable-accommodation (catalogue.md "New
// extracts and their indicators", "Edges, pinned" -> Care leavers, "Groups"). Cohort: care-leaver
// contacts with contact_date in the period, one record per contact. Counted: in_touch yes; activity
// EET or one of the SSDA903 codes F1, P1, F2, P2, F4, P4, F5, P5 in any case (NEET, G4-G6, 0, blank:
// not); accommodation_suitable yes. A blank flag is not counted. Target 90 %, higher is better; RAG
// amber within 5 points (85 % up to 90 %), red below.
//
// fixtures/indicators/careleavers/careleavers.csv, October 2026 (lines 2-16 in, 17 and 18 out):
// line child   team    contact     in_touch  activity  accommodation_suitable
//  2   C00001  Team A  03/10/2026  Y         EET       Y
//  3   C00001  Team A  20/10/2026  Y         F1        N     the same care leaver again: a second record
//  4   C00002  Team A  05/10/2026  Y         p1        Y
//  5   C00003  Team A  06/10/2026  Y         F2        Y
//  6   C00004  Team A  07/10/2026  N         P2        blank
//  7   C00005  Team B  08/10/2026  Y         f4        Y
//  8   C00006  Team B  09/10/2026  Y         P4        Y
//  9   C00007  Team B  12/10/2026  Y         F5        Y
// 10   C00008  Team B  13/10/2026  Y         p5        Y
// 11   C00009  Team B  14/10/2026  Y         NEET      N
// 12   C00010  Team A  15/10/2026  blank     G4        N
// 13   C00011  Team A  16/10/2026  Y         G5        Y
// 14   C00012  Team B  19/10/2026  Y         G6        N
// 15   C00013  Team B  21/10/2026  Y         0         Y
// 16   C00014  Team A  31/10/2026  Y         blank     Y     the period's last day: in
// 17   C00015  Team A  30/09/2026  Y         EET       Y     September: out
// 18   C00016  Team B  01/11/2026  N         NEET      N     November: out
//
// Team A: lines 2, 3, 4, 5, 6, 12, 13, 16 (8); Team B: 7, 8, 9, 10, 11, 14, 15 (7).
// in touch: all but 6 (N) and 12 (blank) = 13 of 15 = 86.7 %: amber. A 6 of 8, B 7 of 7.
// EET: lines 2-10 = 9 of 15 = 60 %: red. A 5 of 8 (2-6), B 4 of 7 (7-10).
// suitable accommodation: 2, 4, 5, 7, 8, 9, 10, 13, 15, 16 = 10 of 15 = 66.7 %: red
//   (not 3, 11, 12, 14 N; 6 blank). A 5 of 8 (2, 4, 5, 13, 16), B 5 of 7 (7, 8, 9, 10, 15).
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/core/dataset.js';
import { careLeaversEet, careLeaversInTouch, careLeaversSuitableAccommodation } from '../../src/core/indicators/careLeavers.js';
import type { IndicatorDefinition } from '../../src/core/indicators/types.js';
import { parsePeriod } from '../../src/core/period.js';
import { casesOf, figure, loadScenario, loadTables, reportOf, resultOf } from './helpers.js';

const october = parsePeriod('2026-10');
let data: Dataset;
beforeAll(async () => {
  data = await loadScenario('careleavers');
});

/** Each case row as [line, child, counted, detail], in file order. */
function lines(indicator: IndicatorDefinition): [number, string, boolean, string][] {
  return casesOf(indicator, data, october).map((row) => [row.source.line, row.childId, row.counted, row.detail]);
}

/** The figure and the by-team groups of an indicator in an October report. */
function byTeam(id: string): { figure: ReturnType<typeof figure>; groups: [string, number, number][] } {
  const result = resultOf(reportOf(data, october, { by: 'team' }), id);
  return { figure: figure(result), groups: result.groups!.map((g) => [g.key, g.numerator, g.denominator]) };
}

describe('care-leavers-in-touch', () => {
  it('takes one record per contact in the period and counts in_touch yes (a blank flag is not counted)', () => {
    const rows = lines(careLeaversInTouch);
    expect(rows.map(([line]) => line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]);
    expect(rows.filter(([, child]) => child === 'C00001').map(([line, , counted]) => [line, counted])).toEqual([[2, true], [3, true]]);
    expect(rows.filter(([, , counted]) => !counted)).toEqual([
      [6, 'C00004', false, 'in touch: no'],
      [12, 'C00010', false, 'in touch: not recorded'],
    ]);
  });

  it('in a report: 13 of 15, amber against 90 %; Team A 6 of 8, Team B 7 of 7', () => {
    expect(byTeam('care-leavers-in-touch')).toEqual({
      figure: { numerator: 13, denominator: 15, value: 13 / 15, rag: 'amber' },
      groups: [['Team A', 6, 8], ['Team B', 7, 7]],
    });
    expect(careLeaversInTouch.defaultTarget).toBe(0.9);
  });
});

describe('care-leavers-eet', () => {
  it('counts EET and every F/P code in any case; NEET, G4-G6, 0 and blank are not EET', () => {
    expect(lines(careLeaversEet).map(([line, , counted, detail]) => [line, counted, detail])).toEqual([
      [2, true, 'activity EET: EET'],
      [3, true, 'activity F1: EET'],
      [4, true, 'activity p1: EET'],
      [5, true, 'activity F2: EET'],
      [6, true, 'activity P2: EET'],
      [7, true, 'activity f4: EET'],
      [8, true, 'activity P4: EET'],
      [9, true, 'activity F5: EET'],
      [10, true, 'activity p5: EET'],
      [11, false, 'activity NEET: not EET'],
      [12, false, 'activity G4: not EET'],
      [13, false, 'activity G5: not EET'],
      [14, false, 'activity G6: not EET'],
      [15, false, 'activity 0: not EET'],
      [16, false, 'activity not recorded: not EET'],
    ]);
  });

  it('in a report: 9 of 15, red against 90 %; Team A 5 of 8, Team B 4 of 7', () => {
    expect(byTeam('care-leavers-eet')).toEqual({
      figure: { numerator: 9, denominator: 15, value: 0.6, rag: 'red' },
      groups: [['Team A', 5, 8], ['Team B', 4, 7]],
    });
  });

  it('is not computed when the extract has no activity column', async () => {
    const plain = await loadTables({ 'careleavers.csv': 'child_id,date_of_birth,contact_date,in_touch\nC00001,2007-10-03,2026-10-03,Y\n' });
    const report = reportOf(plain, october);
    expect(report.notComputed.find((n) => n.id === 'care-leavers-eet')?.reason).toContain('activity');
    expect(figure(resultOf(report, 'care-leavers-in-touch'))).toMatchObject({ numerator: 1, denominator: 1 });
  });
});

describe('care-leavers-suitable-accommodation', () => {
  it('counts accommodation_suitable yes; no and blank are not', () => {
    expect(lines(careLeaversSuitableAccommodation).filter(([, , counted]) => !counted)).toEqual([
      [3, 'C00001', false, 'accommodation suitable: no'],
      [6, 'C00004', false, 'accommodation suitable: not recorded'],
      [11, 'C00009', false, 'accommodation suitable: no'],
      [12, 'C00010', false, 'accommodation suitable: no'],
      [14, 'C00012', false, 'accommodation suitable: no'],
    ]);
  });

  it('in a report: 10 of 15, red against 90 %; Team A 5 of 8, Team B 5 of 7', () => {
    expect(byTeam('care-leavers-suitable-accommodation')).toEqual({
      figure: { numerator: 10, denominator: 15, value: 10 / 15, rag: 'red' },
      groups: [['Team A', 5, 8], ['Team B', 5, 7]],
    });
  });
});
