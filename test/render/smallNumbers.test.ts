// Issue 10, honest small numbers: every figure shows its n, a rate on fewer
// than minCohort records has no RAG ("n < 5") and no change arrow, and the
// pack has a key to the colours. Hand-made reports from sampleReport.ts.
import { describe, expect, it } from 'vitest';
import type { IndicatorResult } from '../../src/core/report.js';
import { renderHtml } from '../../src/render/html.js';
import { renderJson } from '../../src/render/json.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { createPaint } from '../../src/render/paint.js';
import { renderTable } from '../../src/render/table.js';
import { sampleIndicator, sampleReport, withIndicator } from './sampleReport.js';

/** The first `tag` element whose opening tag holds `attribute`, to its closing tag. */
function part(html: string, tag: string, attribute: string): string {
  for (let at = html.indexOf(attribute); at >= 0; at = html.indexOf(attribute, at + 1)) {
    const open = html.lastIndexOf('<', at);
    if (html.startsWith(`<${tag} `, open)) return html.slice(open, html.indexOf(`</${tag}>`, at) + tag.length + 3);
  }
  throw new Error(`no <${tag}> with ${attribute}`);
}

const TIMELINESS = 'assessment-timeliness';
const tile = (html: string, id: string) => part(html, 'article', `data-indicator="${id}"`);
const chart = (html: string, id: string) => part(html, 'figure', `data-indicator="${id}"`);

/** Timeliness with this period 1 of 1 (100 %, "▲ 18.6 pts" on 35/43 before issue 10), not judged. */
function oneOfOne(): IndicatorResult {
  const base = sampleIndicator(TIMELINESS);
  const series = base.series!;
  return {
    ...base,
    numerator: 1,
    denominator: 1,
    value: 1,
    rag: 'none',
    ragReason: 'n < 5',
    series: [...series.slice(0, -1), { ...series[series.length - 1]!, numerator: 1, denominator: 1, value: 1, rag: 'none', ragReason: 'n < 5' }],
  };
}

describe('HTML: n on every figure, no arrow on small numbers, a RAG key', () => {
  const html = renderHtml(sampleReport());

  it('shows "n = 26" on a rate tile and no n on a count tile (a count is its own n)', () => {
    expect(tile(html, TIMELINESS)).toContain('<span class="n">n = 26</span>');
    expect(tile(html, 'missing-over-5-days')).not.toContain('n = ');
  });

  it('keeps the change arrow when both periods are big enough: 22/26 after 35/43', () => {
    expect(tile(html, TIMELINESS)).toContain('▲ 3.2 pts on 2026-09');
  });

  it('draws no arrow on a tile whose n is under minCohort, and says why; the badge gives the reason', () => {
    const small = tile(renderHtml(withIndicator(oneOfOne())), TIMELINESS);
    expect(small).not.toMatch(/[▲▼]/);
    expect(small).not.toContain('pts');
    expect(small).toContain('<p class="change same">not compared with 2026-09: n &lt; 5</p>');
    expect(small).toContain('<span class="badge rag-none">NO RAG (n &lt; 5)</span>');
    expect(small).toContain('<span class="n">n = 1</span>');
  });

  it('draws no arrow either when the previous period was the small one', () => {
    const base = sampleIndicator(TIMELINESS);
    const [aug, sep, oct] = base.series! as [NonNullable<IndicatorResult['series']>[number], NonNullable<IndicatorResult['series']>[number], NonNullable<IndicatorResult['series']>[number]];
    const previousSmall = { ...base, series: [aug, { ...sep, numerator: 1, denominator: 2, value: 0.5, rag: 'none' as const, ragReason: 'n < 5' }, oct] };
    const text = tile(renderHtml(withIndicator(previousSmall)), TIMELINESS);
    expect(text).not.toMatch(/[▲▼]/);
    expect(text).toContain('not compared with 2026-09: n &lt; 5');
  });

  it('draws no arrow for a small n without a target either (no RAG to withhold, still too few to compare)', () => {
    const noTarget = { ...oneOfOne(), target: null, ragReason: undefined, series: oneOfOne().series!.map(({ ragReason: _r, ...p }) => ({ ...p, target: null, rag: 'none' as const })) };
    const text = tile(renderHtml(withIndicator(noTarget)), TIMELINESS);
    expect(text).not.toMatch(/[▲▼]/);
    expect(text).toContain('not compared with 2026-09: n &lt; 5');
    expect(text).toContain('<span class="badge rag-none">NO RAG</span>');
  });

  it('labels each chart point with its n, under the period and on hover, and draws a small one hollow', () => {
    const rate = chart(html, TIMELINESS);
    expect(rate.match(/>n = \d+<\/text>/g)).toEqual(['>n = 20</text>', '>n = 43</text>', '>n = 26</text>']);
    expect(rate).toContain('<title>2026-09: 81.4 % (n = 43)</title>');
    const interviews = chart(html, 'rhi-within-72h');
    expect(interviews).toContain('<circle class="dot small"');
    expect(interviews).toContain('<title>2026-08: 50.0 % (n = 2, not judged: n &lt; 5)</title>');
    // Counts carry no n row: the count is the n.
    expect(chart(html, 'missing-over-5-days')).not.toContain('n = ');
  });

  it('gives the reason in a breakdown cell under the minimum', () => {
    expect(html).toContain('<b>66.7 %</b> NO RAG (n &lt; 5)<br><small>2 / 3</small>');
  });

  it('has a RAG key with the tolerance and minimum cohort in force', () => {
    const key = part(html, 'dl', 'aria-label="RAG key"');
    expect(key).toContain('<span class="badge rag-green">GREEN</span></dt><dd>meets the target</dd>');
    expect(key).toContain('<span class="badge rag-amber">AMBER</span></dt><dd>a rate below its target by no more than 5 percentage points</dd>');
    expect(key).toContain('<span class="badge rag-red">RED</span>');
    expect(key).toContain('<span class="badge rag-none">NO RAG</span></dt><dd>no target, no value (no records), or n &lt; 5: a rate on fewer than 5 records is not judged</dd>');
    const other = part(renderHtml({ ...sampleReport(), ragRules: { tolerance: 3, minCohort: 10 } }), 'dl', 'aria-label="RAG key"');
    expect(other).toContain('no more than 3 percentage points');
    expect(other).toContain('n &lt; 10: a rate on fewer than 10 records');
  });
});

describe('table, Markdown and JSON: the n and the reason', () => {
  const report = withIndicator(oneOfOne());

  it('the table shows met / cohort and "NO RAG (n < 5)"', () => {
    const table = renderTable(report, { paint: createPaint(false) });
    expect(table).toMatch(/│ 100\.0 % +│ 1 \/ 1 +│ ≥ 90\.0 % +│ NO RAG \(n < 5\) +│/);
    expect(table).toContain('75.0 % of 20 → 81.4 % of 43 → 100.0 % of 1');
  });

  it('Markdown shows met / cohort, the reason and each trend value with its n', () => {
    const markdown = renderMarkdown(report);
    expect(markdown).toContain('| 100.0 % | 1 / 1 | ≥ 90.0 % | NO RAG (n < 5) | 75.0 % of 20 → 81.4 % of 43 → 100.0 % of 1 |');
    expect(markdown).toContain('66.7 % NO RAG (n < 5) (2 / 3)');
  });

  it('JSON carries ragReason on the indicator, its groups and its series points, only where there is one', () => {
    const json = JSON.parse(renderJson(report)) as { indicators: { id: string; ragReason?: string; groups: { ragReason?: string }[]; series: { ragReason?: string }[] }[] };
    const timeliness = json.indicators.find((r) => r.id === TIMELINESS)!;
    expect(timeliness.ragReason).toBe('n < 5');
    expect(timeliness.groups.map((g) => g.ragReason)).toEqual([undefined, 'n < 5', undefined, undefined]);
    expect(timeliness.series.map((p) => p.ragReason)).toEqual([undefined, undefined, 'n < 5']);
    expect(Object.keys(json.indicators.find((r) => r.id === 'missing-over-5-days')!)).not.toContain('ragReason');
  });
});
