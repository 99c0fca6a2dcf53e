import Table from 'cli-table3';
import { Option, type Command } from 'commander';
import { indicatorsFor, INDICATORS } from '../../core/indicators/registry.js';
import { extractsRead, type IndicatorDefinition } from '../../core/indicators/types.js';
import { targetOf } from '../../core/report.js';
import { writeResult } from '../../io/output.js';
import { formatTarget } from '../../render/format.js';
import { loadSettings } from '../../io/readSettingsFiles.js';
import { ukToday } from '../options.js';

interface IndicatorsFlags {
  format?: 'table' | 'json';
  config?: string;
}

/** "assessments (completed_date), plans": the extracts and the optional columns an indicator needs. */
function needs(reads: IndicatorDefinition['reads']): string {
  return Object.entries(reads).map(([kind, columns]) => (columns.length > 0 ? `${kind} (${columns.join(', ')})` : kind)).join(', ');
}

async function runIndicators(flags: IndicatorsFlags): Promise<void> {
  const settings = await loadSettings(flags.config, INDICATORS);
  // Dated targets: the one in force today.
  const today = ukToday();
  const catalogue = indicatorsFor(settings).map((i) => ({
    id: i.id,
    title: i.title(settings),
    kind: i.kind,
    direction: i.direction,
    target: targetOf(i, settings, today),
    timescale: i.timescale(settings),
    requires: extractsRead(i),
    columns: i.reads,
    definition: i.definition,
  }));
  if ((flags.format ?? (process.stdout.isTTY ? 'table' : 'json')) === 'json') {
    await writeResult(`${JSON.stringify({ indicators: catalogue }, null, 2)}\n`, undefined);
    return;
  }
  const table = new Table({ head: ['Id', 'Title', 'Target', 'Timescale', 'Needs', 'Definition'], colWidths: [28, 30, 12, 18, 22, 56], wordWrap: true, style: { head: [], border: [] } });
  for (const i of catalogue) table.push([i.id, i.title, formatTarget(i.kind, i.direction, i.target), i.timescale, needs(i.columns), i.definition]);
  await writeResult(`${table.toString()}\n`, undefined);
}

/** `csc-metrics indicators`: the catalogue with definitions, targets and timescales. */
export function indicatorsCommand(program: Command): void {
  program
    .command('indicators')
    .description('list the indicator catalogue with definitions, targets and timescales')
    .addOption(new Option('--format <format>', 'table (default on a terminal) or json').choices(['table', 'json']))
    .option('--config <file>', 'show the targets and timescales of this config file')
    .action(runIndicators);
}
