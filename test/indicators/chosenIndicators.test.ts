import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { chosenIndicators } from '../../src/cli/indicatorChoice.js';
import { validationLimits } from '../../src/cli/options.js';
import { builtInCalendar } from '../../src/core/calendar/workingCalendar.js';
import { parseIsoDay } from '../../src/core/dates/localDate.js';
import { UsageError } from '../../src/core/errors.js';
import { parsePeriod } from '../../src/core/period.js';
import { INDICATORS } from '../../src/core/indicators/registry.js';
import { extractsReadBy, recordsRead, type IndicatorDefinition } from '../../src/core/indicators/types.js';
import { buildReport } from '../../src/core/report.js';
import { DEFAULT_SETTINGS } from '../../src/core/settings.js';
import { loadDataset } from '../../src/io/loadDataset.js';

const DEMO = fileURLToPath(new URL('../../fixtures/demo/', import.meta.url));
const calendar = builtInCalendar('england-and-wales');
const limits = validationLimits(parseIsoDay('2026-11-20')!, calendar);

function reportOf(data: Parameters<typeof buildReport>[0], indicators: readonly IndicatorDefinition[]) {
  return buildReport(data, { period: parsePeriod('2026-10'), settings: DEFAULT_SETTINGS, calendar, by: 'team', trend: 3 }, indicators);
}

describe('choosing indicators (report --indicator)', () => {
  it("keeps the catalogue's order whatever the flags' order, each once", () => {
    expect(chosenIndicators(['visits-cp', 'assessment-timeliness', 'visits-cp'], INDICATORS).map((i) => i.id)).toEqual(['assessment-timeliness', 'visits-cp']);
  });

  it('is every indicator when none is named', () => {
    expect(chosenIndicators([], INDICATORS)).toEqual(INDICATORS);
  });

  it('refuses an unknown id, naming the valid ones', () => {
    expect(() => chosenIndicators(['assessment-timeliness', 'nope'], INDICATORS)).toThrow(UsageError);
    expect(() => chosenIndicators(['nope'], INDICATORS)).toThrow(/^--indicator nope: unknown indicator; valid ids: assessment-timeliness, /);
  });

  it('reads the extracts the chosen indicators declare, in the extracts’ order', () => {
    // visits-cp judges plans against visits; rhi-within-72h reads missing episodes.
    expect(extractsReadBy(chosenIndicators(['rhi-within-72h', 'visits-cp'], INDICATORS))).toEqual(['plans', 'visits', 'missing']);
  });

  // The declared extracts must be all an indicator uses: read alone from them, its
  // figures, exceptions, breakdown by team and trend are those of the whole report.
  it('gives each indicator, read from only its extracts, what the whole report gives it', async () => {
    const all = await loadDataset({ dir: DEMO, files: {} }, { limits, keepRecords: recordsRead(INDICATORS) });
    const whole = reportOf(all.data, INDICATORS);
    for (const indicator of INDICATORS) {
      const kinds = extractsReadBy([indicator]);
      const alone = await loadDataset({ dir: DEMO, files: {} }, { limits, kinds, keepRecords: recordsRead([indicator]) });
      expect(Object.keys(alone.data).sort()).toEqual([...kinds].sort());
      expect(alone.notAskedFor).toHaveLength(14 - kinds.length);
      const [result] = reportOf(alone.data, [indicator]).indicators;
      expect(result, indicator.id).toEqual(whole.indicators.find((r) => r.id === indicator.id));
    }
  });
});
