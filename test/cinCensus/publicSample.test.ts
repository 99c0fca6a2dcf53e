import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCensus } from './load.js';

// The DfE CIN validator's fake 2024 return (not in this repository): read only where it is present.
const SAMPLE = '/work/shared/data/public/returns/csc-validator-be-cin/fake_data/CIN_Census_2024.xml';

describe.skipIf(!existsSync(SAMPLE))('the public CIN census sample', () => {
  it('reads without a crash and accounts for every row', async () => {
    const { data } = await loadCensus(SAMPLE);
    const qualities = Object.values(data).flatMap((extract) => extract!.quality);
    expect(qualities.length).toBe(6);
    for (const q of qualities) expect(q.rowsRead, q.file).toBe(q.rowsUsed + q.rowsRejected);
    expect(qualities.reduce((n, q) => n + q.rowsRead, 0)).toBeGreaterThan(0);
  });
});
