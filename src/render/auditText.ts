import type { GradeDistribution, GradeGroup, OverdueAction } from '../core/audits/summary.js';
import { GRADES } from '../core/extracts/columns.js';
import { count } from '../core/indicators/words.js';

/** The row of every team's audits together, under the teams' rows. */
export const ALL_TEAMS = 'All teams';

/** One row per team, then all teams together: what the pack's chart and sheet show. */
export function gradeRows(distribution: GradeDistribution): GradeGroup[] {
  return [...distribution.byTeam, { key: ALL_TEAMS, grades: distribution.grades, total: distribution.total }];
}

/** "3 audits", "1 audit". */
export function auditsText(total: number): string {
  return `${total} audit${total === 1 ? '' : 's'}`;
}

/** "Team A: good 2, requires improvement 1 (3 audits)": the grades it has, best first; the team through `text`, the output's escaping. */
export function gradeLine(group: GradeGroup, text: (data: string) => string): string {
  const held = GRADES.filter((grade) => group.grades[grade] > 0).map((grade) => `${grade} ${group.grades[grade]}`);
  return `${text(group.key)}: ${held.length === 0 ? 'no audits' : `${held.join(', ')} (${auditsText(group.total)})`}`;
}

/** "Overdue audit actions: 2". */
export function overdueLine(actions: readonly OverdueAction[]): string {
  return `Overdue audit actions: ${actions.length}`;
}

/** Where an action's due day came from, in words: "due date" or "20 working days". */
export function dueFromText(dueFrom: OverdueAction['dueFrom'], workingDays: number): string {
  return dueFrom === 'due_date' ? 'due date' : count(workingDays, 'working day');
}
