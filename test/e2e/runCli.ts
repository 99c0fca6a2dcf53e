import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository root: fixtures and bin/ are found from here. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** What a run of the CLI printed and how it exited. */
export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the built CLI as a process with a minimal environment (PATH and
 * NO_COLOR, plus `env`), as a CI job would, from the repository root.
 */
export function runCli(args: readonly string[], env: Record<string, string> = {}): CliRun {
  const result = spawnSync(process.execPath, ['bin/csc-metrics.js', ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...env },
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
