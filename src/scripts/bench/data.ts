/** The benchmark's extracts: bench-data/<profile>-<scale>/, regenerated only when its manifest no longer matches. */
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { BENCH_VISITS, GENERATOR_VERSION, benchOptions, generateAuthority, type BenchProfile, type WrittenFile } from '../syntheticAuthority.js';

const MANIFEST = 'manifest.json';

/** What made one scale's files; a folder is reused while every field matches. */
interface Manifest {
  readonly generator: number;
  readonly seed: number;
  readonly profile: BenchProfile;
  readonly visits: number;
  readonly files: readonly WrittenFile[];
}

/** One scale's extracts, ready to read. */
export interface BenchData {
  readonly profile: BenchProfile;
  readonly scale: number;
  /** Relative to the project root, as the report command is given it. */
  readonly dir: string;
  readonly rows: number;
}

async function readManifest(dir: string): Promise<Manifest | null> {
  try {
    return JSON.parse(await readFile(join(dir, MANIFEST), 'utf8')) as Manifest;
  } catch {
    return null;
  }
}

function matches(old: Manifest | null, wanted: Omit<Manifest, 'files'>, dir: string): old is Manifest {
  return old !== null && old.generator === wanted.generator && old.seed === wanted.seed && old.profile === wanted.profile &&
    old.visits === wanted.visits && old.files.every((f) => existsSync(join(dir, f.file)));
}

/** Reuses or (re)generates root/bench-data/<profile>-<scale>/ and returns its row count. */
export async function ensureData(root: string, profile: BenchProfile, scale: number, seed: number): Promise<BenchData> {
  const dir = join('bench-data', `${profile}-${scale}`);
  const path = join(root, dir);
  const wanted = { generator: GENERATOR_VERSION, seed, profile, visits: Math.round(BENCH_VISITS * scale) };
  let manifest = await readManifest(path);
  if (matches(manifest, wanted, path)) {
    console.log(`${dir}/: reusing`);
  } else {
    await rm(path, { recursive: true, force: true });
    const started = performance.now();
    manifest = { ...wanted, files: await generateAuthority(path, benchOptions(wanted.visits, seed, profile)) };
    await writeFile(join(path, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    console.log(`${dir}/: generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
  return { profile, scale, dir, rows: manifest.files.reduce((sum, f) => sum + f.rows, 0) };
}
