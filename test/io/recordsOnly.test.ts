import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validationLimits } from '../../src/cli/options.js';
import { builtInCalendar } from '../../src/core/calendar/workingCalendar.js';
import { parseIsoDay, type DayNumber } from '../../src/core/dates/localDate.js';
import { loadDataset } from '../../src/io/loadDataset.js';

// A sample drawn without an indicator reads the sampled event kind as records alone.
const limits = validationLimits(parseIsoDay('2026-11-20') as DayNumber, builtInCalendar('england-and-wales'));
const dir = fileURLToPath(new URL('../../fixtures/demo/', import.meta.url));

describe('an event kind read as its records alone', () => {
  it('has the records and the account that reading it with its events gives, and no events', async () => {
    const alone = await loadDataset({ dir, files: {} }, { limits, kinds: ['visits', 'supervision'], keepRecords: ['visits'], recordsOnly: ['visits'] });
    const both = await loadDataset({ dir, files: {} }, { limits, kinds: ['visits', 'supervision'], keepRecords: ['visits'] });
    expect(alone.data.visits!.events).toBeUndefined();
    expect([...alone.data.visits!.records]).toEqual([...both.data.visits!.records]);
    expect(alone.data.visits!.records.length).toBeGreaterThan(100);
    // The demo's visits have rejected rows (a repeated row among them): found without the events too.
    expect(alone.data.visits!.quality).toEqual(both.data.visits!.quality);
    expect(alone.data.visits!.quality[0]!.rowsRejected).toBeGreaterThan(0);
    // A kind not named keeps its events.
    expect(alone.data.supervision!.events!.length).toBe(both.data.supervision!.events!.length);
  });
});
