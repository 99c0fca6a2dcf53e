// Reading in waves (issue 13): a report computed wave by wave, each extract let go of once the
// indicators that read it are computed, is cross-checked against `buildReport` of the whole
// dataset (the plain path) on random authorities.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validationLimits } from '../../src/cli/options.js';
import { builtInCalendar } from '../../src/core/calendar/workingCalendar.js';
import { parseIsoDay, type DayNumber } from '../../src/core/dates/localDate.js';
import { EXTRACT_KINDS, type ExtractKind } from '../../src/core/extracts/definitions.js';
import { INDICATORS } from '../../src/core/indicators/registry.js';
import type { IndicatorDefinition } from '../../src/core/indicators/types.js';
import { parsePeriod } from '../../src/core/period.js';
import { readingWaves, type LoadedWave } from '../../src/core/readingWaves.js';
import { buildReport, type Report, type ReportOptions } from '../../src/core/report.js';
import { reportWaves } from '../../src/core/reportInWaves.js';
import { DEFAULT_SETTINGS } from '../../src/core/settings.js';
import { loadDataset, type LoadedData, type LoadOptions } from '../../src/io/loadDataset.js';
import { generateAuthority } from '../../src/scripts/syntheticAuthority.js';
import { tempFolder } from '../tempFolder.js';

// The threaded path runs the built code (its worker threads load dist/), so the waves are read and
// computed with dist/'s modules, and the plain report with src/'s.
type Built = {
  loadDataset: (sources: { dir: string; files: object }, options: LoadOptions) => Promise<LoadedData>;
  ReportInWaves: new (plan: ReturnType<typeof reportWaves>, options: Omit<ReportOptions, 'title' | 'generatedAt' | 'warnings' | 'unreadFiles' | 'absentReasons'>, indicators: readonly IndicatorDefinition[]) => {
    add(wave: LoadedWave): void;
    report(shown: Pick<ReportOptions, 'warnings' | 'unreadFiles'>): Report;
  };
  reportWaves: typeof reportWaves;
  INDICATORS: readonly IndicatorDefinition[];
};
const built = {
  ...(await import(new URL('../../dist/io/loadDataset.js', import.meta.url).href)),
  ...(await import(new URL('../../dist/core/reportInWaves.js', import.meta.url).href)),
  ...(await import(new URL('../../dist/core/indicators/registry.js', import.meta.url).href)),
} as Built;

const limits = validationLimits(parseIsoDay('2026-11-20') as DayNumber, builtInCalendar('england-and-wales'));
const folder = tempFolder('csc-waves-');

describe('the waves extracts are read in', () => {
  it('hold plans throughout and read every other kind in a wave of its own, the audits with their actions', () => {
    // Plans are read with visits, supervision, reviews, placements, health and assessments (caseload): six others.
    // Each other kind is read with plans only, or alone; the audit summary reads audits and their actions together.
    expect(reportWaves(INDICATORS, EXTRACT_KINDS)).toEqual({
      held: ['plans'],
      waves: [['assessments'], ['visits'], ['missing'], ['supervision'], ['referrals'], ['audits', 'audit-actions'], ['reviews'], ['enquiries'], ['placements'], ['careleavers'], ['health'], ['contacts']],
    });
  });

  it('read two kinds read only with each other in one wave, and hold a kind read with two others', () => {
    // plans–visits alone: neither is held, one wave holds both.
    expect(readingWaves(['plans', 'visits', 'missing'], [['plans', 'visits']])).toEqual({ held: [], waves: [['plans', 'visits'], ['missing']] });
    // visits is read with plans and with missing: held; plans and missing each then read alone.
    expect(readingWaves(['plans', 'visits', 'missing'], [['plans', 'visits'], ['visits', 'missing']])).toEqual({ held: ['visits'], waves: [['plans'], ['missing']] });
    // Three kinds read by one indicator: each is read with two others, so all are held.
    expect(readingWaves(['plans', 'visits', 'missing', 'health'], [['plans', 'visits', 'missing']])).toEqual({ held: ['plans', 'visits', 'missing'], waves: [['health']] });
    // A kind read by no group is a wave of its own; a group's kind not read is left out.
    expect(readingWaves(['contacts'], [['plans', 'contacts']])).toEqual({ held: [], waves: [['contacts']] });
  });
});

/** The report of a folder read in waves on worker threads, and every wave as given: its kinds and the kinds it held. */
async function inWaves(dir: string, options: ReportOptions, indicators: readonly IndicatorDefinition[], kinds?: readonly ExtractKind[], mappings?: LoadOptions['mappings']) {
  const plan = built.reportWaves(indicators, kinds ?? EXTRACT_KINDS);
  const report = new built.ReportInWaves(plan, { period: options.period, settings: options.settings, calendar: options.calendar, ...(options.by ? { by: options.by } : {}), ...(options.trend ? { trend: options.trend } : {}) }, indicators);
  const given: { kinds: readonly ExtractKind[]; held: string[] }[] = [];
  const onWave = (wave: LoadedWave) => {
    given.push({ kinds: wave.kinds, held: Object.keys(wave.data) });
    report.add(wave);
  };
  const loaded = await built.loadDataset({ dir, files: {} }, { limits, parallel: true, parallelFromBytes: 0, waves: { plan, onWave }, ...(kinds ? { kinds } : {}), ...(mappings ? { mappings } : {}) });
  return { report: report.report({ unreadFiles: loaded.unreadFiles }), given, loaded };
}

/** The plain path: every extract read on this thread, then one report of them all. */
async function whole(dir: string, options: ReportOptions, indicators: readonly IndicatorDefinition[], kinds?: readonly ExtractKind[], mappings?: LoadOptions['mappings']) {
  const loaded = await loadDataset({ dir, files: {} }, { limits, ...(kinds ? { kinds } : {}), ...(mappings ? { mappings } : {}) });
  return { report: buildReport(loaded.data, { ...options, unreadFiles: loaded.unreadFiles, absentReasons: loaded.absentReasons }, indicators), loaded };
}

/** The report with each exception list as its rows: the built code's ExceptionList is another class than the source's, which toEqual tells apart. */
const withRows = (report: Report) => ({ ...report, indicators: report.indicators.map((result) => ({ ...result, exceptions: [...result.exceptions] })) });

const byId = (ids: readonly string[]) => (indicators: readonly IndicatorDefinition[]) => indicators.filter((indicator) => ids.includes(indicator.id));

describe('a report read in waves', () => {
  const base: ReportOptions = { period: parsePeriod('2026-10'), settings: DEFAULT_SETTINGS, calendar: builtInCalendar('england-and-wales') };
  const cases = [
    { name: 'every indicator', seed: 11, options: base, pick: (all: readonly IndicatorDefinition[]) => all },
    { name: 'by team, with a trend of 3', seed: 12, options: { ...base, by: 'team', trend: 3 }, pick: (all: readonly IndicatorDefinition[]) => all },
    // Only the kinds these read: plans and visits (read only with each other) in one wave, contacts in another, none held.
    { name: 'three indicators, three kinds', seed: 13, options: base, pick: byId(['visits-cp', 'cp-plan-over-18-months', 'contacts-nfa']) },
  ];

  for (const { name, seed, options, pick } of cases) {
    it(`gives buildReport's report of the whole dataset: ${name} (random authority, seed ${seed})`, async () => {
      const dir = join(folder.dir, `seed-${seed}`);
      await generateAuthority(dir, { seed, size: { children: 80 }, badRows: true });
      const chosen = pick(INDICATORS);
      const kinds = chosen === INDICATORS ? undefined : EXTRACT_KINDS.filter((kind) => chosen.some((indicator) => kind in indicator.reads));
      const waves = await inWaves(dir, options, pick(built.INDICATORS), kinds);
      const plain = await whole(dir, options, chosen, kinds);
      expect(waves.report.indicators.length).toBeGreaterThan(0);
      expect(withRows(waves.report)).toEqual(withRows(plain.report));
      expect(waves.loaded.quality).toEqual(plain.loaded.quality);
    });
  }

  it("gives buildReport's report when the held kind and a wave's kind are each read from two tables (merged in file order, whichever thread ends first)", async () => {
    const dir = join(folder.dir, 'split');
    await generateAuthority(dir, { seed: 14, size: { children: 80 }, badRows: true });
    // plans.csv and visits.csv each cut in two after their third row, the header on both parts. The larger
    // second part starts first (largest first) on this thread, which is ready before the worker: the
    // parts come in the other order than their files', and are merged in their files' order all the same.
    for (const kind of ['plans', 'visits']) {
      const [header, ...rows] = readFileSync(join(dir, `${kind}.csv`), 'utf8').trimEnd().split('\n');
      const half = 3;
      writeFileSync(join(dir, `${kind}-1.csv`), [header, ...rows.slice(0, half), ''].join('\n'));
      writeFileSync(join(dir, `${kind}-2.csv`), [header, ...rows.slice(half), ''].join('\n'));
      rmSync(join(dir, `${kind}.csv`));
    }
    const mappings = { plans: { file: 'plans-*.csv' }, visits: { file: 'visits-*.csv' } };
    const waves = await inWaves(dir, base, built.INDICATORS, undefined, mappings);
    const plain = await whole(dir, base, INDICATORS, undefined, mappings);
    expect(waves.report.dataQuality.files.map((file) => file.file).filter((file) => /^(plans|visits)-/.test(file))).toEqual(['plans-1.csv', 'plans-2.csv', 'visits-1.csv', 'visits-2.csv']);
    expect(withRows(waves.report)).toEqual(withRows(plain.report));
  });

  it('gives each wave the held kinds with its own, lets it go after, and the held kinds last', async () => {
    const dir = join(folder.dir, 'seed-11');
    const { given, loaded } = await inWaves(dir, base, built.INDICATORS);
    const sorted = (kinds: readonly string[]) => [...kinds].sort();
    // One call per wave (in the order their tables are in), then plans alone.
    expect(given).toHaveLength(13);
    expect(given.at(-1)).toEqual({ kinds: ['plans'], held: ['plans'] });
    for (const wave of given.slice(0, -1)) expect(sorted(wave.held)).toEqual(sorted(['plans', ...wave.kinds]));
    expect(sorted(given.flatMap((wave) => wave.kinds))).toEqual(sorted(EXTRACT_KINDS));
    // After reading, only the held kinds are held; every table's account is kept.
    expect(Object.keys(loaded.data)).toEqual(['plans']);
    expect(loaded.quality.map((file) => file.file)).toHaveLength(14);
  });

  it('throws, once read, what buildReport throws for a period its calendar does not cover, and nothing while reading', async () => {
    const dir = join(folder.dir, 'seed-13');
    // The built-in calendar starts long after 1990: every wave's computing throws, and the first error is kept for the report.
    const old = { ...base, period: parsePeriod('1990-06') };
    const plain = await whole(dir, old, INDICATORS).then(() => 'no error', (error: unknown) => (error as Error).message);
    expect(plain).toMatch(/1990/);
    const plan = built.reportWaves(built.INDICATORS, EXTRACT_KINDS);
    const waves = new built.ReportInWaves(plan, { period: old.period, settings: old.settings, calendar: old.calendar }, built.INDICATORS);
    const loaded = await built.loadDataset({ dir, files: {} }, { limits, parallel: true, parallelFromBytes: 0, waves: { plan, onWave: waves.add } });
    expect(loaded.quality).toHaveLength(14);
    expect(() => waves.report({ unreadFiles: [] })).toThrow(plain);
  });
});
