// Shared set-up for the indicator tests: load a fixture folder the way the
// CLI does (loadDataset over `fixtures/indicators/<scenario>/`), then compute
// with the real indicator code, the england-and-wales calendar and the
// default settings.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { builtInCalendar } from '../../src/core/calendar/workingCalendar.js';
import type { Dataset } from '../../src/core/dataset.js';
import type { ExtractKind } from '../../src/core/extracts/definitions.js';
import { parseIsoDay, type DayNumber } from '../../src/core/dates/localDate.js';
import { INDICATORS } from '../../src/core/indicators/registry.js';
import type { CaseRow, IndicatorDefinition } from '../../src/core/indicators/types.js';
import type { Period } from '../../src/core/period.js';
import { buildReport, type IndicatorResult, type Report, type ReportOptions } from '../../src/core/report.js';
import { DEFAULT_SETTINGS, type Settings } from '../../src/core/settings.js';
import { loadDataset } from '../../src/io/loadDataset.js';
import { validationLimits } from '../../src/cli/options.js';

/** The day every fixture was "extracted": after every date in them, so no row is rejected as a future date. */
export const EXTRACTED_ON = day('2027-06-30');

export const calendar = builtInCalendar('england-and-wales');

/** An ISO date as a day number; throws on a typo so a fixture date cannot silently become NaN. */
export function day(iso: string): DayNumber {
  const parsed = parseIsoDay(iso);
  if (parsed === null) throw new Error(`bad test date ${iso}`);
  return parsed;
}

/** Reads `fixtures/indicators/<scenario>/` (keeping the records of `keepRecords`) and checks every row was used (the fixtures are clean on purpose). */
export async function loadScenario(scenario: string, keepRecords: readonly ExtractKind[] = []): Promise<Dataset> {
  const dir = fileURLToPath(new URL(`../../fixtures/indicators/${scenario}/`, import.meta.url));
  const { data } = await loadDataset({ dir, files: {} }, { limits: validationLimits(EXTRACTED_ON, calendar), keepRecords });
  for (const extract of Object.values(data)) {
    const [quality] = extract.quality;
    expect(quality!.issues, `${scenario}/${extract.file}`).toEqual([]);
    expect(quality!.rowsRejected).toBe(0);
  }
  return data;
}

/** Writes tables (file name → CSV text) to a temporary folder and loads it as the CLI does, keeping the records of `keepRecords`. */
export async function loadTables(tables: Readonly<Record<string, string>>, keepRecords: readonly ExtractKind[] = []): Promise<Dataset> {
  const dir = await mkdtemp(join(tmpdir(), 'csc-indicator-'));
  try {
    for (const [name, text] of Object.entries(tables)) await writeFile(join(dir, name), text);
    const { data } = await loadDataset({ dir, files: {} }, { limits: validationLimits(EXTRACTED_ON, calendar), keepRecords });
    return data;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** An indicator's case rows for a period (and as-at date), with the england-and-wales calendar. */
export function casesOf(indicator: IndicatorDefinition, data: Dataset, period: Period, settings: Settings = DEFAULT_SETTINGS): CaseRow[] {
  return [...indicator.cases({ data, period, settings, calendar })];
}

/** What a person checks by hand: one entry per case row, by record id. */
export interface CaseView {
  readonly recordId: string;
  readonly childId: string;
  readonly counted: boolean;
  readonly detail: string;
}

/** Case rows reduced to what the hand working states, sorted by record id. */
export function view(rows: readonly CaseRow[]): CaseView[] {
  return rows
    .map(({ recordId, childId, counted, detail }) => ({ recordId, childId, counted, detail }))
    .sort((a, b) => (a.recordId < b.recordId ? -1 : a.recordId > b.recordId ? 1 : 0));
}

/** buildReport with the england-and-wales calendar and the default settings unless given. */
export function reportOf(data: Dataset, period: Period, options: Partial<ReportOptions> = {}, indicators: readonly IndicatorDefinition[] = INDICATORS): Report {
  return buildReport(data, { period, settings: DEFAULT_SETTINGS, calendar, ...options }, indicators);
}

/** The result of one indicator in a report (fails the test when it was not computed). */
export function resultOf(report: Report, id: string): IndicatorResult {
  const result = report.indicators.find((r) => r.id === id);
  if (!result) throw new Error(`${id} not computed: ${JSON.stringify(report.notComputed)}`);
  return result;
}

/** The figure and RAG of a result, for one-line assertions. */
export function figure(result: IndicatorResult): { numerator: number; denominator: number; value: number | null; rag: string } {
  return { numerator: result.numerator, denominator: result.denominator, value: result.value, rag: result.rag };
}
