import { beforeAll, describe, expect, it } from 'vitest';
import { auditSummary } from '../../src/core/audits/summary.js';
import type { Dataset } from '../../src/core/dataset.js';
import { formatIso } from '../../src/core/dates/localDate.js';
import { auditActions20WorkingDays } from '../../src/core/indicators/audits.js';
import { parsePeriod } from '../../src/core/period.js';
import { DEFAULT_SETTINGS } from '../../src/core/settings.js';
import { calendar, casesOf, day, figure, loadScenario, loadTables, reportOf, resultOf, view } from './helpers.js';

// fixtures/indicators/audits/audit-actions.csv, England and Wales calendar (no bank holiday in October 2026).
// 20 working days after Thu 01/10/2026 is Thu 29/10; after Fri 02/10 it is Fri 30/10; after Thu 15/10 it is Thu 12/11.
// October cohort (raised in October, less pending):
//   AC1 raised 01/10, completed 20/10: counted.
//   AC2 raised 01/10, completed 30/10: one day after 29/10, not counted.
//   AC3 raised 01/10, completed 29/10: on the 20th working day, counted.
//   AC4 raised 15/10, not completed: pending on 31/10 (due 12/11), left out.
//   AC5 raised 01/09: not in October's cohort.
//   AC6 raised 02/10, not completed by 30/10: not counted (its own due_date 16/10 plays no part).
//   AC7 raised 05/10, completed 06/10: counted; its audit AU9 is not in audits.csv, so no child.
// 3 of 5 = 60 %, red against 75 % (amber from 70 %).
const october = parsePeriod('2026-10');
let data: Dataset;
beforeAll(async () => {
  data = await loadScenario('audits');
});

describe('audit-actions-20-working-days', () => {
  it('counts actions completed by the 20th working day after being raised, pending ones left out: 3 of 5', () => {
    expect(view(casesOf(auditActions20WorkingDays, data, october)).map((r) => [r.recordId, r.childId, r.counted])).toEqual([
      ['AC1', 'C1', true],
      ['AC2', 'C2', false],
      ['AC3', 'C3', true],
      ['AC6', 'C6', false],
      ['AC7', '', true],
    ]);
    expect(figure(resultOf(reportOf(data, october), 'audit-actions-20-working-days'))).toEqual({ numerator: 3, denominator: 5, value: 0.6, rag: 'red' });
  });

  it('says when an action\'s audit is not in the audits extract', () => {
    const ac7 = casesOf(auditActions20WorkingDays, data, october).find((r) => r.recordId === 'AC7')!;
    expect(ac7.detail).toBe('completed_date 06/10/2026, within 20 working days of raised_date 05/10/2026 (audit AU9 is not in the audits extract)');
  });

  it('groups by the action\'s own team: A 1 of 2 (AC1; not AC2), B 1 of 2 (AC3; not AC6), C 1 of 1 (AC7)', () => {
    const groups = resultOf(reportOf(data, october, { by: 'team' }), 'audit-actions-20-working-days').groups!;
    expect(groups.map((g) => [g.key, g.numerator, g.denominator])).toEqual([['Team A', 1, 2], ['Team B', 1, 2], ['Team C', 1, 1]]);
  });

  it('counts working days across Christmas 2026: raised Thu 10/12, the 20th working day is Tue 12/01/2027', async () => {
    // 11/12 = 1; 14-18/12 = 2-6; 21-24/12 = 7-10; 25/12 and Monday 28/12 (Boxing Day's substitute) are holidays;
    // 29-31/12 = 11-13; 01/01 is a holiday; 04-08/01 = 14-18; 11/01 = 19; 12/01 = 20.
    expect(formatIso(calendar.addWorkingDays(day('2026-12-10'), 20))).toBe('2027-01-12');
    const cases = view(casesOf(auditActions20WorkingDays, data, parsePeriod('2026-12')));
    expect(cases.map((r) => [r.recordId, r.counted])).toEqual([['AC8', true], ['AC9', false]]);
  });

  it('follows auditActionWorkingDays: at 19, AC3 (completed on the 20th working day, 29/10) is late: 2 of 5', () => {
    // 19 working days after Thu 01/10 is Wed 28/10: AC1 (20/10) counted, AC2 (30/10) and AC3 (29/10) not; AC4 still
    // pending (due Wed 11/11); AC6 due Thu 29/10, not completed: not counted; AC7 counted.
    const settings = { ...DEFAULT_SETTINGS, auditActionWorkingDays: 19 };
    expect(figure(resultOf(reportOf(data, october, { settings }), 'audit-actions-20-working-days'))).toEqual({ numerator: 2, denominator: 5, value: 0.4, rag: 'red' });
    expect(auditActions20WorkingDays.title(settings)).toBe('Audit actions completed within 19 working days');
    expect(auditActions20WorkingDays.timescale(settings)).toBe('19 working days');
  });

  it('is not computed without an audit-actions extract, with the reason', () => {
    const { 'audit-actions': _actions, ...auditsOnly } = data;
    const report = reportOf(auditsOnly, october);
    expect(report.notComputed.find((n) => n.id === 'audit-actions-20-working-days')?.reason).toContain('audit-actions');
  });
});

describe('the audit summary', () => {
  it('counts the October audits by the grade that counts, by team', () => {
    // AU1 good, AU2 "2" good, AU5 moderated to RI: Team A good 2, RI 1.
    // AU3 moderated to good, AU4 RI, AU6 inadequate: Team B good 1, RI 1, inadequate 1. AU7 (30/09) is outside.
    const summary = auditSummary(data, october, calendar, 20)!;
    expect(summary.distribution).toEqual({
      grades: { outstanding: 0, good: 3, 'requires improvement': 2, inadequate: 1 },
      total: 6,
      byTeam: [
        { key: 'Team A', grades: { outstanding: 0, good: 2, 'requires improvement': 1, inadequate: 0 }, total: 3 },
        { key: 'Team B', grades: { outstanding: 0, good: 1, 'requires improvement': 1, inadequate: 1 }, total: 3 },
      ],
    });
  });

  it('lists the actions overdue on 31/10/2026, most overdue first', () => {
    // AC5: raised 01/09, no due_date: the 20th working day is 29/09; 32 days overdue.
    // AC6: due_date 16/10: 15 days overdue. AC4 is due 12/11 (not yet); AC1-AC3 and AC7 were completed by 31/10;
    // AC8 and AC9 were raised after the as-at date.
    const overdue = auditSummary(data, october, calendar, 20)!.overdueActions!;
    expect(overdue.map((a) => [a.actionId, a.auditId, a.childId, a.team, formatIso(a.raised), formatIso(a.due), a.dueFrom, a.daysOverdue])).toEqual([
      ['AC5', 'AU5', 'C5', 'Team A', '2026-09-01', '2026-09-29', 'working days', 32],
      ['AC6', 'AU6', 'C6', 'Team B', '2026-10-02', '2026-10-16', 'due_date', 15],
    ]);
  });

  it('dates an action without a due_date by the working days in force: AC5 at 19 is due Mon 28/09, 33 days overdue', () => {
    const overdue = auditSummary(data, october, calendar, 19)!.overdueActions!;
    expect(reportOf(data, october, { settings: { ...DEFAULT_SETTINGS, auditActionWorkingDays: 19 } }).audit!.overdueActions).toEqual(overdue);
    expect(overdue.map((a) => [a.actionId, formatIso(a.due), a.daysOverdue])).toEqual([
      ['AC5', '2026-09-28', 33],
      ['AC6', '2026-10-16', 15],
    ]);
  });

  it('filters by a column of the action\'s audit, and by the action\'s own team', () => {
    // Auditor X audited AU1, AU2 and AU5: of the overdue actions only AC5 is theirs.
    expect(auditSummary(data, october, calendar, 20, { auditor: ['Auditor X'] })!.overdueActions!.map((a) => a.actionId)).toEqual(['AC5']);
    expect(auditSummary(data, october, calendar, 20, { team: ['Team B'] })!.overdueActions!.map((a) => a.actionId)).toEqual(['AC6']);
    expect(auditSummary(data, october, calendar, 20, { team: ['Team B'] })!.distribution!.total).toBe(3);
  });

  it('has no distribution without audits, and is absent without audits or actions', async () => {
    const actionsOnly = await loadTables({ 'audit-actions.csv': 'audit_id,action_id,raised_date\nAU1,AC1,2026-10-01\n' });
    const summary = auditSummary(actionsOnly, october, calendar, 20)!;
    expect(summary.distribution).toBeUndefined();
    // AC1's 20th working day is 29/10: overdue by 2 days on 31/10, and its audit is unknown.
    expect(summary.overdueActions!.map((a) => [a.actionId, a.childId, a.daysOverdue])).toEqual([['AC1', undefined, 2]]);
    expect(auditSummary({}, october, calendar, 20)).toBeUndefined();
  });

  it('is in the report only when an audit indicator is chosen', () => {
    expect(reportOf(data, october).audit?.distribution?.total).toBe(6);
    const visitsOnly = reportOf(data, october, {}, []);
    expect(visitsOnly.audit).toBeUndefined();
  });
});

describe('an audit-actions row', () => {
  it('needs its audit: a blank audit_id rejects the row; a completion before raising is refused', async () => {
    const tables = await loadTables({ 'audit-actions.csv': 'audit_id,action_id,raised_date,completed_date\n,AC1,2026-10-01,\nAU2,AC2,2026-10-05,2026-10-01\n' });
    const [quality] = tables['audit-actions']!.quality;
    expect(quality).toMatchObject({ rowsRead: 2, rowsUsed: 0, rowsRejected: 2 });
    expect(quality!.issues.map((i) => [i.line, i.code, i.column])).toEqual([
      [2, 'MISSING_VALUE', 'audit_id'],
      [3, 'END_BEFORE_START', 'completed_date'],
    ]);
  });
});
