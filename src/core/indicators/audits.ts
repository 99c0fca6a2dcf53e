import type { AuditRecord } from '../extracts/definitions.js';
import type { Dataset } from '../dataset.js';
import type { Grade } from '../extracts/columns.js';
import { caseOf, mapCases } from './caseRow.js';
import { memoised } from '../memoised.js';
import type { AuditTheme } from '../settings.js';
import { settingShape } from './settingShape.js';
import { shapeIndicator } from './shapes.js';
import type { CaseRow, Direction, IndicatorDefinition, IndicatorInput } from './types.js';
import { count } from './words.js';
import { recordsDatedIn, type RecordList } from '../extracts/recordList.js';

/** The grade that counts: the moderated grade when there is one, else the auditor's (catalogue.md "Audits"). */
export function finalGrade(audit: AuditRecord): Grade {
  return audit.moderated_grade ?? audit.grade;
}

/** "good", or "requires improvement (moderated from good)". */
function gradeText(audit: AuditRecord): string {
  const final = finalGrade(audit);
  return audit.moderated_grade !== undefined && audit.moderated_grade !== audit.grade ? `${final} (moderated from ${audit.grade})` : final;
}

/** Audits dated in the period (those `inCohort` keeps), each counted or not by `counts`. */
function* auditsInPeriod(input: IndicatorInput, inCohort: (audit: AuditRecord) => boolean, counts: (audit: AuditRecord) => boolean): Generator<CaseRow> {
  const extract = input.data.audits!;
  for (const audit of recordsDatedIn(extract.records, 'audit_date', input.period.from, input.period.to)) {
    if (!inCohort(audit)) continue;
    yield caseOf(extract, audit, counts(audit), `graded ${gradeText(audit)}${audit.auditor ? ` by ${audit.auditor}` : ''}`);
  }
}

function gradeIndicator(id: string, title: string, direction: Direction, defaultTarget: number | null, grades: readonly Grade[]): IndicatorDefinition {
  return {
    id,
    title: () => title,
    definition: `audits with audit_date in the period; counted when the moderated grade, else the grade, is ${grades.join(' or ')}`,
    kind: 'rate',
    direction,
    defaultTarget,
    timescale: () => 'in the period',
    reads: { audits: [] },
    subject: 'audits',
    cases: (input) => auditsInPeriod(input, () => true, (audit) => grades.includes(finalGrade(audit))),
  };
}

export const auditsGoodOrBetter = gradeIndicator('audits-good-or-better', 'Audits judged good or better', 'higher', 0.7, ['outstanding', 'good']);
export const auditsInadequate = gradeIndicator('audits-inadequate', 'Audits judged inadequate', 'lower', null, ['inadequate']);

export const auditModerationAgreement: IndicatorDefinition = {
  id: 'audit-moderation-agreement',
  title: () => 'Moderated audits where moderation agreed the grade',
  definition: 'audits with audit_date in the period and a moderated grade; counted when the moderated grade equals the grade (both read on the same scale)',
  kind: 'rate',
  direction: 'higher',
  defaultTarget: null,
  timescale: () => 'in the period',
  reads: { audits: ['moderated_grade'] },
  subject: 'audits',
  cases: (input) =>
    auditsInPeriod(
      input,
      (audit) => audit.moderated_grade !== undefined,
      (audit) => audit.moderated_grade === audit.grade,
    ),
};

/** One declared theme (catalogue.md `audit-theme-<name>`): audits dated in the period, counted when the theme's flag is yes. */
export function auditThemeIndicator(theme: AuditTheme): IndicatorDefinition {
  return shapeIndicator({ id: `audit-theme-${theme.name}`, title: theme.title, direction: 'higher', shape: 'flag', extract: 'audits', date: 'audit_date', flag: theme.column, label: theme.title });
}

/** The child of each audit, by audit id: built once per audits table, for every period of a trend. */
const childrenByAuditId = memoised((audits: RecordList<AuditRecord>): ReadonlyMap<string, string> => {
  const children = new Map<string, string>();
  for (const audit of audits) if (audit.audit_id !== undefined) children.set(audit.audit_id, audit.child_id);
  return children;
});

/** The child of each audit, by audit id: an action's child is its audit's (catalogue.md "Audits"). */
export function childrenOfAudits(data: Dataset): ReadonlyMap<string, string> {
  return data.audits === undefined ? new Map() : childrenByAuditId(data.audits.records);
}

// The working days are `auditActionWorkingDays` (catalogue.md `audit-actions-20-working-days`, WS 49: 20).
const actionTimeliness = settingShape((settings) => ({
  id: 'audit-actions-20-working-days',
  title: `Audit actions completed within ${count(settings.auditActionWorkingDays, 'working day')}`,
  direction: 'higher',
  shape: 'within',
  extract: 'audit-actions',
  date: 'raised_date',
  start: 'raised_date',
  end: 'completed_date',
  within: { workingDays: settings.auditActionWorkingDays },
}));

export const auditActions20WorkingDays: IndicatorDefinition = {
  ...actionTimeliness,
  definition: `${actionTimeliness.definition} (the working days auditActionWorkingDays sets); the child is the audit's (by audit_id)`,
  defaultTarget: 0.75,
  readsWhenGiven: ['audits'],
  cases: (input) => {
    const children = childrenOfAudits(input.data);
    return mapCases(actionTimeliness.cases(input), (row) => {
      const auditId = String(row.record!.audit_id);
      const childId = children.get(auditId);
      return childId === undefined ? { ...row, childId: '', detail: `${row.detail} (audit ${auditId} is not in the audits extract)` } : { ...row, childId };
    });
  },
};
