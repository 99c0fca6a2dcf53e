import { beforeAll, describe, expect, test } from 'vitest';
import type { Dataset } from '../../src/core/dataset.js';
import { UsageError } from '../../src/core/errors.js';
import { findIndicator } from '../../src/core/indicators/registry.js';
import { whereColumns } from '../../src/core/sample/sample.js';
import { renderSampleCsv, renderSampleJson, renderSampleSummary } from '../../src/render/sample.js';
import { draw, idsOf, loadScenario } from './helpers.js';

// fixtures/sample/audit-ids, period October 2026 (as at Saturday 31/10/2026).
//
// plans.csv, open on 31/10 (start <= 31/10, end blank or >= 31/10):
//   P7001 CP  Team A  open since 02/03        in
//   P7002 CP  Team B  open since 15/06        in
//   P7003 CP  Team A  ended 15/10             out
//   P7004 CIN Team A  open since 01/02        in
//   P7005 CP  Team B  starts 31/10 itself     in
//   P7006 CLA Team B  open since 20/11/2025   in
//   P7007 CP  Team A  starts 02/11            out
//   P7008 CP  Team A  open since 01/12/2025   in
// so 6 open plans, 4 of them CP (P7001 P7002 P7005 P7008).
//
// visits.csv has a visit_id column: line 2 V5001 (07/10, CP), line 3 blank id
// and blank plan type (12/10), line 4 V5003 (20/10, CLA), line 5 V5004 (28/09: out).
// supervision.csv has a record_id column: line 2 S6001 (14/10), line 3 blank id
// (21/10), line 4 S6003 (30/08: out).
//
// Ranks (HMAC-SHA-256 keyed with the seed over the record key, as in draw.test.ts),
// open plans only, smallest first:
//   seed 2026-11: P7005 22db16cb, P7004 23fbd5bb, P7008 34f05b75, P7002 4ccd43d7, P7006 8dc61f3f, P7001 f99a158f
//   seed x:       P7001 1b66a05d, P7008 341e35fe, P7004 774d03e9, P7005 814230ff, P7006 a632a5a8, P7002 b85d9877
let data: Dataset;
let handWorked: Dataset;
beforeAll(async () => {
  data = await loadScenario('audit-ids');
  handWorked = await loadScenario('hand-worked');
});

const CP = { plan_type: ['CP'] };

describe('the plan type in the sample', () => {
  test('plans and visits carry plan_type after team and worker; other kinds have no such column', () => {
    expect(draw(data, { kind: 'plans' }).textColumns).toEqual(['plan_type']);
    expect(draw(data, { kind: 'visits' }).textColumns).toEqual(['plan_type']);
    expect(draw(data, { kind: 'supervision' }).textColumns).toEqual([]);
    expect(draw(handWorked, { kind: 'assessments' }).textColumns).toEqual([]);
    expect(draw(handWorked, { kind: 'missing' }).textColumns).toEqual([]);
  });

  test('CSV: plans with their plan type', () => {
    // Seed 2026-11, all 6 open plans, the first 3 by rank: P7005, P7004, P7008.
    expect(renderSampleCsv(draw(data, { kind: 'plans', size: 3 }))).toBe(
      'kind,record_id,child_id,team,worker,plan_type,start_date,end_date,indicator,outcome,detail,auditor,audit_date,grade,notes\r\n' +
        'plans,P7005,C00075,Team B,M Brown,CP,31/10/2026,,,,,,,,\r\n' +
        'plans,P7004,C00074,Team A,L Jones,CIN,01/02/2026,,,,,,,,\r\n' +
        'plans,P7008,C00078,Team A,L Jones,CP,01/12/2025,,,,,,,,\r\n',
    );
  });

  test('a visit with a blank plan type has an empty plan_type cell (null in JSON)', () => {
    const sample = draw(data, { kind: 'visits', size: 10 });
    const byId = Object.fromEntries(sample.rows.map((row) => [row.recordId, row.texts]));
    expect(byId).toEqual({ V5001: ['CP'], 'visits.csv:3': [undefined], V5003: ['CLA'] });
    expect(renderSampleCsv(sample).split('\r\n')).toContain('visits,visits.csv:3,C00074,Team A,L Jones,,12/10/2026,,,,,,,');
    const json = JSON.parse(renderSampleJson(sample));
    expect(json.rows.find((row: { record_id: string }) => row.record_id === 'visits.csv:3').plan_type).toBeNull();
    expect(json.rows.find((row: { record_id: string }) => row.record_id === 'V5003').plan_type).toBe('CLA');
  });
});

describe('record_id of visits and supervision', () => {
  test('visits: the visit_id when the extract has one; a blank id, or no column, gives file:line', () => {
    expect(idsOf(draw(data, { kind: 'visits', size: 10 })).sort()).toEqual(['V5001', 'V5003', 'visits.csv:3']);
    // fixtures/sample/hand-worked/visits.csv has no visit_id column.
    expect(idsOf(draw(handWorked, { kind: 'visits', size: 10 })).sort()).toEqual(['visits.csv:2', 'visits.csv:4']);
  });

  test('supervision: the record_id when the extract has one; a blank id, or no column, gives file:line', () => {
    expect(idsOf(draw(data, { kind: 'supervision', size: 10 })).sort()).toEqual(['S6001', 'supervision.csv:3']);
    expect(idsOf(draw(handWorked, { kind: 'supervision', size: 10 })).sort()).toEqual(['supervision.csv:2', 'supervision.csv:3']);
  });
});

describe('--where: the frame restricted to records with a value', () => {
  test('all open CP plans are eligible, and the draw is theirs in rank order', () => {
    const sample = draw(data, { kind: 'plans', size: 10, where: CP });
    expect(sample.eligible).toBe(4);
    // Seed 2026-11: P7005, (P7004 is CIN), P7008, P7002, (P7006 is CLA), P7001.
    expect(idsOf(sample)).toEqual(['P7005', 'P7008', 'P7002', 'P7001']);
    expect(sample.rows.every((row) => row.texts?.[0] === 'CP')).toBe(true);
  });

  test('reproducible with the seed: the same seed the same rows, another seed its own', () => {
    expect(idsOf(draw(data, { kind: 'plans', size: 2, where: CP }))).toEqual(['P7005', 'P7008']);
    expect(idsOf(draw(data, { kind: 'plans', size: 2, where: CP }))).toEqual(['P7005', 'P7008']);
    expect(idsOf(draw(data, { kind: 'plans', size: 2, where: CP, seed: 'x' }))).toEqual(['P7001', 'P7008']);
  });

  test('a filter ranks nothing anew: the filtered draw is the unfiltered draw with the other records left out', () => {
    const all = idsOf(draw(data, { kind: 'plans', size: 10 }));
    expect(all).toEqual(['P7005', 'P7004', 'P7008', 'P7002', 'P7006', 'P7001']);
    const cp = new Set(['P7001', 'P7002', 'P7005', 'P7008']);
    expect(idsOf(draw(data, { kind: 'plans', size: 10, where: CP }))).toEqual(all.filter((id) => cp.has(id)));
  });

  test('values compare case-insensitively; values of one column are alternatives; columns must all match', () => {
    expect(draw(data, { kind: 'plans', size: 10, where: { plan_type: ['cp'] } }).eligible).toBe(4);
    expect(idsOf(draw(data, { kind: 'plans', size: 10, where: { plan_type: ['CP', 'CIN'] } })).sort()).toEqual(['P7001', 'P7002', 'P7004', 'P7005', 'P7008']);
    expect(idsOf(draw(data, { kind: 'plans', size: 10, where: { plan_type: ['CP'], team: ['Team A'] } })).sort()).toEqual(['P7001', 'P7008']);
    // A flag column by meaning: the visits seen alone (V5001 Y, V5003 Y; line 3 N).
    expect(idsOf(draw(data, { kind: 'visits', size: 10, where: { seen_alone: ['yes'] } })).sort()).toEqual(['V5001', 'V5003']);
  });

  test('a blank value never matches: a visit with a blank plan type is not a CP visit', () => {
    expect(idsOf(draw(data, { kind: 'visits', size: 10, where: CP }))).toEqual(['V5001']);
  });

  test('with --by, the groups count only the records that pass', () => {
    expect(draw(data, { kind: 'plans', size: 1, where: CP, by: 'team' }).groups).toEqual([
      { key: 'Team A', eligible: 2, sampled: 1 },
      { key: 'Team B', eligible: 2, sampled: 1 },
    ]);
  });

  test('with --only, records outside the frame are counted only when they pass the filter', () => {
    // hand-worked: A1006 (Team B, open since July) is overdue but outside October's frame.
    const overdue = findIndicator('assessment-open-overdue')!;
    const teamB = draw(handWorked, { kind: 'assessments', indicator: overdue, only: 'exceptions', where: { team: ['Team B'] } });
    const teamA = draw(handWorked, { kind: 'assessments', indicator: overdue, only: 'exceptions', where: { team: ['Team A'] } });
    expect([teamB.outsideFrame, teamA.outsideFrame]).toEqual([1, 0]);
  });

  test('the summary and the JSON name the filter', () => {
    const sample = draw(data, { kind: 'plans', size: 2, where: { plan_type: ['CP', 'CIN'], team: ['Team A'] } });
    // Open, Team A, CP or CIN: P7001, P7004, P7008.
    expect(renderSampleSummary(sample)).toBe('frame: plans open on 31/10/2026\neligible with plan_type=CP or CIN and team=Team A: 3; sampled: 2\n');
    const json = JSON.parse(renderSampleJson(sample));
    expect(json.where).toEqual({ plan_type: ['CP', 'CIN'], team: ['Team A'] });
    expect(json.summary).toEqual({ eligible: 3, sampled: 2, groups: [] });
    expect(JSON.parse(renderSampleJson(draw(data, { kind: 'plans' }))).where).toBeNull();
  });

  test('with --only too, the summary names both', () => {
    const sample = draw(handWorked, { kind: 'assessments', indicator: findIndicator('assessment-timeliness')!, only: 'exceptions', where: { team: ['Team B'] } });
    // The exceptions are A1002 (Team B) and A1007 (Team A).
    expect(idsOf(sample)).toEqual(['A1002']);
    expect(renderSampleSummary(sample)).toBe(
      'frame: assessments completed in 2026-10, or not completed and started in it\n' +
        'eligible with team=Team B, not met by assessment-timeliness: 1; sampled: 1\n',
    );
  });

  test("the columns it can filter on are the kind's text, code and flag columns, never its ids", () => {
    expect(whereColumns('plans')).toEqual(expect.arrayContaining(['plan_type', 'category', 'team', 'worker']));
    expect(whereColumns('plans')).not.toContain('plan_id');
    expect(whereColumns('plans')).not.toContain('child_id');
    expect(whereColumns('visits')).not.toContain('visit_id');
    expect(whereColumns('supervision')).not.toContain('record_id');
    expect(whereColumns('supervision')).toEqual(expect.arrayContaining(['kind', 'supervisor']));
  });

  test('a column the kind lacks is a usage error listing the columns it has', () => {
    const attempt = () => draw(data, { kind: 'supervision', where: CP });
    expect(attempt).toThrow(UsageError);
    expect(attempt).toThrow(`--where plan_type=CP: plan_type is not a column of supervision records to filter on; choose one of ${whereColumns('supervision').join(', ')}`);
  });

  test('a column the tables read lack is a usage error (every record would fail it)', () => {
    const withoutCategory = { ...data, plans: { ...data.plans!, columns: data.plans!.columns.filter((c) => c !== 'category') } };
    expect(() => draw(withoutCategory, { kind: 'plans', where: { category: ['Neglect'] } })).toThrow('--where category=Neglect: the plans tables read have no category column');
  });
});
