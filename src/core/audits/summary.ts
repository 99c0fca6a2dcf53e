import type { WorkingCalendar } from '../calendar/workingCalendar.js';
import { recordPasses, noGroup, type Filters } from '../breakdown.js';
import type { Dataset } from '../dataset.js';
import type { DayNumber } from '../dates/localDate.js';
import type { AuditActionRecord, AuditRecord } from '../extracts/definitions.js';
import { GRADES, type Grade } from '../extracts/columns.js';
import { placeOf } from '../indicators/caseRow.js';
import { finalGrade } from '../indicators/audits.js';
import type { Period } from '../period.js';
import { byCodePoint } from '../textOrder.js';
import { recordsWhere, type RecordList } from '../extracts/recordList.js';

/** Audits by the grade that counts (the moderated grade, else the grade), best first. */
export type GradeCounts = Readonly<Record<Grade, number>>;

/** The grades of one team's audits. */
export interface GradeGroup {
  /** The team, or `(no team)`. */
  readonly key: string;
  readonly grades: GradeCounts;
  readonly total: number;
}

/** An action not completed on the as-at date and past its due day. */
export interface OverdueAction {
  /** The action's id, else `file:line`. */
  readonly actionId: string;
  readonly auditId: string;
  /** The audit's child; undefined when the audit is not in the audits extract. */
  readonly childId: string | undefined;
  /** The action's own team (catalogue.md "Audits"). */
  readonly team: string | undefined;
  readonly raised: DayNumber;
  readonly due: DayNumber;
  /** Where the due day comes from: the action's due_date, else the set working days (auditActionWorkingDays) after it was raised. */
  readonly dueFrom: 'due_date' | 'working days';
  /** Calendar days from the due day to the as-at date. */
  readonly daysOverdue: number;
}

/** The audits dated in the period by grade, overall and by team. */
export interface GradeDistribution {
  readonly grades: GradeCounts;
  readonly total: number;
  /** Teams in code-point order, `(no team)` last. */
  readonly byTeam: readonly GradeGroup[];
}

/** What the audit section of a pack shows beyond the audit indicators; each part only when its extract was read. */
export interface AuditSummary {
  readonly distribution?: GradeDistribution;
  /** The working days after being raised that an action without a due_date is due in (`auditActionWorkingDays`). */
  readonly actionWorkingDays: number;
  /** Overdue on the as-at date, most overdue first. */
  readonly overdueActions?: readonly OverdueAction[];
}

function noGrades(): Record<Grade, number> {
  return Object.fromEntries(GRADES.map((grade) => [grade, 0])) as Record<Grade, number>;
}

function gradesByTeam(audits: readonly AuditRecord[]): GradeGroup[] {
  const teams = new Map<string, Record<Grade, number>>();
  for (const audit of audits) {
    const key = audit.team ?? noGroup('team');
    const grades = teams.get(key) ?? noGrades();
    grades[finalGrade(audit)]++;
    teams.set(key, grades);
  }
  const none = noGroup('team');
  return [...teams.keys()]
    .sort((a, b) => Number(a === none) - Number(b === none) || byCodePoint(a, b))
    .map((key) => {
      const grades = teams.get(key)!;
      return { key, grades, total: GRADES.reduce((sum, grade) => sum + grades[grade], 0) };
    });
}

/** The due day of an action: its due_date, else the N-th working day after it was raised. */
function dueOf(action: AuditActionRecord, workingDays: number, calendar: WorkingCalendar): { due: DayNumber; dueFrom: OverdueAction['dueFrom'] } {
  if (action.due_date !== undefined) return { due: action.due_date, dueFrom: 'due_date' };
  return { due: calendar.addWorkingDays(action.raised_date, workingDays), dueFrom: 'working days' };
}

/** Actions raised by the as-at date, not completed on it, whose due day is before it. */
function overdueActions(data: Dataset, asAt: DayNumber, calendar: WorkingCalendar, workingDays: number, where: Filters): OverdueAction[] {
  const extract = data['audit-actions']!;
  const audits = new Map<string | undefined, AuditRecord>();
  for (const audit of data.audits?.records ?? []) audits.set(audit.audit_id, audit);
  const overdue: OverdueAction[] = [];
  // Merging each action with its audit costs an object per action: only when there is a filter to apply.
  const filtered = Object.keys(where).length > 0;
  for (const action of extract.records) {
    if (action.raised_date > asAt || (action.completed_date !== undefined && action.completed_date <= asAt)) continue;
    const audit = audits.get(action.audit_id);
    // A filter may name a column of the action's audit (auditor); the action's own team wins.
    if (filtered && !recordPasses({ ...audit, ...action } as Readonly<Record<string, unknown>>, where)) continue;
    const { due, dueFrom } = dueOf(action, workingDays, calendar);
    if (due >= asAt) continue;
    overdue.push({
      actionId: action.action_id ?? placeOf(extract, action),
      auditId: action.audit_id,
      childId: audit?.child_id,
      team: action.team,
      raised: action.raised_date,
      due,
      dueFrom,
      daysOverdue: asAt - due,
    });
  }
  return overdue.sort((a, b) => b.daysOverdue - a.daysOverdue || byCodePoint(a.actionId, b.actionId));
}

/**
 * The grade distribution of the audits dated in the period (overall and by
 * team) and the actions overdue on the as-at date (an action without a
 * due_date is due `actionWorkingDays` working days after it was raised), both
 * restricted by the report's filters; undefined when neither extract was read.
 */
export function auditSummary(data: Dataset, period: Period, calendar: WorkingCalendar, actionWorkingDays: number, where: Filters = {}): AuditSummary | undefined {
  if (data.audits === undefined && data['audit-actions'] === undefined) return undefined;
  return {
    actionWorkingDays,
    ...(data.audits !== undefined ? { distribution: distributionOf(data.audits.records, period, where) } : {}),
    ...(data['audit-actions'] !== undefined ? { overdueActions: overdueActions(data, period.asAt, calendar, actionWorkingDays, where) } : {}),
  };
}

function distributionOf(records: RecordList<AuditRecord>, period: Period, where: Filters): GradeDistribution {
  const audits = recordsWhere(records, (a) => a.audit_date >= period.from && a.audit_date <= period.to && recordPasses(a as unknown as Readonly<Record<string, unknown>>, where));
  const byTeam = gradesByTeam(audits);
  const grades = noGrades();
  for (const group of byTeam) for (const grade of GRADES) grades[grade] += group.grades[grade];
  return { grades, total: audits.length, byTeam };
}
