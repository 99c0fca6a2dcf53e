import { DataError, UsageError } from '../core/errors.js';
import { OutputError } from '../io/output.js';
import { terminalLines } from '../render/safeText.js';

/** The exit codes of cli.md: scripts and CI jobs depend on them. */
export const EXIT = {
  ok: 0,
  /** Bad flag, bad period, unreadable config, --out naming an input. */
  usage: 1,
  /** Missing column, unreadable file, rejected rows under --strict or in validate; the result could not be written. */
  data: 2,
  /** A --fail-under / --fail-on threshold breached. */
  threshold: 3,
  /** A bug: an error the code did not expect (EX_SOFTWARE of sysexits.h). */
  internal: 70,
} as const;

/** The one place errors become exit codes; anything unexpected is a bug and exits 70. */
export function exitCodeFor(error: unknown): number {
  if (error instanceof UsageError) return EXIT.usage;
  if (error instanceof DataError || error instanceof OutputError) return EXIT.data;
  if (error instanceof Error && 'code' in error && typeof error.code === 'string' && error.code.startsWith('commander.')) return EXIT.usage;
  return EXIT.internal;
}

/** The environment variable that adds the stack trace to an error's message. */
export const DEBUG_VARIABLE = 'CSC_METRICS_DEBUG';

/** Where a user is told to take an internal error. */
export const REPORT_HINT = "please report this with the command you ran: see README, 'Reporting a problem'";

/** The message on one line, whatever was thrown (even a value String() cannot convert). */
function oneLine(error: unknown): string {
  let text: string;
  try {
    text = error instanceof Error ? error.message : String(error);
  } catch {
    text = 'an unprintable value was thrown';
  }
  return text.replace(/\s*\n\s*/g, ' ').trim() || (error instanceof Error ? error.name : 'no message');
}

/**
 * What stderr says when a run stops on `error`: the message of a usage, data
 * or output error (a config's problems one a line); for anything else "internal error" and where to report it.
 * With `debug` (CSC_METRICS_DEBUG=1) the stack trace follows.
 */
export function errorReport(error: unknown, debug: boolean): string {
  const lines =
    exitCodeFor(error) !== EXIT.internal
      ? [`csc-metrics: ${error instanceof DataError ? `${error.code}: ` : ''}${(error as Error).message}`]
      : [`csc-metrics: internal error: ${oneLine(error)}`, `${REPORT_HINT} (${DEBUG_VARIABLE}=1 shows the details)`];
  if (debug && error instanceof Error && error.stack) lines.push(error.stack);
  return `${terminalLines(lines.join('\n'))}\n`;
}
