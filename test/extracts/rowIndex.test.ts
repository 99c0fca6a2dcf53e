import { describe, expect, it } from 'vitest';
import { RowIndex } from '../../src/core/extracts/rowIndex.js';

describe('RowIndex (duplicate rows by hash, confirmed by value)', () => {
  it('finds the first confirmed earlier entry and adds unconfirmed ones', () => {
    const values = ['a', 'b', 'a', 'c'];
    const index = new RowIndex();
    // 'a' and 'b' share hash 7 (a collision the confirmation must see through).
    const hashOf = (v: string) => (v === 'c' ? 9 : 7);
    const seen: string[] = [];
    const results = values.map((v) => {
      const found = index.findOrAdd(hashOf(v), seen.length, (earlier) => seen[earlier] === v);
      if (found === -1) seen.push(v);
      return found;
    });
    expect(results).toEqual([-1, -1, 0, -1]);
    expect(seen).toEqual(['a', 'b', 'c']);
  });

  it('keeps working as it grows past its first table', () => {
    const index = new RowIndex();
    for (let i = 0; i < 100_000; i++) expect(index.findOrAdd(i * 2654435761 % 2 ** 53, i, () => true)).toBe(-1);
    expect(index.findOrAdd(12345 * 2654435761 % 2 ** 53, 100_000, (earlier) => earlier === 12345)).toBe(12345);
  });
});
