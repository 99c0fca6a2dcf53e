/** `npm run bench` options: which scales and profile to measure, how many runs, where the table goes. */
import { parseArgs } from 'node:util';
import { BENCH_PROFILES, BENCH_SEED, parseWholeNumber, type BenchProfile } from '../syntheticAuthority.js';

/** What one `npm run bench` measures. */
export interface BenchOptions {
  /** Multiples of the 1x authority (one million visits). */
  readonly scales: readonly number[];
  readonly profile: BenchProfile;
  /** Runs per scale; min and median are reported. */
  readonly runs: number;
  /** The Markdown results file. */
  readonly out: string;
  readonly seed: number;
  /** Also time the other workloads (see OTHER_WORKLOADS) at every scale. */
  readonly others: boolean;
}

const DEFAULT_SCALES = '0.25,1';

function parseScales(text: string): number[] {
  const scales = text.split(',').map((part) => Number(part.trim()));
  if (scales.some((scale) => !Number.isFinite(scale) || scale <= 0 || scale > 100)) {
    throw new Error(`--scales must be numbers above 0 and at most 100, separated by commas (e.g. 0.25,1,4,10), got "${text}"`);
  }
  return scales;
}

function parseProfile(text: string): BenchProfile {
  const profile = BENCH_PROFILES.find((name) => name === text);
  if (profile === undefined) throw new Error(`--profile must be one of ${BENCH_PROFILES.join(', ')}, got "${text}"`);
  return profile;
}

/** Reads the command line; throws a message naming the flag and the fix. */
export function benchOptions(args: readonly string[]): BenchOptions {
  const { values } = parseArgs({
    args: [...args],
    options: {
      scales: { type: 'string', default: DEFAULT_SCALES },
      profile: { type: 'string', default: 'standard' },
      runs: { type: 'string', default: '1' },
      out: { type: 'string', default: 'docs/bench-results.md' },
      seed: { type: 'string', default: String(BENCH_SEED) },
      others: { type: 'boolean', default: false },
    },
    strict: true,
  });
  return {
    scales: parseScales(values.scales),
    profile: parseProfile(values.profile),
    runs: parseWholeNumber('--runs', values.runs, 1, 100),
    out: values.out,
    seed: parseWholeNumber('--seed', values.seed, 0, 0xffffffff),
    others: values.others,
  };
}
