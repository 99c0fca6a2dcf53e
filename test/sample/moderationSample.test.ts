import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { builtInCalendar } from '../../src/core/calendar/workingCalendar.js';
import type { Dataset } from '../../src/core/dataset.js';
import { parseIsoDay } from '../../src/core/dates/localDate.js';
import { findIndicator } from '../../src/core/indicators/registry.js';
import { DEFAULT_SETTINGS } from '../../src/core/settings.js';
import { loadDataset } from '../../src/io/loadDataset.js';
import { validationLimits } from '../../src/cli/options.js';
import { indicatorForSample } from '../../src/cli/sampleIndicator.js';
import { renderSampleCsv, renderSampleJson } from '../../src/render/sample.js';
import { renderSampleXlsx } from '../../src/render/sampleXlsx.js';
import { readWorkbook, sheetOf } from '../render/readWorkbook.js';
import { draw, idsOf } from './helpers.js';

// fixtures/indicators/audits: October 2026 holds AU1 good, AU2 "2" = good, AU3 RI moderated to good,
// AU4 RI, AU5 outstanding moderated to RI, AU6 "4" = inadequate (moderated inadequate); AU7 is dated
// 30/09 and so outside October's frame. Teams: AU1, AU2, AU5 Team A (Auditor X); AU3, AU4, AU6 Team B (Auditor Y).
let data: Dataset;
beforeAll(async () => {
  const dir = fileURLToPath(new URL('../../fixtures/indicators/audits/', import.meta.url));
  const limits = validationLimits(parseIsoDay('2026-11-23')!, builtInCalendar('england-and-wales'));
  data = (await loadDataset({ dir, files: {} }, { limits, keepRecords: ['audits'] })).data;
});

const goodOrBetter = findIndicator('audits-good-or-better')!;
const VOICE = { name: 'voice-of-child', column: 'voice_evident', title: "Child's voice evident" };

describe('a moderation sample: audits dated in the period', () => {
  test('the frame is October\'s six audits, AU7 (30/09) left out', () => {
    const sample = draw(data, { kind: 'audits', size: 10 });
    expect(sample.frame).toBe('audits dated in 2026-10');
    expect(idsOf(sample).sort()).toEqual(['AU1', 'AU2', 'AU3', 'AU4', 'AU5', 'AU6']);
  });

  test('--only exceptions of audits-good-or-better: those whose grade that counts is below good (AU4, AU5, AU6)', () => {
    // AU3 (RI moderated to good) counts as good; AU5 (outstanding moderated to RI) does not.
    const sample = draw(data, { kind: 'audits', size: 10, seed: 'qa', indicator: goodOrBetter, only: 'exceptions' });
    expect(idsOf(sample).sort()).toEqual(['AU4', 'AU5', 'AU6']);
    expect(sample.outsideFrame).toBe(0);
  });

  test('--by team and --where auditor as for other kinds', () => {
    const sample = draw(data, { kind: 'audits', size: 10, by: 'team', where: { auditor: ['auditor y'] } });
    expect(sample.groups).toEqual([{ key: 'Team B', eligible: 3, sampled: 3 }]);
    expect(idsOf(sample).sort()).toEqual(['AU3', 'AU4', 'AU6']);
  });

  test('sample --indicator accepts the audit indicators for --kind audits', () => {
    expect(indicatorForSample('audits-good-or-better', 'audits', 'exceptions').id).toBe('audits-good-or-better');
    expect(() => indicatorForSample('audits-good-or-better', 'assessments', undefined)).toThrow('--indicator audits-good-or-better judges audits records, not assessments: use --kind audits');
  });
});

describe('the file: the audit\'s grade, auditor and date shown; moderated_grade and notes left empty', () => {
  const exceptions = () => draw(data, { kind: 'audits', size: 10, seed: 'qa', indicator: goodOrBetter, only: 'exceptions', settings: { ...DEFAULT_SETTINGS, auditThemes: [VOICE] } });

  test('CSV: grades in canonical words, no theme columns even when themes are declared', () => {
    const lines = renderSampleCsv(exceptions()).split('\r\n');
    expect(lines[0]).toBe('kind,record_id,child_id,team,worker,grade,auditor,audit_date,indicator,outcome,detail,moderated_grade,notes');
    expect([...lines.slice(1)].sort()).toEqual([
      '',
      'audits,AU4,C4,Team B,W2,requires improvement,Auditor Y,15/10/2026,audits-good-or-better,not met,graded requires improvement by Auditor Y,,',
      'audits,AU5,C5,Team A,W1,outstanding,Auditor X,20/10/2026,audits-good-or-better,not met,graded requires improvement (moderated from outstanding) by Auditor X,,',
      'audits,AU6,C6,Team B,W2,inadequate,Auditor Y,31/10/2026,audits-good-or-better,not met,graded inadequate by Auditor Y,,',
    ]);
  });

  test('JSON: the same columns, ISO dates, null for the empty ones', () => {
    const json = JSON.parse(renderSampleJson(exceptions())) as { rows: Record<string, unknown>[] };
    expect(json.rows.find((row) => row.record_id === 'AU4')).toEqual({
      kind: 'audits', record_id: 'AU4', child_id: 'C4', team: 'Team B', worker: 'W2', grade: 'requires improvement', auditor: 'Auditor Y',
      audit_date: '2026-10-15', indicator: 'audits-good-or-better', outcome: 'not met', detail: 'graded requires improvement by Auditor Y', moderated_grade: null, notes: null,
    });
  });

  test('xlsx: the grade drop-down on moderated_grade; audit_date is a real date, with no entry check', async () => {
    const sheet = sheetOf(await readWorkbook(await renderSampleXlsx(exceptions())), 'Sample');
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(['kind', 'record_id', 'child_id', 'team', 'worker', 'grade', 'auditor', 'audit_date', 'indicator', 'outcome', 'detail', 'moderated_grade', 'notes']);
    const at = (name: string) => header.indexOf(name) + 1;
    const row = sheet.getRow(2);
    expect(row.getCell(at('moderated_grade')).dataValidation).toMatchObject({ type: 'list', formulae: ['"Outstanding,Good,Requires improvement,Inadequate"'] });
    expect(row.getCell(at('grade')).dataValidation).toBeUndefined();
    expect(row.getCell(at('audit_date')).value).toBeInstanceOf(Date);
    expect(row.getCell(at('audit_date')).dataValidation).toBeUndefined();
    expect(sheet.getColumn(at('notes')).width).toBe(60);
  });
});
