import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report.js';
import { renderCsvReport } from '../../src/render/csvReport.js';
import { HOSTILE, plainReport, sampleReport } from './sampleReport.js';

const HEADER = 'indicator,title,kind,group,numerator,denominator,value,target,direction,rag,period_from,period_to,as_at,warnings';

/** The sample report as run without --trend. */
function withoutTrend(report: Report): Report {
  return { ...report, indicators: report.indicators.map(({ series: _series, ...result }) => result) };
}

describe('renderCsvReport: one row per indicator and per group, for Excel', () => {
  const csv = renderCsvReport(withoutTrend(sampleReport()));
  const rows: string[][] = parse(csv);

  it('writes the header and CRLF line endings', () => {
    expect(csv.startsWith(`${HEADER}\r\n`)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('writes the indicator row (group empty) followed by its group rows', () => {
    // 3 indicators, 4 + 1 + 0 groups.
    expect(rows).toHaveLength(1 + 3 + 5);
    expect(rows.map((r) => `${r[0]}/${r[3]}`)).toEqual([
      'indicator/group',
      'assessment-timeliness/', `assessment-timeliness/${HOSTILE.script}`,
      `assessment-timeliness/'${HOSTILE.hyperlink}`, `assessment-timeliness/'${HOSTILE.sum}`, `assessment-timeliness/${HOSTILE.pipe}`,
      'missing-over-5-days/', `missing-over-5-days/'${HOSTILE.sum}`,
      'rhi-within-72h/',
    ]);
  });

  it('gives figures, target, RAG and ISO period dates on every row', () => {
    expect(rows[1]).toEqual(['assessment-timeliness', 'Assessments completed within 45 working days', 'rate', '', '22', '26', '0.846154', '0.9', 'higher', 'red', '2026-10-01', '2026-10-31', '2026-10-31', '']);
    expect(rows[4]).toEqual(['assessment-timeliness', 'Assessments completed within 45 working days', 'rate', `'${HOSTILE.sum}`, '8', '9', '0.888889', '0.9', 'higher', 'amber', '2026-10-01', '2026-10-31', '2026-10-31', '']);
    expect(rows[6]).toEqual(['missing-over-5-days', 'Children missing for more than 5 days', 'count', '', '2', '2', '2', '0', 'lower', 'red', '2026-10-01', '2026-10-31', '2026-10-31', '']);
    // No value (empty cohort) is an empty cell, never 0.
    expect(rows[8]!.slice(4, 8)).toEqual(['0', '0', '', '0.75']);
  });

  it("carries an indicator's warnings on its rows", () => {
    const report = withoutTrend(sampleReport());
    const warned = { ...report, indicators: report.indicators.map((r, i) => (i === 2 ? { ...r, warnings: ['20 of 40 missing.csv rows (50 %) were rejected', 'second'] } : r)) };
    expect(parse(renderCsvReport(warned))[8]![13]).toBe('20 of 40 missing.csv rows (50 %) were rejected; second');
  });

  it('neutralises spreadsheet formulas in group names', () => {
    expect(csv).toContain(`,"'=HYPERLINK(""http://evil.example"",""click"")",`);
    expect(csv).toContain(",'@SUM(A1:A9),");
    expect(csv).not.toMatch(/,[=@+-]/);
  });

  it('writes only the indicator rows without --by', () => {
    expect(parse(renderCsvReport(plainReport()))).toHaveLength(4);
  });

  it('is byte-identical on two renders', () => {
    expect(renderCsvReport(withoutTrend(sampleReport()))).toBe(csv);
  });

  it('with --trend, one row per indicator per period (oldest first, each with its own target), then the groups', () => {
    const rows: string[][] = parse(renderCsvReport(sampleReport()));
    const timeliness = rows.filter((r) => r[0] === 'assessment-timeliness');
    // August, September, October (15/20, 35/43, 22/26), then the 4 groups of October.
    expect(timeliness.map((r) => [r[3], r[4], r[5], r[10]])).toEqual([
      ['', '15', '20', '2026-08-01'],
      ['', '35', '43', '2026-09-01'],
      ['', '22', '26', '2026-10-01'],
      ...timeliness.slice(3).map((r) => [r[3], r[4], r[5], '2026-10-01']),
    ]);
    expect(timeliness).toHaveLength(3 + 4);
  });
});
