import type { Command } from 'commander';
import { UsageError } from '../core/errors.js';
import { INDICATORS } from '../core/indicators/registry.js';
import { resolveSettings } from '../io/readSettingsFiles.js';
import { FORMATS } from '../render/renderers.js';
import type { SettingsFlags } from './options.js';
import { configPath } from './runContext.js';

/**
 * `csc-metrics report NAME`: fills in the options the config's saved run
 * NAME gives, where the command line gives none (what is typed wins), before
 * anything else looks at them. A name the config does not hold is a usage
 * error listing the names it does.
 */
export async function applySavedRun(command: Command): Promise<void> {
  const [name] = command.args;
  if (command.name() !== 'report' || name === undefined) return;
  const flags = command.opts<SettingsFlags>();
  const { settings } = await resolveSettings(configPath(flags), INDICATORS, flags.profile);
  const saved = Object.hasOwn(settings.reports, name) ? settings.reports[name]! : undefined;
  if (saved === undefined) {
    const names = Object.keys(settings.reports);
    throw new UsageError(`report ${name}: the config has no saved run of that name (${names.length > 0 ? `its runs: ${names.join(', ')}` : 'it has no "reports"'})`);
  }
  if (saved.format !== undefined && !(FORMATS as readonly string[]).includes(saved.format)) {
    throw new UsageError(`report ${name}: format "${saved.format}" is not one of ${FORMATS.join(', ')}`);
  }
  for (const [key, value] of Object.entries(saved)) {
    if (command.getOptionValueSource(key) === 'cli') continue;
    // --trend is read as typed text, like every option value on a command line.
    command.setOptionValueWithSource(key, key === 'trend' ? String(value) : value, 'config');
  }
}
