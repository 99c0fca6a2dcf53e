import type { GradeDistribution, GradeGroup, OverdueAction } from '../core/audits/summary.js';
import { formatUk } from '../core/dates/localDate.js';
import { GRADES, type Grade } from '../core/extracts/columns.js';
import type { Rag } from '../core/rag.js';
import type { IndicatorResult, Report } from '../core/report.js';
import { auditsText, dueFromText, gradeLine, gradeRows } from './auditText.js';
import { escapeHtml, formatCount, formatFraction, formatTarget, formatValue } from './format.js';

/*
 * The pack's Audits section: the grades of the period's audits by team as a
 * 100 % stacked bar chart, the audit indicators against their targets, and
 * the actions overdue on the as-at date.
 */

/** A RAG badge as the rest of the pack draws it (html.ts's, passed in so the two modules do not import each other). */
export type Badge = (figure: { readonly rag: Rag; readonly ragReason?: string }) => string;

const AUDIT_IDS: ReadonlySet<string> = new Set(['audits-good-or-better', 'audits-inadequate', 'audit-moderation-agreement', 'audit-actions-20-working-days']);
const THEME_PREFIX = 'audit-theme-';

/** A grade as a class name: `g-requires-improvement`. */
function gradeClass(grade: Grade): string {
  return grade.replace(/ /g, '-');
}

// Lightness 22, 65, 91 and 51 (CIELAB L*): neighbouring segments stay apart in greyscale and print.
export const AUDIT_CSS = `
.audits > div + div { margin-top: 16px; }
.audit-svg { width: 100%; max-width: 640px; height: auto; display: block; font-family: inherit; }
.audit-svg text { font-size: 11px; fill: var(--ink); }
.audit-svg .legend, .audit-svg .total { fill: var(--muted); }
.audit-svg .seg { stroke: #fff; stroke-width: 1; }
.audit-svg .frame { fill: none; stroke: #8a949e; }
.audit-svg .swatch { stroke: #8a949e; }
.audit-svg .g-outstanding { fill: #0f3d22; }
.audit-svg .g-good { fill: #5fae76; }
.audit-svg .g-requires-improvement { fill: #fbe3a1; }
.audit-svg .g-inadequate { fill: #d64541; }
.audit-svg .count { font-weight: 700; }
.audit-svg .count.g-outstanding, .audit-svg .count.g-inadequate { fill: #fff; }
.audit-svg .count.g-good, .audit-svg .count.g-requires-improvement { fill: var(--ink); }
.audits td small { color: var(--muted); }
/* Fixed columns: a long action id or team name wraps in its cell instead of squeezing the dates. */
.audit-actions table { table-layout: fixed; }
.audit-actions thead th:nth-child(1), .audit-actions thead th:nth-child(4) { width: 20%; }
.audit-actions thead th:nth-child(2), .audit-actions thead th:nth-child(3) { width: 11%; }
.audit-actions thead th:nth-child(5), .audit-actions thead th:nth-child(7) { width: 11%; }
.audit-actions thead th:nth-child(6) { width: 16%; }
@media print {
  .audit-svg { max-width: none; }
  .audit-svg text { font-size: 10px; }
  .audit-grades { break-inside: avoid; page-break-inside: avoid; }
}
`;

const WIDTH = 640;
const LABEL_END = 168;
const BAR_X = 176;
const BAR_W = 360;
const TOP = 26;
const ROW = 24;
const BAR_H = 16;
// At 11px, about this many characters fit left of the bars; the full name is in the row's title.
const LABEL_CHARS = 26;
// A segment narrower than this has no room for its count (which its title still gives).
const MIN_LABELLED = 14;

/** Team names as they are, for text escaped as a whole afterwards. */
function plain(name: string): string {
  return name;
}

function round1(x: number): string {
  return String(Math.round(x * 10) / 10);
}

/** The name cut by code point to LABEL_CHARS, with an ellipsis when cut. */
function shortLabel(name: string): string {
  const chars = [...name];
  return chars.length <= LABEL_CHARS ? name : `${chars.slice(0, LABEL_CHARS - 1).join('')}…`;
}

/** The swatches and names of the grades, in the order of the segments. */
function legend(): string {
  let x = 0;
  return GRADES.map((grade) => {
    const item = `<rect class="swatch g-${gradeClass(grade)}" x="${x}" y="4" width="10" height="10"/><text class="legend" x="${x + 14}" y="13">${grade}</text>`;
    x += 28 + grade.length * 6;
    return item;
  }).join('');
}

/** One grade's segment of a bar, with its count on it when it fits and in its title always. */
function segment(group: GradeGroup, grade: Grade, before: number, y: number): string {
  const count = group.grades[grade];
  if (count === 0) return '';
  const x = BAR_X + (BAR_W * before) / group.total;
  const width = (BAR_W * count) / group.total;
  const cls = `g-${gradeClass(grade)}`;
  const title = `${group.key}: ${grade} ${count} of ${group.total} (${formatValue('rate', count / group.total)})`;
  const label = width >= MIN_LABELLED ? `<text class="count ${cls}" x="${round1(x + width / 2)}" y="${y + BAR_H / 2}" text-anchor="middle" dominant-baseline="middle">${count}</text>` : '';
  return `<rect class="seg ${cls}" x="${round1(x)}" y="${y}" width="${round1(width)}" height="${BAR_H}"><title>${escapeHtml(title)}</title></rect>${label}`;
}

/** A team's bar: its name, the grades outstanding → inadequate as shares of its audits, and how many audits. */
function bar(group: GradeGroup, index: number): string {
  const y = TOP + index * ROW;
  let before = 0;
  const segments = GRADES.map((grade) => {
    const drawn = segment(group, grade, before, y);
    before += group.grades[grade];
    return drawn;
  }).join('');
  const frame = group.total > 0 ? `<rect class="frame" x="${BAR_X}" y="${y}" width="${BAR_W}" height="${BAR_H}"/>` : '';
  return `<g class="bar"><title>${escapeHtml(gradeLine(group, plain))}</title>`
    + `<text x="${LABEL_END}" y="${y + BAR_H / 2}" text-anchor="end" dominant-baseline="middle">${escapeHtml(shortLabel(group.key))}</text>`
    + `${segments}${frame}<text class="total" x="${BAR_X + BAR_W + 8}" y="${y + BAR_H / 2}" dominant-baseline="middle">${auditsText(group.total)}</text></g>`;
}

/** The grade distribution as a horizontal 100 % stacked bar chart, one bar per team and one for all teams. No ids, so output stays byte-identical. */
export function gradeChart(distribution: GradeDistribution): string {
  const rows = gradeRows(distribution);
  const height = TOP + rows.length * ROW;
  const summary = `Audit grades by team: ${rows.map((group) => gradeLine(group, plain)).join('; ')}`;
  return `<svg class="audit-svg" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="${escapeHtml(summary)}">${legend()}${rows.map(bar).join('')}</svg>`;
}

function gradesPart(distribution: GradeDistribution | undefined): string {
  const heading = '<h3>Grades of the audits dated in the period</h3>';
  if (distribution === undefined) return `<div class="audit-grades">${heading}<p class="muted">No audits extract was read.</p></div>`;
  if (distribution.total === 0) return `<div class="audit-grades">${heading}<p>No audit is dated in the period.</p></div>`;
  return `<div class="audit-grades">${heading}${gradeChart(distribution)}<p class="muted">The moderated grade where there is one, else the auditor's; each bar is 100 % of its audits.</p></div>`;
}

function isAuditIndicator(result: IndicatorResult): boolean {
  return AUDIT_IDS.has(result.id) || result.id.startsWith(THEME_PREFIX);
}

function rateRow(result: IndicatorResult, badge: Badge): string {
  return `<tr data-indicator="${escapeHtml(result.id)}"><td>${escapeHtml(result.title)}</td><td class="num">${formatValue(result.kind, result.value)}</td>`
    + `<td class="num">${formatFraction(result.kind, result)}</td><td>${escapeHtml(formatTarget(result.kind, result.direction, result.target))}</td><td>${badge(result)}</td></tr>`;
}

function ratesPart(report: Report, badge: Badge): string {
  const results = report.indicators.filter(isAuditIndicator);
  if (results.length === 0) return '';
  return '<div class="audit-rates"><h3>Audit rates against their targets</h3>'
    + '<table><thead><tr><th>Indicator</th><th class="num">Value</th><th class="num">Met / cohort</th><th>Target</th><th>RAG</th></tr></thead>'
    + `<tbody>${results.map((result) => rateRow(result, badge)).join('')}</tbody></table></div>`;
}

function actionRow(action: OverdueAction, workingDays: number): string {
  const cells = [action.actionId, action.auditId, action.childId ?? '–', action.team ?? '–'].map((text) => `<td>${escapeHtml(text)}</td>`).join('');
  return `<tr>${cells}<td>${formatUk(action.raised)}</td><td>${formatUk(action.due)} <small>${dueFromText(action.dueFrom, workingDays)}</small></td><td class="num">${formatCount(action.daysOverdue)}</td></tr>`;
}

function actionsPart(actions: readonly OverdueAction[] | undefined, asAt: string, workingDays: number): string {
  const heading = '<h3>Overdue audit actions</h3>';
  if (actions === undefined) return `<div class="audit-actions">${heading}<p class="muted">No audit-actions extract was read.</p></div>`;
  if (actions.length === 0) return `<div class="audit-actions">${heading}<p>No audit action is overdue on ${asAt}.</p></div>`;
  return `<div class="audit-actions">${heading}<p>${actions.length} not completed on ${asAt} and past the due day: the action's due date, else ${dueFromText('working days', workingDays)} after it was raised; most overdue first.</p>`
    + '<table><thead><tr><th>Action</th><th>Audit</th><th>Child</th><th>Team</th><th>Raised</th><th>Due</th><th class="num">Days overdue</th></tr></thead>'
    + `<tbody>${actions.map((action) => actionRow(action, workingDays)).join('')}</tbody></table></div>`;
}

/** The Audits section of the pack; empty when the report has no audit summary. */
export function auditSection(report: Report, badge: Badge): string {
  const audit = report.audit;
  if (audit === undefined) return '';
  return `<section class="page audits" id="audits"><h2>Audits</h2>${gradesPart(audit.distribution)}${ratesPart(report, badge)}${actionsPart(audit.overdueActions, formatUk(report.period.asAt), audit.actionWorkingDays)}</section>`;
}
