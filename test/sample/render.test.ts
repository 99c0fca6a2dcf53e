import { beforeAll, describe, expect, test } from 'vitest';
import type { Dataset } from '../../src/core/dataset.js';
import { findIndicator } from '../../src/core/indicators/registry.js';
import { renderSampleCsv, renderSampleJson, renderSampleSummary } from '../../src/render/sample.js';
import { draw, loadScenario } from './helpers.js';

let data: Dataset;
beforeAll(async () => {
  data = await loadScenario('hand-worked');
});

const timeliness = findIndicator('assessment-timeliness')!;

describe('CSV', () => {
  test('one row per sampled record: identifiers, UK dates, outcome, empty audit columns; CRLF', () => {
    const csv = renderSampleCsv(draw(data, { kind: 'assessments', size: 2, seed: '2026-11', indicator: timeliness }));
    expect(csv).toBe(
      'kind,record_id,child_id,team,worker,referral_date,start_date,completed_date,indicator,outcome,detail,auditor,audit_date,grade,notes\r\n' +
        'assessments,A1003,C00013,Team A,J Smith,,12/10/2026,,assessment-timeliness,,not counted by assessment-timeliness,,,,\r\n' +
        'assessments,A1007,C00017,Team A,L Jones,01/06/2026,02/06/2026,31/10/2026,assessment-timeliness,not met,completed after 108 working days,,,,\r\n',
    );
  });

  test('date-times keep their clock time; the key dates follow the kind; no indicator leaves its columns empty', () => {
    const lines = renderSampleCsv(draw(data, { kind: 'missing', size: 10 })).split('\r\n');
    expect(lines[0]).toBe('kind,record_id,child_id,team,worker,missing_from,returned_at,rhi_completed_at,indicator,outcome,detail,auditor,audit_date,grade,notes');
    expect(lines).toContain('missing,M3001,C00016,Team B,K Patel,03/10/2026 22:00,04/10/2026 09:30,06/10/2026 10:00,,,,,,,');
    expect(lines).toContain('missing,M3002,C00016,Team B,K Patel,29/09/2026,02/10/2026,,,,,,,,');
  });

  test('spreadsheet formulas are neutralised with a leading apostrophe; commas are quoted', async () => {
    const csv = renderSampleCsv(draw(await loadScenario('formula'), { kind: 'assessments', size: 10 }));
    expect(csv).toContain("'=cmd|' /C calc'!A0");
    expect(csv).toContain("'+SUM(A1:A9)");
    expect(csv).toContain("'@A4002");
    expect(csv).toContain("'-2+3");
    expect(csv).toContain('"Team, with comma"');
    expect(csv).not.toMatch(/(^|,)[=+@-]/m);
  });
});

describe('JSON', () => {
  test('the same rows keyed by the CSV columns, ISO dates, null for empty; the summary', () => {
    const json = JSON.parse(renderSampleJson(draw(data, { kind: 'missing', size: 1, seed: 'x', by: 'team', indicator: findIndicator('rhi-within-72h')! })));
    expect(json).toEqual({
      schemaVersion: 1,
      kind: 'missing',
      period: { label: '2026-10', from: '2026-10-01', to: '2026-10-31', asAt: '2026-10-31' },
      frame: 'missing episodes that ended in 2026-10, or began in it and have not ended',
      seed: 'x',
      size: 1,
      by: 'team',
      indicator: 'rhi-within-72h',
      only: null,
      // No --where: null (with it, column → the values allowed).
      where: null,
      pseudonymised: false,
      summary: {
        eligible: 3,
        sampled: 2,
        groups: [
          { key: 'Team A', eligible: 1, sampled: 1 },
          { key: 'Team B', eligible: 2, sampled: 1 },
        ],
      },
      rows: [
        {
          kind: 'missing', record_id: 'M3003', child_id: 'C00017', team: 'Team A', worker: 'L Jones',
          missing_from: '2026-10-28T18:00', returned_at: null, rhi_completed_at: null,
          indicator: 'rhi-within-72h', outcome: null, detail: 'not counted by rhi-within-72h',
          auditor: null, audit_date: null, grade: null, notes: null,
        },
        {
          kind: 'missing', record_id: 'M3002', child_id: 'C00016', team: 'Team B', worker: 'K Patel',
          missing_from: '2026-09-29', returned_at: '2026-10-02', rhi_completed_at: null,
          indicator: 'rhi-within-72h', outcome: 'not met', detail: 'no interview recorded',
          auditor: null, audit_date: null, grade: null, notes: null,
        },
      ],
    });
  });
});

describe('summary (stderr)', () => {
  test('the frame, eligible and sampled overall and per group', () => {
    expect(renderSampleSummary(draw(data, { kind: 'assessments', size: 2, by: 'team' }))).toBe(
      'frame: assessments completed in 2026-10, or not completed and started in it\n' +
        'eligible: 6; sampled: 5\n' +
        '  (no team): 1 eligible, 1 sampled\n' +
        '  Team A: 3 eligible, 2 sampled\n' +
        '  Team B: 2 eligible, 2 sampled\n',
    );
  });

  test('with --only, names the filter and the records it leaves outside the frame', () => {
    const sample = draw(data, { kind: 'assessments', indicator: findIndicator('assessment-open-overdue')!, only: 'exceptions' });
    expect(renderSampleSummary(sample)).toBe(
      'frame: assessments completed in 2026-10, or not completed and started in it\n' +
        'eligible not met by assessment-open-overdue: 0; sampled: 0\n' +
        'note: not eligible, being outside the frame: 1 more record not met by assessment-open-overdue\n',
    );
  });
});
