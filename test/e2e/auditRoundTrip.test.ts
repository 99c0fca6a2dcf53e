import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { tempFolder } from '../tempFolder.js';
import { runCli } from './runCli.js';

// The QA lead's month, end to end through the built CLI:
// sample October's assessments → auditors fill in the file → audits collect → report November's audits.
//
// fixtures/sample/hand-worked: the October frame (completed in October, or open and started in it) is
// A1001, A1002, A1003 and A1007 (Team A except A1002, Team B), A1008 (no team) and A1009 (Team B).
// With --size 6 all six are drawn. The auditors grade them (by record id, in the spellings people use)
// in a file whose columns they reordered, adding the theme column the config declares:
const GRADED: Readonly<Record<string, readonly [auditor: string, date: string, grade: string, voice: string]>> = {
  A1001: ['Auditor X', '03/11/2026', 'Good', 'Y'],
  A1002: ['Auditor Y', '04/11/2026', 'RI', 'N'],
  A1003: ['Auditor X', '05/11/2026', '1', 'Y'], // 1 = outstanding
  A1007: ['Auditor Y', '06/11/2026', 'Inadequate', 'N'],
  A1008: ['Auditor X', '09/11/2026', 'Requires Improvement', 'Y'],
  // A1009 comes back ungraded.
};
const SETTINGS = ['--extracted-on', '2026-11-23'];

describe('the audit loop, from sample to figures', () => {
  const temp = tempFolder('audit-round-trip-');
  const config = join(temp.dir, 'config.json');
  writeFileSync(config, JSON.stringify({ audit: { themes: { 'voice-of-child': { column: 'voice_evident', title: "Child's voice evident", target: 90 } } } }));
  const sample = join(temp.dir, 'sample.csv');
  const audits = join(temp.dir, 'audits.csv');

  test('sample, fill in, collect: five audits, one record ungraded', () => {
    const drawn = runCli(['sample', '--data', 'fixtures/sample/hand-worked', '--kind', 'assessments', '--period', '2026-10', '--size', '6', '--seed', 'round-trip', '--config', config, '--out', sample, ...SETTINGS]);
    expect(drawn.code).toBe(0);
    const rows = parse(readFileSync(sample), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((row) => row.record_id).sort()).toEqual(['A1001', 'A1002', 'A1003', 'A1007', 'A1008', 'A1009']);
    expect(Object.keys(rows[0]!)).toContain('voice_evident');
    // The auditors move grade to the front and fill in their columns.
    const columns = ['grade', ...Object.keys(rows[0]!).filter((column) => column !== 'grade')];
    const filled = rows.map((row) => {
      const [auditor = '', audit_date = '', grade = '', voice_evident = ''] = GRADED[row.record_id!] ?? [];
      return { ...row, auditor, audit_date, grade, voice_evident };
    });
    writeFileSync(sample, [columns, ...filled.map((row) => columns.map((column) => row[column as keyof typeof row] ?? ''))].map((cells) => cells.join(',')).join('\r\n'));

    const collected = runCli(['audits', 'collect', sample, '--out', audits, '--config', config, ...SETTINGS]);
    expect(collected.stderr).toContain('came back ungraded');
    expect(collected.stderr).toMatch(/assessments A1009 came back ungraded/);
    expect(collected.stderr.trim().split('\n').at(-1)).toBe('collected 5 audits from 1 file; 1 ungraded, 0 invalid, 0 already collected');
    expect(collected.code).toBe(0);
  });

  test('report gives the hand-worked audit figures by team, with the grade distribution', () => {
    const run = runCli(['report', '--audits', audits, '--period', '2026-11', '--by', 'team', '--config', config, '--format', 'json', ...SETTINGS]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as {
      indicators: { id: string; numerator: number; denominator: number; rag: string; groups: { key: string; numerator: number; denominator: number }[]; exceptions: { childId: string; detail: string }[] }[];
      audit: { gradeDistribution: { total: number; grades: Record<string, number> } };
    };
    const result = (id: string) => report.indicators.find((r) => r.id === id)!;
    // Good or better: A1001 (good) and A1003 (1 = outstanding); not A1002 (RI), A1007 (inadequate), A1008 (RI).
    // 2 of 5 = 40 %, red against 70 %. Team A: A1001, A1003 of A1001, A1003, A1007; Team B: A1002; no team: A1008.
    const good = result('audits-good-or-better');
    expect([good.numerator, good.denominator, good.rag]).toEqual([2, 5, 'red']);
    expect(good.groups.map((g) => [g.key, g.numerator, g.denominator])).toEqual([['(no team)', 0, 1], ['Team A', 2, 3], ['Team B', 0, 1]]);
    expect(good.exceptions.map((e) => [e.childId, e.detail])).toEqual([
      ['C00017', 'graded inadequate by Auditor Y'],
      ['C00012', 'graded requires improvement by Auditor Y'],
      ['C00018', 'graded requires improvement by Auditor X'],
    ]);
    // Inadequate: A1007 alone, 1 of 5. The theme: Y for A1001, A1003 and A1008: 3 of 5 = 60 %, red against 90 %.
    expect([result('audits-inadequate').numerator, result('audits-inadequate').denominator]).toEqual([1, 5]);
    const voice = result('audit-theme-voice-of-child');
    expect([voice.numerator, voice.denominator, voice.rag]).toEqual([3, 5, 'red']);
    expect(report.audit.gradeDistribution).toMatchObject({ total: 5, grades: { outstanding: 1, good: 1, 'requires improvement': 2, inadequate: 1 } });
  });

  test("completion by 06/11: Team A 3 of 3, Team B 1 of 2 (A1009 ungraded), no team 0 of 1 (audited 09/11)", () => {
    const run = runCli(['audits', 'completion', sample, '--audits', audits, '--due', '2026-11-06', '--format', 'json', '--config', config, ...SETTINGS]);
    expect(run.code).toBe(0);
    const completion = JSON.parse(run.stdout) as { teams: { team: string; sampled: number; audited: number }[]; total: { sampled: number; audited: number } };
    expect(completion.teams.map((t) => [t.team, t.sampled, t.audited])).toEqual([['Team A', 3, 3], ['Team B', 2, 1], ['(no team)', 1, 0]]);
    expect([completion.total.sampled, completion.total.audited]).toEqual([6, 4]);
  });
  // The QA lead moderates November's audits graded below good: A1002 (RI), A1007 (inadequate), A1008 (RI).
  // Moderation agrees RI for A1002, moves A1007 to RI, and leaves A1008 unmoderated:
  // agreement 1 of 2 moderated audits (A1002 agreed, A1007 not).
  test('moderation: sample the audits below good, fill in moderated_grade, collect, report the agreement', () => {
    const moderation = join(temp.dir, 'moderation.csv');
    const drawn = runCli(['sample', '--audits', audits, '--kind', 'audits', '--period', '2026-11', '--size', '5', '--seed', 'qa', '--indicator', 'audits-good-or-better', '--only', 'exceptions', '--config', config, '--out', moderation, ...SETTINGS]);
    expect(drawn.code).toBe(0);
    const rows = parse(readFileSync(moderation), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((row) => row.record_id).sort()).toEqual(['assessments:A1002@2026-11-04', 'assessments:A1007@2026-11-06', 'assessments:A1008@2026-11-09']);
    const MODERATED: Readonly<Record<string, string>> = { 'assessments:A1002@2026-11-04': 'RI', 'assessments:A1007@2026-11-06': 'Requires improvement' };
    const columns = Object.keys(rows[0]!);
    expect(columns.slice(-2)).toEqual(['moderated_grade', 'notes']);
    writeFileSync(moderation, [columns, ...rows.map((row) => columns.map((column) => (column === 'moderated_grade' ? (MODERATED[row.record_id!] ?? '') : row[column])))].map((cells) => cells.join(',')).join('\r\n'));

    const collected = runCli(['audits', 'collect', moderation, '--out', audits, '--config', config, ...SETTINGS]);
    expect(collected.stderr.trim().split('\n').at(-1)).toBe('moderated 2 audits from 1 file; 1 not moderated, 0 invalid, 0 already moderated');
    expect(collected.code).toBe(0);
    const report = JSON.parse(runCli(['report', '--audits', audits, '--period', '2026-11', '--config', config, '--format', 'json', ...SETTINGS]).stdout) as { indicators: { id: string; numerator: number; denominator: number }[] };
    const agreement = report.indicators.find((r) => r.id === 'audit-moderation-agreement')!;
    expect([agreement.numerator, agreement.denominator]).toEqual([1, 2]);
  });
});
