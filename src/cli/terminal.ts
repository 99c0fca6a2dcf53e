import { formatCount } from '../render/format.js';
import { createPaint, type Paint } from '../render/paint.js';
import { terminalLines } from '../render/safeText.js';

/** What the process may do on the terminal, decided once from flags, environment and streams. */
export interface Terminal {
  /** Colour the result on stdout. */
  readonly paint: Paint;
  /** Write a message, warning or summary to stderr (never stdout). */
  note(text: string): void;
  /** Show progress of a long read on stderr; a no-op off a TTY or with --quiet. */
  progress(text: string): void;
  /** Clear the progress line. */
  progressDone(): void;
}

/** NO_COLOR (no-color.org): present and not empty means no colour. */
function colourAllowed(env: NodeJS.ProcessEnv, noColorFlag: boolean): boolean {
  return !noColorFlag && (env.NO_COLOR === undefined || env.NO_COLOR === '');
}

/** The terminal for a run: colour only on a TTY and never with NO_COLOR or --no-color. */
export function createTerminal(options: { quiet: boolean; color: boolean; toFile: boolean }): Terminal {
  const colour = !options.toFile && process.stdout.isTTY === true && colourAllowed(process.env, !options.color);
  const live = !options.quiet && process.stderr.isTTY === true;
  let shown = false;
  return {
    paint: createPaint(colour),
    note: (text) => {
      // Messages quote file names and header cells: nothing in them may drive the terminal.
      if (!options.quiet) process.stderr.write(`${terminalLines(text.replace(/\n$/, ''))}\n`);
    },
    progress: (text) => {
      if (!live) return;
      process.stderr.write(`\r\x1b[K${text}`);
      shown = true;
    },
    progressDone: () => {
      if (shown) process.stderr.write('\r\x1b[K');
      shown = false;
    },
  };
}

/** A row-progress callback that shows "reading visits: 300,000 rows". */
export function rowProgress(terminal: Terminal): (kind: string, rows: number) => void {
  return (kind, rows) => terminal.progress(`reading ${kind}: ${formatCount(rows)} rows`);
}
