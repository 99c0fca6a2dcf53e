/**
 * `node dist/scripts/generate-authority.js --demo DIR` writes the demo
 * authority (fixed seed); `--bench DIR [--visits N] [--seed S]` the benchmark
 * scale. Reports each file and its rows on stderr.
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import {
  BENCH_SEED,
  BENCH_VISITS,
  DEMO_OPTIONS,
  benchOptions,
  generateAuthority,
  parseWholeNumber,
  type AuthorityOptions,
  type WrittenFile,
} from './syntheticAuthority.js';

const USAGE = 'usage: generate-authority --demo DIR | --bench DIR [--visits N] [--seed S]';

interface Plan {
  readonly dir: string;
  readonly options: AuthorityOptions;
}

/** Turns the arguments into a directory and generator options; throws a usage message when they do not fit. */
function planFromArgs(args: readonly string[]): Plan {
  const { values } = parseArgs({
    args: [...args],
    options: { demo: { type: 'string' }, bench: { type: 'string' }, visits: { type: 'string' }, seed: { type: 'string' } },
    strict: true,
    allowPositionals: false,
  });
  if ((values.demo === undefined) === (values.bench === undefined)) throw new Error('give exactly one of --demo DIR or --bench DIR');
  if (values.demo !== undefined) {
    if (values.visits !== undefined || values.seed !== undefined) throw new Error('--visits and --seed apply to --bench only (the demo is fixed)');
    return { dir: values.demo, options: DEMO_OPTIONS };
  }
  const visits = values.visits === undefined ? BENCH_VISITS : parseWholeNumber('--visits', values.visits, 1, 100_000_000);
  const seed = values.seed === undefined ? BENCH_SEED : parseWholeNumber('--seed', values.seed, 0, 0xffffffff);
  return { dir: values.bench!, options: benchOptions(visits, seed) };
}

function describe(dir: string, files: readonly WrittenFile[], seconds: number): string {
  const width = Math.max(...files.map((f) => f.file.length));
  const lines = files.map((f) => `  ${f.file.padEnd(width)}  ${f.rows.toLocaleString('en-GB').padStart(10)} rows`);
  const total = files.reduce((sum, f) => sum + f.rows, 0);
  return [`wrote ${dir}:`, ...lines, `  ${'total'.padEnd(width)}  ${total.toLocaleString('en-GB').padStart(10)} rows in ${seconds.toFixed(1)} s`, ''].join('\n');
}

async function main(): Promise<void> {
  let plan: Plan;
  try {
    plan = planFromArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`generate-authority: ${(error as Error).message}\n${USAGE}\n`);
    process.exitCode = 1;
    return;
  }
  const started = performance.now();
  const files = await generateAuthority(plan.dir, plan.options);
  process.stderr.write(describe(plan.dir, files, (performance.now() - started) / 1000));
}

main().catch((error: unknown) => {
  process.stderr.write(`generate-authority: ${(error as Error).message}\n`);
  process.exitCode = 1;
});
