// Shared by the shuffle and fuzz tests: copy the demo extracts into a temporary
// folder (changed as a test likes), read them as the CLI does, and render the
// report in every format.
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validationLimits } from '../../src/cli/options.js';
import { builtInCalendar } from '../../src/core/calendar/workingCalendar.js';
import { parseIsoDay } from '../../src/core/dates/localDate.js';
import { parsePeriod } from '../../src/core/period.js';
import { buildReport } from '../../src/core/report.js';
import { DEFAULT_SETTINGS } from '../../src/core/settings.js';
import { loadDataset, type LoadedData } from '../../src/io/loadDataset.js';
import { createPaint } from '../../src/render/paint.js';
import { RENDERERS, TEXT_FORMATS } from '../../src/render/renderers.js';
import { Rng } from '../../src/scripts/syntheticAuthority.js';

const DEMO = fileURLToPath(new URL('../../fixtures/demo/', import.meta.url));
const calendar = builtInCalendar('england-and-wales');

/** The demo's extract files: name → bytes. */
export function demoFiles(): Map<string, Buffer> {
  return new Map(readdirSync(DEMO).filter((name) => name.endsWith('.csv')).map((name) => [name, readFileSync(join(DEMO, name))]));
}

/** Writes the files into a new temporary folder and returns it. */
export function folderWith(files: ReadonlyMap<string, Buffer | string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'csc-robust-'));
  for (const [name, bytes] of files) writeFileSync(join(dir, name), bytes);
  return dir;
}

/** Reads a folder as `report` does for the demo (taken 20/11/2026), on this thread. */
export function load(dir: string): Promise<LoadedData> {
  return loadDataset({ dir, files: {} }, { limits: validationLimits(parseIsoDay('2026-11-20')!, calendar), issueCap: DEFAULT_SETTINGS.maxIssuesPerCode });
}

/** The report of October 2026 by team with a 3-month trend, in every format. */
export function renderAll(loaded: LoadedData): Record<string, string> {
  const report = buildReport(loaded.data, { period: parsePeriod('2026-10'), settings: DEFAULT_SETTINGS, calendar, by: 'team', trend: 3, title: 'Demo' });
  const context = { paint: createPaint(false), exceptions: true };
  return Object.fromEntries(TEXT_FORMATS.map((format) => [format, RENDERERS[format](report, context)]));
}

/** A seeded generator (the synthetic authority's mulberry32): the same seed, the same sequence, so a failure can be replayed. */
export function random(seed: number): () => number {
  const rng = new Rng(seed);
  return () => rng.next();
}
