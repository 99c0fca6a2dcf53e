import { existsSync } from 'node:fs';
import { DataError, UsageError } from '../core/errors.js';
import type { Dataset } from '../core/dataset.js';
import type { DayNumber } from '../core/dates/localDate.js';
import type { ExtractKind, ValidationLimits } from '../core/extracts/definitions.js';
import { INDICATORS } from '../core/indicators/registry.js';
import type { WorkingCalendar } from '../core/calendar/workingCalendar.js';
import type { Period } from '../core/period.js';
import type { Settings } from '../core/settings.js';
import { loadDataset, type LoadedData, type LoadOptions, type WaveReading } from '../io/loadDataset.js';
import { loadCalendar, resolveSettings } from '../io/readSettingsFiles.js';
import { renderQualitySummary } from '../render/quality.js';
import { CONFIG_FILE, extractDate, extractSources, resolvePeriod, ukToday, usesDemo, validationLimits, type PeriodFlags, type SettingsFlags, type SourceFlags } from './options.js';
import { collectingAfter, growHeapFor } from './heapTuning.js';
import { rowProgress, type Terminal } from './terminal.js';

/** The validated extracts of a run, with what they were read for. */
export interface LoadedRun {
  /** The extracts read; when read in waves, the held kinds only. */
  readonly data: Dataset;
  /** Every table's account, of every kind read. */
  readonly quality: LoadedData['quality'];
  readonly period: Period;
  readonly calendar: WorkingCalendar;
  readonly settings: Settings;
  readonly demo: boolean;
  /** What the report must carry as warnings (an as-at date past the extract date). */
  readonly warnings: readonly string[];
  readonly unreadFiles: readonly string[];
  readonly notAskedFor: readonly string[];
  readonly absentReasons: LoadedData['absentReasons'];
}

/** What a command reads, decided from the settings before anything is read. */
export interface RunNeeds {
  readonly kinds?: readonly ExtractKind[];
  readonly keepRecords?: readonly ExtractKind[];
  readonly recordsOnly?: readonly ExtractKind[];
  /** Read in waves, computed for the run's period and calendar. */
  readonly waves?: (run: { readonly period: Period; readonly calendar: WorkingCalendar }) => WaveReading;
}

/** The calendar and the settings of a run, and the limits rows are checked against. */
export interface RunSettings {
  readonly calendar: WorkingCalendar;
  readonly settings: Settings;
  readonly extractedOn: DayNumber;
  readonly limits: ValidationLimits;
}

function rejectedRows(quality: LoadedData['quality']): number {
  return quality.reduce((n, q) => n + q.rowsRejected, 0);
}

/** --config FILE, else the config file in the working directory when there is one. */
export function configPath(flags: Pick<SettingsFlags, 'config'>): string | undefined {
  return flags.config ?? (existsSync(CONFIG_FILE) ? CONFIG_FILE : undefined);
}

/**
 * Resolves the profile, config, calendar and extract date before anything is
 * read, so a usage error is reported at once. The calendar is --holidays or
 * --calendar when given, else the profile's (--profile, else the config's).
 */
export async function runSettings(flags: SourceFlags & SettingsFlags, demo: boolean): Promise<RunSettings> {
  if (flags.holidays !== undefined && flags.calendar !== undefined) {
    throw new UsageError('give either --calendar or --holidays, not both');
  }
  // The config first: its profile names the calendar when no flag does.
  const resolved = await resolveSettings(configPath(flags), INDICATORS, flags.profile);
  const { settings } = resolved;
  const calendar = flags.holidays !== undefined ? await loadCalendar(flags.holidays, '--holidays') : await loadCalendar(flags.calendar ?? resolved.calendar, '--calendar');
  // The demo is checked against the day it was taken, whatever this machine's clock says.
  const extractedOn = extractDate(flags, demo, ukToday());
  return { calendar, settings, extractedOn, limits: validationLimits(extractedOn, calendar, settings.maxCellCharacters) };
}

/** What `readData` reads beyond the flags' sources, and how. */
export interface ReadChoices {
  /** Read the bundled demo authority when no source is given. */
  readonly demoByDefault: boolean;
  readonly kinds?: readonly ExtractKind[];
  readonly keepRecords?: readonly ExtractKind[];
  readonly recordsOnly?: readonly ExtractKind[];
  readonly issueCap?: number;
  readonly onIssue?: LoadOptions['onIssue'];
  readonly waves?: WaveReading;
}

/** Reads the extracts with the config's mappings, showing progress; the summary is the caller's. */
export async function readData(flags: SourceFlags, run: RunSettings, terminal: Terminal, choices: ReadChoices): Promise<LoadedData> {
  const { demoByDefault, waves, ...rest } = choices;
  const loaded = await loadDataset(extractSources(flags, demoByDefault), {
    limits: run.limits,
    mappings: run.settings.extracts,
    onProgress: rowProgress(terminal),
    beforeReading: growHeapFor,
    parallel: true,
    ...rest,
    ...(waves ? { waves: { plan: waves.plan, onWave: collectingAfter(waves.onWave) } } : {}),
  });
  terminal.progressDone();
  return loaded;
}

/**
 * Resolves flags (period, calendar, config) before reading anything, then
 * reads the extracts, prints the data-quality summary on stderr, and under
 * --strict stops on any rejected row. With `demoByDefault` and no sources
 * given, reads the bundled demo authority. `needs` says, from the settings
 * (which hold the config's own indicators), which extracts to read (default:
 * all), the event kinds whose records to keep, and, to read in waves, how
 * to compute each once the period is known.
 */
export async function loadRun(flags: SourceFlags & PeriodFlags, terminal: Terminal, demoByDefault: boolean, needs: (settings: Settings) => RunNeeds): Promise<LoadedRun> {
  const demo = demoByDefault && usesDemo(flags);
  const run = await runSettings(flags, demo);
  const { kinds, keepRecords, recordsOnly, waves } = needs(run.settings);
  const { period, warnings } = resolvePeriod(flags, demo, run.extractedOn);
  if (demo) terminal.note(`Using the bundled demo authority (synthetic data); period ${period.label}. Give --data DIR for your own extracts.`);
  const loaded = await readData(flags, run, terminal, {
    demoByDefault,
    issueCap: run.settings.maxIssuesPerCode,
    ...(kinds ? { kinds } : {}),
    ...(keepRecords ? { keepRecords } : {}),
    ...(recordsOnly ? { recordsOnly } : {}),
    ...(waves ? { waves: waves({ period, calendar: run.calendar }) } : {}),
  });
  terminal.note(renderQualitySummary(loaded.quality, loaded.unreadFiles));
  for (const warning of warnings) terminal.note(`warning: ${warning}`);
  const rejected = rejectedRows(loaded.quality);
  if (flags.strict && rejected > 0) {
    throw new DataError('REJECTED_ROWS', `--strict: ${rejected} row${rejected === 1 ? '' : 's'} rejected; no figures produced`, { file: '' });
  }
  return { data: loaded.data, quality: loaded.quality, period, calendar: run.calendar, settings: run.settings, demo, warnings, unreadFiles: loaded.unreadFiles, notAskedFor: loaded.notAskedFor, absentReasons: loaded.absentReasons };
}
