import { describe, expect, it } from 'vitest';
import { ExceptionList } from '../../src/core/exceptionList.js';
import { renderHtml } from '../../src/render/html.js';
import { HOSTILE, plainReport, sampleIndicator, sampleReport, withIndicator } from './sampleReport.js';

/** The first `tag` element whose opening tag holds `attribute`, to its closing tag (these elements do not nest in the pack). */
function part(html: string, tag: string, attribute: string): string {
  for (let at = html.indexOf(attribute); at >= 0; at = html.indexOf(attribute, at + 1)) {
    const open = html.lastIndexOf('<', at);
    if (html.startsWith(`<${tag} `, open)) return html.slice(open, html.indexOf(`</${tag}>`, at) + tag.length + 3);
  }
  throw new Error(`no <${tag}> with ${attribute}`);
}

const tile = (html: string, id: string) => part(html, 'article', `data-indicator="${id}"`);
const chart = (html: string, id: string) => part(html, 'figure', `data-indicator="${id}"`);
const section = (html: string, id: string) => part(html, 'section', `id="${id}"`);

describe('renderHtml: a self-contained surgery pack', () => {
  const html = renderHtml(sampleReport());

  it('is one HTML document with inline CSS and nothing that could be fetched', () => {
    expect(html.startsWith('<!doctype html>\n')).toBe(true);
    expect(html).toContain('<style>');
    for (const fetched of ['<script', '<link', '<img', '<iframe', 'src=', 'href=', 'url(', '@import', '@font-face']) expect(html).not.toContain(fetched);
  });

  it('prints on A4 with a page break between sections', () => {
    expect(html).toContain('@page { size: A4;');
    expect(html).toContain('@media print');
    expect(html).toContain('section.page { break-before: page; }');
    expect(html.match(/<section class="page[^"]*" id="/g)).toHaveLength(4);
  });

  it('runs in surgery order: headline, missing children, tiles, trends, breakdown, exceptions', () => {
    const order = ['headline', 'missing', 'indicators', 'trends', 'breakdown', 'exceptions'].map((id) => html.indexOf(`id="${id}"`));
    expect(order.every((at) => at > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('shows the report warnings in the headline and an indicator warning on its tile, escaped', () => {
    const report = sampleReport();
    const warned = renderHtml({
      ...report,
      period: { ...report.period, asAt: report.period.from, asAtIsExtractDate: true },
      warnings: ['the as-at date 2026-11-30 is after the extract date 2026-11-20 <b>'],
      indicators: report.indicators.map((r) => (r.id === 'missing-over-5-days' ? { ...r, warnings: ['220 of 463 missing.csv rows (47.5 %) were rejected'] } : r)),
    });
    expect(section(warned, 'headline')).toContain('<p class="warning" role="note">Warning: the as-at date 2026-11-30 is after the extract date 2026-11-20 &lt;b&gt;</p>');
    expect(section(warned, 'headline')).toContain('01/10/2026 (the extract date: the extracts were taken before the period ended)');
    expect(tile(warned, 'missing-over-5-days')).toContain('Warning: 220 of 463 missing.csv rows (47.5 %) were rejected');
    expect(tile(warned, 'assessment-timeliness')).not.toContain('Warning');
  });

  it('heads the pack with the title, UK dates, calendar, RAG counts and rows read/used/rejected per file', () => {
    const head = section(html, 'headline');
    expect(head).toContain('<h1>Demo Authority</h1>');
    expect(head).toContain('<dd>01/10/2026 to 31/10/2026 (2026-10)</dd>');
    expect(head).toContain('<dt>As at</dt><dd>31/10/2026</dd>');
    expect(head).toContain('<dd>england-and-wales</dd>');
    expect(head).toContain('<span class="rag-red">2 RED</span>');
    expect(head).toContain('<span class="rag-none">1 NO RAG</span>');
    expect(head).toContain('Data quality: 2 files, 40 rows read, 39 used, 1 rejected');
    expect(head).toContain('<tr><td>assessments.csv</td><td>assessments</td><td class="num">30</td><td class="num">29</td><td class="num">1</td></tr>');
    // ISO dates are for machines; people read 31/10/2026.
    expect(html).not.toMatch(/2026-\d\d-\d\d/);
  });

  it('uses a generic heading without --title', () => {
    const { title: _title, ...untitled } = sampleReport();
    expect(renderHtml(untitled)).toContain('<h1>csc-metrics report</h1>');
  });

  it('lists the children missing for more than 5 days, with team, worker and detail', () => {
    const missing = section(html, 'missing');
    expect(missing).toContain('2 missing as at 31/10/2026');
    expect(missing).toContain('<tr><td>C00010</td><td>M0010</td><td>@SUM(A1:A9)</td><td>Worker 03</td><td>missing since 04/10/2026 (27 days)</td></tr>');
    expect(missing).toContain('C00011');
  });

  it('says "none" when nobody is missing and "not computed" without a missing extract', () => {
    const none = withIndicator({ ...sampleIndicator('missing-over-5-days'), numerator: 0, denominator: 0, value: 0, rag: 'green', exceptions: ExceptionList.of([]) });
    expect(section(renderHtml(none), 'missing')).toContain('<p>None.</p>');
    const report = sampleReport();
    const absent = { ...report, indicators: report.indicators.filter((r) => r.id !== 'missing-over-5-days'), notComputed: [{ id: 'missing-over-5-days', reason: 'no missing extract' }] };
    expect(section(renderHtml(absent), 'missing')).toContain('Not computed: no missing extract.');
  });

  it('gives every indicator a tile with value, RAG word, target, met/cohort and the change on the previous period', () => {
    const rate = tile(html, 'assessment-timeliness');
    expect(rate).toContain('class="tile rag-red"');
    expect(rate).toContain('<span class="value">84.6 %</span><span class="badge rag-red">RED</span>');
    expect(rate).toContain('<dt>Target</dt><dd>≥ 90.0 %</dd>');
    expect(rate).toContain('<dt>Met / cohort</dt><dd>22 / 26</dd>');
    expect(rate).toContain('▲ 3.2 pts on 2026-09 · better');
    const count = tile(html, 'missing-over-5-days');
    expect(count).toContain('<span class="value">2</span><span class="badge rag-red">RED</span>');
    expect(count).toContain('<dt>Target</dt><dd>≤ 0</dd>');
    expect(count).toContain('▲ 1 on 2026-09 · worse');
    const empty = tile(html, 'rhi-within-72h');
    expect(empty).toContain('<span class="value">–</span><span class="badge rag-none">NO RAG</span>');
    expect(empty).toContain('no figure to compare on 2026-09');
  });

  it('shows no change line without a series', () => {
    expect(tile(renderHtml(plainReport()), 'assessment-timeliness')).not.toContain('class="change');
  });

  it('lists the not-computed indicators with their reason', () => {
    expect(section(html, 'indicators')).toContain('<li><strong>visits-cla</strong>: no visits extract</li>');
  });

  it('draws a trend chart per indicator over the series, with percent axis labels, period labels and a dashed target line', () => {
    for (const id of ['assessment-timeliness', 'missing-over-5-days', 'rhi-within-72h']) expect(chart(html, id)).toContain('<svg class="chart-svg"');
    const rate = chart(html, 'assessment-timeliness');
    for (const label of ['2026-08', '2026-09', '2026-10', '70 %', '90 %', 'target ≥ 90.0 %']) expect(rate).toContain(`>${label}</text>`);
    expect(rate.match(/<line class="target"/g)).toHaveLength(2);
    expect(rate.match(/<circle /g)).toHaveLength(3);
    // Issue 10: every point is read with its n.
    expect(rate).toContain('aria-label="Assessments completed within 45 working days: 2026-08: 75.0 % (n = 20), 2026-09: 81.4 % (n = 43), 2026-10: 84.6 % (n = 26); target ≥ 90.0 %"');
    // Counts are drawn on whole numbers from 0.
    expect(chart(html, 'missing-over-5-days')).toContain('>0</text>');
  });

  it('breaks the line where a period has no value instead of drawing it at 0', () => {
    const gap = chart(html, 'rhi-within-72h');
    expect(gap.match(/<circle /g)).toHaveLength(1);
    expect(gap).not.toContain('<polyline');
  });

  it('still draws this period\'s point and target when there is no series', () => {
    const single = chart(renderHtml(plainReport()), 'assessment-timeliness');
    expect(single.match(/<circle /g)).toHaveLength(1);
    expect(single).toContain('>2026-10</text>');
    expect(single).toContain('<line class="target"');
  });

  it('tabulates the breakdown by group with values and RAG words, or says how to get one', () => {
    const breakdown = section(html, 'breakdown');
    expect(breakdown).toContain('<th>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</th>');
    expect(breakdown).toContain('<td class="rag-amber"><b>88.9 %</b> AMBER<br><small>8 / 9</small></td>');
    expect(breakdown).toContain('<td class="muted">–</td>');
    expect(section(renderHtml(plainReport()), 'breakdown')).toContain('Run with --by team for the breakdown.');
  });

  it('lists the exceptions per indicator by team, then worker, with child, record and detail', () => {
    const list = part(html, 'div', 'class="exceptions" data-indicator="assessment-timeliness"');
    const teams = [...list.matchAll(/<th colspan="4">([^<]*)<\/th>/g)].map((m) => m[1]);
    expect(teams).toEqual(['&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; · 1', '=HYPERLINK(&quot;http://evil.example&quot;,&quot;click&quot;) · 2', '(no team) · 1']);
    expect(list).toContain('<tr><td rowspan="2">Worker 02</td><td>C00002</td><td>A0002</td><td>completed after 46 working days</td></tr><tr><td>C00003</td><td>A0003</td><td>due 16/10/2026, 11 days overdue</td></tr>');
    expect(list).toContain('<td rowspan="1">(no worker)</td><td>C00004</td>');
    expect(section(html, 'exceptions')).toContain('No exceptions: Return home interviews within 72 hours.');
  });

  it('escapes every piece of text from the data', () => {
    expect(html).not.toContain(HOSTILE.script);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    const report = sampleReport();
    const hostileTitle = renderHtml({ ...report, title: 'A & B <Council>', generatedAt: '"><b>' });
    expect(hostileTitle).toContain('<h1>A &amp; B &lt;Council&gt;</h1>');
    expect(hostileTitle).toContain('<dd>&quot;&gt;&lt;b&gt;</dd>');
  });

  it('is byte-identical on two renders and has no timestamp unless generatedAt is set', () => {
    expect(renderHtml(sampleReport())).toBe(html);
    expect(html).not.toContain('Generated');
    expect(renderHtml({ ...sampleReport(), generatedAt: '2026-11-02T09:00:00Z' })).toContain('<dt>Generated</dt><dd>2026-11-02T09:00:00Z</dd>');
  });
});
