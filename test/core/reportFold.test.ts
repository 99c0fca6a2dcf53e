import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { columnText, noGroup } from '../../src/core/breakdown.js';
import { builtInCalendar } from '../../src/core/calendar/workingCalendar.js';
import { INDICATORS } from '../../src/core/indicators/registry.js';
import { isException, type CaseRow, type IndicatorDefinition } from '../../src/core/indicators/types.js';
import { parsePeriod, trailingPeriods, type Period } from '../../src/core/period.js';
import { buildReport, figureOf, type ReportOptions } from '../../src/core/report.js';
import { DEFAULT_SETTINGS } from '../../src/core/settings.js';
import { load } from '../robustness/demoRuns.js';

// The report folds each indicator's case rows in one pass, as they come: the
// figure, the tallies by group and the exceptions. The plain reference reads
// the same rows into an array first and computes each from the whole list.

const DEMO = fileURLToPath(new URL('../../fixtures/demo/', import.meta.url));
const { data } = await load(DEMO);
const calendar = builtInCalendar('england-and-wales');
const base: ReportOptions = { period: parsePeriod('2026-10'), settings: DEFAULT_SETTINGS, calendar };

function rowsOf(indicator: IndicatorDefinition, period: Period): CaseRow[] {
  return [...indicator.cases({ data, period, settings: DEFAULT_SETTINGS, calendar })];
}

function plainGroups(indicator: IndicatorDefinition, rows: readonly CaseRow[], by: string) {
  const byKey = new Map<string, CaseRow[]>();
  for (const row of rows) {
    const key = columnText(row, by) ?? noGroup(by);
    byKey.set(key, [...(byKey.get(key) ?? []), row]);
  }
  return [...byKey.keys()].sort().map((key) => {
    const { numerator, denominator } = figureOf(indicator.kind, byKey.get(key)!);
    return { key, numerator, denominator };
  });
}

describe('the report folds case rows in one pass, as the whole list gives them', () => {
  it.each(['2026-10', '2026-07'])('period %s: every figure, group by team and exception count', (month) => {
    const period = parsePeriod(month);
    const report = buildReport(data, { ...base, period, by: 'team' });
    expect(report.indicators.length).toBeGreaterThan(30);
    for (const result of report.indicators) {
      const indicator = INDICATORS.find((candidate) => candidate.id === result.id)!;
      const rows = rowsOf(indicator, period);
      const { numerator, denominator } = figureOf(indicator.kind, rows);
      expect([result.numerator, result.denominator], result.id).toEqual([numerator, denominator]);
      expect(result.exceptions.length, result.id).toBe(rows.filter((row) => isException(indicator, row)).length);
      if (result.groups) expect(result.groups.map(({ key, numerator: n, denominator: d }) => ({ key, numerator: n, denominator: d })), result.id).toEqual(plainGroups(indicator, rows, 'team'));
    }
  });

  // A row held in a list until the whole cohort is made lives long enough to be copied to the old
  // generation: 85 MB of the 4x report's rows were, before the indicators yielded them as made.
  it('every built-in indicator yields its case rows as it makes them, not as a list', () => {
    for (const indicator of INDICATORS) expect(Array.isArray(indicator.cases({ data, period: base.period, settings: DEFAULT_SETTINGS, calendar })), indicator.id).toBe(false);
  });

  it("a trend's earlier periods are the figures of their own case rows", () => {
    const report = buildReport(data, { ...base, trend: 4 });
    const periods = trailingPeriods(base.period, 4);
    for (const result of report.indicators.filter((r) => r.series !== undefined)) {
      const indicator = INDICATORS.find((candidate) => candidate.id === result.id)!;
      const plain = periods.map((period) => figureOf(indicator.kind, rowsOf(indicator, period)));
      expect(result.series!.map(({ numerator, denominator }) => ({ numerator, denominator })), result.id).toEqual(plain.map(({ numerator, denominator }) => ({ numerator, denominator })));
    }
  });

  it('calls betweenFigures after each indicator and after each earlier period of each trended one', () => {
    let calls = 0;
    const report = buildReport(data, { ...base, trend: 4, betweenFigures: () => calls++ });
    const trended = report.indicators.filter((r) => r.series !== undefined).length;
    expect(trended).toBeGreaterThan(0);
    // Every indicator of the demo is computed once, and each trended one for its three earlier periods.
    expect(calls).toBe(report.indicators.length + 3 * trended);
  });
});
