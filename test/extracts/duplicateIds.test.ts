import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../src/core/dates/localDate.js';
import { EXTRACTS, type ValidationLimits } from '../../src/core/extracts/definitions.js';
import { ExtractParser } from '../../src/core/extracts/extractParser.js';
import { TextIndex } from '../../src/core/extracts/textIndex.js';
import { TextPool } from '../../src/core/extracts/textPool.js';
import { Rng } from '../../src/scripts/syntheticAuthority.js';

// The parser finds repeated ids and repeating values in hash tables; these
// cross-check them against a plain Map on random data.

const LIMITS: ValidationLimits = {
  extractedOn: dayNumber(2026, 11, 20),
  calendar: { name: 'england-and-wales', first: dayNumber(2000, 1, 1), last: dayNumber(2035, 12, 31) },
};
const HEADER = ['child_id', 'assessment_id', 'start_date', 'worker'];

/** A short text from few letters, so that texts repeat; some empty, some not ASCII. */
function randomText(rng: Rng): string {
  const letters = ['A', 'b', '7', 'é', '-'];
  let text = '';
  for (let n = rng.int(0, 4); n > 0; n--) text += rng.pick(letters);
  return text;
}

describe('DUPLICATE_ID', () => {
  it('refuses each repeated id, naming the line it was first read at, as a Map of ids does', () => {
    const rng = new Rng(20261124);
    const parser = new ExtractParser(EXTRACTS.assessments, 'assessments.csv', { limits: LIMITS });
    parser.readHeader(HEADER);
    const firstLines = new Map<string, number>();
    const expected: string[] = [];
    for (let line = 2; line < 20_000; line++) {
      const id = `AS${randomText(rng)}`;
      // Each row differs (its worker), so only the id can repeat.
      parser.readRow(['C1', id, '2026-01-05', `Worker ${line}`], line);
      const first = firstLines.get(id);
      if (first === undefined) firstLines.set(id, line);
      else expected.push(`${line} ${first}`);
    }
    const issues = parser.finish().quality[0]!.issues;
    expect(issues.every((issue) => issue.code === 'DUPLICATE_ID')).toBe(true);
    expect(issues.map((issue) => `${issue.line} ${/first read at line (\d+)/.exec(issue.message)![1]}`)).toStrictEqual(expected);
    expect(expected.length).toBeGreaterThan(1000);
  });
});

describe('DUPLICATE_ROW and DUPLICATE_ID together', () => {
  it('tells a repeated row from a repeated id, with blank ids among them, as Maps of whole rows and of ids do', () => {
    const rng = new Rng(20261125);
    const parser = new ExtractParser(EXTRACTS.assessments, 'assessments.csv', { limits: LIMITS });
    parser.readHeader(HEADER);
    parser.expectRows(5_000);
    // The reference: the first kept row of each whole text, and of each id. Values are few, so
    // whole rows repeat (with and without an id) and ids repeat with other values; every value
    // reads back as written, so rows equal in value are equal in text.
    const keptRows = new Map<string, number>();
    const keptIds = new Map<string, number>();
    const expected: string[] = [];
    for (let line = 2; line < 20_000; line++) {
      const id = rng.chance(0.2) ? '' : `AS${rng.int(1, 3_000)}`;
      const fields = [`C${rng.int(1, 3)}`, id, `2026-01-0${rng.int(1, 3)}`, `Worker ${rng.int(1, 3)}`];
      parser.readRow(fields, line);
      const row = fields.join('|');
      const sameRow = keptRows.get(row);
      const sameId = id === '' ? undefined : keptIds.get(id);
      if (sameRow !== undefined) expected.push(`${line} DUPLICATE_ROW ${sameRow}`);
      else if (sameId !== undefined) expected.push(`${line} DUPLICATE_ID ${sameId}`);
      else {
        keptRows.set(row, line);
        if (id !== '') keptIds.set(id, line);
      }
    }
    const issues = parser.finish().quality[0]!.issues;
    expect(issues.map((issue) => `${issue.line} ${issue.code} ${/line (\d+)/.exec(issue.message)![1]}`)).toStrictEqual(expected);
    expect(expected.filter((issue) => issue.includes('DUPLICATE_ROW')).length).toBeGreaterThan(1000);
    expect(expected.filter((issue) => issue.includes('DUPLICATE_ID')).length).toBeGreaterThan(1000);
  });
});

describe('TextIndex', () => {
  it('numbers each distinct text in the order first added, as a Map of texts does', () => {
    const rng = new Rng(7);
    const index = new TextIndex();
    const reference = new Map<string, number>();
    for (let i = 0; i < 50_000; i++) {
      const text = rng.chance(0.5) ? randomText(rng) : `T${rng.int(0, 30_000)}`;
      const expected = reference.get(text) ?? -1;
      if (expected === -1) reference.set(text, reference.size);
      expect(index.findOrAdd(text)).toBe(expected);
      expect(index.numberOf(text)).toBe(reference.get(text));
      expect(index.textAt(reference.get(text)!)).toBe(text);
    }
    expect(index.size).toBe(reference.size);
  });

  it('takes over a list of texts, finds them by number without adding, and keeps their numbers when they are shared', () => {
    const texts = Array.from({ length: 5_000 }, (_, n) => `C${String(n * 7).padStart(6, '0')}`);
    const index = new TextIndex([...texts]);
    texts.forEach((text, n) => expect(index.find(text)).toBe(n));
    expect(index.find('C999999')).toBe(-1);
    expect(index.size).toBe(texts.length);
    const pool = new TextPool();
    pool.same('C000007');
    index.share(pool);
    expect(index.all).toEqual(texts);
    texts.forEach((text, n) => expect(index.find(text)).toBe(n));
    expect(index.numberOf('C999999')).toBe(texts.length);
    expect(index.numberOf(texts[3]!)).toBe(3);
  });
});
