import { describe, expect, it } from 'vitest';
import { DataError } from '../../src/core/errors.js';
import { runCli } from '../e2e/runCli.js';
import { demoFiles, folderWith, load, random, renderAll } from './demoRuns.js';

type Mutation = (bytes: Buffer, next: () => number) => Buffer;

const at = (bytes: Buffer, next: () => number) => Math.floor(next() * bytes.length);

/** Ways an export goes wrong in the wild: bytes, quotes, line endings, encodings, huge cells, cut files. */
const MUTATIONS: Record<string, Mutation> = {
  flipBytes: (bytes, next) => {
    const copy = Buffer.from(bytes);
    for (let n = 1 + Math.floor(next() * 20); n > 0; n--) copy[at(copy, next)] = Math.floor(next() * 256);
    return copy;
  },
  strayQuote: (bytes, next) => {
    const i = at(bytes, next);
    return Buffer.concat([bytes.subarray(0, i), Buffer.from('"'), bytes.subarray(i)]);
  },
  mixedLineEndings: (bytes, next) => Buffer.from(bytes.toString('latin1').replace(/\n/g, () => ['\n', '\r\n', '\r'][Math.floor(next() * 3)]!), 'latin1'),
  utf16: (bytes) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(bytes.toString('utf8'), 'utf16le')]),
  windows1252: (bytes) => Buffer.from(bytes.toString('utf8').replace(/Team/g, 'Équipe'), 'latin1'),
  hugeCell: (bytes, next) => {
    const i = bytes.indexOf(',', at(bytes, next));
    const cut = i < 0 ? bytes.length : i;
    return Buffer.concat([bytes.subarray(0, cut), Buffer.from(`,"${'x'.repeat(300_000)}"`), bytes.subarray(cut)]);
  },
  // Over the default 1,000,000-character limit: a cell issue, read without holding the cell.
  giantCell: (bytes, next) => {
    const i = bytes.indexOf('\n', at(bytes, next));
    const cut = i < 0 ? bytes.length : i;
    return Buffer.concat([bytes.subarray(0, cut), Buffer.from(`,"${'y\n'.repeat(10)}${'y'.repeat(1_200_000)}"`), bytes.subarray(cut)]);
  },
  truncate: (bytes, next) => bytes.subarray(0, at(bytes, next)),
  repeatLines: (bytes, next) => {
    const lines = bytes.toString('latin1').split('\n');
    const i = Math.floor(next() * lines.length);
    lines.splice(i, 0, ...Array(3).fill(lines[i]));
    return Buffer.from(lines.join('\n'), 'latin1');
  },
  deleteRange: (bytes, next) => {
    const i = at(bytes, next);
    return Buffer.concat([bytes.subarray(0, i), bytes.subarray(Math.min(bytes.length, i + Math.floor(next() * 2000)))]);
  },
};

/** A demo authority with one extract mutated by one to three mutations, and what was done to it. */
function mutatedAuthority(files: ReadonlyMap<string, Buffer>, next: () => number): { dir: string; label: string } {
  const names = [...files.keys()];
  const kinds = Object.keys(MUTATIONS);
  const name = names[Math.floor(next() * names.length)]!;
  const applied = Array.from({ length: 1 + Math.floor(next() * 3) }, () => kinds[Math.floor(next() * kinds.length)]!);
  const bytes = applied.reduce((b, kind) => MUTATIONS[kind]!(b, next), files.get(name)!);
  return { dir: folderWith(new Map(files).set(name, bytes)), label: `${name} after ${applied.join(', ')}` };
}

/** What a run ends with: every output, or the data error that stopped it (exit 2). Anything else throws. */
async function outcome(dir: string): Promise<{ outputs?: Record<string, string>; error?: string; balanced?: boolean }> {
  try {
    const loaded = await load(dir);
    const files = Object.values(loaded.data).flatMap((e) => e.quality);
    return { outputs: renderAll(loaded), balanced: files.every((f) => f.rowsRead === f.rowsUsed + f.rowsRejected) };
  } catch (error) {
    if (error instanceof DataError) return { error: `${error.code}: ${error.message}` };
    throw error;
  }
}

describe('fuzzing the demo extracts (seeded, bounded in time)', () => {
  it('never crashes, accounts for every row, and gives the same output for the same input', async () => {
    const files = demoFiles();
    const next = random(20261124);
    const started = Date.now();
    let runs = 0;
    // At most 40 mutated authorities, and no more than 8 s of them (the suite keeps to 5 minutes).
    while (runs < 40 && Date.now() - started < 8_000) {
      const { dir, label: mutated } = mutatedAuthority(files, next);
      const label = `${mutated} (run ${runs})`;
      const first = await outcome(dir);
      const second = await outcome(dir);
      expect(second, label).toEqual(first);
      if (first.outputs) expect(first.balanced, label).toBe(true);
      runs++;
    }
    expect(runs).toBeGreaterThanOrEqual(8);
  });
});

describe('fuzzing the built CLI (seeded, a few runs)', () => {
  it('exits 0 or 2 with no stack trace, and prints the same bytes for the same input', () => {
    const files = demoFiles();
    const next = random(24112026);
    const started = Date.now();
    let runs = 0;
    // Four mutated authorities, each run twice as a process; no more than 12 s of them.
    while (runs < 4 && Date.now() - started < 12_000) {
      const { dir, label } = mutatedAuthority(files, next);
      const args = ['report', '--data', dir, '--period', '2026-10', '--extracted-on', '2026-11-20', '--by', 'team', '--format', 'json'];
      const first = runCli(args);
      const second = runCli(args);
      expect([0, 2], `${label}: ${first.stderr}`).toContain(first.code);
      expect(first.stderr, label).not.toMatch(/^\s+at /m);
      expect(second, label).toEqual(first);
      if (first.code === 0) expect(JSON.parse(first.stdout).dataQuality.files.every((f: { rowsRead: number; rowsUsed: number; rowsRejected: number }) => f.rowsRead === f.rowsUsed + f.rowsRejected), label).toBe(true);
      runs++;
    }
    expect(runs).toBeGreaterThanOrEqual(3);
  });
});
