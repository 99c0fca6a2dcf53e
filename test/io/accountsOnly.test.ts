import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validationLimits } from '../../src/cli/options.js';
import { builtInCalendar } from '../../src/core/calendar/workingCalendar.js';
import { parseIsoDay, type DayNumber } from '../../src/core/dates/localDate.js';
import { EXTRACT_KINDS } from '../../src/core/extracts/definitions.js';
import { readingWaves } from '../../src/core/readingWaves.js';
import { loadDataset } from '../../src/io/loadDataset.js';

// `validate` reads every kind in a wave of its own and keeps only the tables' accounts.
const limits = validationLimits(parseIsoDay('2026-11-20') as DayNumber, builtInCalendar('england-and-wales'));
const fixture = (path: string) => fileURLToPath(new URL(`../../fixtures/${path}/`, import.meta.url));

describe('reading for the accounts only', () => {
  for (const dir of ['demo', 'bad-input/duplicate-row', 'bad-input/invalid-code']) {
    it(`gives every table's account as reading it whole does, and keeps no extract (${dir})`, async () => {
      const plan = readingWaves(EXTRACT_KINDS, []);
      const inWaves = await loadDataset({ dir: fixture(dir), files: {} }, { limits, waves: { plan, onWave: () => {} } });
      const whole = await loadDataset({ dir: fixture(dir), files: {} }, { limits });
      expect(inWaves.quality).toEqual(Object.values(whole.data).flatMap((extract) => extract.quality));
      // Each fixture has rejected rows: the accounts compared are not empty ones.
      expect(inWaves.quality.some((file) => file.rowsRejected > 0)).toBe(true);
      expect(Object.keys(inWaves.data)).toEqual([]);
    });
  }
});
