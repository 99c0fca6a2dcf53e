import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import type { IndicatorResult } from '../../src/core/report.js';
import { chartSvgFile, trendChart } from '../../src/render/htmlChart.js';
import { plainReport, sampleIndicator, sampleReport, withIndicator } from './sampleReport.js';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An element as parsed: its local name, namespace, attributes, children and own text. */
interface Node {
  readonly name: string;
  readonly uri: string;
  readonly attrs: Record<string, string>;
  readonly children: Node[];
  text: string;
}

/** Parses XML strictly (saxes throws on anything not well-formed) into a tree. */
function parseXml(xml: string): Node {
  const parser = new SaxesParser({ xmlns: true });
  const stack: Node[] = [];
  let root: Node | undefined;
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('opentag', (tag) => {
    const attrs: Record<string, string> = {};
    for (const attr of Object.values(tag.attributes)) attrs[attr.name] = attr.value;
    const node: Node = { name: tag.local, uri: tag.uri, attrs, children: [], text: '' };
    if (stack.length === 0) root = node;
    else stack[stack.length - 1]!.children.push(node);
    stack.push(node);
  });
  parser.on('text', (text) => {
    const top = stack[stack.length - 1];
    if (top) top.text += text;
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.write(xml).close();
  if (!root) throw new Error('no root element');
  return root;
}

function all(node: Node): Node[] {
  return [node, ...node.children.flatMap(all)];
}

function byClass(root: Node, cls: string): Node[] {
  return all(root).filter((n) => (n.attrs.class ?? '').split(' ').includes(cls));
}

function fileOf(indicator: IndicatorResult): Node {
  return parseXml(chartSvgFile(indicator, withIndicator(indicator)));
}

describe('chartSvgFile: one indicator as a standalone SVG for board papers', () => {
  const timeliness = sampleIndicator('assessment-timeliness');
  const svg = fileOf(timeliness);

  it('is a well-formed SVG document with its size, the SVG namespace and a white background', () => {
    expect(svg.name).toBe('svg');
    expect(svg.uri).toBe(SVG_NS);
    expect(all(svg).every((n) => n.uri === SVG_NS)).toBe(true);
    const { width, height, viewBox } = svg.attrs;
    expect(viewBox).toBe(`0 0 ${width} ${height}`);
    expect(Number(width)).toBeGreaterThan(300);
    const background = svg.children.find((n) => n.name === 'rect')!;
    expect(background.attrs).toMatchObject({ width, height, fill: '#fff' });
  });

  it('carries its own look: no stylesheet, no links, a font list ending in a generic family', () => {
    expect(all(svg).some((n) => n.name === 'style' || n.name === 'script' || 'style' in n.attrs || 'href' in n.attrs)).toBe(false);
    expect(svg.attrs['font-family']).toMatch(/, sans-serif$/);
    for (const line of byClass(svg, 'line')) expect(line.attrs).toMatchObject({ fill: 'none', stroke: '#1f4e79' });
    // The latest point in its RAG colour: red.
    expect(byClass(svg, 'now').find((n) => n.name === 'circle')!.attrs.fill).toBe('#b3261e');
  });

  it('has the title at the top, then the span and the latest value', () => {
    const title = byClass(svg, 'title');
    expect(title.map((n) => n.text)).toEqual(['Assessments completed within 45 working days']);
    expect(svg.children.find((n) => n.name === 'title')!.text).toBe('Assessments completed within 45 working days');
    expect(byClass(svg, 'subtitle')[0]!.text).toBe('3 periods to 2026-10: 84.6 %, RED');
    const chartTop = Number(/translate\(0 (\d+)\)/.exec(svg.children.find((n) => n.name === 'g')!.attrs.transform!)![1]);
    expect(Number(title[0]!.attrs.y)).toBeLessThan(chartTop);
  });

  it('draws the target as a dashed line across the plot, named in the legend', () => {
    const targets = byClass(svg, 'target');
    expect(targets.length).toBe(2);
    for (const line of targets) {
      expect(line.name).toBe('line');
      expect(line.attrs['stroke-dasharray']).toBe('6 4');
    }
    expect(byClass(svg, 'legend').map((n) => n.text)).toEqual(['target ≥ 90.0 %']);
  });

  it("labels each period with its n", () => {
    expect(byClass(svg, 'n-tick').map((n) => n.text)).toEqual(['n = 20', 'n = 43', 'n = 26']);
    expect(byClass(svg, 'tick').map((n) => n.text)).toContain('2026-08');
  });

  it("draws the pack's own chart: the same marks at the same places", () => {
    const marks = (root: Node): string[] => all(root).filter((n) => n.attrs.class !== undefined && !['title', 'subtitle', 'now-halo'].includes(n.attrs.class))
      .map((n) => [n.name, n.attrs.class, n.attrs.x, n.attrs.y, n.attrs.x1, n.attrs.y1, n.attrs.cx, n.attrs.cy, n.attrs.points, n.text].join('|'));
    const pack = parseXml(trendChart(timeliness, sampleReport().period));
    expect(marks(svg)).toEqual(marks(pack).slice(1));
  });

  it('escapes a hostile title from the config in the text, the <title> and the label', () => {
    const hostile = '<script>alert("x")</script> & Sons\' \u0007<b>';
    const xml = chartSvgFile({ ...timeliness, title: hostile }, sampleReport());
    expect(xml).not.toContain('<script>');
    const root = parseXml(xml);
    expect(all(root).map((n) => n.name)).not.toContain('script');
    expect(all(root).map((n) => n.name)).not.toContain('b');
    expect(root.children.find((n) => n.name === 'title')!.text).toBe('<script>alert("x")</script> & Sons\' <b>');
    expect(byClass(root, 'title').map((n) => n.text).join(' ')).toBe('<script>alert("x")</script> & Sons\' <b>');
    expect(root.attrs['aria-label']).toContain('<script>alert("x")</script> & Sons');
  });

  it('wraps a long title over lines that fit the width', () => {
    const long = 'Children subject to a child protection plan for a second or subsequent time within two years';
    const lines = byClass(fileOf({ ...timeliness, title: long }), 'title').map((n) => n.text);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe(long);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(44);
    const tall = fileOf({ ...timeliness, title: long });
    expect(Number(tall.attrs.height)).toBeGreaterThan(Number(svg.attrs.height));
  });

  it('an indicator without a trend gets a one-point chart of this period', () => {
    const plain = plainReport();
    const one = parseXml(chartSvgFile(plain.indicators[0]!, plain));
    expect(byClass(one, 'dot').length).toBe(1);
    expect(byClass(one, 'n-tick').map((n) => n.text)).toEqual(['n = 26']);
    expect(byClass(one, 'subtitle')[0]!.text).toBe('2026-10: 84.6 %, RED');
  });

  it('a count shows its values, no n (a count is its own n), and is the same bytes each time', () => {
    const missing = sampleIndicator('missing-over-5-days');
    const count = fileOf(missing);
    expect(byClass(count, 'n-tick')).toEqual([]);
    expect(byClass(count, 'now-label').map((n) => n.text)).toEqual(['2']);
    expect(chartSvgFile(missing, withIndicator(missing))).toBe(chartSvgFile(missing, withIndicator(missing)));
  });
});
