import { describe, expect, it } from 'vitest';
import { RecordTexts } from '../../src/core/extracts/recordTexts.js';
import { Rng } from '../../src/scripts/syntheticAuthority.js';

function kept(texts: readonly (string | undefined)[]): RecordTexts {
  const store = new RecordTexts();
  for (const text of texts) store.push(text);
  return store;
}

/** What each text reads back as: blank and absent are one. */
const readBack = (texts: readonly (string | undefined)[]) => texts.map((text) => (text === '' ? undefined : text));

describe('RecordTexts (ids numbered by shape, other texts as bytes)', () => {
  it('numbers ids that end in digits, leading zeros and all, one shape per prefix and number of digits', () => {
    // Shapes: V + 6 digits, A + 5, A + 6, 5 digits alone, and X1 + 9 (ten digits: the first stays in the prefix).
    const texts = ['V000001', 'A55047', 'A100633', undefined, '10045', 'V000002', '', 'X1234567890', 'A00000'];
    const store = kept(texts);
    expect(texts.map((_, i) => store.get(i))).toEqual(readBack(texts));
    const data = store.data();
    expect('numbered' in data && [data.numbered.prefixes, data.numbered.widths]).toEqual([
      ['', 'V', 'A', 'A', '', 'X1'],
      [0, 6, 5, 6, 5, 9],
    ]);
  });

  it('moves every text to bytes at the first that does not end in a digit, and at the 256th shape', () => {
    const withReason = ['V000001', undefined, 'V000002', 'no car available', 'V000003'];
    const moved = kept(withReason);
    expect(withReason.map((_, i) => moved.get(i))).toEqual(readBack(withReason));
    expect('utf8' in moved.data()).toBe(true);
    // 255 prefixes are numbered; the 256th moves the column.
    const prefixes = Array.from({ length: 256 }, (_, i) => `P${i}-`);
    expect('numbered' in kept(prefixes.slice(0, 255).map((p) => `${p}1`)).data()).toBe(true);
    const many = prefixes.map((p) => `${p}1`);
    const overflowed = kept(many);
    expect('utf8' in overflowed.data()).toBe(true);
    expect(many.map((_, i) => overflowed.get(i))).toEqual(many);
  });

  // The plain reference: the texts in a list.
  it('reads back what a list of the texts holds, on random ids and reasons, sent across threads and grown again', () => {
    const rng = new Rng(41);
    const prefixes = ['V', 'A', 'CT', 'É-', '', 'REF/2026/'];
    const randomText = (otherChance: number) => {
      if (rng.chance(0.05)) return rng.pick([undefined, '']);
      if (rng.chance(otherChance)) return rng.pick(['late: no car', 'Mère absente', '12 a']);
      const digits = String(rng.int(0, 10 ** rng.int(1, 9) - 1));
      return rng.pick(prefixes) + (rng.chance(0.5) ? digits.padStart(rng.int(1, 12), '0') : digits);
    };
    for (const otherChance of [0, 0.0005, 0.2]) {
      const texts = Array.from({ length: 4_000 }, () => randomText(otherChance));
      const store = new RecordTexts();
      store.reserve(1_000);
      texts.slice(0, 3_000).forEach((text) => store.push(text));
      const received = RecordTexts.from(structuredClone(store.data()));
      texts.slice(3_000).forEach((text) => received.push(text));
      expect(received.length).toBe(4_000);
      expect(texts.map((_, i) => received.get(i))).toEqual(readBack(texts));
    }
  });

  it('keeps ids exported in order as runs of numbers, and every id read back when the order breaks off', () => {
    const rng = new Rng(42);
    // Ids in order, with a gap, a blank, another prefix and a wider number now and then.
    let next = 1;
    const inOrder = Array.from({ length: 5_000 }, () => {
      if (rng.chance(0.01)) next += rng.int(2, 50);
      if (rng.chance(0.002)) return rng.pick([undefined, '', 'A000001', 'V1234567890']);
      return `V${String(next++).padStart(7, '0')}`;
    });
    const store = kept(inOrder);
    const data = store.data();
    expect('numbered' in data && 'starts' in data.numbered.numbers && data.numbered.numbers.starts.length).toBeLessThan(200);
    expect(inOrder.map((_, i) => store.get(i))).toEqual(readBack(inOrder));
    // Then in no order: the numbers go one per row, the earlier ones kept.
    const shuffled = Array.from({ length: 15_000 }, () => `V${String(rng.int(1, 9_999_999)).padStart(7, '0')}`);
    const received = RecordTexts.from(structuredClone(store.data()));
    shuffled.forEach((text) => received.push(text));
    const after = received.data();
    expect('numbered' in after && 'numbers' in after.numbered.numbers).toBe(true);
    expect([...inOrder, ...shuffled].map((_, i) => received.get(i))).toEqual(readBack([...inOrder, ...shuffled]));
  });
});
