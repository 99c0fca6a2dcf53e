import { DataError, UsageError } from '../core/errors.js';

/** The exit codes of cli.md: scripts and CI jobs depend on them. */
export const EXIT = {
  ok: 0,
  /** Bad flag, bad period, unreadable config. */
  usage: 1,
  /** Missing column, unreadable file, rejected rows under --strict or in validate. */
  data: 2,
  /** A --fail-under / --fail-on threshold breached. */
  threshold: 3,
} as const;

/** The one place errors become exit codes; anything unexpected is a bug and exits 70. */
export function exitCodeFor(error: unknown): number {
  if (error instanceof UsageError) return EXIT.usage;
  if (error instanceof DataError) return EXIT.data;
  if (error instanceof Error && 'code' in error && typeof error.code === 'string' && error.code.startsWith('commander.')) return EXIT.usage;
  return 70;
}
