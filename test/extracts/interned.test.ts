import { describe, expect, it } from 'vitest';
import { Interned } from '../../src/core/extracts/interned.js';
import { Rng } from '../../src/scripts/syntheticAuthority.js';

/** The numbers a plain map gives the texts: in order of first sight from 1, 0 for blank. */
function mapNumbers(texts: readonly (string | undefined)[]): number[] {
  const numbers = new Map<string, number>();
  return texts.map((text) => {
    if (text === undefined || text === '') return 0;
    if (!numbers.has(text)) numbers.set(text, numbers.size + 1);
    return numbers.get(text)!;
  });
}

describe('Interned', () => {
  it('numbers texts as a map would, past the point (65,536 strings) where its index makes room for every row expected (random, seeded)', () => {
    const rng = new Rng(31);
    // 200,000 rows of about 120,000 child IDs, blanks among them; the column expects 150,000 rows,
    // so the last 50,000 come after the room made for them.
    const texts = Array.from({ length: 200_000 }, () => (rng.chance(0.02) ? (rng.chance(0.5) ? '' : undefined) : `C${String(rng.int(1, 200_000)).padStart(6, '0')}`));
    const interned = new Interned();
    interned.expect(150_000);
    const numbers = texts.map((text) => interned.number(text));
    expect(numbers).toEqual(mapNumbers(texts));
    expect(numbers.reduce((a, b) => Math.max(a, b), 0)).toBeGreaterThan(65_536);
    expect(numbers.map((n) => interned.text(n))).toEqual(texts.map((text) => (text === '' ? undefined : text)));
    // Settled, then given more: the index is rebuilt over the strings as they stand.
    interned.settle();
    expect(interned.number(texts[7])).toBe(numbers[7]);
    expect(interned.number('C-new')).toBe(interned.strings.length - 1);
  });

  it('keeps a table rebuilt from its strings numbered as they were, number 0 included', () => {
    const interned = Interned.from(['own.csv', 'other.csv']);
    expect(interned.number('other.csv')).toBe(1);
    expect(interned.number('third.csv')).toBe(2);
    expect(interned.strings).toEqual(['own.csv', 'other.csv', 'third.csv']);
  });
});
