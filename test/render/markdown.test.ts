import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/render/markdown.js';
import { plainReport, sampleReport } from './sampleReport.js';

describe('renderMarkdown: figures for wikis and CI summaries', () => {
  const markdown = renderMarkdown(sampleReport());
  const lines = markdown.split('\n');

  it('heads with the title and the period in UK dates', () => {
    expect(lines[0]).toBe('# Demo Authority');
    expect(markdown).toContain('Period 01/10/2026 to 31/10/2026 (2026-10), as at 31/10/2026, england-and-wales calendar.');
    expect(renderMarkdown({ ...sampleReport(), title: '' })).toMatch(/^# csc-metrics report\n/);
  });

  it('tabulates every indicator with value, met/cohort, target, RAG word and the trend values', () => {
    expect(markdown).toContain('| Indicator | Value | Met / cohort | Target | RAG | Trend (2026-08 → 2026-10) |\n| --- | --- | --- | --- | --- | --- |\n');
    // Issue 10: each trend value of a rate with its n ("of 20").
    expect(lines).toContain('| Assessments completed within 45 working days (assessment-timeliness) | 84.6 % | 22 / 26 | ≥ 90.0 % | RED | 75.0 % of 20 → 81.4 % of 43 → 84.6 % of 26 |');
    expect(lines).toContain('| Children missing for more than 5 days (missing-over-5-days) | 2 | 2 | ≤ 0 | RED | 0 → 1 → 2 |');
    expect(lines).toContain('| Return home interviews within 72 hours (rhi-within-72h) | – | 0 / 0 | ≥ 75.0 % | NO RAG | 50.0 % of 2 → – → – |');
  });

  it('drops the trend column without a series and the breakdown without groups', () => {
    const plain = renderMarkdown(plainReport());
    expect(plain).toContain('| Indicator | Value | Met / cohort | Target | RAG |\n');
    expect(plain).not.toContain('Trend');
    expect(plain).not.toContain('## Breakdown');
  });

  it('leaves out child-level rows and says so in a note under the table', () => {
    for (const childLevel of ['C00001', 'A0001', 'M0010', 'Worker 01', 'completed after 52 working days']) expect(markdown).not.toContain(childLevel);
    const note = lines.findIndex((line) => line.startsWith('_Figures only'));
    expect(lines[note - 2]).toMatch(/^\| Return home interviews/);
    expect(lines[note - 1]).toBe('');
  });

  it('lists the not-computed indicators and the data quality', () => {
    expect(markdown).toContain('**Not computed**\n\n- visits-cla: no visits extract\n');
    expect(lines).toContain('Data quality: 2 files, 40 rows read, 39 used, 1 rejected.');
  });

  it('breaks each indicator down by group, escaping Markdown and defanging addresses in the names', () => {
    expect(markdown).toContain('## Breakdown\n\n| Indicator | \\<script\\>alert\\("x"\\)\\</script\\> | =HYPERLINK\\("http\\[://\\]evil.example","click"\\) | @SUM\\(A1:A9\\) | North \\| South |\n| --- | --- | --- | --- | --- |\n');
    // Issue 10: the group of 3 is under minCohort 5, so it has no RAG and says why.
    expect(lines).toContain('| Assessments completed within 45 working days | 80.0 % RED (4 / 5) | 66.7 % NO RAG (n < 5) (2 / 3) | 88.9 % AMBER (8 / 9) | 88.9 % AMBER (8 / 9) |');
    expect(lines).toContain('| Children missing for more than 5 days | – | – | 2 RED (2) | – |');
    // An escaped pipe stays inside its cell: every breakdown row has the header's 5 cells.
    const breakdown = lines.slice(lines.indexOf('## Breakdown') + 2, -1);
    expect(breakdown).toHaveLength(2 + 3);
    for (const row of breakdown) expect(row.replace(/\\\|/g, '').split('|')).toHaveLength(7);
  });

  it('is byte-identical on two renders', () => {
    expect(renderMarkdown(sampleReport())).toBe(markdown);
    expect(markdown.endsWith('\n')).toBe(true);
  });
});
