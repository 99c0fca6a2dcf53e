import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/core/dataset.js';
import { auditModerationAgreement, auditsGoodOrBetter, auditsInadequate } from '../../src/core/indicators/audits.js';
import { parsePeriod } from '../../src/core/period.js';
import { fileURLToPath } from 'node:url';
import { resolveConfig, type ResolvedSettings } from '../../src/core/config.js';
import { INDICATORS, indicatorsFor } from '../../src/core/indicators/registry.js';
import { DEFAULT_SETTINGS } from '../../src/core/settings.js';
import { loadDataset } from '../../src/io/loadDataset.js';
import { validationLimits } from '../../src/cli/options.js';
import { tempFolder } from '../tempFolder.js';
import { calendar, casesOf, day, EXTRACTED_ON, figure, loadScenario, loadTables, reportOf, resultOf, view } from './helpers.js';

// fixtures/indicators/audits/audits.csv, October 2026 (AU7 is dated 30/09: outside).
// AU1 Good; AU2 "2" (good); AU3 "Requires Improvement" moderated to good; AU4 "RI";
// AU5 outstanding moderated to "requires-improvement"; AU6 "4" moderated to inadequate (agreed).
const october = parsePeriod('2026-10');
let data: Dataset;
beforeAll(async () => {
  data = await loadScenario('audits');
});

describe('audits-good-or-better', () => {
  it('counts the moderated grade, else the grade, in any spelling: 3 of 6, red against 70 %', () => {
    // Counted: AU1 (good), AU2 (2 = good), AU3 (RI moderated to good). Not: AU4 (RI), AU5 (moderated to RI), AU6 (inadequate).
    expect(view(casesOf(auditsGoodOrBetter, data, october)).map((r) => [r.recordId, r.counted, r.detail])).toEqual([
      ['AU1', true, 'graded good by Auditor X'],
      ['AU2', true, 'graded good by Auditor X'],
      ['AU3', true, 'graded good (moderated from requires improvement) by Auditor Y'],
      ['AU4', false, 'graded requires improvement by Auditor Y'],
      ['AU5', false, 'graded requires improvement (moderated from outstanding) by Auditor X'],
      ['AU6', false, 'graded inadequate by Auditor Y'],
    ]);
    expect(figure(resultOf(reportOf(data, october), 'audits-good-or-better'))).toEqual({ numerator: 3, denominator: 6, value: 0.5, rag: 'red' });
  });

  it('breaks down by auditor: X 2 of 3 (AU1, AU2; not AU5), Y 1 of 3 (AU3; not AU4, AU6)', () => {
    const groups = resultOf(reportOf(data, october, { by: 'auditor' }), 'audits-good-or-better').groups!;
    expect(groups.map((g) => [g.key, g.numerator, g.denominator])).toEqual([['Auditor X', 2, 3], ['Auditor Y', 1, 3]]);
  });
});

describe('audits-inadequate and audit-moderation-agreement', () => {
  it('inadequate: 1 of 6 (AU6), lower is better, so AU6 is the exception', () => {
    const result = resultOf(reportOf(data, october), 'audits-inadequate');
    expect([result.numerator, result.denominator]).toEqual([1, 6]);
    expect(result.exceptions.map((e) => e.recordId)).toEqual(['AU6']);
  });

  it('moderation agreement: the moderated audits AU3, AU5 and AU6; only AU6 agrees', () => {
    expect(view(casesOf(auditModerationAgreement, data, october)).map((r) => [r.recordId, r.counted])).toEqual([['AU3', false], ['AU5', false], ['AU6', true]]);
    expect(auditsInadequate.direction).toBe('lower');
  });
});

describe('a grade in no known spelling', () => {
  it('rejects the audit with INVALID_CODE, naming the grades, and leaves it out', async () => {
    const tables = await loadTables({ 'audits.csv': 'child_id,audit_id,audit_date,grade\nC1,AU1,2026-10-01,Excellent\nC2,AU2,2026-10-02,Outstanding\n' });
    const [quality] = tables.audits!.quality;
    expect(quality).toMatchObject({ rowsRead: 2, rowsUsed: 1, rowsRejected: 1 });
    expect(quality!.issues[0]).toMatchObject({ code: 'INVALID_CODE', line: 2, column: 'grade', value: 'Excellent' });
    expect(quality!.issues[0]!.message).toContain('is not a grade (outstanding, good, requires improvement (RI) or inadequate, or 1-4');
    expect(figure(resultOf(reportOf(tables, october), 'audits-good-or-better'))).toMatchObject({ numerator: 1, denominator: 1 });
  });
});

describe('audit themes declared in the config', () => {
  const folder = tempFolder('csc-audit-themes-');
  const config = {
    audit: { themes: { 'voice-of-child': { column: 'voice_evident', title: "Child's voice evident", target: [{ from: '2026-01-01', target: 60 }, { from: '2026-10-15', target: 90 }] } } },
  };

  it('become indicators audit-theme-<name> with their dated target', () => {
    const resolved = resolveConfig(config, INDICATORS);
    if (resolved.errors.length > 0) throw new Error(resolved.errors.join('\n'));
    const { settings } = resolved as ResolvedSettings;
    expect(settings.auditThemes).toEqual([{ name: 'voice-of-child', column: 'voice_evident', title: "Child's voice evident" }]);
    expect(settings.extracts.audits?.flags).toEqual(['voice_evident']);
    expect(indicatorsFor(settings).map((i) => i.id)).toContain('audit-theme-voice-of-child');
    expect(settings.targets['audit-theme-voice-of-child']).toEqual([{ from: day('2026-01-01'), target: 0.6 }, { from: day('2026-10-15'), target: 0.9 }]);
  });

  it('counts October audits whose flag is yes: 3 of 6, red against the 90 % in force on 31/10', async () => {
    // voice_evident: AU1 Y, AU2 N, AU3 Y, AU4 blank (not counted), AU5 Y, AU6 N; AU7 (30/09) is outside.
    const { settings } = resolveConfig(config, INDICATORS) as ResolvedSettings;
    const dir = fileURLToPath(new URL('../../fixtures/indicators/audits/', import.meta.url));
    const { data: themed } = await loadDataset({ dir, files: {} }, { limits: validationLimits(EXTRACTED_ON, calendar), mappings: settings.extracts });
    const theme = indicatorsFor(settings).find((i) => i.id === 'audit-theme-voice-of-child')!;
    expect(view(casesOf(theme, themed, october, settings)).map((r) => [r.recordId, r.counted, r.detail])).toEqual([
      ['AU1', true, "Child's voice evident: yes"],
      ['AU2', false, "Child's voice evident: no"],
      ['AU3', true, "Child's voice evident: yes"],
      ['AU4', false, "Child's voice evident: not recorded"],
      ['AU5', true, "Child's voice evident: yes"],
      ['AU6', false, "Child's voice evident: no"],
    ]);
    const result = resultOf(reportOf(themed, october, { settings }, indicatorsFor(settings)), 'audit-theme-voice-of-child');
    expect([figure(result), result.target, result.title]).toEqual([{ numerator: 3, denominator: 6, value: 0.5, rag: 'red' }, 0.9, "Child's voice evident"]);
  });

  it('is not computed when the audits read lack the theme column', async () => {
    const { settings } = resolveConfig(config, INDICATORS) as ResolvedSettings;
    const plain = await loadTables({ 'audits.csv': 'child_id,audit_id,audit_date,grade\nC1,AU1,2026-10-01,good\n' });
    const report = reportOf(plain, october, { settings }, indicatorsFor(settings));
    expect(report.notComputed.find((n) => n.id === 'audit-theme-voice-of-child')?.reason).toContain('voice_evident');
  });

  it('refuses a theme on an audits column, two themes on one column, and a bad name', () => {
    const errors = resolveConfig(
      { audit: { themes: { graded: { column: 'grade', title: 'G' }, a: { column: 'x_flag', title: 'A' }, b: { column: 'x_flag', title: 'B' }, 'Bad Name': { column: 'y', title: 'Y' } } } },
      INDICATORS,
    ).errors;
    expect(errors).toEqual([expect.stringContaining('audit.themes.Bad Name')]);
    expect(resolveConfig({ audit: { themes: { graded: { column: 'grade', title: 'G' }, a: { column: 'x_flag', title: 'A' }, b: { column: 'x_flag', title: 'B' } } } }, INDICATORS).errors).toEqual([
      expect.stringContaining('audit.themes.graded.column: grade is a column of audits already'),
      'audit.themes.b.column: x_flag is the column of theme a already',
    ]);
  });

  it('reads a theme flag like any flag: a value that is no flag is a cell issue, read as not recorded', async () => {
    const { settings } = resolveConfig(config, INDICATORS) as ResolvedSettings;
    const audits = folder.fileWith('child_id,audit_id,audit_date,grade,Voice Evident\nC1,AU1,2026-10-01,good,maybe\n', 'audits');
    const { data: read } = await loadDataset({ files: { audits } }, { limits: validationLimits(EXTRACTED_ON, calendar), mappings: settings.extracts });
    const [quality] = read.audits!.quality;
    expect(quality!.issues.map((i) => [i.line, i.code, i.column, i.value])).toEqual([[2, 'INVALID_FLAG', 'voice_evident', 'maybe']]);
    expect(quality!.rowsUsed).toBe(1);
  });
});

describe('audits over a trend, against a dated target', () => {
  it('September: AU7 (30/09, good) alone, 1 of 1; October 3 of 6; each point with the target in force on its as-at date', () => {
    const settings = { ...DEFAULT_SETTINGS, targets: { 'audits-good-or-better': [{ from: day('2026-09-01'), target: 0.6 }, { from: day('2026-10-01'), target: 0.65 }] } };
    const series = resultOf(reportOf(data, october, { trend: 2, settings }), 'audits-good-or-better').series!;
    // 30/09: 1/1 = 100 % against 60 %, but no RAG with n < 5; 31/10: 3/6 = 50 % against 65 %, red (amber from 60 %).
    expect(series.map((p) => [p.period.label, p.numerator, p.denominator, p.target, p.rag])).toEqual([
      ['2026-09', 1, 1, 0.6, 'none'],
      ['2026-10', 3, 6, 0.65, 'red'],
    ]);
  });
});
