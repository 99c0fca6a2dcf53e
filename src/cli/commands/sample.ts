import { randomBytes } from 'node:crypto';
import { Option, type Command } from 'commander';
import { UsageError } from '../../core/errors.js';
import { extractsRead, recordsRead, type IndicatorDefinition } from '../../core/indicators/types.js';
import { SAMPLE_KINDS, type SampleKind } from '../../core/sample/kinds.js';
import { indicatorsFor } from '../../core/indicators/registry.js';
import type { Settings } from '../../core/settings.js';
import type { OnlyOutcome } from '../../core/sample/outcomes.js';
import { indicatorForSample } from '../sampleIndicator.js';
import { drawSample, whereColumns, type Sample, type SampleGroupBy } from '../../core/sample/sample.js';
import { notComputedReason } from '../../core/report.js';
import { writeResult } from '../../io/output.js';
import { UTF8_BOM } from '../../render/csvCell.js';
import { renderSampleCsv, renderSampleJson, renderSampleSummary } from '../../render/sample.js';
import { renderSampleXlsx } from '../../render/sampleXlsx.js';
import { formatForFile } from '../../render/renderers.js';
import { EXIT } from '../exitCodes.js';
import { addPeriodOptions, addSourceOptions, byOption, parseWhere, type PeriodFlags, type SourceFlags } from '../options.js';
import type { Filters } from '../../core/breakdown.js';
import { loadRun } from '../runContext.js';
import { createTerminal } from '../terminal.js';

type SampleFormat = 'csv' | 'json' | 'xlsx';

const SAMPLE_FORMATS: readonly SampleFormat[] = ['csv', 'json', 'xlsx'];

const SAMPLE_RENDERERS: Record<SampleFormat, (sample: Sample) => string | Promise<Uint8Array>> = { csv: renderSampleCsv, json: renderSampleJson, xlsx: renderSampleXlsx };

/** The environment variable that holds the pseudonymisation key. */
const KEY_VARIABLE = 'CSC_METRICS_KEY';

interface SampleFlags extends SourceFlags, PeriodFlags {
  kind: SampleKind;
  size: string;
  seed?: string;
  by?: SampleGroupBy;
  only?: OnlyOutcome | 'all';
  indicator?: string;
  where: string[];
  format?: SampleFormat;
  out?: string;
  pseudonymise?: boolean;
  /** False with --no-bom. */
  bom: boolean;
}

function parseSize(text: string): number {
  const n = /^\d+$/.test(text) ? Number(text) : 0;
  if (n < 1) throw new UsageError(`--size ${text}: expected a whole number of records, 1 or more`);
  return n;
}

/** `--only exceptions|met` as the outcome kept; `--only all` (every record of the frame) and no `--only` as none. */
function onlyOutcome(flags: SampleFlags): OnlyOutcome | undefined {
  return flags.only === 'all' ? undefined : flags.only;
}

function chooseIndicator(flags: SampleFlags, settings: Settings): IndicatorDefinition | undefined {
  return flags.indicator === undefined ? undefined : indicatorForSample(flags.indicator, flags.kind, onlyOutcome(flags), indicatorsFor(settings));
}

/**
 * `--where COLUMN=VALUE` as report reads it, limited to the columns of the
 * kind sampled: a column it lacks is refused with the kind's own list.
 */
function sampleWhere(flags: SampleFlags): Filters | undefined {
  const columns = whereColumns(flags.kind);
  for (const text of flags.where) {
    const at = text.indexOf('=');
    const column = text.slice(0, at).trim();
    if (at !== -1 && !columns.includes(column)) {
      throw new UsageError(`--where ${text}: ${column} is not a column of ${flags.kind} records to filter on; choose one of ${columns.join(', ')}`);
    }
  }
  return parseWhere(flags.where);
}

function pseudonymKey(flags: SampleFlags): string | undefined {
  if (!flags.pseudonymise) return undefined;
  const key = process.env[KEY_VARIABLE];
  if (!key) throw new UsageError(`--pseudonymise needs a secret key in the ${KEY_VARIABLE} environment variable, which is unset or empty`);
  return key;
}

/** The given seed, or a random one: it is printed either way, so any draw can be repeated. */
function chooseSeed(flags: SampleFlags): string {
  if (flags.seed === '') throw new UsageError('--seed: give some text, e.g. --seed 2026-11');
  return flags.seed ?? randomBytes(8).toString('hex');
}

/**
 * --format, else xlsx for an --out FILE.xlsx, else CSV. A workbook is never
 * written under another name nor text under .xlsx, nor binary to a terminal.
 */
function chooseFormat(flags: SampleFlags): SampleFormat {
  const named = flags.out === undefined ? undefined : formatForFile(flags.out);
  const format = flags.format ?? (named === 'xlsx' ? 'xlsx' : 'csv');
  if (named !== undefined && (named === 'xlsx') !== (format === 'xlsx')) {
    throw new UsageError(`--format ${format} --out ${flags.out}: the file's extension says ${named}; name the file for the format`);
  }
  if (format === 'xlsx' && flags.out === undefined && process.stdout.isTTY) {
    throw new UsageError('--format xlsx writes binary: give --out FILE.xlsx or redirect');
  }
  return format;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

async function runSample(flags: SampleFlags): Promise<number> {
  const terminal = createTerminal({ quiet: flags.quiet ?? false, color: flags.color, toFile: flags.out !== undefined });
  const size = parseSize(flags.size);
  const format = chooseFormat(flags);
  const only = onlyOutcome(flags);
  if (only !== undefined && flags.indicator === undefined) {
    throw new UsageError(`--only ${only} needs --indicator ID: the indicator whose outcome it keeps (or --only all for every record of the frame)`);
  }
  const where = sampleWhere(flags);
  const key = pseudonymKey(flags);
  const seed = chooseSeed(flags);
  let indicator: IndicatorDefinition | undefined;
  const run = await loadRun(flags, terminal, false, (settings) => {
    indicator = chooseIndicator(flags, settings);
    const read = indicator ? extractsRead(indicator) : [];
    // The sampled kind's events are logged only for an indicator that reads them.
    return { kinds: [flags.kind, ...read], keepRecords: [flags.kind, ...(indicator ? recordsRead([indicator]) : [])], recordsOnly: read.includes(flags.kind) ? [] : [flags.kind] };
  });
  if (run.data[flags.kind] === undefined) throw new UsageError(`--kind ${flags.kind}: no ${flags.kind} extract was given (${flags.kind}.csv in --data DIR, or --${flags.kind} FILE)`);
  const reason = indicator ? notComputedReason(indicator, run.data, run.period, run.absentReasons) : null;
  if (reason) throw new UsageError(`--indicator ${indicator!.id} cannot be computed: ${reason}`);
  const sample = drawSample(run.data, {
    kind: flags.kind,
    period: run.period,
    size,
    seed,
    settings: run.settings,
    calendar: run.calendar,
    ...(flags.by ? { by: flags.by } : {}),
    ...(indicator ? { indicator } : {}),
    ...(only ? { only } : {}),
    ...(where ? { where } : {}),
    ...(key !== undefined ? { pseudonymKey: key } : {}),
  });
  const rendered = await SAMPLE_RENDERERS[format](sample);
  await writeResult(format === 'csv' && flags.bom ? [UTF8_BOM, rendered as string] : rendered, flags.out);
  // Even under --quiet: without the seed a random draw could not be repeated.
  process.stderr.write(`seed: ${seed}\n`);
  terminal.note(renderSampleSummary(sample));
  if (flags.out) terminal.note(`Wrote ${sample.rows.length} sampled records to ${flags.out}`);
  return EXIT.ok;
}

/** `csc-metrics sample`: draw a reproducible dip sample of records for audit. */
export function sampleCommand(program: Command): void {
  const command = program.command('sample').description('draw a reproducible dip sample of records for audit');
  addSourceOptions(command);
  addPeriodOptions(command);
  command
    .addOption(new Option('--kind <kind>', 'the extract to sample records from').choices(SAMPLE_KINDS).makeOptionMandatory())
    .addOption(new Option('--size <n>', 'records to draw (per group with --by)').makeOptionMandatory())
    .option('--seed <text>', 'any text, e.g. 2026-11: the same seed and records give the same sample (default: drawn at random and printed)')
    .addOption(byOption('draw up to --size records from each team or worker'))
    .option('--indicator <id>', "carry this indicator's outcome and detail on each sampled record")
    .addOption(new Option('--only <outcome>', 'only records the indicator counts as not met (exceptions) or met (both need --indicator), or all: every record of the frame').choices(['exceptions', 'met', 'all']))
    .option('--where <column=value>', "only records with this value in this column, e.g. plan_type=CP (repeatable: the same column again adds a value, different columns must all match)", collect, [] as string[])
    .addOption(new Option('--format <format>', 'output format (default: xlsx for --out FILE.xlsx, else csv)').choices(SAMPLE_FORMATS))
    .option('--no-bom', 'CSV without the UTF-8 byte-order mark (Excel on Windows needs it; some tools dislike it)')
    .option('--out <file>', 'write the sample to a file instead of stdout')
    .option('--pseudonymise', `replace child IDs with keyed hashes (key from ${KEY_VARIABLE})`)
    .action(async (flags: SampleFlags) => {
      process.exitCode = await runSample(flags);
    });
}
