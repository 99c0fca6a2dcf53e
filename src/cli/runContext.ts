import { DataError, UsageError } from '../core/errors.js';
import type { Dataset } from '../core/dataset.js';
import type { ExtractKind } from '../core/extracts/definitions.js';
import { INDICATORS } from '../core/indicators/registry.js';
import type { WorkingCalendar } from '../core/calendar/workingCalendar.js';
import type { Period } from '../core/period.js';
import type { Settings } from '../core/settings.js';
import { loadDataset } from '../io/loadDataset.js';
import { loadCalendar, loadSettings } from '../io/readSettingsFiles.js';
import { renderQualitySummary } from '../render/quality.js';
import { parseDateOption } from '../core/period.js';
import { DEMO_EXTRACTED_ON, extractSources, resolvePeriod, ukToday, usesDemo, validationLimits, type PeriodFlags, type SourceFlags } from './options.js';
import { rowProgress, type Terminal } from './terminal.js';

/** The validated extracts of a run, with what they were read for. */
export interface LoadedRun {
  readonly data: Dataset;
  readonly period: Period;
  readonly calendar: WorkingCalendar;
  readonly settings: Settings;
  readonly demo: boolean;
}

function rejectedRows(data: Dataset): number {
  return Object.values(data).reduce((sum, extract) => sum + extract.quality.rowsRejected, 0);
}

/**
 * Resolves flags (period, calendar, config) before reading anything, so a
 * usage error is reported at once; then reads the extracts, prints the
 * data-quality summary on stderr, and under --strict stops on any rejected row.
 * With `demoByDefault` and no sources given, reads the bundled demo authority;
 * with `kinds`, only those extracts; with `keepRecords`, the records of those event kinds.
 */
export async function loadRun(
  flags: SourceFlags & PeriodFlags,
  terminal: Terminal,
  demoByDefault: boolean,
  kinds?: readonly ExtractKind[],
  keepRecords?: readonly ExtractKind[],
): Promise<LoadedRun> {
  const today = ukToday();
  const demo = demoByDefault && usesDemo(flags);
  const period = resolvePeriod(flags, demo, today);
  // The demo is checked against the day it was taken, whatever this machine's clock says.
  const limits = validationLimits(flags, demo ? parseDateOption(DEMO_EXTRACTED_ON, 'demo extract date') : today);
  if (flags.holidays !== undefined && flags.calendar !== 'england-and-wales') {
    throw new UsageError('give either --calendar or --holidays, not both');
  }
  const calendar = await loadCalendar(flags.holidays ?? flags.calendar);
  const settings = await loadSettings(flags.config, INDICATORS);
  if (demo) terminal.note(`Using the bundled demo authority (synthetic data); period ${period.label}. Give --data DIR for your own extracts.`);
  const data = await loadDataset(extractSources(flags, demoByDefault), {
    limits,
    onProgress: rowProgress(terminal),
    parallel: true,
    ...(kinds ? { kinds } : {}),
    ...(keepRecords ? { keepRecords } : {}),
  });
  terminal.progressDone();
  terminal.note(renderQualitySummary(Object.values(data).map((e) => e.quality)));
  const rejected = rejectedRows(data);
  if (flags.strict && rejected > 0) {
    throw new DataError('REJECTED_ROWS', `--strict: ${rejected} row${rejected === 1 ? '' : 's'} rejected; no figures produced`, { file: '' });
  }
  return { data, period, calendar, settings, demo };
}
