import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

/** A temporary folder for one test file, removed after its tests, and a way to write numbered tables into it. */
export function tempFolder(prefix: string): { readonly dir: string; fileWith(bytes: string | Buffer, name?: string): string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let files = 0;
  return {
    dir,
    fileWith(bytes, name = 'table') {
      const path = join(dir, `${name}-${++files}.csv`);
      writeFileSync(path, bytes);
      return path;
    },
  };
}
