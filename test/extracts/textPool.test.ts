import { describe, expect, it } from 'vitest';
import { TextPool } from '../../src/core/extracts/textPool.js';
import { Rng } from '../../src/scripts/syntheticAuthority.js';

describe('TextPool', () => {
  it('gives back a text equal to each it is given, across tables that share some of their texts (random, seeded)', () => {
    const rng = new Rng(21);
    const pool = new TextPool();
    // Child IDs as tables number them: overlapping ranges, in their own orders, some non-ASCII.
    for (let table = 0; table < 5; table++) {
      const texts = Array.from({ length: 20_000 }, () => `C${String(rng.int(1, 50_000)).padStart(5, '0')}${rng.chance(0.01) ? 'é' : ''}`);
      expect(texts.map((text) => pool.same(text))).toEqual(texts);
    }
  });
});
