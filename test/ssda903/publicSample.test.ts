// The DfE 903 validator's fake data (random, so only read, never checked for figures).
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadReturn } from './load.js';

const SAMPLE = '/work/shared/data/public/returns/csc-validator-be-903/tests/fake_data/';

/** The non-blank lines after the header. */
function dataLines(file: string): number {
  return readFileSync(`${SAMPLE}${file}`, 'utf8').split(/\r?\n/).slice(1).filter((line) => line.trim() !== '').length;
}

describe.skipIf(!existsSync(SAMPLE))('the public SSDA903 sample', () => {
  it('reads without a crash and accounts for every row', async () => {
    const { data, unreadFiles } = await loadReturn(SAMPLE);
    const files = Object.values(data).flatMap((extract) => extract.quality);
    expect(files.map((f) => `${f.kind}:${f.file}`).sort()).toEqual(['careleavers:oc3.csv', 'missing:missing.csv', 'placements:episodes.csv', 'plans:episodes.csv', 'reviews:reviews.csv']);
    for (const file of files) expect(file.rowsUsed + file.rowsRejected, file.file).toBe(file.rowsRead);
    expect(data.reviews!.quality[0]!.rowsRead).toBe(dataLines('reviews.csv'));
    expect(data.missing!.quality[0]!.rowsRead).toBe(dataLines('missing.csv'));
    // Each episode row is a period's first, one continuing a period, or rejected.
    const note = data.plans!.quality[0]!.notes.find((n) => n.includes('episode rows'))!;
    const [, episodes, periods, continuing, rejected] = /(\d+) episode rows: (\d+) periods of care, \d+ placements; (\d+) episodes continuing a period, (\d+) rejected/.exec(note)!.map(Number);
    expect(episodes).toBe(dataLines('episodes.csv'));
    expect(periods! + continuing! + rejected!).toBe(episodes);
    expect(data.plans!.quality[0]!.rowsRead).toBe(periods! + rejected!);
    expect(unreadFiles).toEqual(['DoLo.csv']);
  });
});
