import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report.js';
import { formatFraction, formatValue, ragText } from '../../src/render/format.js';
import { createPaint } from '../../src/render/paint.js';
import { COMPACT_BELOW, renderTable } from '../../src/render/table.js';
import { namedReport, sampleReport } from './sampleReport.js';

/** Columns a line takes on a terminal, measured apart from the renderer: colour codes take none, fullwidth forms two. */
function columns(line: string): number {
  let width = 0;
  for (const ch of line.replace(/\x1b\[[0-9;]*m/g, '')) width += /[\uff01-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return width;
}

/** The words a reader sees: the text with borders, colour codes and spaces taken out. */
function words(text: string): Set<string> {
  return new Set(text.replace(/\x1b\[[0-9;]*m/g, '').split(/[\s│┌┐└┘├┤┬┴┼─]+/).filter((w) => w !== ''));
}

const REPORTS: readonly (readonly [string, () => Report])[] = [['the sample report', sampleReport], ['hostile team names', namedReport]];

describe('the terminal table fitted to the window', () => {
  for (const width of [40, 60, 80, 99, 100, 120, 160]) {
    for (const [name, report] of REPORTS) {
      it(`keeps every line of ${name} within ${width} columns, in colour or not, exceptions included`, () => {
        for (const colour of [false, true]) {
          const text = renderTable(report(), { paint: createPaint(colour), exceptions: true, width });
          const over = text.split('\n').filter((line) => columns(line) > width);
          expect(over, `lines wider than ${width}`).toEqual([]);
        }
      });
    }
  }

  for (const width of [80, 120]) {
    it(`keeps every title word, value, fraction, RAG and exception at ${width} columns`, () => {
      const report = sampleReport();
      const text = renderTable(report, { paint: createPaint(false), exceptions: true, width });
      const seen = words(text);
      const lines = text.split('\n');
      for (const result of report.indicators) {
        for (const word of result.title.split(' ')) expect(seen.has(word), `"${word}" of ${result.id}`).toBe(true);
        // A figure is never split across lines.
        for (const figure of [formatValue(result.kind, result.value), formatFraction(result.kind, result), ragText(result)]) {
          expect(lines.some((line) => line.includes(figure)), `${figure} of ${result.id}`).toBe(true);
        }
        for (const e of result.exceptions) expect(seen.has(e.childId), `${e.childId} of ${result.id}`).toBe(true);
      }
    });
  }

  it(`drops Timescale and Trend under ${COMPACT_BELOW} columns and keeps them from ${COMPACT_BELOW}`, () => {
    const head = (width: number): Set<string> => words(renderTable(sampleReport(), { paint: createPaint(false), width }).split('\n')[2] ?? '');
    expect(head(99).has('Timescale')).toBe(false);
    expect(head(99).has('Trend')).toBe(false);
    expect(head(100).has('Timescale')).toBe(true);
    expect(head(120).has('Trend')).toBe(true);
  });

  it('wraps the indicator titles at 80 columns rather than the whole line', () => {
    const text = renderTable(sampleReport(), { paint: createPaint(false), width: 80 });
    expect(text).toContain('│ Assessments completed');
    expect(text).not.toContain('Assessments completed within 45 working days');
  });

  it('falls back to one block per indicator when no table fits', () => {
    const text = renderTable(sampleReport(), { paint: createPaint(false), width: 30 });
    expect(text).not.toContain('│');
    expect(text.split('\n').every((line) => columns(line) <= 30)).toBe(true);
    expect(text).toContain('84.6 %  22 / 26');
  });
});

describe('the terminal table with no window (piped, or written to a file)', () => {
  it('is the full table at its natural width, as before widths were known', () => {
    // The first lines of the table as rendered before issue 10, captured from the sample report.
    const text = renderTable(sampleReport(), { paint: createPaint(false), exceptions: true });
    expect(text.split('\n').slice(0, 3)).toEqual([
      'Demo Authority: 2026-10-01 to 2026-10-31, as at 2026-10-31 (england-and-wales calendar)',
      '┌──────────────────────────────────────────────┬────────┬──────────────┬──────────┬────────────────┬─────────────────┬────────────────────────────────────────────┐',
      '│ Indicator                                    │ Value  │ Met / cohort │ Target   │ RAG            │ Timescale       │ Trend                                      │',
    ]);
  });

  it('is what an unlimited window gives, byte for byte, in colour or not', () => {
    for (const [, report] of REPORTS) {
      for (const colour of [false, true]) {
        const paint = createPaint(colour);
        expect(renderTable(report(), { paint, exceptions: true, width: Infinity })).toBe(renderTable(report(), { paint, exceptions: true }));
      }
    }
  });
});
