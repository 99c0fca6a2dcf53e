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

  // The plain reference: every kept value in a list, the first equal one found by a scan.
  it('finds (with find and findOrAdd) what a scan of the kept values finds, on random rows with colliding hashes, with room made ahead or not', () => {
    let seed = 7;
    const random = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
    // Weak hashes on purpose: equal low 32 bits for different values (only the high part differs), equal whole hashes, and values near 2^53.
    const hashes = [(v: number) => (v % 3) * 2 ** 32 + (v % 5), (v: number) => v % 11, (v: number) => 2 ** 53 - 1 - (v % 13) * 2 ** 40];
    for (const hashOf of hashes) {
      for (const [spread, reserveAt] of [[20, -1], [2_000, 100], [20_000, 2_500]] as const) {
        const index = new RowIndex();
        const kept: number[] = [];
        for (let row = 0; row < 6_000; row++) {
          // Room made ahead (as a file's guessed rows make it), after some entries: they move, and are found as before.
          if (row === reserveAt) index.reserve(8_000);
          const value = Math.floor(random() * spread);
          const expected = kept.indexOf(value);
          // Looking without adding finds the same, and adds nothing.
          expect(index.find(hashOf(value), (earlier) => kept[earlier] === value)).toBe(expected);
          const found = index.findOrAdd(hashOf(value), kept.length, (earlier) => kept[earlier] === value);
          expect(found).toBe(expected);
          if (found === -1) kept.push(value);
        }
      }
    }
  });

  // The same reference as a Map of each kept value to its entry (a scan is too slow for the rows a packed table needs).
  it('finds what the reference finds when room is made for a packed table, before the first entry or after some, past its room and past its entry numbers into the wide one', () => {
    let seed = 11;
    const random = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
    // Hashes whose low 16 bits (the packed slots' check) are all 0, whole hashes each shared by three values, and plain ones.
    const hashes = [(v: number) => Math.imul(v, 2654435761) & ~0xffff, (v: number) => Math.imul(Math.floor(v / 3), 2654435761), (v: number) => Math.imul(v, 2654435761)];
    for (const [hashOf, reserveAt] of hashes.flatMap((hash) => [[hash, 0], [hash, 500]] as const)) {
      const index = new RowIndex();
      const kept = new Map<number, number>();
      const valueOf = new Map<number, number>();
      let next = 0;
      const wrong: string[] = [];
      for (let row = 0; row < 150_000; row++) {
        // Room for 2^16 entries: a packed table of 87,382 slots taking 65,536, entries up to 2^18 - 2; made after some rows, as a file's guessed rows make it, it takes the entries so far.
        if (row === reserveAt) index.reserve(2 ** 16);
        // More room asked for later (a second table shared into a pool): the wide table grows for what the packed one cannot take.
        if (row === 100_000) index.reserve(2 ** 17);
        const value = Math.floor(random() * 120_000);
        const expected = kept.get(value) ?? -1;
        const same = (earlier: number) => valueOf.get(earlier) === value;
        const looked = index.find(hashOf(value), same);
        // Some entries are numbered past what the packed slots hold, as a table read far past its guess would number them.
        const entry = row % 7 === 0 ? next + 2 ** 18 : next;
        const found = index.findOrAdd(hashOf(value), entry, same);
        if (looked !== expected || found !== expected) wrong.push(`row ${row}: ${looked}, ${found}, not ${expected}`);
        if (found === -1) {
          kept.set(value, entry);
          valueOf.set(entry, value);
          next++;
        }
      }
      expect(wrong.slice(0, 3)).toEqual([]);
      expect(kept.size).toBeGreaterThan(65_536);
    }
  });
});
