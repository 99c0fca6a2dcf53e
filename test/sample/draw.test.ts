import { beforeAll, describe, expect, test } from 'vitest';
import type { Dataset } from '../../src/core/dataset.js';
import { recordKey } from '../../src/core/sample/recordKey.js';
import type { Sample } from '../../src/core/sample/sample.js';
import { draw, idsOf, loadScenario } from './helpers.js';

let handWorked: Dataset;
beforeAll(async () => {
  handWorked = await loadScenario('hand-worked');
});

/** Records renumbered as if the file had been written in this order. */
function renumbered<T extends { line: number }>(records: readonly T[]): T[] {
  return records.map((record, i) => ({ ...record, line: i + 2 }));
}

const reverse = <T>(records: readonly T[]): T[] => [...records].reverse();
const rotate = <T>(records: readonly T[]): T[] => [...records.slice(4), ...records.slice(0, 4)];

/** What identifies a sampled visit whatever its line: child and date. */
const visitIdentity = (sample: Sample) => sample.rows.map((row) => `${row.childId} ${row.dates[0]!.day}`);

describe('record key', () => {
  test('is the kind and every parsed value, sorted by column, blanks left out, the line left out', () => {
    const a1003 = [...handWorked.assessments!.records].find((r) => r.assessment_id === 'A1003')!;
    const key = '["assessments",[["assessment_id","A1003"],["child_id","C00013"],["start_date",20738],["team","Team A"],["worker","J Smith"]]]';
    expect(recordKey('assessments', a1003)).toBe(key);
    expect(recordKey('assessments', { ...a1003, line: 99 })).toBe(key);
  });
});

describe('drawing', () => {
  test('hand-worked: seed 2026-11, size 3 from the six eligible assessments', () => {
    // Rank = HMAC-SHA-256(key "2026-11", record key), smallest first. Check any with
    //   printf '%s' '<record key>' | openssl dgst -sha256 -hmac 2026-11
    // A1003 207b9a1d…, A1007 2d062afa…, A1008 5ab20497…, A1009 5d4e3ddf…, A1002 9b7e07db…, A1001 d96a4971…
    // (A1005 10a66131… would come first but was completed in September: not eligible.)
    expect(idsOf(draw(handWorked, { kind: 'assessments', size: 3, seed: '2026-11' }))).toEqual(['A1003', 'A1007', 'A1008']);
  });

  test('a larger size only adds records after the smaller sample', () => {
    const small = idsOf(draw(handWorked, { kind: 'assessments', size: 2 }));
    const large = idsOf(draw(handWorked, { kind: 'assessments', size: 5 }));
    expect(large.slice(0, 2)).toEqual(small);
  });

  test('a size above the number eligible draws them all', () => {
    const sample = draw(handWorked, { kind: 'assessments', size: 50 });
    expect(sample.eligible).toBe(6);
    expect(sample.rows).toHaveLength(6);
  });

  test('another seed gives another sample', () => {
    expect(idsOf(draw(handWorked, { kind: 'assessments', seed: '2026-12' }))).toEqual(['A1007', 'A1009', 'A1003']);
    const samples = new Set(Array.from({ length: 20 }, (_, i) => idsOf(draw(handWorked, { kind: 'assessments', seed: `s${i}` })).sort().join()));
    // 20 of the 20 possible sets of 3 from 6 would be a coincidence; 1 would mean the seed is ignored.
    expect(samples.size).toBeGreaterThan(8);
  });
});

describe('order independence', () => {
  test('the same file with its rows shuffled gives the identical sample', async () => {
    const shuffled = await loadScenario('shuffled');
    for (const seed of ['2026-11', '2026-12', 'x']) {
      expect(draw(shuffled, { kind: 'assessments', seed }).rows).toEqual(draw(handWorked, { kind: 'assessments', seed }).rows);
    }
  });

  test('adding rows of other periods changes nothing', async () => {
    const widened = await loadScenario('other-periods-added');
    for (const seed of ['2026-11', '2026-12', 'x']) {
      expect(draw(widened, { kind: 'assessments', seed }).rows).toEqual(draw(handWorked, { kind: 'assessments', seed }).rows);
    }
  });

  test('the rows reversed or rotated give the identical sample, also for records named by file:line', async () => {
    const visits = (await loadScenario('ten-visits')).visits!;
    const assessments = handWorked.assessments!;
    for (const order of [reverse, rotate]) {
      const moved: Dataset = {
        assessments: { ...assessments, records: renumbered(order([...assessments.records])) },
        visits: { ...visits, records: renumbered(order([...visits.records])) },
      };
      expect(idsOf(draw(moved, { kind: 'assessments' }))).toEqual(idsOf(draw(handWorked, { kind: 'assessments' })));
      expect(visitIdentity(draw(moved, { kind: 'visits' }))).toEqual(visitIdentity(draw({ visits }, { kind: 'visits' })));
    }
  });
});

describe('stratification (--by)', () => {
  test('--by team draws up to size per team, each team in code-point order', () => {
    const sample = draw(handWorked, { kind: 'assessments', size: 2, by: 'team' });
    // Eligible: Team A A1001 A1003 A1007; Team B A1002 A1009; no team A1008.
    expect(sample.groups).toEqual([
      { key: '(no team)', eligible: 1, sampled: 1 },
      { key: 'Team A', eligible: 3, sampled: 2 },
      { key: 'Team B', eligible: 2, sampled: 2 },
    ]);
    expect(sample.eligible).toBe(6);
    expect(sample.rows.map((row) => row.team ?? '(no team)')).toEqual(['(no team)', 'Team A', 'Team A', 'Team B', 'Team B']);
  });

  test('within a team the draw is the same ranking as without --by', () => {
    const teamA = draw(handWorked, { kind: 'assessments', size: 10 }).rows.filter((row) => row.team === 'Team A');
    const byTeam = draw(handWorked, { kind: 'assessments', size: 2, by: 'team' }).rows.filter((row) => row.team === 'Team A');
    expect(byTeam).toEqual(teamA.slice(0, 2));
  });

  test('--by worker groups by worker', () => {
    const sample = draw(handWorked, { kind: 'assessments', size: 1, by: 'worker' });
    expect(sample.groups).toEqual([
      { key: '(no worker)', eligible: 1, sampled: 1 },
      { key: 'J Smith', eligible: 2, sampled: 1 },
      { key: 'K Patel', eligible: 1, sampled: 1 },
      { key: 'L Jones', eligible: 1, sampled: 1 },
      { key: 'M Brown', eligible: 1, sampled: 1 },
    ]);
  });

  test('without --by there are no groups', () => {
    expect(draw(handWorked, { kind: 'assessments' }).groups).toEqual([]);
  });
});

describe('no bias', () => {
  test('over 2000 seeds each of 10 eligible visits is drawn in 3 of 10 samples, within 0.04', async () => {
    const data = await loadScenario('ten-visits');
    const seeds = 2000;
    const counts = new Map<string, number>();
    for (let i = 0; i < seeds; i++) {
      for (const row of draw(data, { kind: 'visits', size: 3, seed: `seed-${i}` }).rows) counts.set(row.childId, (counts.get(row.childId) ?? 0) + 1);
    }
    // C00061 was visited in November: never eligible.
    expect([...counts.keys()].sort()).toEqual(['C00051', 'C00052', 'C00053', 'C00054', 'C00055', 'C00056', 'C00057', 'C00058', 'C00059', 'C00060']);
    // Each count is Binomial(2000, 0.3): standard deviation 0.0102 as a frequency, so 0.04 is about 4 of them.
    for (const [child, count] of counts) expect(Math.abs(count / seeds - 0.3), child).toBeLessThan(0.04);
  });
});
