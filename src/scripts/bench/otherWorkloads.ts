/** The other commands issue 13 bounds, timed at every scale with `--others`: a trend, `validate` and `sample`. */
import { join } from 'node:path';
import type { BenchData } from './data.js';
import { EXTRACTED_ON, PERIOD, REPORT_ARGS } from './reference.js';

/** One command line to time, less `node`: it reads the scale's folder and writes into `work`. */
export interface Workload {
  readonly name: string;
  readonly args: (data: BenchData, work: string) => string[];
}

const CLI = 'bin/csc-metrics.js';

function sample(kind: string): Workload {
  return {
    name: `sample --kind ${kind}`,
    args: (data, work) => [CLI, 'sample', '--kind', kind, '--size', '20', '--by', 'team', '--seed', 'bench', '--period', PERIOD, '--extracted-on', EXTRACTED_ON, '--data', data.dir, '--out', join(work, 'sample.csv')],
  };
}

/** The trend first: it is compared with the one-period report of the same run. */
export const OTHER_WORKLOADS: readonly Workload[] = [
  { name: 'report --trend 12', args: (data, work) => [...REPORT_ARGS, '--trend', '12', '--data', data.dir, '--out', join(work, 'trend.json')] },
  { name: 'validate', args: (data, work) => [CLI, 'validate', '--extracted-on', EXTRACTED_ON, '--format', 'json', '--data', data.dir, '--out', join(work, 'validate.json')] },
  sample('visits'),
  sample('assessments'),
];
