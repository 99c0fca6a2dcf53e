import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { holidayFileCalendar } from '../core/calendar/holidayFile.js';
import { builtInCalendar, type WorkingCalendar } from '../core/calendar/workingCalendar.js';
import { resolveConfig } from '../core/config.js';
import { UsageError } from '../core/errors.js';
import type { IndicatorDefinition } from '../core/indicators/types.js';
import { DEFAULT_SETTINGS, type Settings } from '../core/settings.js';

async function readText(path: string, what: string): Promise<string> {
  try {
    // Notepad saves UTF-8 with a byte-order mark; JSON.parse would choke on it.
    return (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
  } catch (error) {
    throw new UsageError(`${what} ${path}: cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
}

/** Settings from `--config FILE` (JSON) over the defaults; every problem is a line naming the key. */
export async function loadSettings(path: string | undefined, indicators: readonly IndicatorDefinition[]): Promise<Settings> {
  if (path === undefined) return DEFAULT_SETTINGS;
  const text = await readText(path, '--config');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--config ${path}: not valid JSON (${(error as Error).message})`);
  }
  const result = resolveConfig(raw, indicators);
  if ('settings' in result) return result.settings;
  throw new UsageError(`--config ${path}: ${result.errors.length} problem${result.errors.length === 1 ? '' : 's'}\n${result.errors.map((e) => `  ${e}`).join('\n')}`);
}

/** A built-in calendar by name, or an authority's own list of dates from a file; `flag` names it in errors. */
export async function loadCalendar(nameOrFile: string, flag = '--calendar'): Promise<WorkingCalendar> {
  // A built-in name has no dot or slash; anything else is a file.
  if (!/[./\\]/.test(nameOrFile)) return builtInCalendar(nameOrFile);
  return holidayFileCalendar(await readText(nameOrFile, flag), basename(nameOrFile));
}
