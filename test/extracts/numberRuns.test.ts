import { describe, expect, it } from 'vitest';
import { NumberRuns } from '../../src/core/extracts/numberRuns.js';

function pushed(lines: readonly number[]): NumberRuns {
  const runs = new NumberRuns();
  for (const line of lines) runs.push(line);
  return runs;
}

describe('NumberRuns, as the line of each row (runs of consecutive lines)', () => {
  it('keeps consecutive lines as one run and starts a run at each gap', () => {
    // Rows on lines 2-4; line 5 rejected; rows on 6, 7 and 8 (a row is named by its first line, and
    // row 5 runs on to line 9 through a quoted line break); the next row on line 10.
    // Runs: rows 0-2 from line 2, rows 3-5 from line 6, row 6 from line 10.
    const lines = [2, 3, 4, 6, 7, 8, 10];
    const runs = pushed(lines);
    expect(lines.map((_, i) => runs.at(i))).toEqual(lines);
    const data = runs.data();
    expect('starts' in data && [[...data.starts], [...data.firsts]]).toEqual([
      [0, 3, 6],
      [2, 6, 10],
    ]);
    expect(runs.length).toBe(7);
  });

  it('keeps a line per row once runs would take more (a line break in every row)', () => {
    // Rows on lines 2, 4, 6...: each its own run. Up to 1,024 rows the runs are kept (4 KB at most);
    // the 1,025th run would make 1,025 runs of 8 bytes for 1,024 rows of 4, so the lines go one per row.
    const lines = Array.from({ length: 3_000 }, (_, i) => 2 + 2 * i);
    const runs = pushed(lines);
    expect(lines.map((_, i) => runs.at(i))).toEqual(lines);
    const data = runs.data();
    expect('numbers' in data && data.numbers.length).toBe(3_000);
    expect('starts' in pushed(lines.slice(0, 1_024)).data()).toBe(true);
  });

  // The plain reference: a line per row in a list.
  it('gives the line a list of lines gives, on random gaps, in and out of order, rebuilt and grown again', () => {
    let seed = 11;
    const random = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32);
    for (const gapChance of [0, 0.001, 0.05, 0.6, 1]) {
      const lines: number[] = [];
      let line = 1;
      const runs = new NumberRuns();
      const add = (count: number, into: NumberRuns) => {
        for (let i = 0; i < count; i++) {
          line += random() < gapChance ? 2 + Math.floor(random() * 5) : 1;
          lines.push(line);
          into.push(line);
        }
      };
      add(5_000, runs);
      // Rebuilt from its arrays (as from a worker thread), then more rows: a merged table's next part.
      const rebuilt = NumberRuns.from(runs.data());
      line = 1;
      add(3_000, rebuilt);
      expect(rebuilt.length).toBe(8_000);
      for (let i = 0; i < lines.length; i++) expect(rebuilt.at(i)).toBe(lines[i]);
      // A run for each row not on the line after the row before's, unless kept a line per row.
      const breaks = lines.filter((l, i) => i === 0 || l !== lines[i - 1]! + 1).length;
      const data = rebuilt.data();
      expect('starts' in data ? data.starts.length : data.numbers.length).toBe('starts' in data ? breaks : 8_000);
      expect('numbers' in data).toBe(breaks * 2 > 8_000);
      for (let k = 0; k < 2_000; k++) {
        const i = Math.floor(random() * lines.length);
        expect(rebuilt.at(i)).toBe(lines[i]);
      }
    }
  });
});
