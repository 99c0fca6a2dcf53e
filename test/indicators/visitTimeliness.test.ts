// visit-timeliness-cp / -cin / -cla (catalogue.md, "Over the existing extracts" and "Edges, pinned").
// Cohort: visits dated in the period that count for an open plan of the type on the visit's day
// (visit plan_type equal, or blank). Met when the visit's day <= due, due = the interval after the
// later of the plan's start (the open plan of the type with the latest start) and the child's
// previous counting visit on a strictly earlier day. CP 10 working days, CIN 20 working days,
// CLA 42 calendar days. One row per visit record, in the visit row's own team and worker.
//
// The tables are inline below, loaded as the CLI loads a folder (visits kept as records).
// Period December 2026. Fri 25 Dec and Mon 28 Dec 2026 (Boxing Day, substitute) are bank holidays.
//
// plans.csv (every plan in Team P, Worker P: the rows are grouped by the VISIT's team)
// child  plan  type  start        end
// C1     P01   CP    Mon 2 Nov
// C2     P02   CP    1 Oct
// C3     P03   CP    1 Oct
// C4     P04   CP    1 Sep
// C5     P05   CP    Mon 2 Nov;   P06 CLA Mon 2 Nov
// C6     P07   CIN   Mon 16 Nov
// C7     P08   CP    Mon 2 Nov
// C8     P09   CP    2 Mar;       P10 CP Mon 30 Nov (the latest start)
// C9     P11   CP    1 Jun        30 Nov
//
// visits.csv, by line (V1 = Worker 1 / Team V1; V2 = Worker 2 / Team V2)
// line child date         type   outcome
//  2   C1   Mon 23 Nov    CP     not in the period (a previous visit for line 3)
//  3   C1   Mon 7 Dec     CP     met: 10 wd after Mon 23 Nov across the month end: 24-27 Nov = 4, Mon 30 Nov = 5, 1-4 Dec = 9, Mon 7 Dec = 10 -> due 7 Dec, visited on the day
//  4   C1   Fri 18 Dec    CP     met: 10 wd after Mon 7 Dec: 8-11 = 4, 14-18 = 9, Mon 21 = 10 -> due 21 Dec
//  5   C2   Fri 27 Nov    CP     not in the period
//  6   C2   Fri 11 Dec    CP     met: 10 wd after Fri 27 Nov: 30 Nov-4 Dec = 5, 7-11 Dec = 10 -> due 11 Dec
//  7   C2   Tue 29 Dec    CP     met: 10 wd after Fri 11 Dec: 14-18 = 5, 21-24 = 9, (25 and 28 bank holidays, 26-27 weekend), Tue 29 = 10 -> due 29 Dec
//                                (without the bank holidays the due date would be Fri 25 Dec and the visit late)
//  8   C3   Fri 27 Nov    CP     not in the period
//  9   C3   Fri 11 Dec    CP     met, as line 6
// 10   C3   Wed 30 Dec    CP     NOT met: due 29 Dec as line 7, 1 day late
// 11   C4   Tue 17 Nov    CP     not in the period
// 12   C4   Fri 4 Dec     CP     NOT met: 10 wd after Tue 17 Nov: 18-20 = 3, 23-27 = 8, 30 Nov = 9, 1 Dec = 10 -> due Tue 1 Dec, 3 days late
// 13   C4   Fri 4 Dec     blank  NOT met: same day as line 12, so the same previous visit (17 Nov, not line 12) and the same outcome
// 14   C5   Mon 7 Dec     blank  a record in BOTH types open that day:
//                                CP: no earlier visit; 10 wd after Mon 2 Nov: 3-6 = 4, 9-13 = 9, Mon 16 = 10 -> due 16 Nov, 21 days late: NOT met
//                                CLA: 2 Nov + 42 days = 14 Dec (28 days to 30 Nov, 14 into December): met
// 15   C6   Tue 20 Oct    CIN    not in the period, and before the plan started
// 16   C6   Mon 14 Dec    CIN    met, measured from the plan start (the first visit of the plan): 20 wd after Mon 16 Nov:
//                                17-20 = 4, 23-27 = 9, 30 Nov-4 Dec = 14, 7-11 = 19, Mon 14 = 20 -> due 14 Dec.
//                                (Measured from the 20 Oct visit it would have been due Tue 17 Nov: late.)
// 17   C7   Thu 3 Dec     XX     refused plan_type (UNKNOWN_PLAN): a record of no type, and never a previous visit
// 18   C7   Thu 10 Dec    CP     NOT met: no earlier COUNTING visit, so from the plan start Mon 2 Nov -> due 16 Nov, 24 days late.
//                                (Had line 17 counted: due 17 Dec, met.)
// 19   C8   Tue 10 Nov    CP     not in the period
// 20   C8   Thu 10 Dec    CP     met: the open CP plan with the latest start is P10 (Mon 30 Nov); later of 30 Nov and 10 Nov = 30 Nov:
//                                1-4 Dec = 4, 7-11 = 9, Mon 14 = 10 -> due 14 Dec. (From P09 and the 10 Nov visit: due 24 Nov, late.)
// 21   C9   Wed 2 Dec     CP     not in any cohort: C9's plan ended 30 Nov
//
// visit-timeliness-cp:  lines 3, 4, 6, 7, 9, 10, 12, 13, 14, 18, 20 = 11; met 3, 4, 6, 7, 9, 20 = 6 -> 6/11
// visit-timeliness-cin: line 16 = 1; met 1 -> 1/1
// visit-timeliness-cla: line 14 = 1; met 1 -> 1/1
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/core/dataset.js';
import { addDays, dayNumber, type DayNumber } from '../../src/core/dates/localDate.js';
import { EventLog } from '../../src/core/extracts/eventLog.js';
import { UNKNOWN_PLAN, visitCode, type PlanRecord, type PlanType, type VisitRecord } from '../../src/core/extracts/definitions.js';
import type { ExtractData } from '../../src/core/extracts/extractParser.js';
import { dueAfter } from '../../src/core/indicators/dueDates.js';
import type { IndicatorDefinition } from '../../src/core/indicators/types.js';
import { visitTimelinessCin, visitTimelinessCla, visitTimelinessCp } from '../../src/core/indicators/visitTimeliness.js';
import { parsePeriod, rangePeriod, withAsAt, type Period } from '../../src/core/period.js';
import { buildReport } from '../../src/core/report.js';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings.js';
import { Rng } from '../../src/scripts/syntheticAuthority.js';
import { calendar, casesOf, day, figure, resultOf, view, loadTables } from './helpers.js';

const PLANS = `child_id,plan_id,plan_type,start_date,end_date,category,team,worker
C1,P01,CP,2026-11-02,,Neglect,Team P,Worker P
C2,P02,CP,2026-10-01,,Neglect,Team P,Worker P
C3,P03,CP,2026-10-01,,Neglect,Team P,Worker P
C4,P04,CP,2026-09-01,,Neglect,Team P,Worker P
C5,P05,CP,2026-11-02,,Neglect,Team P,Worker P
C5,P06,CLA,2026-11-02,,,Team P,Worker P
C6,P07,CIN,2026-11-16,,,Team P,Worker P
C7,P08,CP,2026-11-02,,Neglect,Team P,Worker P
C8,P09,CP,2026-03-02,,Neglect,Team P,Worker P
C8,P10,CP,2026-11-30,,Neglect,Team P,Worker P
C9,P11,CP,2026-06-01,2026-11-30,Neglect,Team P,Worker P
`;

const VISITS = `child_id,visit_date,plan_type,seen_alone,worker,team
C1,2026-11-23,CP,Y,Worker 1,Team V1
C1,2026-12-07,CP,Y,Worker 1,Team V1
C1,2026-12-18,CP,Y,Worker 1,Team V1
C2,2026-11-27,CP,Y,Worker 1,Team V1
C2,2026-12-11,CP,Y,Worker 1,Team V1
C2,2026-12-29,CP,Y,Worker 1,Team V1
C3,2026-11-27,CP,Y,Worker 1,Team V1
C3,2026-12-11,CP,Y,Worker 1,Team V1
C3,2026-12-30,CP,Y,Worker 1,Team V1
C4,2026-11-17,CP,Y,Worker 2,Team V2
C4,2026-12-04,CP,Y,Worker 2,Team V2
C4,2026-12-04,,Y,Worker 2,Team V2
C5,2026-12-07,,Y,Worker 2,Team V2
C6,2026-10-20,CIN,Y,Worker 2,Team V2
C6,2026-12-14,CIN,Y,Worker 2,Team V2
C7,2026-12-03,XX,Y,Worker 2,Team V2
C7,2026-12-10,CP,Y,Worker 2,Team V2
C8,2026-11-10,CP,Y,Worker 2,Team V2
C8,2026-12-10,CP,Y,Worker 2,Team V2
C9,2026-12-02,CP,Y,Worker 2,Team V2
`;


const december = parsePeriod('2026-12');
let data: Dataset;
beforeAll(async () => {
  // The records are kept only because a test below reads a refused value from them; the indicator reads events.
  data = await loadTables({ 'plans.csv': PLANS, 'visits.csv': VISITS }, ['visits']);
});

const line = (n: number) => `visits.csv:${n}`;
const VISIT_TIMELINESS = [visitTimelinessCp, visitTimelinessCin, visitTimelinessCla];

/** buildReport over these indicators only (they are not in the registry yet). */
function reportFor(period: Period, options: { by?: 'team' | 'worker'; settings?: Settings } = {}) {
  return buildReport(data, { period, settings: options.settings ?? DEFAULT_SETTINGS, calendar, ...(options.by ? { by: options.by } : {}) }, VISIT_TIMELINESS);
}

describe('visit-timeliness-cp (10 working days)', () => {
  it('judges every CP or blank-type visit of December against its own due date', () => {
    // The hand working is in the table at the top: 11 visits, 6 met.
    expect(view(casesOf(visitTimelinessCp, data, december))).toEqual([
      { recordId: line(10), childId: 'C3', counted: false, detail: 'previous visit 11/12/2026; due 29/12/2026, 1 day late' },
      { recordId: line(12), childId: 'C4', counted: false, detail: 'previous visit 17/11/2026; due 01/12/2026, 3 days late' },
      { recordId: line(13), childId: 'C4', counted: false, detail: 'previous visit 17/11/2026; due 01/12/2026, 3 days late' },
      { recordId: line(14), childId: 'C5', counted: false, detail: 'no earlier visit since plan start 02/11/2026; due 16/11/2026, 21 days late' },
      { recordId: line(18), childId: 'C7', counted: false, detail: 'no earlier visit since plan start 02/11/2026; due 16/11/2026, 24 days late' },
      { recordId: line(20), childId: 'C8', counted: true, detail: 'no earlier visit since plan start 30/11/2026; due 14/12/2026' },
      { recordId: line(3), childId: 'C1', counted: true, detail: 'previous visit 23/11/2026; due 07/12/2026' },
      { recordId: line(4), childId: 'C1', counted: true, detail: 'previous visit 07/12/2026; due 21/12/2026' },
      { recordId: line(6), childId: 'C2', counted: true, detail: 'previous visit 27/11/2026; due 11/12/2026' },
      { recordId: line(7), childId: 'C2', counted: true, detail: 'previous visit 11/12/2026; due 29/12/2026' },
      { recordId: line(9), childId: 'C3', counted: true, detail: 'previous visit 27/11/2026; due 11/12/2026' },
    ]);
  });

  it('the bank holidays of 25 and 28 December move the due date to Tue 29 December', () => {
    // Line 7 (C2) met on 29 Dec; line 10 (C3) on 30 Dec is 1 day late.
    const rows = view(casesOf(visitTimelinessCp, data, december));
    expect(rows.find((r) => r.recordId === line(7))?.counted).toBe(true);
    expect(rows.find((r) => r.recordId === line(10))?.counted).toBe(false);
  });

  it('a refused plan_type counts for no type and is never a previous visit', () => {
    // Line 17 (plan_type XX) is in no cohort; line 18 is clocked from the plan start, not from 3 Dec.
    for (const indicator of VISIT_TIMELINESS) {
      expect(casesOf(indicator, data, december).map((r) => r.recordId)).not.toContain(line(17));
    }
    expect([...data.visits!.records].find((v) => v.line === 17)?.refused).toEqual({ plan_type: 'XX' });
  });

  it('a visit on a day when no plan of the type is open is in no cohort', () => {
    // Line 21: C9's CP plan ended 30 Nov, the visit is on 2 Dec.
    expect(casesOf(visitTimelinessCp, data, december).map((r) => r.recordId)).not.toContain(line(21));
  });

  it('the period cohort ignores the as-at date', () => {
    // As at 15 Dec the same 11 December visits are judged, the later ones included.
    expect(view(casesOf(visitTimelinessCp, data, withAsAt(december, day('2026-12-15'))))).toEqual(view(casesOf(visitTimelinessCp, data, december)));
  });

  it('in a report: 6 of 11, the exceptions are the 5 late visits, grouped by the visit row', () => {
    // 6/11 = 54.5 % against 95 %: red. Exceptions in team, worker, child, record order.
    // By team (the visit's own, not the plan's Team P): Team V1 lines 3, 4, 6, 7, 9, 10 -> 5/6;
    // Team V2 lines 12, 13, 14, 18, 20 -> 1/5.
    const report = reportFor(december, { by: 'team' });
    const result = resultOf(report, 'visit-timeliness-cp');
    expect(figure(result)).toEqual({ numerator: 6, denominator: 11, value: 6 / 11, rag: 'red' });
    expect(result.title).toBe('CP visits within 10 working days of the previous one');
    expect(result.exceptions.map((e) => [e.team, e.worker, e.childId, e.recordId])).toEqual([
      ['Team V1', 'Worker 1', 'C3', line(10)],
      ['Team V2', 'Worker 2', 'C4', line(12)],
      ['Team V2', 'Worker 2', 'C4', line(13)],
      ['Team V2', 'Worker 2', 'C5', line(14)],
      ['Team V2', 'Worker 2', 'C7', line(18)],
    ]);
    expect(result.groups!.map((g) => [g.key, g.numerator, g.denominator])).toEqual([
      ['Team V1', 5, 6],
      ['Team V2', 1, 5],
    ]);
  });

  it('exceptions are exactly the rows not counted', () => {
    const result = resultOf(reportFor(december), 'visit-timeliness-cp');
    const notCounted = casesOf(visitTimelinessCp, data, december).filter((r) => !r.counted).map((r) => r.recordId).sort();
    expect(result.exceptions.map((e) => e.recordId).sort()).toEqual(notCounted);
  });
});

describe('visit-timeliness-cin (20 working days) and -cla (42 calendar days)', () => {
  it('CIN: the first visit of a plan is measured from the plan start', () => {
    expect(view(casesOf(visitTimelinessCin, data, december))).toEqual([
      { recordId: line(16), childId: 'C6', counted: true, detail: 'no earlier visit since plan start 16/11/2026; due 14/12/2026' },
    ]);
  });

  it('CLA: the blank-type visit of line 14 is a record here too, and met', () => {
    // Line 14 is late for C5's CP plan (above) and in time for the CLA plan: 2 Nov + 42 = 14 Dec.
    expect(view(casesOf(visitTimelinessCla, data, december))).toEqual([
      { recordId: line(14), childId: 'C5', counted: true, detail: 'no earlier visit since plan start 02/11/2026; due 14/12/2026' },
    ]);
    const report = reportFor(december);
    // Issue 10: n = 1 is under minCohort 5, so no RAG (green before).
    expect(figure(resultOf(report, 'visit-timeliness-cla'))).toEqual({ numerator: 1, denominator: 1, value: 1, rag: 'none' });
    expect(figure(resultOf(report, 'visit-timeliness-cin'))).toEqual({ numerator: 1, denominator: 1, value: 1, rag: 'none' });
  });

  it('the title and timescale follow the settings in force', () => {
    const settings = { ...DEFAULT_SETTINGS, visitIntervals: { ...DEFAULT_SETTINGS.visitIntervals, CLA: { calendarDays: 28 } } };
    expect(visitTimelinessCla.title(settings)).toBe('CLA visits within 28 days of the previous one');
    // 2 Nov + 28 = 30 Nov < 7 Dec: line 14 is then 7 days late.
    expect(view(casesOf(visitTimelinessCla, data, december, settings))).toEqual([
      { recordId: line(14), childId: 'C5', counted: false, detail: 'no earlier visit since plan start 02/11/2026; due 30/11/2026, 7 days late' },
    ]);
  });
});

// Cross-check: the indexed implementation against a plain reading of the definition
// (every plan and every visit scanned for every visit), on seeded random data.
describe('visit timeliness against a slow reference on random data', () => {
  const TYPES: readonly (PlanType | undefined | 'refused')[] = ['CP', 'CIN', 'CLA', 'PF', undefined, 'refused'];
  const START = dayNumber(2026, 1, 1);

  function randomData(seed: number): { plans: PlanRecord[]; visits: VisitRecord[] } {
    const rng = new Rng(seed);
    const plans: PlanRecord[] = [];
    const visits: VisitRecord[] = [];
    for (let c = 0; c < 40; c++) {
      const child_id = `C${String(c).padStart(3, '0')}`;
      for (let p = rng.int(1, 4); p > 0; p--) {
        const start = addDays(START, rng.int(0, 300));
        const end = rng.chance(0.5) ? undefined : addDays(start, rng.int(0, 200));
        plans.push({ line: plans.length + 2, child_id, plan_id: `P${plans.length}`, plan_type: rng.pick(['CP', 'CIN', 'CLA', 'PF'] as const), start_date: start, ...(end === undefined ? {} : { end_date: end }) } as PlanRecord);
      }
    }
    for (let v = 0; v < 2000; v++) {
      const child_id = `C${String(rng.int(0, 44)).padStart(3, '0')}`;
      const type = rng.pick(TYPES);
      visits.push({
        line: v + 2,
        child_id,
        visit_date: addDays(START, rng.int(0, 364)),
        ...(type === 'refused' ? { refused: { plan_type: 'XX' } } : type === undefined ? {} : { plan_type: type }),
        team: rng.pick(['Team A', 'Team B']),
      } as VisitRecord);
    }
    return { plans, visits };
  }

  function datasetOf(plans: readonly PlanRecord[], visits: readonly VisitRecord[]): Dataset {
    const events = new EventLog();
    for (const v of visits) events.add(v.child_id, v.visit_date, v.refused?.plan_type !== undefined ? UNKNOWN_PLAN : visitCode(v.plan_type), { line: v.line, team: v.team, worker: v.worker, name: undefined });
    const extract = <K extends 'plans' | 'visits'>(kind: K, records: readonly unknown[], more: object = {}) =>
      ({ kind, file: `${kind}.csv`, records, columns: [], quality: [], ...more }) as unknown as ExtractData<K>;
    return { plans: extract('plans', plans), visits: extract('visits', visits, { events }) };
  }

  /** The definition read literally: O(visits x (plans + visits)). */
  function reference(planType: 'CP' | 'CIN' | 'CLA', plans: readonly PlanRecord[], visits: readonly VisitRecord[], period: Period): Map<string, boolean> {
    const countsFor = (v: VisitRecord) => v.refused?.plan_type === undefined && (v.plan_type === undefined || v.plan_type === planType);
    const out = new Map<string, boolean>();
    for (const v of visits) {
      const d = v.visit_date;
      if (d < period.from || d > period.to || !countsFor(v)) continue;
      const open = plans.filter((p) => p.child_id === v.child_id && p.plan_type === planType && p.start_date <= d && (p.end_date === undefined || p.end_date >= d));
      if (open.length === 0) continue;
      const start = Math.max(...open.map((p) => p.start_date));
      const earlier = visits.filter((w) => w.child_id === v.child_id && countsFor(w) && w.visit_date < d).map((w) => w.visit_date);
      const base = Math.max(start, ...earlier) as DayNumber;
      out.set(`visits.csv:${v.line}`, d <= dueAfter(base, DEFAULT_SETTINGS.visitIntervals[planType], calendar));
    }
    return out;
  }

  const indicators: [IndicatorDefinition, 'CP' | 'CIN' | 'CLA'][] = [
    [visitTimelinessCp, 'CP'],
    [visitTimelinessCin, 'CIN'],
    [visitTimelinessCla, 'CLA'],
  ];
  const periods = [parsePeriod('2026-03'), parsePeriod('2026-W43'), parsePeriod('2026-12'), rangePeriod(day('2026-01-01'), day('2026-12-31'))];

  for (const seed of [1, 2, 3]) {
    it(`seed ${seed}: the same outcome for every visit, whatever the row order`, () => {
      const { plans, visits } = randomData(seed);
      const forward = datasetOf(plans, visits);
      const backward = datasetOf([...plans].reverse(), [...visits].reverse());
      let judged = 0;
      let met = 0;
      for (const [indicator, planType] of indicators) {
        for (const period of periods) {
          const rows = casesOf(indicator, forward, period);
          const expected = reference(planType, plans, visits, period);
          expect(new Map(rows.map((r) => [r.recordId, r.counted]))).toEqual(expected);
          expect(rows).toHaveLength(expected.size);
          expect(view(casesOf(indicator, backward, period))).toEqual(view(rows));
          judged += rows.length;
          met += rows.filter((r) => r.counted).length;
        }
      }
      // Enough visits in the cohorts for the check to mean something, with both outcomes.
      expect(judged).toBeGreaterThan(300);
      expect(met).toBeGreaterThan(judged / 10);
      expect(met).toBeLessThan(judged - judged / 10);
    });
  }
});
