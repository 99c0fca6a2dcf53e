import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validationLimits } from '../../src/cli/options.js';
import { builtInCalendar } from '../../src/core/calendar/workingCalendar.js';
import { parseIsoDay, type DayNumber } from '../../src/core/dates/localDate.js';
import { loadDataset, type LoadedData, type LoadOptions } from '../../src/io/loadDataset.js';

// The worker threads run the built code (dist/io/extractWorker.js), so the threaded path is loaded from dist/,
// which `npm test` builds first, and checked against the plain path on this thread.
type Load = (sources: { dir: string; files: object }, options: LoadOptions) => Promise<LoadedData>;
const built = (await import(new URL('../../dist/io/loadDataset.js', import.meta.url).href)) as { loadDataset: Load };

const DEMO = fileURLToPath(new URL('../../fixtures/demo/', import.meta.url));
const limits = validationLimits(parseIsoDay('2026-11-20') as DayNumber, builtInCalendar('england-and-wales'));

/** What a dataset holds, as plain data: every kind's records (or events), columns and account. */
function contents(loaded: LoadedData): unknown {
  return Object.fromEntries(
    Object.entries(loaded.data).map(([kind, extract]) => [kind, { columns: extract.columns, quality: extract.quality, events: extract.events?.data(), records: extract.events ? undefined : [...extract.records] }]),
  );
}

describe('reading on worker threads', () => {
  it('gives what reading on this thread gives, for every kind of the demo', async () => {
    const threaded = await built.loadDataset({ dir: DEMO, files: {} }, { limits, parallel: true, parallelFromBytes: 0 });
    const plain = await loadDataset({ dir: DEMO, files: {} }, { limits });
    expect(Object.keys(threaded.data)).toHaveLength(14);
    expect(contents(threaded)).toEqual(contents(plain));
  });

  it('gives the same when the largest tables are read one at a time, each on a worker thread replaced after it', async () => {
    // With one large table at a time from 0 bytes, the demo's tables holding over a quarter of its bytes are large.
    const threaded = await built.loadDataset({ dir: DEMO, files: {} }, { limits, parallel: true, parallelFromBytes: 0, oneLargeTableFromBytes: 0 });
    const plain = await loadDataset({ dir: DEMO, files: {} }, { limits });
    expect(contents(threaded)).toEqual(contents(plain));
  });

  it('names the first kind in file order when several tables fail, whichever thread ends first', async () => {
    // assessments.csv is fine; plans.csv lacks plan_type; visits.csv has an unclosed quote.
    const dir = fileURLToPath(new URL('../../fixtures/bad-input/errors-in-two-files/', import.meta.url));
    for (let run = 0; run < 3; run++) {
      await expect(built.loadDataset({ dir, files: {} }, { limits, parallel: true, parallelFromBytes: 0 })).rejects.toThrow('plans.csv: missing required column plan_type');
    }
  });
});

describe('the bytes about to be read', () => {
  it('are told once, before reading: the files of the kinds asked for', async () => {
    const told: number[] = [];
    await loadDataset({ dir: DEMO, files: {} }, { limits, kinds: ['assessments', 'visits'], beforeReading: (bytes) => told.push(bytes) });
    // Only the two kinds asked for count; the demo's other twelve files are found, not read.
    expect(told).toEqual([statSync(`${DEMO}assessments.csv`).size + statSync(`${DEMO}visits.csv`).size]);
  });
});
