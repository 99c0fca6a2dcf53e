import { describe, expect, it } from 'vitest';
import { ExceptionList } from '../../src/core/exceptionList.js';
import type { Report } from '../../src/core/report.js';
import { renderJson, reportJson, reportJsonPieces } from '../../src/render/json.js';
import { load } from '../robustness/demoRuns.js';
import { builtInCalendar } from '../../src/core/calendar/workingCalendar.js';
import { parsePeriod } from '../../src/core/period.js';
import { buildReport } from '../../src/core/report.js';
import { DEFAULT_SETTINGS } from '../../src/core/settings.js';
import { namedReport, sampleReport } from './sampleReport.js';
import { fileURLToPath } from 'node:url';

const DEMO = fileURLToPath(new URL('../../fixtures/demo/', import.meta.url));

/** The plain reference: the whole document made at once, as JSON.stringify writes it. */
function plainJson(report: Report): string {
  return `${JSON.stringify(reportJson(report), null, 2)}\n`;
}

describe('the report JSON in pieces', () => {
  it('is the plain JSON byte for byte: the demo by team with a trend', async () => {
    const report = buildReport((await load(DEMO)).data, { period: parsePeriod('2026-10'), settings: DEFAULT_SETTINGS, calendar: builtInCalendar('england-and-wales'), by: 'team', trend: 3 });
    expect(report.indicators.length).toBeGreaterThan(20);
    expect([...reportJsonPieces(report)].join('')).toBe(plainJson(report));
  });

  it.each([
    ['the sample report', sampleReport()],
    ['hostile names (quotes, controls, NUL, line breaks)', namedReport()],
    ['no indicator computed', { ...sampleReport(), indicators: [] }],
  ])('is the plain JSON byte for byte: %s', (_name, report) => {
    expect([...reportJsonPieces(report)].join('')).toBe(plainJson(report));
  });

  it('writes a long exception list in pieces of a thousand, the same bytes', () => {
    // 2,500 exceptions: pieces of 1,000, 1,000 and 500 items, then the closing bracket.
    const base = sampleReport();
    const [first, ...rest] = base.indicators;
    const many = Array.from({ length: 2500 }, (_, i) => ({ ...first!.exceptions.at(0), childId: `C${String(i).padStart(5, '0')}` }));
    const report = { ...base, indicators: [{ ...first!, exceptions: ExceptionList.of(many) }, ...rest] };
    expect(first!.exceptions.length).toBeGreaterThan(0);
    const pieces = [...reportJsonPieces(report)];
    expect(pieces.join('')).toBe(plainJson(report));
    expect(pieces.filter((piece) => piece.includes('"childId": "C00000"') || piece.includes('"childId": "C01000"') || piece.includes('"childId": "C02000"'))).toHaveLength(3);
    expect(renderJson(report)).toBe(plainJson(report));
  });
});
