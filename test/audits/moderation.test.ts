import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { isModerationRun, moderateAudits, type AuditsFile } from '../../src/core/audits/moderation.js';
import type { SampleTable } from '../../src/core/audits/sampleTable.js';
import { readCollectedFile } from '../../src/io/collectedFile.js';
import { moderatedFileText } from '../../src/render/collectedAudits.js';
import { runCli } from '../e2e/runCli.js';
import { tempFolder } from '../tempFolder.js';
import { thrown } from '../thrown.js';

/** A returned sample as read: a header and rows from line 1 on, one line each. */
function table(file: string, ...lines: string[][]): SampleTable {
  return { file, serialDates: false, pseudonymised: false, rows: lines.map((fields, i) => ({ fields, line: i + 1 })) };
}

const HEADER = ['kind', 'record_id', 'child_id', 'grade', 'auditor', 'audit_date', 'moderated_grade', 'notes'];

// An audits file with a moderated_grade column, LF line ends, grades in the spellings people use:
// AU3 RI already moderated good; AU4 RI, not moderated; AU5 outstanding already moderated RI;
// AU6 "4" (inadequate), not moderated; AU8-AU10, not in the sample, with a quoted comma, a quote in an
// unquoted cell (text, as the reader reads it) and a quoted line break; AU11 RI, not moderated.
const WITH_COLUMN =
  'audit_id,child_id,audit_date,grade,moderated_grade,auditor\n' +
  'AU3,C3,2026-10-10,Requires Improvement,good,Auditor Y\n' +
  'AU4,C4,2026-10-15,RI,,Auditor Y\n' +
  'AU5,C5,2026-10-20,outstanding,requires-improvement,Auditor X\n' +
  'AU6,C6,2026-10-31,4,,Auditor Y\n' +
  'AU8,C8,2026-10-31,good,,"Auditor Z, QA"\n' +
  'AU9,C9,2026-10-31,good,,O"Neill\n' +
  'AU10,C10,2026-10-31,good,,"two\nlines ""quoted"""\n' +
  'AU11,C11,2026-10-31,RI,,Auditor Y\n';

const temp = tempFolder('moderation-');
let withColumn: AuditsFile;
beforeAll(async () => {
  withColumn = { file: 'audits.csv', rows: (await readCollectedFile(temp.fileWith(WITH_COLUMN, 'with-column')))!.rows };
});

describe('moderateAudits: the moderated grade of each returned audit', () => {
  // The QA lead's returns: AU3 "Good" (the file's own: nothing to set), AU4 "2" (good: set),
  // AU5 "Good" (the file already says RI: a conflict, not overwritten), AU6 "Excellent" (no grade),
  // and, in a second file, AU4 blank (not moderated) and AU6 again.
  const first = table('qa.csv', HEADER,
    ['audits', 'AU3', 'C3', 'requires improvement', 'Auditor Y', '10/10/2026', 'Good', ''],
    ['audits', 'AU4', 'C4', 'requires improvement', 'Auditor Y', '15/10/2026', '2', ''],
    ['audits', 'AU5', 'C5', 'outstanding', 'Auditor X', '20/10/2026', 'Good', 'file says RI'],
    ['audits', 'AU6', 'C6', 'inadequate', 'Auditor Y', '31/10/2026', 'Excellent', '']);
  const second = table('qa2.csv', HEADER, ['audits', 'AU4', 'C4', 'requires improvement', 'Auditor Y', '15/10/2026', '', '']);

  test('sets good on AU4 alone; says the conflict, the non-grade and the row not moderated with file and line', () => {
    const moderation = moderateAudits([first, second], withColumn);
    expect(moderation.column).toEqual({ index: 4, added: false });
    expect(moderation.moderated.map((m) => [m.auditId, m.row.line, m.grade])).toEqual([['AU4', 3, 'good']]);
    expect([moderation.ungraded, moderation.invalid, moderation.already]).toEqual([1, 2, 1]);
    expect(moderation.issues.map((i) => `${i.file}:${i.line} ${i.code} ${i.column}: ${i.message}`)).toEqual([
      'qa.csv:5 INVALID_CODE moderated_grade: moderated_grade "Excellent" is not a grade (outstanding, good, requires improvement (RI) or inadequate, or 1-4; map other values in the config); audits AU6 is not moderated',
      'qa2.csv:2 UNGRADED moderated_grade: audits AU4 came back not moderated',
      'qa.csv:4 CONFLICT moderated_grade: audits AU5 is already moderated requires improvement in audits.csv line 4; good is not set',
    ]);
  });

  test('the file rewritten: the rows of AU4 and AU11 (line 10, after a cell over two lines) alone change, every other byte as it was', () => {
    const eleventh = table('qa4.csv', HEADER, ['audits', 'AU11', 'C11', 'requires improvement', 'Auditor Y', '31/10/2026', 'Inadequate', '']);
    const moderation = moderateAudits([first, eleventh], withColumn);
    expect(moderation.moderated.map((m) => [m.auditId, m.row.line])).toEqual([['AU4', 3], ['AU11', 10]]);
    expect(moderatedFileText('audits.csv', WITH_COLUMN, withColumn.rows, moderation)).toBe(
      WITH_COLUMN.replace('AU4,C4,2026-10-15,RI,,Auditor Y\n', 'AU4,C4,2026-10-15,RI,good,Auditor Y\n').replace('AU11,C11,2026-10-31,RI,,Auditor Y\n', 'AU11,C11,2026-10-31,RI,inadequate,Auditor Y\n'),
    );
  });

  test('a file whose records cannot be found again at the lines read is not rewritten', () => {
    // Line 3 as read, but the text's second record (quoted over two lines) starts at line 2.
    const rows = [{ fields: ['audit_id'], line: 1 }, { fields: ['AU1'], line: 3 }];
    expect(() => moderatedFileText('odd.csv', 'audit_id\n"AU\n1"\n', rows, { column: { index: 1, added: true }, moderated: [] })).toThrow('odd.csv: the record read at line 3 could not be found again to rewrite the file; nothing was written');
  });

  test('one audit moderated differently on two rows is a conflict: neither grade is set', () => {
    const again = table('qa3.csv', HEADER, ['audits', 'AU4', 'C4', 'requires improvement', 'Auditor Y', '15/10/2026', 'Inadequate', '']);
    const moderation = moderateAudits([first, again], withColumn);
    expect(moderation.moderated).toEqual([]);
    expect(moderation.issues.map((i) => i.message)).toContain('audits AU4 moderated good comes back moderated differently at qa3.csv line 2 (inadequate); none is set');
  });
});

describe('refusals: nothing is set', () => {
  test('a sample naming audits the file lacks (drawn from other audits)', () => {
    const other = table('qa.csv', HEADER, ['audits', 'AU99', 'C9', 'good', 'X', '01/10/2026', 'Good', ''], ['audits', 'AU4', 'C4', 'good', 'X', '01/10/2026', 'Good', '']);
    const error = thrown(() => moderateAudits([other], withColumn));
    expect([error.code, error.message]).toEqual(['UNKNOWN_AUDIT', '--out audits.csv holds no audit AU99 (qa.csv line 2): moderate into the audits file the sample was drawn from; nothing was written']);
  });

  test('a returned moderation sample without a moderated_grade column', () => {
    const bare = table('qa.csv', ['kind', 'record_id', 'child_id'], ['audits', 'AU4', 'C4']);
    expect(thrown(() => moderateAudits([bare], withColumn)).code).toBe('MISSING_COLUMN');
  });

  test('a file mixing audits to moderate with records to audit; a run mixing such files', () => {
    const mixed = table('mixed.csv', HEADER, ['audits', 'AU4', 'C4', '', '', '', 'Good', ''], ['assessments', 'A1', 'C1', 'Good', 'X', '01/11/2026', '', '']);
    const error = thrown(() => isModerationRun([mixed]));
    expect([error.code, error.message]).toEqual(['MIXED_SAMPLE', 'mixed.csv line 2 is an audit to moderate (kind audits), but mixed.csv line 3 is a record to audit (kind assessments); collect moderation samples in a run of their own; nothing was written']);
    const records = table('records.csv', HEADER, ['plans', 'P1', 'C1', 'Good', 'X', '01/11/2026', '', '']);
    const audits = table('audits.csv', HEADER, ['audits', 'AU4', 'C4', '', '', '', 'Good', '']);
    expect(thrown(() => isModerationRun([records, audits])).code).toBe('MIXED_SAMPLE');
    expect([isModerationRun([audits]), isModerationRun([records])]).toEqual([true, false]);
  });
});

describe('audits collect --out on a file of collected audits (built CLI)', () => {
  // As audits collect writes it: BOM, CRLF, no moderated_grade column.
  const COLLECTED =
    '\uFEFFaudit_id,child_id,audit_date,grade,auditor,audit_type,team,worker,record_kind,record_id\r\n' +
    'assessments:A1@2026-11-03,C1,2026-11-03,good,Auditor X,dip sample,Team A,W1,assessments,A1\r\n' +
    'assessments:A2@2026-11-04,C2,2026-11-04,requires improvement,Auditor Y,dip sample,Team B,W2,assessments,A2\r\n';
  const RETURNED = 'kind,record_id,child_id,team,worker,grade,auditor,audit_date,indicator,outcome,detail,moderated_grade,notes\r\n' +
    'audits,assessments:A2@2026-11-04,C2,Team B,W2,requires improvement,Auditor Y,04/11/2026,,,,Good,\r\n';

  test('adds the moderated_grade column: the header gains it, A2\'s row its grade, A1\'s an empty cell; new audits then append with it empty', () => {
    const out = temp.fileWith(COLLECTED, 'audits');
    const run = runCli(['audits', 'collect', temp.fileWith(RETURNED, 'qa'), '--out', out]);
    expect([run.code, run.stdout, run.stderr]).toEqual([0, '', 'moderated 1 audit from 1 file; 0 not moderated, 0 invalid, 0 already moderated\n']);
    const moderated =
      '\uFEFFaudit_id,child_id,audit_date,grade,auditor,audit_type,team,worker,record_kind,record_id,moderated_grade\r\n' +
      'assessments:A1@2026-11-03,C1,2026-11-03,good,Auditor X,dip sample,Team A,W1,assessments,A1,\r\n' +
      'assessments:A2@2026-11-04,C2,2026-11-04,requires improvement,Auditor Y,dip sample,Team B,W2,assessments,A2,good\r\n';
    expect(readFileSync(out, 'utf8')).toBe(moderated);
    const again = runCli(['audits', 'collect', temp.fileWith(RETURNED, 'qa'), '--out', out]);
    expect(again.stderr).toBe('moderated 0 audits from 1 file; 0 not moderated, 0 invalid, 1 already moderated\n');
    // November's ordinary sample: plan P1 graded Good on 05/11.
    const graded = temp.fileWith('kind,record_id,child_id,team,worker,auditor,audit_date,grade,notes\r\nplans,P1,C3,,,Auditor X,05/11/2026,Good,\r\n', 'graded');
    const appended = runCli(['audits', 'collect', graded, '--out', out, '--extracted-on', '2026-11-20']);
    expect([appended.code, appended.stderr]).toEqual([0, 'collected 1 audit from 1 file; 0 ungraded, 0 invalid, 0 already collected\n']);
    expect(readFileSync(out, 'utf8')).toBe(`${moderated}plans:P1@2026-11-05,C3,2026-11-05,good,Auditor X,dip sample,,,plans,P1,\r\n`);
  });

  test('no --out: exit 1; no --out file, or one without the sampled audits: exit 2, nothing written', () => {
    const bare = runCli(['audits', 'collect', temp.fileWith(RETURNED, 'qa')]);
    expect([bare.code, bare.stdout, bare.stderr]).toEqual([1, '', 'csc-metrics: a moderation sample (rows of kind audits) sets moderated grades in the audits file it was drawn from: give that file as --out\n']);
    const missing = join(temp.dir, 'none.csv');
    const run = runCli(['audits', 'collect', temp.fileWith(RETURNED, 'qa'), '--out', missing]);
    expect([run.code, run.stderr]).toEqual([2, `csc-metrics: UNKNOWN_AUDIT: --out ${missing}: no such file, so it holds none of the audits to moderate; give the audits file the sample was drawn from; nothing was written\n`]);
    expect(existsSync(missing)).toBe(false);
    const other = temp.fileWith(COLLECTED.replace(/A2/g, 'A9'), 'other');
    const refused = runCli(['audits', 'collect', temp.fileWith(RETURNED, 'qa'), '--out', other]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('UNKNOWN_AUDIT');
    expect(readFileSync(other, 'utf8')).toBe(COLLECTED.replace(/A2/g, 'A9'));
  });
});
