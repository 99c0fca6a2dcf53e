import { mkdirSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from './runCli.js';

// Issue 7: the paths by which an extract used to give a wrong figure without a word.
// Each test below would have failed on the code before the fix. Every run pins the
// extract date so nothing depends on the day the tests run.
//
// Calendar used in the hand-working (england-and-wales): October 2026 has no bank
// holiday (Thu 1, Fri 2, then four full weeks to Fri 30; Sat 31); Mon 31 August 2026
// is the summer bank holiday; in November 2026 Mon 2, 9, 16, 23, 30 and Fri 20.

const EXTRACTED = ['--extracted-on', '2026-11-20'];
const OCTOBER = ['--period', '2026-10', ...EXTRACTED];
const SILENT = 'fixtures/silent';

const scratch = mkdtempSync(join(tmpdir(), 'csc-silent-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Indicator {
  id: string;
  numerator?: number;
  denominator?: number;
  count?: number;
  groups?: unknown[];
  exceptions: { childId: string; recordId: string; detail: string }[];
  warnings: string[];
}

/** A report run's JSON (fails the test with stderr when stdout is not JSON). */
function json(run: CliRun) {
  try {
    return JSON.parse(run.stdout);
  } catch {
    throw new Error(`expected JSON on stdout (exit ${run.code}); stderr:\n${run.stderr}`);
  }
}

function indicator(report: { indicators: Indicator[] }, id: string): Indicator {
  const found = report.indicators.find((i) => i.id === id);
  if (!found) throw new Error(`${id} not computed`);
  return found;
}

function report(data: string, ...args: string[]): CliRun {
  return runCli(['report', '--data', data, '--format', 'json', ...OCTOBER, ...args]);
}

describe('1. a built-in alias header ("Assessment Completed Date") is read as completed_date', () => {
  // fixtures/silent/alias-completed/assessments.csv, October 2026, as at Sat 31/10:
  //  A0001 referral Wed 01/07, completed Mon 05/10: July 22 + August 20 (less 31/08) + September 22
  //        + 1, 2, 5 October = 67 working days: in the cohort, not met.
  //  A0002 started Thu 01/10, completed Tue 20/10: 13 working days, met.
  //  A0003 completed Fri 31/07: before the period, and not open on 31/10.
  //  A0004 open since Wed 01/07: 22 + 20 + 22 + 22 = 86 working days at 31/10: overdue.
  //  A0005 open since Mon 12/10: 14 working days: not overdue.
  // Read without the alias, completed_date would be absent: timeliness 0 / 0 and every row
  // open, so A0001 and A0003 would have been counted as open and overdue too (3, not 1).
  const run = report(`${SILENT}/alias-completed`);

  it('reads the completions: timeliness 1 / 2, with A0001 the exception', () => {
    expect(run.code).toBe(0);
    const result = json(run);
    expect(indicator(result, 'assessment-timeliness')).toMatchObject({ numerator: 1, denominator: 2 });
    expect(indicator(result, 'assessment-timeliness').exceptions).toEqual([
      { childId: 'C00001', recordId: 'A0001', team: 'Team A', worker: 'Worker 01', detail: 'completed after 67 working days' },
    ]);
  });

  it('counts only the truly open assessments as open and overdue', () => {
    const result = json(run);
    expect(indicator(result, 'assessment-open-overdue')).toMatchObject({ count: 1 });
    expect(indicator(result, 'assessment-open-overdue').exceptions).toEqual([
      { childId: 'C00004', recordId: 'A0004', team: 'Team B', worker: 'Worker 03', detail: 'open 86 working days (clock started 01/07/2026)' },
    ]);
  });

  it('records which header each column was read from', () => {
    const result = json(run);
    expect(result.dataQuality.files[0].mapping).toContainEqual({ column: 'completed_date', header: 'Assessment Completed Date' });
    expect(result.dataQuality.files[0].unusedColumns).toEqual([]);
  });
});

describe('12. validate --format table prints the mapping applied', () => {
  it('lists their header → our column for each file, and the headers not used', () => {
    // fixtures/silent/validate-mapping: a header of built-in aliases only, and a Notes column.
    const run = runCli(['validate', '--data', `${SILENT}/validate-mapping`, '--format', 'table', ...EXTRACTED]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'Mapping applied in assessments.csv (their header → our column):\n'
        + '  Person ID → child_id\n'
        + '  Workflow ID → assessment_id\n'
        + '  Assessment Start Date → start_date\n'
        + '  Date Authorised → completed_date\n'
        + '  Allocated Team → team\n'
        + 'assessments.csv: columns not used: "Notes"\n',
    );
  });
});

describe('2. a misspelt header matches nothing: its indicator is not computed, never 0 %', () => {
  // fixtures/silent/misspelt-header: "Childs Voice Recrded" holds Y on both rows. Read as an
  // absent column it used to give assessment-voice-recorded 0 / 2 = 0 %.
  const run = report(`${SILENT}/misspelt-header`);

  it('lists assessment-voice-recorded in notComputed with the missing column', () => {
    expect(run.code).toBe(0);
    const result = json(run);
    expect(result.notComputed).toContainEqual({ id: 'assessment-voice-recorded', reason: 'assessments.csv has no child_voice_recorded column' });
    expect(result.indicators.map((i: Indicator) => i.id)).not.toContain('assessment-voice-recorded');
    // The columns that are there still count: A0001 seen Y, A0002 seen N.
    expect(indicator(result, 'assessment-child-seen')).toMatchObject({ numerator: 1, denominator: 2 });
  });

  it('names the unused header and the column it looks like, in JSON and on stderr', () => {
    const result = json(run);
    expect(result.dataQuality.files[0].unusedColumns).toEqual([{ header: 'Childs Voice Recrded', suggestion: 'child_voice_recorded' }]);
    expect(run.stderr).toContain('assessments.csv: columns not used: "Childs Voice Recrded" (did you mean child_voice_recorded?)');
  });
});

describe('3. extract files are found whatever their case; a folder with none is an error', () => {
  it('reads Assessments.csv (capital A)', () => {
    // A0001: Thu 01/10 to Tue 20/10 = 13 working days, met.
    const run = report(`${SILENT}/capital-name`);
    expect(run.code).toBe(0);
    const result = json(run);
    expect(result.dataQuality.files).toMatchObject([{ kind: 'assessments', file: 'Assessments.csv', rowsRead: 1, rowsUsed: 1 }]);
    expect(indicator(result, 'assessment-timeliness')).toMatchObject({ numerator: 1, denominator: 1 });
    expect(result.notComputed).not.toContainEqual(expect.objectContaining({ id: 'assessment-timeliness' }));
  });

  it('a folder with no recognised file exits 2 with NO_EXTRACTS listing its files, even with --strict --fail-on red', () => {
    // Before, every indicator was "not computed", --strict found no rejected row and --fail-on no red: exit 0.
    const run = runCli(['report', '--data', `${SILENT}/no-extracts`, '--format', 'json', '--strict', '--fail-on', 'red', ...OCTOBER]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`NO_EXTRACTS: ${SILENT}/no-extracts: no extract recognised`);
    expect(run.stderr).toContain('the folder holds: foo.csv, notes.txt');
  });
});

describe('4. a clock date outside the calendar rejects the row, naming file, line and child', () => {
  // fixtures/silent/outside-calendar/assessments.csv:
  //  line 2 A0001 Thu 01/10 to Tue 20/10: 13 working days, met.
  //  line 3 A0002 referral 02/03/1998, before the 2000-2035 calendar: rejected.
  //  line 4 A0003 Mon 03/08 to Fri 16/10: August 19 + September 22 + October 12 = 53 working days, not met.
  const issue = {
    scope: 'row',
    code: 'OUTSIDE_CALENDAR',
    line: 3,
    column: 'referral_date',
    value: '02/03/1998',
    message: 'referral_date "02/03/1998" is outside the england-and-wales calendar (2000-01-01 to 2035-12-31), so working days cannot be counted for child C00002; an authority holiday list that covers it is needed',
  };

  it('validate exits 2 and reports the row', () => {
    const run = runCli(['validate', '--data', `${SILENT}/outside-calendar`, '--format', 'json', ...EXTRACTED]);
    expect(run.code).toBe(2);
    expect(json(run).dataQuality.files[0]).toMatchObject({ file: 'assessments.csv', rowsRead: 3, rowsUsed: 2, rowsRejected: 1, issues: [issue] });
  });

  it('report exits 0 on the other rows and says which row it left out', () => {
    const run = report(`${SILENT}/outside-calendar`);
    expect(run.code).toBe(0);
    const result = json(run);
    expect(indicator(result, 'assessment-timeliness')).toMatchObject({ numerator: 1, denominator: 2 });
    expect(indicator(result, 'assessment-timeliness').exceptions.map((e) => e.recordId)).toEqual(['A0003']);
    expect(run.stderr).toContain('assessments.csv:3 OUTSIDE_CALENDAR referral_date "02/03/1998" is outside the england-and-wales calendar');
    expect(run.stderr).toContain('for child C00002');
  });
});

describe('5. the as-at date is capped at the extract date', () => {
  // fixtures/silent/as-at-extract: three open CP plans (visits every 10 working days).
  //  C00001 last visit Mon 09/11: due Mon 23/11.
  //  C00002 last visit Mon 02/11: due Mon 16/11.
  //  C00003 plan from Thu 12/11, no visit: due Thu 26/11.
  // Extracts taken Fri 20/11: as at 20/11 only C00002 is overdue (4 days): 2 / 3.
  // As at 30/11 (the period's end, the old default) all three look overdue: 0 / 3,
  // though visits made between 21/11 and 30/11 are simply not in the data.
  const november = (...args: string[]) =>
    runCli(['report', '--data', `${SILENT}/as-at-extract`, '--format', 'json', '--period', '2026-11', ...EXTRACTED, ...args]);

  it('a period still running when the extracts were taken is as at the extract date', () => {
    const run = november();
    expect(run.code).toBe(0);
    const result = json(run);
    expect(result.period).toEqual({ from: '2026-11-01', to: '2026-11-30', asAt: '2026-11-20', asAtIsExtractDate: true });
    expect(indicator(result, 'visits-cp')).toMatchObject({ numerator: 2, denominator: 3 });
    expect(indicator(result, 'visits-cp').exceptions).toEqual([
      { childId: 'C00002', recordId: 'P0002', team: 'Team A', worker: 'Worker 02', detail: 'last visit 02/11/2026; due 16/11/2026, 4 days overdue' },
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('--as-at after the extract date is allowed with a warning naming the extract date', () => {
    const run = november('--as-at', '2026-11-30');
    expect(run.code).toBe(0);
    const result = json(run);
    expect(result.period).toEqual({ from: '2026-11-01', to: '2026-11-30', asAt: '2026-11-30' });
    expect(indicator(result, 'visits-cp')).toMatchObject({ numerator: 0, denominator: 3 });
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toContain('the as-at date 2026-11-30 is after the extract date 2026-11-20');
    expect(run.stderr).toContain('warning: the as-at date 2026-11-30 is after the extract date 2026-11-20');
  });

  it('a period that starts after the extract date is a usage error', () => {
    const run = november('--period', '2026-12');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('the period 2026-12 starts after the extracts were taken (2026-11-20)');
  });
});

describe('6. a Windows-1252 file and a semicolon-separated file give the same, right figures', () => {
  // The same three assessments, October 2026:
  //  A0001 Équipe Nord, Thu 01/10 to Tue 20/10 = 13 working days, seen Y.
  //  A0002 Team A, Mon 05/10 to Fri 30/10 = 19 working days, seen N.
  //  A0003 Équipe Nord, Tue 06/10 to Thu 29/10 = 17 working days, seen N.
  //  timeliness 3 / 3; child seen 1 / 3: Team A 0 / 1, Équipe Nord 1 / 2.
  // Written here in Windows-1252 with commas (É = 0xC9, ’ = 0x92): these bytes used to read as
  // "\uFFFDquipe Nord", a team of its own. fixtures/silent/semicolon/assessments.csv holds the
  // same rows in UTF-8 with semicolons: it used to lack every required column.
  const text = 'child_id,assessment_id,start_date,completed_date,team,worker,child_seen\n'
    + 'C00001,A0001,2026-10-01,2026-10-20,Équipe Nord,Worker O’Neil,Y\n'
    + 'C00002,A0002,2026-10-05,2026-10-30,Team A,Worker 02,N\n'
    + 'C00003,A0003,2026-10-06,2026-10-29,Équipe Nord,Worker O’Neil,N\n';
  const bytes = Buffer.from([...text].map((c) => (c === 'É' ? 0xc9 : c === '’' ? 0x92 : c.charCodeAt(0))));
  const ansiDir = join(scratch, 'windows-1252');
  mkdirSync(ansiDir);
  writeFileSync(join(ansiDir, 'assessments.csv'), bytes);

  const ansi = report(ansiDir, '--by', 'team');
  const semicolon = report(`${SILENT}/semicolon`, '--by', 'team');

  it('the Windows-1252 file reads the team correctly and says how it was read', () => {
    expect(bytes.includes(0xc9) && bytes.includes(0x92)).toBe(true);
    expect(ansi.code).toBe(0);
    const result = json(ansi);
    expect(indicator(result, 'assessment-timeliness')).toMatchObject({ numerator: 3, denominator: 3 });
    // Groups of 1 and 2 are below the minimum cohort of 5: no RAG, with the reason.
    expect(indicator(result, 'assessment-child-seen').groups).toEqual([
      { key: 'Team A', numerator: 0, denominator: 1, value: 0, rag: 'none', ragReason: 'n < 5' },
      { key: 'Équipe Nord', numerator: 1, denominator: 2, value: 0.5, rag: 'none', ragReason: 'n < 5' },
    ]);
    expect(indicator(result, 'assessment-child-seen').exceptions).toContainEqual(
      { childId: 'C00003', recordId: 'A0003', team: 'Équipe Nord', worker: 'Worker O’Neil', detail: 'child seen: no' },
    );
    expect(result.dataQuality.files[0]).toMatchObject({ encoding: 'windows-1252', rowsRead: 3, rowsUsed: 3, rowsRejected: 0 });
    expect(result.dataQuality.files[0].notes).toContain('read as Windows-1252: the file is not valid UTF-8');
  });

  it('the semicolon-separated file reads the same figures as the comma one', () => {
    expect(semicolon.code).toBe(0);
    const result = json(semicolon);
    expect(result.indicators).toEqual(json(ansi).indicators);
    expect(result.dataQuality.files[0]).toMatchObject({ encoding: 'utf-8', rowsRead: 3, rowsUsed: 3, rowsRejected: 0 });
    expect(result.dataQuality.files[0].notes).toContain('semicolon-separated');
  });
});

describe('7. month-first dates stop the file unless the config says dateOrder mdy', () => {
  // fixtures/silent/us-dates/assessments.csv is month-first throughout. Line 2 (10/01 to 10/09)
  // also reads day-first (10 January to 10 September), silently wrong; line 3's 09/28/2026
  // can only be month-first, so the whole column is suspect.
  it('is a file-level DATE_ORDER error naming the line and dateOrder (exit 2)', () => {
    const run = report(`${SILENT}/us-dates`);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('DATE_ORDER: assessments.csv: line 3: start_date "09/28/2026" is a month-first date (month/day/year): set "dateOrder": "mdy"');
  });

  it('with {"extracts":{"assessments":{"dateOrder":"mdy"}}} reads correctly', () => {
    // Month-first: A0001 Thu 01/10 to Fri 09/10 = 6 working days, met; A0002 Mon 28/09 to Fri 30/10
    // = 24, met; A0003 Mon 03/08 to Fri 16/10 = 53, not met. Timeliness 2 / 3.
    const run = report(`${SILENT}/us-dates`, '--config', `${SILENT}/us-dates/mdy.config.json`);
    expect(run.code).toBe(0);
    const result = json(run);
    expect(indicator(result, 'assessment-timeliness')).toMatchObject({ numerator: 2, denominator: 3 });
    expect(indicator(result, 'assessment-timeliness').exceptions).toMatchObject([{ recordId: 'A0003', detail: 'completed after 53 working days' }]);
    expect(result.dataQuality.files[0]).toMatchObject({ rowsRead: 3, rowsUsed: 3, rowsRejected: 0, issues: [] });
  });
});

describe('8. a flag value that is no flag refuses the cell, not the row', () => {
  // fixtures/silent/unknown-flag: A0001 (Thu 01/10 to Tue 20/10, 13 working days) seen alone Y;
  // A0002 (Mon 05/10 to Fri 30/10, 19 working days) seen alone "Unknown". The row used to be
  // rejected, taking A0002 out of timeliness (1 / 1) as well.
  it('keeps the row, reports a cell issue and says so in the exception', () => {
    const run = report(`${SILENT}/unknown-flag`);
    expect(run.code).toBe(0);
    const result = json(run);
    expect(indicator(result, 'assessment-timeliness')).toMatchObject({ numerator: 2, denominator: 2 });
    expect(indicator(result, 'assessment-seen-alone')).toMatchObject({ numerator: 1, denominator: 2 });
    expect(indicator(result, 'assessment-seen-alone').exceptions).toEqual([
      { childId: 'C00002', recordId: 'A0002', team: 'Team A', worker: 'Worker 02', detail: 'child seen alone: not recorded (child_seen_alone "Unknown" refused, read as not recorded)' },
    ]);
    expect(result.dataQuality.files[0]).toMatchObject({ rowsRead: 2, rowsUsed: 2, rowsRejected: 0, cellIssues: { child_seen_alone: 1 } });
    expect(result.dataQuality.files[0].issues).toMatchObject([{ scope: 'cell', code: 'INVALID_FLAG', line: 3, column: 'child_seen_alone', value: 'Unknown' }]);
  });

  it('with a config value map {"Unknown": null} there is no issue', () => {
    const run = report(`${SILENT}/unknown-flag`, '--config', `${SILENT}/unknown-flag/unknown-is-blank.config.json`);
    expect(run.code).toBe(0);
    const result = json(run);
    expect(result.dataQuality.files[0]).toMatchObject({ rowsRejected: 0, cellIssues: {}, issues: [] });
    expect(indicator(result, 'assessment-seen-alone')).toMatchObject({ numerator: 1, denominator: 2, warnings: [] });
    expect(indicator(result, 'assessment-seen-alone').exceptions).toMatchObject([{ recordId: 'A0002', detail: 'child seen alone: not recorded' }]);
  });
});

describe('9. config mistakes are usage errors naming the key', () => {
  it('a rate target written as a fraction (0.95) exits 1 asking for a percentage', () => {
    // Before, 0.95 was read as 0.95 %: every timeliness figure was green.
    const run = report(`${SILENT}/alias-completed`, '--config', `${SILENT}/config-errors/fraction-target.json`);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('targets.assessment-timeliness: targets are percentages: did you mean 95?');
  });

  it('an unknown column in extracts.assessments.columns exits 1 naming the key path', () => {
    const run = report(`${SILENT}/alias-completed`, '--config', `${SILENT}/config-errors/unknown-column.json`);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('extracts.assessments.columns.completion_date: assessments has no column completion_date');
  });
});

describe('10. a file that loses more than 1 % of its rows marks every indicator that reads it', () => {
  // fixtures/silent/supervision-rejects, as at 31/10/2026: supervision.csv line 4 (kind "XYZ") is
  // rejected: 1 of 4 rows, 25 %.
  //  C00001 (CIN from 01/06): supervision 01/10, due 12/11, met; oversight 01/09, due 13/10, overdue.
  //  C00002 (CP from 01/09): no supervision left, due 13/10, overdue; oversight 15/10, due 26/11, met.
  // supervision-6-weeks 1 / 2, oversight-6-weeks 1 / 2; the assessment figures read no supervision.
  const warning = '1 of 4 supervision.csv rows (25 %) were rejected: this figure stands on the rest';
  const run = (format: string) => runCli(['report', '--data', `${SILENT}/supervision-rejects`, '--format', format, ...OCTOBER]);

  const jsonRun = run('json');

  it('JSON: warnings on the supervision indicators only', () => {
    expect(jsonRun.code).toBe(0);
    const result = json(jsonRun);
    expect(indicator(result, 'supervision-6-weeks')).toMatchObject({ numerator: 1, denominator: 2, warnings: [warning] });
    expect(indicator(result, 'oversight-6-weeks')).toMatchObject({ numerator: 1, denominator: 2, warnings: [warning] });
    expect(indicator(result, 'assessment-timeliness').warnings).toEqual([]);
  });

  it('an extract of plans still open in the period is not called stale', () => {
    // Both plans started before October and are open (no end date) on 31/10: they are the
    // cohort of the period, not an old extract. A warning here would teach readers to skip warnings.
    expect(json(jsonRun).warnings).toEqual([]);
  });

  it('table and markdown carry the warnings too', () => {
    const table = run('table');
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('Open cases with supervision in the last 6 weeks (see warning)');
    expect(table.stdout).toContain(`warning: supervision-6-weeks: ${warning}`);
    expect(table.stdout).toContain(`warning: oversight-6-weeks: ${warning}`);
    expect(table.stdout).not.toContain('warning: assessment-timeliness');
    const markdown = run('markdown');
    expect(markdown.code).toBe(0);
    expect(markdown.stdout).toContain('**Warnings**');
    // Markdown escapes the parentheses of data text like every character with meaning.
    const escaped = warning.replace(/[()]/g, '\\$&');
    expect(markdown.stdout).toContain(`- supervision-6-weeks: ${escaped}`);
    expect(markdown.stdout).toContain(`- oversight-6-weeks: ${escaped}`);
  });
});

describe('11. init guesses a config from local headers and codes', () => {
  // fixtures/silent/init-local holds "CP and LAC plans.csv" and "Case Notes.csv": no file name,
  // header or code is ours. Without a config the folder is NO_EXTRACTS.
  const init = runCli(['init', '--data', `${SILENT}/init-local`, '--stdout']);
  const config = () => json(init);

  it('guesses the kind, the columns and the value maps', () => {
    expect(init.code).toBe(0);
    expect(config().extracts.plans).toEqual({
      file: 'CP and LAC plans.csv',
      columns: { start_date: 'Plan Start Dt' },
      values: { plan_type: { 'Child Protection': 'CP', 'Child in Need': 'CIN', LAC: 'CLA' } },
    });
    expect(init.stderr).toContain('CP and LAC plans.csv → plans: Person ID → child_id, Plan Reference → plan_id, Type of Plan → plan_type, Plan Start Dt → start_date');
    expect(init.stderr).toContain('Case Notes.csv → supervision: Person ID → child_id, Case Note Date → recorded_date, Case Note Type → kind');
  });

  it('guesses no column from a data value ("Supervision" in Case Note Type is no header)', () => {
    // The header is placed wholly by built-in aliases; the guess must not add columns.
    expect(config().extracts.supervision).toEqual({
      file: 'Case Notes.csv',
      values: { kind: { 'Management Oversight': 'oversight' } },
    });
  });

  it('report with that config gives the hand-worked figures', () => {
    // As at 31/10/2026; P0004 (C00004) ended 30/09, so three children are open:
    //  C00001 Child Protection from 01/06: supervision 05/10, due 16/11, met; oversight 10/09, due 22/10, overdue.
    //  C00002 LAC from 01/09: supervision 15/09, due 27/10, overdue; oversight 20/10, due 01/12, met.
    //  C00003 Child in Need from 01/10: no record, due 12/11 for both, met.
    // supervision-6-weeks 2 / 3, oversight-6-weeks 2 / 3. Unmapped, every plan and the
    // "Management Oversight" rows would be rejected as INVALID_CODE.
    const path = join(scratch, 'init.config.json');
    writeFileSync(path, init.stdout);
    const run = runCli(['report', '--data', `${SILENT}/init-local`, '--config', path, '--format', 'json', ...OCTOBER]);
    expect(run.code).toBe(0);
    const result = json(run);
    expect(indicator(result, 'supervision-6-weeks')).toMatchObject({ numerator: 2, denominator: 3 });
    expect(indicator(result, 'supervision-6-weeks').exceptions).toMatchObject([{ childId: 'C00002', detail: 'last supervision 15/09/2026; due 27/10/2026, 4 days overdue' }]);
    expect(indicator(result, 'oversight-6-weeks')).toMatchObject({ numerator: 2, denominator: 3 });
    expect(indicator(result, 'oversight-6-weeks').exceptions).toMatchObject([{ childId: 'C00001', detail: 'last oversight 10/09/2026; due 22/10/2026, 9 days overdue' }]);
    expect(result.dataQuality.files).toMatchObject([
      { kind: 'plans', file: 'CP and LAC plans.csv', rowsRead: 4, rowsUsed: 4, rowsRejected: 0 },
      { kind: 'supervision', file: 'Case Notes.csv', rowsRead: 5, rowsUsed: 5, rowsRejected: 0 },
    ]);
  });
});
