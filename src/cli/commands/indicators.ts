import { newTable } from '../../render/textTable.js';
import { Option, type Command } from 'commander';
import { settingsInForce, targetSource, timescaleSource, type ResolvedSettings, type SettingInForce } from '../../core/config.js';
import { describeSpan } from '../../core/indicators/spans.js';
import { indicatorsFor, INDICATORS } from '../../core/indicators/registry.js';
import { findProfile } from '../../core/profiles.js';
import { extractsRead, type IndicatorDefinition } from '../../core/indicators/types.js';
import { targetOf } from '../../core/report.js';
import { writeResult } from '../../io/output.js';
import { formatTarget } from '../../render/format.js';
import { resolveSettings } from '../../io/readSettingsFiles.js';
import { profileOption, ukToday } from '../options.js';
import { configPath } from '../runContext.js';

interface IndicatorsFlags {
  format?: 'table' | 'json';
  config?: string;
  profile?: string;
}

/** "assessments (completed_date), plans": the extracts and the optional columns an indicator needs. */
function needs(reads: IndicatorDefinition['reads']): string {
  return Object.entries(reads).map(([kind, columns]) => (columns.length > 0 ? `${kind} (${columns.join(', ')})` : kind)).join(', ');
}

/** A setting's value as people read it: "10 working days" for an interval. */
function settingValue(value: SettingInForce['value']): string {
  return typeof value === 'object' ? describeSpan(value) : String(value);
}

/** "jersey (chosen on the command line)": the profile in force and what chose it. */
function profileLine(profile: ResolvedSettings['profile']): string {
  const chosen = { default: 'the default', config: "chosen by the config's \"profile\"", 'command line': 'chosen by --profile' }[profile.from];
  const description = findProfile(profile.name)?.description;
  return `Profile: ${profile.name} (${chosen})${description === undefined ? '' : `: ${description}`}`;
}

async function runIndicators(flags: IndicatorsFlags): Promise<void> {
  const resolved = await resolveSettings(configPath(flags), INDICATORS, flags.profile);
  const { settings } = resolved;
  // Dated targets: the one in force today.
  const today = ukToday();
  const catalogue = indicatorsFor(settings).map((i) => ({
    id: i.id,
    title: i.title(settings),
    kind: i.kind,
    direction: i.direction,
    target: targetOf(i, settings, today),
    targetSource: targetSource(resolved, i),
    timescale: i.timescale(settings),
    timescaleSource: timescaleSource(resolved, i),
    requires: extractsRead(i),
    columns: i.reads,
    definition: i.definition,
  }));
  const inForce = settingsInForce(resolved);
  if ((flags.format ?? (process.stdout.isTTY ? 'table' : 'json')) === 'json') {
    await writeResult(`${JSON.stringify({ profile: resolved.profile, settings: inForce, indicators: catalogue }, null, 2)}\n`, undefined);
    return;
  }
  const table = newTable({ head: ['Id', 'Title', 'Target', 'Timescale', 'Needs', 'Definition'], colWidths: [28, 30, 14, 18, 22, 56], wordWrap: true, style: { head: [], border: [] } });
  for (const i of catalogue) {
    table.push([i.id, i.title, `${formatTarget(i.kind, i.direction, i.target)}\n(${i.targetSource})`, `${i.timescale}\n(${i.timescaleSource})`, needs(i.columns), i.definition]);
  }
  const globals = newTable({ head: ['Setting', 'Value', 'Source'], style: { head: [], border: [] } });
  for (const s of inForce) globals.push([s.setting, settingValue(s.value), s.source]);
  await writeResult(`${table.toString()}\n\n${profileLine(resolved.profile)}\n${globals.toString()}\n`, undefined);
}

/** `csc-metrics indicators`: the catalogue with definitions, targets and timescales, and the settings in force with their sources. */
export function indicatorsCommand(program: Command): void {
  program
    .command('indicators')
    .description('list the indicator catalogue with definitions, targets and timescales, and where each setting in force comes from')
    .addOption(new Option('--format <format>', 'table (default on a terminal) or json').choices(['table', 'json']))
    .addOption(profileOption())
    .option('--config <file>', 'show the targets and timescales of this config file (default: the config file here, if present)')
    .action(runIndicators);
}
