/**
 * `node dist/scripts/generate-real-shaped.js OUTDIR [--clean DIR]` writes the
 * real-shaped authority (see realShapedAuthority.ts) made from the clean
 * fixture (default fixtures/real-shaped/clean/): OUTDIR/export/, its
 * OUTDIR/csc-metrics.config.json and OUTDIR/Annex_A.xlsx. Lists each file
 * on stderr. Then, in OUTDIR:
 *
 *   csc-metrics report --data export --period 2026-10 --extracted-on 2026-11-20
 *   csc-metrics report --annex-a Annex_A.xlsx --period 2026-10 --extracted-on 2026-10-31
 */
import { parseArgs } from 'node:util';
import { CLEAN_FIXTURE_DIR, readCleanRecords, writeRealShapedAuthority } from './realShapedAuthority.js';

const USAGE = 'usage: generate-real-shaped OUTDIR [--clean DIR]';

async function main(): Promise<void> {
  let outDir: string;
  let cleanDir: string;
  try {
    const { values, positionals } = parseArgs({ args: process.argv.slice(2), options: { clean: { type: 'string' } }, strict: true, allowPositionals: true });
    if (positionals.length !== 1) throw new Error('give one output folder');
    outDir = positionals[0]!;
    cleanDir = values.clean ?? CLEAN_FIXTURE_DIR;
  } catch (error) {
    process.stderr.write(`generate-real-shaped: ${(error as Error).message}\n${USAGE}\n`);
    process.exitCode = 1;
    return;
  }
  const files = await writeRealShapedAuthority(await readCleanRecords(cleanDir), outDir);
  const width = Math.max(...files.map((f) => f.path.length));
  const lines = files.map((f) => `  ${f.path.padEnd(width)}  ${String(f.rows).padStart(3)} rows  ${f.shape}`);
  process.stderr.write([`wrote ${outDir} from ${cleanDir}:`, ...lines, ''].join('\n'));
}

main().catch((error: unknown) => {
  process.stderr.write(`generate-real-shaped: ${(error as Error).message}\n`);
  process.exitCode = 1;
});
