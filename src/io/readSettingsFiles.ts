import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { holidayFileCalendar } from '../core/calendar/holidayFile.js';
import { builtInCalendar, type WorkingCalendar } from '../core/calendar/workingCalendar.js';
import { resolveConfig, type ResolvedSettings } from '../core/config.js';
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

/**
 * The settings of a run: the profile (`profile` if given, else the config's
 * `profile` key, else England's), the config file (`--config FILE`, JSON)
 * over it, and where each setting came from. Every problem is a line naming
 * the key. A profile given here is checked by the caller, which names its flag.
 */
export async function resolveSettings(path: string | undefined, indicators: readonly IndicatorDefinition[], profile?: string): Promise<ResolvedSettings> {
  const options = profile === undefined ? {} : { profile };
  if (path === undefined) {
    const result = resolveConfig({}, indicators, options);
    if ('settings' in result) return result;
    throw new UsageError(result.errors.join('\n'));
  }
  const text = await readText(path, '--config');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--config ${path}: not valid JSON (${(error as Error).message})`);
  }
  const result = resolveConfig(raw, indicators, options);
  if ('settings' in result) return result;
  throw new UsageError(`--config ${path}: ${result.errors.length} problem${result.errors.length === 1 ? '' : 's'}\n${result.errors.map((e) => `  ${e}`).join('\n')}`);
}

/** Settings from `--config FILE` (JSON) over the defaults, or over the profile given; every problem is a line naming the key. */
export async function loadSettings(path: string | undefined, indicators: readonly IndicatorDefinition[], profile?: string): Promise<Settings> {
  if (path === undefined && profile === undefined) return DEFAULT_SETTINGS;
  return (await resolveSettings(path, indicators, profile)).settings;
}

/** A built-in calendar by name, or an authority's own list of dates from a file; `flag` names it in errors. */
export async function loadCalendar(nameOrFile: string, flag = '--calendar'): Promise<WorkingCalendar> {
  // A built-in name has no dot or slash; anything else is a file.
  if (!/[./\\]/.test(nameOrFile)) return builtInCalendar(nameOrFile);
  return holidayFileCalendar(await readText(nameOrFile, flag), basename(nameOrFile));
}
