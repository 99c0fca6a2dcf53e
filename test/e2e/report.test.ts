import { describe, expect, it } from 'vitest';
import { runCli } from './runCli.js';

// Pinned so results do not depend on the day the tests run.
const EXTRACTED = ['--extracted-on', '2026-11-23'];

describe('report on the formats fixture (BOM, CRLF, header variants, quoted comma/quote/newline, UK dates, times, extra column)', () => {
  // fixtures/formats/assessments.csv, period 2026-10, as at 31/10/2026:
  //  line 2 (to line 3): C00001/A0001 referral Fri 02/10, completed Fri 30/10: 20 working days, met;
  //    seen Yes, alone TRUE, voice 1: all met. Team "Team A, North" (quoted comma).
  //  line 4: C00002/A0002 no referral, clock from Mon 05/10, completed 30/10: 19 working days, met;
  //    seen no, alone False, voice 0: none met.
  //  line 5 is blank (not a row); line 6: C00003/A0003 open since Thu 01/10: 21 working days at 31/10,
  //    not past 45, so assessment-open-overdue = 0.
  const run = runCli(['report', '--data', 'fixtures/formats', '--period', '2026-10', '--format', 'json', ...EXTRACTED]);
  const report = JSON.parse(run.stdout);
  const byId = (id: string) => report.indicators.find((i: { id: string }) => i.id === id);

  it('exits 0 with JSON on stdout and the data-quality summary on stderr', () => {
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('Data quality: 1 file, 3 rows read, 3 used, 0 rejected');
    expect(report.period).toEqual({ from: '2026-10-01', to: '2026-10-31', asAt: '2026-10-31' });
    expect(report.calendar).toBe('england-and-wales');
  });

  it('computes the assessment figures by hand', () => {
    // Issue 10: n = 2 is under minCohort 5, so no RAG (green and red before) and ragReason "n < 5".
    expect(byId('assessment-timeliness')).toMatchObject({ numerator: 2, denominator: 2, value: 1, target: 0.9, rag: 'none', ragReason: 'n < 5', exceptions: [] });
    expect(byId('assessment-child-seen')).toMatchObject({ numerator: 1, denominator: 2, value: 0.5, rag: 'none', ragReason: 'n < 5' });
    expect(byId('assessment-child-seen').exceptions).toEqual([
      { childId: 'C00002', recordId: 'A0002', team: 'Team B', worker: 'Worker 02', detail: 'child seen: no' },
    ]);
    expect(byId('assessment-open-overdue')).toMatchObject({ kind: 'count', count: 0, rag: 'green' });
  });

  it('reports the indicators whose extracts are absent as not computed, never as 0 %', () => {
    expect(report.notComputed).toContainEqual({ id: 'visits-cp', reason: 'no plans or visits extract' });
    expect(report.notComputed).toContainEqual({ id: 'rhi-within-72h', reason: 'no missing extract' });
    expect(byId('visits-cp')).toBeUndefined();
  });

  it('accounts for every row in dataQuality', () => {
    expect(report.dataQuality.files).toMatchObject([
      { kind: 'assessments', file: 'assessments.csv', encoding: 'utf-8 (BOM)', headerLine: 1, rowsRead: 3, rowsUsed: 3, rowsRejected: 0, cellIssues: {}, issues: [] },
    ]);
  });

  it('gives byte-identical output for the same input and flags', () => {
    const again = runCli(['report', '--data', 'fixtures/formats', '--period', '2026-10', '--format', 'json', ...EXTRACTED]);
    expect(again.stdout).toBe(run.stdout);
  });

  it('groups by team with --by team', () => {
    const grouped = JSON.parse(runCli(['report', '--data', 'fixtures/formats', '--period', '2026-10', '--by', 'team', '--format', 'json', ...EXTRACTED]).stdout);
    const seen = grouped.indicators.find((i: { id: string }) => i.id === 'assessment-child-seen');
    // Issue 10: groups of 1 are under minCohort 5, so no RAG (green and red before).
    expect(seen.groups).toEqual([
      { key: 'Team A, North', numerator: 1, denominator: 1, value: 1, rag: 'none', ragReason: 'n < 5' },
      { key: 'Team B', numerator: 0, denominator: 1, value: 0, rag: 'none', ragReason: 'n < 5' },
    ]);
  });

  it('prints a plain table (no colour codes) with --format table', () => {
    const table = runCli(['report', '--data', 'fixtures/formats', '--period', '2026-10', '--format', 'table', ...EXTRACTED]);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('Assessments completed within 45 working days');
    expect(table.stdout).toContain('100.0 %');
    expect(table.stdout).not.toContain('\u001b[');
    expect(table.stdout).not.toContain('C00002');
  });
});

describe('thresholds for CI jobs', () => {
  // On the formats fixture assessment-child-seen is 1 / 2 = 50 % (see above).
  const report = (...args: string[]) =>
    runCli(['report', '--data', 'fixtures/formats', '--period', '2026-10', '--format', 'json', ...EXTRACTED, ...args]);

  it('--fail-under exits 3 after writing the output when the figure is worse', () => {
    const run = report('--fail-under', 'assessment-child-seen=60');
    expect(run.code).toBe(3);
    expect(JSON.parse(run.stdout).indicators).toHaveLength(5);
    expect(run.stderr).toContain('threshold breached: assessment-child-seen is 50 % (--fail-under assessment-child-seen=60)');
  });

  it('--fail-under passes at exactly the threshold, and is repeatable', () => {
    expect(report('--fail-under', 'assessment-child-seen=50', '--fail-under', 'assessment-timeliness=100').code).toBe(0);
  });

  it('--fail-under with an unknown indicator or a malformed value is a usage error', () => {
    expect(report('--fail-under', 'no-such=50')).toMatchObject({ code: 1, stdout: '' });
    expect(report('--fail-under', 'assessment-child-seen').stderr).toContain('expected ID=VALUE');
  });
});

describe('row-level bad input: the row is rejected with file, line, column, value and code; the rest is used', () => {
  const cases: [scenario: string, file: string, issues: object[], read: number, used: number][] = [
    // A bad value in a required column rejects the row; in an optional column only the cell is refused.
    ['invalid-date', 'assessments.csv', [
      { scope: 'row', code: 'INVALID_DATE', line: 3, column: 'start_date', value: '31/02/2026' },
      { scope: 'cell', code: 'INVALID_DATE', line: 4, column: 'completed_date', value: '2026-10-32' },
    ], 3, 2],
    ['invalid-flag', 'assessments.csv', [{ scope: 'cell', code: 'INVALID_FLAG', line: 2, column: 'child_seen_alone', value: 'maybe' }], 1, 1],
    ['invalid-code', 'plans.csv', [{ code: 'INVALID_CODE', line: 3, column: 'plan_type', value: 'XYZ' }], 2, 1],
    ['missing-value', 'assessments.csv', [
      { code: 'MISSING_VALUE', line: 3, column: 'child_id', value: '' },
      { code: 'MISSING_VALUE', line: 4, column: 'start_date', value: '' },
    ], 3, 1],
    ['future-date', 'assessments.csv', [{ code: 'FUTURE_DATE', line: 2, column: 'completed_date', value: '2027-01-04' }], 1, 0],
    ['duplicate-row', 'visits.csv', [{ code: 'DUPLICATE_ROW', line: 3, message: 'repeats line 2 exactly' }], 3, 2],
    // A0001 again with another completion date: the first (line 2) is used, so it counts once.
    ['duplicate-id', 'assessments.csv', [{ scope: 'row', code: 'DUPLICATE_ID', line: 3, column: 'assessment_id', value: 'A0001', message: 'assessment_id "A0001" was first read at line 2 with other values; the first is used' }], 3, 2],
    // P0001 as both CP and CIN: the child is not counted under both.
    ['duplicate-plan-id', 'plans.csv', [{ scope: 'row', code: 'DUPLICATE_ID', line: 3, column: 'plan_id', value: 'P0001' }], 2, 1],
    ['wrong-field-count', 'visits.csv', [
      { code: 'WRONG_FIELD_COUNT', line: 3, message: 'has 2 fields; the header has 3' },
      { code: 'WRONG_FIELD_COUNT', line: 4, message: 'has 4 fields; the header has 3' },
    ], 3, 1],
  ];

  it.each(cases)('%s', (scenario, file, issues, read, used) => {
    const run = runCli(['validate', '--data', `fixtures/bad-input/${scenario}`, '--format', 'json', ...EXTRACTED]);
    expect(run.code).toBe(read === used ? 0 : 2);
    const quality = JSON.parse(run.stdout).dataQuality.files.find((f: { file: string }) => f.file === file);
    expect(quality).toMatchObject({ rowsRead: read, rowsUsed: used, rowsRejected: read - used });
    expect(quality.issues).toHaveLength(issues.length);
    issues.forEach((issue, i) => expect(quality.issues[i]).toMatchObject(issue));
    expect(run.stderr).toContain(`${read - used} rejected`);
  });

  it('removes invisible characters from IDs and names, so one child is one child', () => {
    // Line 3's child ID ends in a zero-width space and its team holds a NUL: both are cleaned and
    // said (cell issues), the row is used, and C00001 is one child with two assessments in Team A.
    const run = runCli(['report', '--data', 'fixtures/bad-input/invisible-characters', '--period', '2026-10', '--by', 'team', '--format', 'json', ...EXTRACTED]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    const [file] = report.dataQuality.files;
    expect(file).toMatchObject({ rowsRead: 2, rowsUsed: 2, rowsRejected: 0, cellIssues: {} });
    expect(file.issues.map((i: { scope: string; code: string; line: number; column: string }) => [i.scope, i.code, i.line, i.column])).toEqual([
      ['cell', 'INVISIBLE_CHARACTERS', 3, 'child_id'],
      ['cell', 'INVISIBLE_CHARACTERS', 3, 'team'],
    ]);
    const timeliness = report.indicators.find((i: { id: string }) => i.id === 'assessment-timeliness');
    // Issue 10: a group of 2 is under minCohort 5, so no RAG (green before).
    expect(timeliness.groups).toEqual([{ key: 'Team A', numerator: 2, denominator: 2, value: 1, rag: 'none', ragReason: 'n < 5' }]);
  });

  it('never lets a header or value drive the terminal: escape sequences reach stderr as visible text', () => {
    // The third header is an OSC 52 clipboard write and a screen clear; the team starts with a colour code.
    const run = runCli(['report', '--data', 'fixtures/bad-input/escape-sequences', '--period', '2026-10', '--format', 'table', ...EXTRACTED]);
    expect(run.code).toBe(0);
    expect(run.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(run.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(run.stderr).toContain('columns not used: "\\x1b]52');
  });

  it('rejects logically impossible rows: completed before start, end before start, returned before missing', () => {
    const run = runCli(['validate', '--data', 'fixtures/bad-input/end-before-start', '--format', 'json', ...EXTRACTED]);
    expect(run.code).toBe(2);
    const issues = JSON.parse(run.stdout).dataQuality.files.flatMap((f: { file: string; issues: object[] }) => f.issues.map((i) => ({ file: f.file, ...i })));
    expect(issues).toEqual([
      { file: 'assessments.csv', scope: 'row', code: 'END_BEFORE_START', line: 2, column: 'completed_date', value: '2026-10-05', message: 'completed_date "2026-10-05" is before start_date (2026-10-12)' },
      { file: 'plans.csv', scope: 'row', code: 'END_BEFORE_START', line: 2, column: 'end_date', value: '2026-02-01', message: 'end_date "2026-02-01" is before start_date (2026-03-01)' },
      { file: 'missing.csv', scope: 'row', code: 'END_BEFORE_START', line: 2, column: 'returned_at', value: '2026-10-10 09:00', message: 'returned_at "2026-10-10 09:00" is before missing_from (2026-10-10)' },
    ]);
  });

  it('report in default mode computes from the valid rows and summarises the rejects on stderr', () => {
    const run = runCli(['report', '--data', 'fixtures/bad-input/invalid-date', '--period', '2026-10', '--format', 'json', ...EXTRACTED]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('assessments.csv: 3 read, 2 used, 1 rejected');
    expect(run.stderr).toContain('assessments.csv:3 INVALID_DATE start_date "31/02/2026" is not a valid date');
    expect(run.stderr).toContain('assessments.csv:4 INVALID_DATE (value refused, row used) completed_date "2026-10-32" is not a valid date');
    const report = JSON.parse(run.stdout);
    const timeliness = report.indicators.find((i: { id: string }) => i.id === 'assessment-timeliness');
    // Line 2: C00001 started Thu 01/10, completed Tue 20/10 = 13 working days. Line 3 is rejected;
    // line 4's completion date is refused, so A0003 reads as open and is in no completed cohort.
    expect(timeliness).toMatchObject({ numerator: 1, denominator: 1 });
    // One of three rows (33.3 %) lost is past the 1 % default: every assessment indicator says so.
    expect(timeliness.warnings).toContain('1 of 3 assessments.csv rows (33.3 %) were rejected: this figure stands on the rest');
    expect(timeliness.warnings).toContain('1 of 3 assessments.csv completed_date values (33.3 %) were refused and read as not recorded');
  });

  it('--strict fails with exit 2 before any figure', () => {
    const run = runCli(['report', '--data', 'fixtures/bad-input/invalid-date', '--period', '2026-10', '--format', 'json', '--strict', ...EXTRACTED]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('REJECTED_ROWS: --strict: 1 row rejected; no figures produced');
  });

  it('validate exits 0 on clean extracts', () => {
    expect(runCli(['validate', '--data', 'fixtures/formats', ...EXTRACTED]).code).toBe(0);
  });
});

describe('file-level bad input stops the run with exit 2 and says which file and why', () => {
  it.each([
    ['missing-column', 'MISSING_COLUMN: assessments.csv: missing required column start_date; columns found: Child ID, Assessment ID, Completed Date, Team'],
    ['malformed-csv', 'MALFORMED_CSV: visits.csv: line'],
    ['empty-file', 'EMPTY_FILE: visits.csv: the file is empty (no header row)'],
    ['duplicate-column', 'DUPLICATE_COLUMN: visits.csv: column visit_date appears twice in the header (columns 2 and 3)'],
    // 09/15/2026 can only be month-first, so 03/02/2026 two lines up cannot be trusted as 3 February either.
    ['date-order', 'DATE_ORDER: assessments.csv: line 3: start_date "09/15/2026" is a month-first date (month/day/year): set "dateOrder": "mdy"'],
  ])('%s', (scenario, message) => {
    const run = runCli(['report', '--data', `fixtures/bad-input/${scenario}`, '--period', '2026-10', '--format', 'json', ...EXTRACTED]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
  });

  it('when several files fail, the first kind in file order names the error (test/io/parallelReading.test.ts checks the same on worker threads)', () => {
    // assessments.csv is fine; plans.csv lacks plan_type; visits.csv has an unclosed quote.
    for (let run = 0; run < 3; run++) {
      const result = runCli(['report', '--data', 'fixtures/bad-input/errors-in-two-files', '--period', '2026-10', '--format', 'json', ...EXTRACTED]);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain('MISSING_COLUMN: plans.csv: missing required column plan_type; columns found: child_id, plan_id, start_date');
      expect(result.stderr).not.toContain('visits.csv');
    }
  });

  it('an extract given explicitly must exist', () => {
    const run = runCli(['report', '--visits', 'fixtures/nowhere/visits.csv', '--period', '2026-10', ...EXTRACTED]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('UNREADABLE_FILE: fixtures/nowhere/visits.csv: cannot read the file (ENOENT)');
  });
});

describe('usage errors exit 1', () => {
  it.each([
    [['--period', '2026-13'], '--period 2026-13: expected a month like 2026-10, an ISO week like 2026-W43, or last-month, last-week, this-month-to-date'],
    [['--period', '2026-W54'], '--period 2026-W54: 2026 has 53 ISO weeks'],
    [['--from', '2026-10-01'], '--from and --to go together'],
    [['--period', '1999-12'], 'is outside the england-and-wales calendar'],
    [['--period', '2026-10', '--config', 'fixtures/nowhere.json'], '--config fixtures/nowhere.json: cannot read the file (ENOENT)'],
    [['--period', '2026-10', '--calendar', 'scotland'], 'scotland'],
    [['--period', '2026-10', '--format', 'xml'], "option '--format <format>' argument 'xml' is invalid"],
    [['--period', '2026-10', '--indicator', 'visits-cpp'], '--indicator visits-cpp: unknown indicator; valid ids: assessment-timeliness, '],
    [['--period', '2026-10', '--indicator', 'visits-cp', '--fail-under', 'assessment-timeliness=90'], '--fail-under assessment-timeliness=90: assessment-timeliness is not among the indicators --indicator names, so it is not computed'],
  ])('%j', (args, message) => {
    const run = runCli(['report', '--data', 'fixtures/formats', ...args, ...EXTRACTED]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
  });
});

describe('report --indicator: only the indicators named, from only the extracts they read', () => {
  // The demo, October 2026: assessment-timeliness is 22/26 and visits-cp 35/37 in the whole report
  // (README); named in the other order, they come in the catalogue's. They read assessments, plans
  // and visits: the other eleven files are said not to be read, and are not in the data quality.
  const run = runCli(['report', '--data', 'fixtures/demo', '--period', '2026-10', '--format', 'json', '--indicator', 'visits-cp', '--indicator', 'assessment-timeliness', '--extracted-on', '2026-11-20']);
  const report = JSON.parse(run.stdout);

  it('computes those two, with the figures of the whole report', () => {
    expect(run.code).toBe(0);
    expect(report.indicators.map((i: { id: string; numerator: number; denominator: number }) => [i.id, i.numerator, i.denominator])).toEqual([
      ['assessment-timeliness', 22, 26],
      ['visits-cp', 35, 37],
    ]);
  });

  it('reads three files and names the others on stderr', () => {
    expect(report.dataQuality.files.map((f: { file: string }) => f.file)).toEqual(['assessments.csv', 'plans.csv', 'visits.csv']);
    expect(run.stderr).toContain(
      'Not read, as no indicator named by --indicator reads them: missing.csv, supervision.csv, referrals.csv, audits.csv, audit-actions.csv, reviews.csv, enquiries.csv, placements.csv, careleavers.csv, health.csv, contacts.csv',
    );
  });
});
