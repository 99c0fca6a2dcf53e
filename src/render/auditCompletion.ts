import { newTable } from './textTable.js';
import { formatIso, formatUk } from '../core/dates/localDate.js';
import type { Completion, CompletionRow } from '../core/audits/completion.js';
import { csvLine } from './csvCell.js';
import { terminalText } from './safeText.js';

/*
 * Sample completion for a QA lead: per team, the sampled records audited by
 * the due date. Teams and counts only: no child is named.
 */

// cli-table3 colours headings and borders itself unless told not to.
const PLAIN_STYLE = { head: [], border: [] };

/** The share as a percentage to one decimal (66.7), null when nothing was sampled. */
function percent(row: CompletionRow): number | null {
  return row.share === null ? null : Math.round(row.share * 1000) / 10;
}

function percentText(row: CompletionRow): string {
  const value = percent(row);
  return value === null ? '–' : `${value.toFixed(1)} %`;
}

/** A table for the terminal: Team, Sampled, Audited by the due date, Share, Not audited; then the total. */
export function renderCompletionTable(completion: Completion): string {
  const due = formatUk(completion.due);
  const table = newTable({ head: ['Team', 'Sampled', `Audited by ${due}`, 'Share', 'Not audited'], style: PLAIN_STYLE });
  const cells = (label: string, row: CompletionRow) => [label, row.sampled, row.audited, percentText(row), row.notAudited];
  for (const row of completion.teams) table.push(cells(terminalText(row.key), row));
  table.push(cells('Total', completion.total));
  return `Sampled records audited by ${due}\n${table.toString()}\n`;
}

function rowJson(row: CompletionRow): object {
  return { sampled: row.sampled, audited: row.audited, sharePercent: percent(row), notAudited: row.notAudited };
}

/** JSON, schemaVersion 1: the due date, each team's figures, the total. */
export function renderCompletionJson(completion: Completion): string {
  const document = {
    schemaVersion: 1,
    due: formatIso(completion.due),
    teams: completion.teams.map((row) => ({ team: row.key, ...rowJson(row) })),
    total: rowJson(completion.total),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** CSV: one line per team, then `total`; formulas neutralised, CRLF lines. */
export function renderCompletionCsv(completion: Completion): string {
  const lines = [
    ['team', 'sampled', 'audited_by_due', 'share_percent', 'not_audited', 'due'],
    ...[...completion.teams, completion.total].map((row) => [row.key, row.sampled, row.audited, percent(row), row.notAudited, formatIso(completion.due)]),
  ];
  return lines.map(csvLine).join('');
}
