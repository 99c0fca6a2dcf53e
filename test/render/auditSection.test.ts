import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig, type ResolvedSettings } from '../../src/core/config.js';
import { INDICATORS, indicatorsFor } from '../../src/core/indicators/registry.js';
import { parsePeriod } from '../../src/core/period.js';
import type { Report } from '../../src/core/report.js';
import { validationLimits } from '../../src/cli/options.js';
import { loadDataset } from '../../src/io/loadDataset.js';
import { renderHtml } from '../../src/render/html.js';
import { renderJson, reportJson } from '../../src/render/json.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { createPaint } from '../../src/render/paint.js';
import { renderTable } from '../../src/render/table.js';
import { renderXlsx } from '../../src/render/xlsx.js';
import { calendar, EXTRACTED_ON, loadScenario, reportOf } from '../indicators/helpers.js';
import { readWorkbook, sheetOf } from './readWorkbook.js';
import { HOSTILE, plainReport } from './sampleReport.js';

/*
 * fixtures/indicators/audits, October 2026, as at 31/10/2026, by hand.
 * Grades (the moderated grade, else the grade) of the audits dated in October
 * (AU7, 30/09, is outside):
 *   Team A: AU1 good, AU2 "2" = good, AU5 outstanding moderated to RI → good 2, RI 1 (3)
 *   Team B: AU3 RI moderated to good, AU4 RI, AU6 "4" moderated inadequate → good 1, RI 1, inadequate 1 (3)
 *   all: good 3, RI 2, inadequate 1 (6).
 * Actions open on 31/10 and past their due day:
 *   AC5 (AU5, C5, Team A) raised Tue 01/09, no due date: the 20th working day after is 29/09
 *     (2–4, 7–11, 14–18, 21–25, 28, 29 Sept: no bank holiday), 31/10 − 29/09 = 32 days;
 *   AC6 (AU6, C6, Team B) raised 02/10, due_date 16/10: 15 days;
 *   AC4 (raised 15/10) is due 12/11, not yet overdue; AC8, AC9 are raised after 31/10.
 * audit-actions-20-working-days: raised in October and due by 31/10: AC1, AC3, AC7 in time, AC2 late, AC6 open → 3 of 5.
 */
const OCTOBER = parsePeriod('2026-10');

/** The audits fixture read with the config's theme, so the report has an audit-theme-* indicator too. */
async function themedReport(): Promise<Report> {
  const config = { audit: { themes: { 'voice-of-child': { column: 'voice_evident', title: "Child's voice evident", target: 90 } } } };
  const { settings } = resolveConfig(config, INDICATORS) as ResolvedSettings;
  const dir = fileURLToPath(new URL('../../fixtures/indicators/audits/', import.meta.url));
  const { data } = await loadDataset({ dir, files: {} }, { limits: validationLimits(EXTRACTED_ON, calendar), mappings: settings.extracts });
  return reportOf(data, OCTOBER, { settings }, indicatorsFor(settings));
}

/** The report with its teams renamed, in the distribution and in the actions. */
function renamed(report: Report, from: string, to: string): Report {
  const audit = report.audit!;
  return {
    ...report,
    audit: {
      ...audit,
      distribution: { ...audit.distribution!, byTeam: audit.distribution!.byTeam.map((group) => (group.key === from ? { ...group, key: to } : group)) },
      overdueActions: audit.overdueActions!.map((action) => (action.team === from ? { ...action, team: to } : action)),
    },
  };
}

/** The HTML between `<tag …marker` and its closing tag (no nesting of the same tag assumed). */
function part(html: string, tag: string, marker: string): string {
  const start = html.indexOf(`<${tag} ${marker}`);
  if (start < 0) throw new Error(`no <${tag} ${marker}`);
  return html.slice(start, html.indexOf(`</${tag}>`, start) + tag.length + 3);
}

describe('the audit section of the JSON, the pack, the workbook and the table', () => {
  let report: Report;
  let themed: Report;
  beforeAll(async () => {
    report = reportOf(await loadScenario('audits'), OCTOBER);
    themed = await themedReport();
  });

  it('JSON: the grade distribution by team and the overdue actions, most overdue first', () => {
    expect((reportJson(report) as { audit: unknown }).audit).toEqual({
      gradeDistribution: {
        total: 6,
        grades: { outstanding: 0, good: 3, 'requires improvement': 2, inadequate: 1 },
        byTeam: [
          { team: 'Team A', total: 3, grades: { outstanding: 0, good: 2, 'requires improvement': 1, inadequate: 0 } },
          { team: 'Team B', total: 3, grades: { outstanding: 0, good: 1, 'requires improvement': 1, inadequate: 1 } },
        ],
      },
      overdueActions: [
        { actionId: 'AC5', auditId: 'AU5', childId: 'C5', team: 'Team A', raised: '2026-09-01', due: '2026-09-29', dueFrom: 'working days', daysOverdue: 32 },
        { actionId: 'AC6', auditId: 'AU6', childId: 'C6', team: 'Team B', raised: '2026-10-02', due: '2026-10-16', dueFrom: 'due_date', daysOverdue: 15 },
      ],
    });
  });

  it('JSON: keys in a fixed order, the same bytes twice; null for a part whose extract was not read; no key without audits', () => {
    const text = renderJson(report);
    expect(renderJson(report)).toBe(text);
    expect(Object.keys((JSON.parse(text) as { audit: object }).audit)).toEqual(['gradeDistribution', 'overdueActions']);
    expect(text.indexOf('"outstanding"')).toBeLessThan(text.indexOf('"inadequate"'));
    const gradesOnly = { ...report, audit: { actionWorkingDays: 20, distribution: report.audit!.distribution! } };
    expect((reportJson(gradesOnly) as { audit: { overdueActions: unknown } }).audit.overdueActions).toBeNull();
    expect(reportJson(plainReport())).not.toHaveProperty('audit');
  });

  it('HTML: a bar per team and for all teams, each segment its share of 360 units with its count and title', () => {
    const section = part(renderHtml(report), 'section', 'class="page audits" id="audits"');
    const teamA = part(section, 'g', 'class="bar"><title>Team A');
    // Team A: good 2/3 of 360 = 240 from x = 176, RI 1/3 = 120 from 416; no outstanding or inadequate segment.
    expect(teamA).toContain('<rect class="seg g-good" x="176" y="26" width="240" height="16"><title>Team A: good 2 of 3 (66.7 %)</title></rect>');
    expect(teamA).toContain('<rect class="seg g-requires-improvement" x="416" y="26" width="120" height="16"><title>Team A: requires improvement 1 of 3 (33.3 %)</title></rect>');
    expect(teamA).not.toContain('g-outstanding');
    expect(teamA).not.toContain('g-inadequate');
    expect(teamA).toContain('>3 audits</text>');
    // All teams (third row, y = 26 + 2 × 24 = 74): good 3/6 = 180, RI 2/6 = 120 from 356, inadequate 1/6 = 60 from 476.
    const all = part(section, 'g', 'class="bar"><title>All teams');
    expect(all).toContain('<title>All teams: good 3, requires improvement 2, inadequate 1 (6 audits)</title>');
    expect(all).toContain('<rect class="seg g-inadequate" x="476" y="74" width="60" height="16"><title>All teams: inadequate 1 of 6 (16.7 %)</title></rect>');
    // The legend in the segments' order, outstanding → inadequate.
    const legend = [...section.matchAll(/<text class="legend"[^>]*>([^<]*)</g)].map((m) => m[1]);
    expect(legend).toEqual(['outstanding', 'good', 'requires improvement', 'inadequate']);
  });

  it('HTML: the audit rates against their targets, the theme included', () => {
    const rates = part(renderHtml(themed), 'div', 'class="audit-rates"');
    const ids = [...rates.matchAll(/data-indicator="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(['audits-good-or-better', 'audits-inadequate', 'audit-moderation-agreement', 'audit-actions-20-working-days', 'audit-theme-voice-of-child']);
    // Good or better 3 of 6 = 50.0 % against ≥ 70.0 %; actions 3 of 5 = 60.0 % against ≥ 75.0 %; the theme 3 of 6 against ≥ 90.0 % (AU1, AU3, AU5 yes).
    expect(part(rates, 'tr', 'data-indicator="audits-good-or-better"')).toMatch(/<td class="num">50\.0 %<\/td><td class="num">3 \/ 6<\/td><td>≥ 70\.0 %<\/td><td><span class="badge rag-red">RED<\/span>/);
    expect(part(rates, 'tr', 'data-indicator="audit-actions-20-working-days"')).toMatch(/<td class="num">60\.0 %<\/td><td class="num">3 \/ 5<\/td><td>≥ 75\.0 %<\/td><td><span class="badge rag-red">RED<\/span>/);
    expect(part(rates, 'tr', 'data-indicator="audit-theme-voice-of-child"')).toContain("<td>Child&#39;s voice evident</td><td class=\"num\">50.0 %</td><td class=\"num\">3 / 6</td><td>≥ 90.0 %</td>");
  });

  it('HTML: the overdue actions in order, with where the due day came from', () => {
    const actions = part(renderHtml(report), 'div', 'class="audit-actions"');
    const rows = [...actions.matchAll(/<tr><td>(AC\d)<\/td>(.*?)<\/tr>/g)].map((m) => `${m[1]}${m[2]}`);
    expect(rows).toEqual([
      'AC5<td>AU5</td><td>C5</td><td>Team A</td><td>01/09/2026</td><td>29/09/2026 <small>20 working days</small></td><td class="num">32</td>',
      'AC6<td>AU6</td><td>C6</td><td>Team B</td><td>02/10/2026</td><td>16/10/2026 <small>due date</small></td><td class="num">15</td>',
    ]);
    const none = { ...report, audit: { ...report.audit!, overdueActions: [] } };
    expect(part(renderHtml(none), 'div', 'class="audit-actions"')).toContain('<p>No audit action is overdue on 31/10/2026.</p>');
  });

  it('HTML: no Audits section without audits; a hostile team name is escaped in the chart and the actions', () => {
    expect(renderHtml(plainReport())).not.toContain('id="audits"');
    expect(renderHtml(report)).toBe(renderHtml(report));
    const html = renderHtml(renamed(report, 'Team A', HOSTILE.script));
    const section = part(html, 'section', 'class="page audits" id="audits"');
    expect(section).not.toContain('<script>');
    expect(section).toContain('<title>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;: good 2 of 3 (66.7 %)</title>');
    expect(section).toContain('<td>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</td>');
  });

  it('xlsx: an Audits sheet with the grades by team, then the overdue actions', async () => {
    const sheet = sheetOf(await readWorkbook(await renderXlsx(report)), 'Audits');
    // getSheetValues is sparse (a blank row is a hole) and 1-based.
    const rows = Array.from(sheet.getSheetValues() as (unknown[] | undefined)[], (row) => (row ?? []).slice(1)).slice(1);
    expect(rows).toEqual([
      ['team', 'outstanding', 'good', 'requires improvement', 'inadequate', 'total'],
      ['Team A', 0, 2, 1, 0, 3],
      ['Team B', 0, 1, 1, 1, 3],
      ['All teams', 0, 3, 2, 1, 6],
      [],
      ['action', 'audit', 'child', 'team', 'raised', 'due', 'due from', 'days overdue'],
      ['AC5', 'AU5', 'C5', 'Team A', new Date('2026-09-01'), new Date('2026-09-29'), '20 working days', 32],
      ['AC6', 'AU6', 'C6', 'Team B', new Date('2026-10-02'), new Date('2026-10-16'), 'due date', 15],
    ]);
    expect(sheet.getCell('E7').numFmt).toBe('dd/mm/yyyy');
    expect(await renderXlsx(report)).toEqual(await renderXlsx(report));
  });

  it('the terminal table and Markdown: grades per team and the number overdue, no child', () => {
    const block = ['Audit grades', '  Team A: good 2, requires improvement 1 (3 audits)', '  Team B: good 1, requires improvement 1, inadequate 1 (3 audits)', '  All teams: good 3, requires improvement 2, inadequate 1 (6 audits)', 'Overdue audit actions: 2'].join('\n');
    for (const width of [undefined, 120]) {
      const table = renderTable(report, { paint: createPaint(false), width });
      expect(table).toContain(block);
      expect(table).not.toContain('C5');
    }
    const markdown = renderMarkdown(report);
    expect(markdown).toContain('**Audit grades**\n\n- Team A: good 2, requires improvement 1 (3 audits)\n- Team B: good 1, requires improvement 1, inadequate 1 (3 audits)\n- All teams: good 3, requires improvement 2, inadequate 1 (6 audits)\n\nOverdue audit actions: 2.');
    expect(renderTable(plainReport(), { paint: createPaint(false) })).not.toContain('Audit grades');
    // A team name that would write to the clipboard is shown as escapes in the terminal and inert in Markdown.
    const hostile = renamed(report, 'Team A', HOSTILE.osc52);
    expect(renderTable(hostile, { paint: createPaint(false) })).toContain('  \\x1b]52;c;ZXZpbA==\\x07: good 2, requires improvement 1 (3 audits)');
    expect(renderMarkdown(renamed(report, 'Team A', HOSTILE.link))).toContain('- \\[click\\]\\(https\\[://\\]evil.example/login\\): good 2');
  });
});
