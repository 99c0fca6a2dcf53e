import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, test } from 'vitest';
import { runCli, type CliRun } from './runCli.js';

const HAND_WORKED = 'fixtures/sample/hand-worked';
/** Open plans of several types, visits with a visit_id and supervision with a record_id: see test/sample/auditFile.test.ts. */
const AUDIT_IDS = 'fixtures/sample/audit-ids';
const OCTOBER = ['--period', '2026-10', '--extracted-on', '2026-11-23'];
const HEADER = 'kind,record_id,child_id,team,worker,referral_date,start_date,completed_date,indicator,outcome,detail,auditor,audit_date,grade,notes';

/** Runs the built CLI's sample command (npm run build first) with a minimal environment. */
function sample(args: readonly string[], env: Record<string, string> = {}): CliRun {
  return runCli(['sample', ...args], env);
}

/** A sample of the October assessments of a scenario, seed 2026-11 unless `extra` says otherwise. */
function assessments(scenario: string, extra: readonly string[] = [], env?: Record<string, string>): CliRun {
  return sample(['--data', `fixtures/sample/${scenario}`, ...OCTOBER, '--kind', 'assessments', '--seed', '2026-11', ...extra], env);
}

const lines = (csv: string) => csv.split('\r\n').filter((line) => line !== '');
const column = (csv: string, name: string) => lines(csv).slice(1).map((line) => line.split(',')[HEADER.split(',').indexOf(name)]);

const scratch = mkdtempSync(join(tmpdir(), 'csc-sample-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('csc-metrics sample', () => {
  test('hand-worked: CSV on stdout, summary with the seed on stderr, exit 0', () => {
    const run = assessments('hand-worked', ['--size', '3', '--indicator', 'assessment-timeliness']);
    expect(run.code).toBe(0);
    // Eligible (completed in October, or open and started in it): A1001 A1002 A1003 A1007 A1008 A1009;
    // ranked by HMAC-SHA-256 keyed with 2026-11, the first three are A1003, A1007, A1008.
    // After the UTF-8 byte-order mark that CSV outputs carry (Excel on Windows needs it).
    expect(run.stdout).toBe(
      `\uFEFF${HEADER}\r\n` +
        'assessments,A1003,C00013,Team A,J Smith,,12/10/2026,,assessment-timeliness,,not counted by assessment-timeliness,,,,\r\n' +
        'assessments,A1007,C00017,Team A,L Jones,01/06/2026,02/06/2026,31/10/2026,assessment-timeliness,not met,completed after 108 working days,,,,\r\n' +
        'assessments,A1008,C00018,,,,01/10/2026,30/10/2026,assessment-timeliness,met,completed after 21 working days,,,,\r\n',
    );
    expect(run.stderr).toContain('seed: 2026-11\n');
    expect(run.stderr).toContain('frame: assessments completed in 2026-10, or not completed and started in it\neligible: 6; sampled: 3\n');
  });

  test('re-running gives a byte-identical file', () => {
    const out = join(scratch, 'again.csv');
    const first = assessments('hand-worked', ['--size', '4', '--out', out]);
    const second = assessments('hand-worked', ['--size', '4']);
    expect(first.code).toBe(0);
    expect(first.stdout).toBe('');
    expect(first.stderr).toContain(`Wrote 4 sampled records to ${out}`);
    expect(readFileSync(out, 'utf8')).toBe(second.stdout);
  });

  test('order independence: rows shuffled, or rows of other periods added, give the identical sample', () => {
    const original = assessments('hand-worked', ['--size', '4']).stdout;
    expect(lines(original)).toHaveLength(5);
    expect(assessments('shuffled', ['--size', '4']).stdout).toBe(original);
    expect(assessments('other-periods-added', ['--size', '4']).stdout).toBe(original);
  });

  test('another seed gives another sample', () => {
    expect(column(assessments('hand-worked', ['--size', '3', '--seed', '2026-12']).stdout, 'record_id')).toEqual(['A1007', 'A1009', 'A1003']);
  });

  test('without --seed a seed is drawn, printed, and repeats the draw when given back', () => {
    const free = sample(['--data', HAND_WORKED, ...OCTOBER, '--kind', 'visits', '--size', '1', '--quiet']);
    expect(free.code).toBe(0);
    const seed = /^seed: ([0-9a-f]{16})$/m.exec(free.stderr)?.[1];
    expect(seed).toBeDefined();
    // --quiet silences the summary but never the seed.
    expect(free.stderr).toBe(`seed: ${seed}\n`);
    expect(sample(['--data', HAND_WORKED, ...OCTOBER, '--kind', 'visits', '--size', '1', '--seed', seed!]).stdout).toBe(free.stdout);
  });

  test('--by team: up to --size per team, counts per team on stderr', () => {
    const run = assessments('hand-worked', ['--size', '2', '--by', 'team']);
    expect(run.code).toBe(0);
    expect(column(run.stdout, 'team')).toEqual(['', 'Team A', 'Team A', 'Team B', 'Team B']);
    expect(run.stderr).toContain('eligible: 6; sampled: 5\n  (no team): 1 eligible, 1 sampled\n  Team A: 3 eligible, 2 sampled\n  Team B: 2 eligible, 2 sampled\n');
  });

  test('--only exceptions: every sampled record is an exception of the indicator', () => {
    const run = assessments('hand-worked', ['--size', '5', '--only', 'exceptions', '--indicator', 'assessment-timeliness']);
    expect(run.code).toBe(0);
    expect(column(run.stdout, 'record_id').sort()).toEqual(['A1002', 'A1007']);
    expect(column(run.stdout, 'outcome')).toEqual(['not met', 'not met']);
    expect(run.stderr).toContain('eligible not met by assessment-timeliness: 2; sampled: 2\n');
  });

  test('--format json: the rows with ISO dates and the summary', () => {
    const run = sample(['--data', HAND_WORKED, ...OCTOBER, '--kind', 'plans', '--size', '5', '--seed', '2026-11', '--format', 'json']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.summary).toEqual({ eligible: 3, sampled: 3, groups: [] });
    expect(json.rows.map((row: { record_id: string; start_date: string }) => [row.record_id, row.start_date]).sort()).toEqual([
      ['P2001', '2026-05-01'],
      ['P2002', '2026-01-10'],
      ['P2005', '2026-10-31'],
    ]);
  });

  test('--out FILE.xlsx: a workbook with as many sampled rows as the CSV, the grade drop-down on each', async () => {
    const out = join(scratch, 'sample.xlsx');
    const run = assessments('hand-worked', ['--size', '4', '--indicator', 'assessment-timeliness', '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    const csv = assessments('hand-worked', ['--size', '4', '--indicator', 'assessment-timeliness']).stdout;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(out) as unknown as ExcelJS.Buffer);
    const ws = workbook.getWorksheet('Sample')!;
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(HEADER.split(','));
    expect(ws.rowCount - 1).toBe(lines(csv).length - 1);
    expect(ws.getRow(ws.rowCount).getCell(HEADER.split(',').indexOf('grade') + 1).dataValidation.type).toBe('list');
    expect(workbook.getWorksheet('About')).toBeDefined();
  });

  describe('--where and --only all: every open plan of a type', () => {
    const openCp = ['--data', AUDIT_IDS, ...OCTOBER, '--kind', 'plans', '--only', 'all', '--where', 'plan_type=CP', '--seed', 'x'];

    test('draws from the open CP plans only, with their plan type, reproducibly', () => {
      const run = sample([...openCp, '--size', '2']);
      expect(run.code).toBe(0);
      // Open on 31/10 and CP: P7001 P7002 P7005 P7008 (P7003 ended 15/10, P7007 starts 02/11; P7004 is CIN, P7006 CLA).
      // Ranked with seed x: P7001 1b66a05d…, P7008 341e35fe…, P7005 814230ff…, P7002 b85d9877….
      expect(run.stdout).toBe(
        '\uFEFFkind,record_id,child_id,team,worker,plan_type,start_date,end_date,indicator,outcome,detail,auditor,audit_date,grade,notes\r\n' +
          'plans,P7001,C00071,Team A,J Smith,CP,02/03/2026,,,,,,,,\r\n' +
          'plans,P7008,C00078,Team A,L Jones,CP,01/12/2025,,,,,,,,\r\n',
      );
      expect(run.stderr).toContain('frame: plans open on 31/10/2026\neligible with plan_type=CP: 4; sampled: 2\n');
      expect(sample([...openCp, '--size', '2']).stdout).toBe(run.stdout);
    });

    test('--where repeated: values of one column are alternatives, other columns must match too', () => {
      const run = sample([...openCp, '--size', '10', '--where', 'plan_type=CIN', '--where', 'team=Team A', '--format', 'json']);
      expect(run.code).toBe(0);
      const json = JSON.parse(run.stdout);
      expect(json.where).toEqual({ plan_type: ['CP', 'CIN'], team: ['Team A'] });
      expect(json.summary.eligible).toBe(3);
      expect(json.rows.map((row: { record_id: string; plan_type: string }) => `${row.record_id} ${row.plan_type}`).sort()).toEqual(['P7001 CP', 'P7004 CIN', 'P7008 CP']);
    });

    test('--only all with --indicator: every record of the frame, each with its outcome', () => {
      const all = assessments('hand-worked', ['--size', '6', '--only', 'all', '--indicator', 'assessment-timeliness']);
      expect(all.code).toBe(0);
      expect(all.stdout).toBe(assessments('hand-worked', ['--size', '6', '--indicator', 'assessment-timeliness']).stdout);
      expect(all.stderr).toContain('eligible: 6; sampled: 6\n');
    });
  });

  test('visits and supervision are named by their visit_id / record_id when the extract has one, else file:line', () => {
    const ids = (kind: string) => {
      const run = sample(['--data', AUDIT_IDS, ...OCTOBER, '--kind', kind, '--size', '10', '--seed', 'x', '--format', 'json']);
      expect(run.code).toBe(0);
      return JSON.parse(run.stdout).rows.map((row: { record_id: string }) => row.record_id).sort();
    };
    // visits.csv line 3 and supervision.csv line 3 have a blank id.
    expect(ids('visits')).toEqual(['V5001', 'V5003', 'visits.csv:3']);
    expect(ids('supervision')).toEqual(['S6001', 'supervision.csv:3']);
  });

  test('formula neutralisation: a team =cmd|… comes out prefixed with an apostrophe', () => {
    const run = assessments('formula', ['--size', '5']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(",'=cmd|' /C calc'!A0,'+SUM(A1:A9),");
  });

  describe('--pseudonymise', () => {
    const args = ['--size', '6', '--pseudonymise'];

    test('replaces child IDs, stable across runs with the same key, different with another key', () => {
      const first = assessments('hand-worked', args, { CSC_METRICS_KEY: 'audit-key-2026' });
      const again = assessments('hand-worked', args, { CSC_METRICS_KEY: 'audit-key-2026' });
      const other = assessments('hand-worked', args, { CSC_METRICS_KEY: 'another-key' });
      expect(first.code).toBe(0);
      expect(again.stdout).toBe(first.stdout);
      const ids = column(first.stdout, 'child_id');
      expect(ids).toHaveLength(6);
      for (const id of ids) expect(id).toMatch(/^P[0-9a-f]{16}$/);
      expect(first.stdout).not.toMatch(/C000\d\d/);
      // The same records in the same order; only the pseudonyms change with the key.
      expect(column(other.stdout, 'record_id')).toEqual(column(first.stdout, 'record_id'));
      expect(column(other.stdout, 'child_id').filter((id) => ids.includes(id))).toEqual([]);
    });

    test('without the key (unset or empty): exit 1 and nothing on stdout', () => {
      for (const env of [{}, { CSC_METRICS_KEY: '' }] as Record<string, string>[]) {
        const run = assessments('hand-worked', args, env);
        expect(run.code).toBe(1);
        expect(run.stdout).toBe('');
        expect(run.stderr).toContain('--pseudonymise needs a secret key in the CSC_METRICS_KEY environment variable');
      }
    });
  });

  describe('bad options: exit 1, a clear message, nothing on stdout', () => {
    const cases: [string, readonly string[], string | RegExp][] = [
      ['size 0', ['--data', HAND_WORKED, '--kind', 'assessments', '--size', '0'], 'csc-metrics: --size 0: expected a whole number of records, 1 or more'],
      ['size not a whole number', ['--data', HAND_WORKED, '--kind', 'assessments', '--size', '2.5'], '--size 2.5: expected a whole number'],
      ['no size', ['--data', HAND_WORKED, '--kind', 'assessments'], "required option '--size <n>' not specified"],
      ['unknown kind', ['--data', HAND_WORKED, '--kind', 'referrals', '--size', '2'], "option '--kind <kind>' argument 'referrals' is invalid. Allowed choices are assessments, plans, visits, missing, supervision, audits."],
      ['no kind', ['--data', HAND_WORKED, '--size', '2'], "required option '--kind <kind>' not specified"],
      ['unknown indicator', ['--data', HAND_WORKED, '--kind', 'assessments', '--size', '2', '--indicator', 'nope'], /--indicator nope: unknown indicator; valid ids: assessment-timeliness, assessment-open-overdue, .*, contact-decision-1-working-day\n/],
      ['--only without --indicator', ['--data', HAND_WORKED, '--kind', 'assessments', '--size', '2', '--only', 'exceptions'], '--only exceptions needs --indicator ID'],
      ['indicator of another kind', ['--data', HAND_WORKED, '--kind', 'assessments', '--size', '2', '--indicator', 'rhi-within-72h'], '--indicator rhi-within-72h judges missing records, not assessments: use --kind missing'],
      ['indicator judging another kind', ['--data', HAND_WORKED, ...OCTOBER, '--kind', 'visits', '--size', '2', '--indicator', 'visits-cp'], '--indicator visits-cp judges plans records, not visits: use --kind plans'],
      ['--where on an unknown column, listing the columns', ['--data', HAND_WORKED, ...OCTOBER, '--kind', 'plans', '--size', '2', '--only', 'all', '--where', 'colour=red'], /--where colour=red: colour is not a column of plans records to filter on; choose one of team, worker, plan_type, category\n/],
      ['--where on a column of another kind', ['--data', HAND_WORKED, ...OCTOBER, '--kind', 'supervision', '--size', '2', '--where', 'plan_type=CP'], /--where plan_type=CP: plan_type is not a column of supervision records to filter on; choose one of .*supervisor/],
      ['--where without a value', ['--data', HAND_WORKED, ...OCTOBER, '--kind', 'plans', '--size', '2', '--where', 'plan_type'], '--where plan_type: expected COLUMN=VALUE'],
      ['--only all is the only other choice', ['--data', HAND_WORKED, '--kind', 'plans', '--size', '2', '--only', 'some'], "option '--only <outcome>' argument 'some' is invalid. Allowed choices are exceptions, met, all."],
      ['no data (no demo default)', ['--kind', 'assessments', '--size', '2'], 'give --data DIR, --annex-a PATH or at least one extract file'],
    ];
    test.each(cases)('%s', (_name, args, message) => {
      const run = sample(args);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      if (typeof message === 'string') expect(run.stderr).toContain(message);
      else expect(run.stderr).toMatch(message);
    });
  });
});
