import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { collectAudits, collectedColumns, notYetCollected, sameHeader, type CollectOptions } from '../../src/core/audits/collect.js';
import type { Dataset } from '../../src/core/dataset.js';
import { dayNumber, formatIso } from '../../src/core/dates/localDate.js';
import { DEFAULT_SETTINGS, type AuditTheme } from '../../src/core/settings.js';
import { readCollectedFile } from '../../src/io/collectedFile.js';
import { readSampleFile, readSampleFiles } from '../../src/io/readSampleFiles.js';
import { collectedAuditLines } from '../../src/render/collectedAudits.js';
import { renderSampleCsv } from '../../src/render/sample.js';
import { renderSampleXlsx } from '../../src/render/sampleXlsx.js';
import { readWorkbook, sheetOf } from '../render/readWorkbook.js';
import { draw, loadScenario } from '../sample/helpers.js';
import { tempFolder } from '../tempFolder.js';
import { thrown } from '../thrown.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/audits-collect/', import.meta.url));
const fixture = (name: string) => join(FIXTURES, name);

const VOICE: AuditTheme = { name: 'voice-of-child', column: 'voice_evident', title: "Child's voice evident" };
const OPTIONS: CollectOptions = { themes: [VOICE], extractedOn: dayNumber(2026, 11, 20), auditType: 'dip sample' };

describe('collectAudits: returned CSV samples', () => {
  test('each graded row is one audit, grades in their canonical words, the theme as a flag; the rest is said with file and line', async () => {
    const tables = await readSampleFiles([fixture('team-a.csv'), fixture('team-b.csv')]);
    const collection = collectAudits(tables, OPTIONS);
    // team-a.csv (grade first, columns reordered): A1001 "Requires Improvement", A1002 "RI", A1003 "2" = good,
    // A1004 ungraded, A1005 "Excellent". team-b.csv: A1003 again on 05/11 as Inadequate (a conflict, so
    // neither A1003 row is collected) and plan P2001, outstanding, no team, dated in ISO form.
    expect(collectedAuditLines(collection.audits)).toEqual([
      'assessments:A1001@2026-11-03,C00012,2026-11-03,requires improvement,K Patel,dip sample,Team A,J Smith,assessments,A1001,Y\r\n',
      'assessments:A1002@2026-11-04,C00013,2026-11-04,requires improvement,K Patel,dip sample,Team A,J Smith,assessments,A1002,N\r\n',
      'plans:P2001@2026-11-09,C00020,2026-11-09,outstanding,L Brown,dip sample,,S Khan,plans,P2001,Y\r\n',
    ]);
    expect(collection.ungraded).toBe(1);
    // A1005's grade, and both rows of the A1003 conflict.
    expect(collection.invalid).toBe(3);
    expect(collection.issues.map((i) => `${i.file.slice(FIXTURES.length)}:${i.line} ${i.code}: ${i.message}`)).toEqual([
      'team-a.csv:1 IGNORED_COLUMNS: column reviewer_initials ignored: neither a sample column nor a declared audit theme',
      'team-a.csv:4 INVALID_FLAG: voice_evident "maybe" is not a flag (expected Y/N, Yes/No, true/false or 1/0; map other values in the config); left blank on the audit of assessments A1003',
      'team-a.csv:5 UNGRADED: assessments A1004 came back ungraded',
      'team-a.csv:6 INVALID_CODE: grade "Excellent" is not a grade (outstanding, good, requires improvement (RI) or inadequate, or 1-4; map other values in the config); assessments A1005 is not collected',
      `team-a.csv:4 CONFLICT: assessments A1003 audited on 2026-11-05 (good) comes back with different values at ${fixture('team-b.csv')} line 2 (inadequate); none is collected`,
    ]);
  });

  test('the same audit returned twice with the same values is one audit, not a conflict', async () => {
    const table = await readSampleFile(fixture('team-b.csv'));
    const collection = collectAudits([table, { ...table, file: 'copy.csv' }], OPTIONS);
    expect(collection.audits.map((a) => a.auditId)).toEqual(['assessments:A1003@2026-11-05', 'plans:P2001@2026-11-09']);
    expect(collection.invalid).toBe(0);
  });

  test('a declared theme the file lacks is said, and left blank; without themes declared the column is ignored', async () => {
    const tables = await readSampleFiles([fixture('team-b.csv')]);
    const other: AuditTheme = { name: 'plan-smart', column: 'plan_smart', title: 'Plan SMART' };
    const collection = collectAudits(tables, { ...OPTIONS, themes: [VOICE, other] });
    expect(collection.issues.map((i) => `${i.code}: ${i.message}`)).toEqual(['MISSING_THEME: no plan_smart column: the audit theme plan-smart is left blank on this file\'s audits']);
    expect(collection.audits.map((a) => a.themes)).toEqual([[false, undefined], [true, undefined]]);
    const plain = collectAudits(tables, { ...OPTIONS, themes: [] });
    expect(plain.issues.map((i) => i.message)).toEqual(['column voice_evident ignored: neither a sample column nor a declared audit theme']);
  });

  test('an audit dated after the extract date, or with no date, is not collected', async () => {
    const tables = await readSampleFiles([fixture('team-b.csv')]);
    // P2001 is dated 09/11/2026: after an extract taken on 08/11.
    const collection = collectAudits(tables, { ...OPTIONS, extractedOn: dayNumber(2026, 11, 8) });
    expect(collection.audits.map((a) => a.auditId)).toEqual(['assessments:A1003@2026-11-05']);
    expect(collection.issues.map((i) => `${i.line} ${i.code}: ${i.message}`)).toEqual(['3 FUTURE_DATE: audit_date "2026-11-09" is after the extract date 2026-11-08; plans P2001 is not collected']);
    const blank = { file: 'blank.csv', serialDates: false, pseudonymised: false, rows: [{ fields: ['kind', 'record_id', 'child_id', 'grade', 'audit_date'], line: 1 }, { fields: ['visits', 'V1', 'C00012', 'good', ''], line: 2 }] };
    expect(collectAudits([blank], { ...OPTIONS, themes: [] }).issues.map((i) => i.message)).toEqual(['audit_date is blank: a graded audit needs the day it was done; visits V1 is not collected']);
  });
});

describe('collectAudits: files that cannot be matched to a sample are refused', () => {
  test('a header without record_id refuses the run, whatever the other files hold', async () => {
    const tables = await readSampleFiles([fixture('team-b.csv'), fixture('no-record-id.csv')]);
    const error = thrown(() => collectAudits(tables, OPTIONS));
    expect(error.code).toBe('MISSING_COLUMN');
    expect(error.message).toBe(`${fixture('no-record-id.csv')}: the header has no record_id column, so its rows cannot be matched to sampled records; the file is not a sample as csc-metrics sample writes it`);
  });

  test('a row with a blank record id, or of a kind no sample is drawn from, refuses the file', () => {
    const table = (row: string[]) => ({ file: 'r.csv', serialDates: false, pseudonymised: false, rows: [{ fields: ['kind', 'record_id', 'child_id', 'grade', 'audit_date'], line: 1 }, { fields: row, line: 2 }] });
    expect(thrown(() => collectAudits([table(['visits', '', 'C00012', 'good', '03/11/2026'])], OPTIONS)).message).toBe(
      'r.csv line 2: record_id is blank, so the row cannot be matched to a sampled record; correct the file and collect it again',
    );
    expect(thrown(() => collectAudits([table(['referrals', 'R1', 'C00012', 'good', '03/11/2026'])], OPTIONS)).message).toBe(
      'r.csv line 2: kind "referrals" is not a kind samples are drawn from (assessments, plans, visits, missing, supervision, audits), so the row cannot be matched to a sampled record; correct the file and collect it again',
    );
  });
});

describe('appending to audits collected before', () => {
  test('audits already in the file are counted, not written again; its header must be that of collected audits', async () => {
    const existing = (await readCollectedFile(fixture('collected.csv')))!;
    expect(existing.encoding).toBe('utf-8 (BOM)');
    expect(sameHeader(existing.rows[0]!.fields, collectedColumns([VOICE]))).toBe(true);
    // Without the theme declared the header has a column too many.
    expect(sameHeader(existing.rows[0]!.fields, collectedColumns([]))).toBe(false);
    const collection = collectAudits(await readSampleFiles([fixture('team-a.csv'), fixture('team-b.csv')]), OPTIONS);
    // collected.csv holds A1002's audit of 04/11: A1001 and P2001 are new.
    const { fresh, already } = notYetCollected(collection.audits, new Set(existing.rows.slice(1).map((row) => row.fields[0]!)));
    expect(fresh.map((a) => a.auditId)).toEqual(['assessments:A1001@2026-11-03', 'plans:P2001@2026-11-09']);
    expect(already).toBe(1);
  });
});

describe('returned workbooks and sample theme columns', () => {
  const temp = tempFolder('audits-collect-');
  const settings = { ...DEFAULT_SETTINGS, auditThemes: [VOICE] };
  let data: Dataset;
  beforeAll(async () => {
    data = await loadScenario('hand-worked');
  });

  test('sample puts one empty column per declared theme after grade, before notes', () => {
    const sample = draw(data, { kind: 'assessments', size: 1, seed: '2026-11', settings });
    expect(renderSampleCsv(sample).split('\r\n')[0]).toBe('kind,record_id,child_id,team,worker,referral_date,start_date,completed_date,indicator,outcome,detail,auditor,audit_date,grade,voice_evident,notes');
  });

  test('a workbook sample wrote, graded in Excel (dates as dates, the theme from its Y/N drop-down), is collected', async () => {
    // hand-worked, seed 2026-11, size 2: A1003 (C00013, Team A, J Smith) then A1007 (C00017, Team A).
    const sample = draw(data, { kind: 'assessments', size: 2, seed: '2026-11', settings });
    const workbook = await readWorkbook(await renderSampleXlsx(sample));
    const sheet = sheetOf(workbook, 'Sample');
    const at = (name: string) => (sheet.getRow(1).values as unknown[]).indexOf(name);
    expect(sheet.getRow(2).getCell(at('voice_evident')).dataValidation).toMatchObject({ type: 'list', formulae: ['"Y,N"'] });
    sheet.getRow(2).getCell(at('grade')).value = 'Good';
    sheet.getRow(2).getCell(at('audit_date')).value = new Date(Date.UTC(2026, 10, 12));
    sheet.getRow(2).getCell(at('auditor')).value = 'K Patel';
    sheet.getRow(2).getCell(at('voice_evident')).value = 'N';
    const path = join(temp.dir, 'returned.xlsx');
    await workbook.xlsx.writeFile(path);
    const collection = collectAudits([await readSampleFile(path)], OPTIONS);
    expect(collectedAuditLines(collection.audits)).toEqual(['assessments:A1003@2026-11-12,C00013,2026-11-12,good,K Patel,dip sample,Team A,J Smith,assessments,A1003,N\r\n']);
    expect(collection.issues.map((i) => `${i.line} ${i.code}: ${i.message}`)).toEqual(['3 UNGRADED: assessments A1007 came back ungraded']);
    expect(formatIso(collection.audits[0]!.auditDate)).toBe('2026-11-12');
  });

  test('a workbook whose About sheet says it was pseudonymised is refused: its child IDs are pseudonyms', async () => {
    const sample = draw(data, { kind: 'assessments', size: 1, seed: '2026-11', settings, pseudonymKey: 'secret' });
    const path = join(temp.dir, 'pseudonymised.xlsx');
    writeFileSync(path, await renderSampleXlsx(sample));
    const table = await readSampleFile(path);
    expect(table.pseudonymised).toBe(true);
    const error = thrown(() => collectAudits([table], OPTIONS));
    expect(error.code).toBe('PSEUDONYMISED_SAMPLE');
    expect(error.message).toBe(
      `${path}: its About sheet says the sample was pseudonymised, so its audits would match no child's records; collect the grades onto a sample drawn without pseudonymising`,
    );
  });
});
