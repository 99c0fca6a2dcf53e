import { beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/core/dataset.js';
import { auditModerationAgreement, auditsGoodOrBetter, auditsInadequate } from '../../src/core/indicators/audits.js';
import { parsePeriod } from '../../src/core/period.js';
import { casesOf, figure, loadScenario, loadTables, reportOf, resultOf, view } from './helpers.js';

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
