import { describe, expect, it } from 'vitest';
import { renderCsvReport } from '../../src/render/csvReport.js';
import { renderHtml } from '../../src/render/html.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { FORMATS, formatForFile, RENDERERS } from '../../src/render/renderers.js';
import { sampleReport } from './sampleReport.js';

describe('RENDERERS: the one list of --format choices', () => {
  it('offers html, markdown and csv besides table and json', () => {
    expect(FORMATS).toEqual(expect.arrayContaining(['table', 'json', 'csv', 'html', 'markdown']));
  });

  it('maps each to its renderer', () => {
    const report = sampleReport();
    expect(RENDERERS.html(report)).toBe(renderHtml(report));
    expect(RENDERERS.markdown(report)).toBe(renderMarkdown(report));
    expect(RENDERERS.csv(report)).toBe(renderCsvReport(report));
  });

  it('infers them from the --out extension', () => {
    expect(formatForFile('pack.html')).toBe('html');
    expect(formatForFile('PACK.HTM')).toBe('html');
    expect(formatForFile('summary.md')).toBe('markdown');
    expect(formatForFile('figures.csv')).toBe('csv');
  });
});
