import { Option, type Command } from 'commander';
import { UsageError } from '../../core/errors.js';
import { indicatorsFor } from '../../core/indicators/registry.js';
import { extractsReadBy, recordsRead, type IndicatorDefinition } from '../../core/indicators/types.js';
import { chosenIndicators } from '../indicatorChoice.js';
import { ReportInWaves, reportWaves } from '../../core/reportInWaves.js';
import { EXTRACT_KINDS } from '../../core/extracts/definitions.js';
import { breaches, parseFailUnder } from '../thresholds.js';
import { outFor } from '../../core/savedRuns.js';
import { writeResult } from '../../io/output.js';
import { UTF8_BOM } from '../../render/csvCell.js';
import { fileExtension, FORMATS, formatForFile, isBinaryFormat, renderReport, type Format } from '../../render/renderers.js';
import { EXIT } from '../exitCodes.js';
import { addPeriodOptions, addSourceOptions, parseBy, parseWhere, type PeriodFlags, type SourceFlags } from '../options.js';
import { loadRun, type RunNeeds } from '../runContext.js';
import { createTerminal } from '../terminal.js';
import { writeExceptionFiles } from '../exceptionFiles.js';
import { writeChartFiles } from '../chartFiles.js';
import { collectWhenGrown } from '../heapTuning.js';

interface ReportFlags extends SourceFlags, PeriodFlags {
  /** The indicators to compute (default: all). */
  indicator: string[];
  by?: string;
  where: string[];
  format?: Format;
  out?: string;
  trend?: string;
  title?: string;
  generatedAt?: string | true;
  exceptions?: boolean;
  failOn?: 'red' | 'amber';
  failUnder: string[];
  exceptionsOut?: string;
  split?: boolean;
  /** A folder for one SVG chart per indicator. */
  charts?: string;
  /** False with --no-bom. */
  bom: boolean;
}

function parseTrend(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 2 || n > 60) throw new UsageError(`--trend ${text}: expected a whole number of periods from 2 to 60`);
  return n;
}

/** The format --out's extension implies; JSON without one. An extension no format writes is refused, never given JSON. */
function outFormat(out: string): Format {
  const extension = fileExtension(out);
  const format = formatForFile(out);
  if (format === undefined && extension !== undefined) {
    throw new UsageError(`--out ${out}: no format writes .${extension} files; name it .json, .csv, .html, .md, .txt or .xlsx, or give --format`);
  }
  return format ?? 'json';
}

/**
 * Stdout on a terminal gets a table; a pipe or a file gets JSON unless the
 * extension says otherwise. A workbook is bytes: never shown on a terminal,
 * never written under a text format's name (nor text under .xlsx).
 */
function chooseFormat(flags: ReportFlags): Format {
  const format = flags.format ?? (flags.out ? outFormat(flags.out) : process.stdout.isTTY ? 'table' : 'json');
  const named = flags.out === undefined ? undefined : formatForFile(flags.out);
  if (named !== undefined && isBinaryFormat(named) !== isBinaryFormat(format)) {
    throw new UsageError(`--format ${format} --out ${flags.out}: the file's extension says ${named}; name the file for the format`);
  }
  if (isBinaryFormat(format) && flags.out === undefined && process.stdout.isTTY) {
    throw new UsageError(`--format ${format} writes binary: give --out FILE.${format} or redirect`);
  }
  return format;
}

async function runReport(flags: ReportFlags): Promise<number> {
  if (flags.split && flags.exceptionsOut === undefined) throw new UsageError('--split needs --exceptions-out FILE.csv');
  const terminal = createTerminal({ quiet: flags.quiet ?? false, color: flags.color, toFile: flags.out !== undefined });
  const trend = parseTrend(flags.trend);
  const format = chooseFormat(flags);
  const by = parseBy(flags.by);
  const where = parseWhere(flags.where);
  let indicators: IndicatorDefinition[] = [];
  let failUnder: ReturnType<typeof parseFailUnder>[] = [];
  let inWaves: ReportInWaves | undefined;
  // The config's own indicators are known once the settings are read, before any extract is.
  const run = await loadRun(flags, terminal, true, (settings) => {
    const all = indicatorsFor(settings);
    indicators = chosenIndicators(flags.indicator, all);
    failUnder = flags.failUnder.map((text) => parseFailUnder(text, all));
    const unchosen = failUnder.find((rule) => !indicators.some((indicator) => indicator.id === rule.id));
    if (unchosen) throw new UsageError(`--fail-under ${unchosen.text}: ${unchosen.id} is not among the indicators --indicator names, so it is not computed`);
    const kinds = flags.indicator.length > 0 ? extractsReadBy(indicators) : undefined;
    // Each extract is let go of once the indicators that read it are computed (README, "Speed").
    const waves: RunNeeds['waves'] = ({ period, calendar }) => {
      const plan = reportWaves(indicators, kinds ?? EXTRACT_KINDS);
      const exceptionDates = flags.exceptionsOut !== undefined;
      inWaves = new ReportInWaves(plan, { period, settings, calendar, exceptionDates, betweenFigures: collectWhenGrown, ...(by ? { by } : {}), ...(where ? { where } : {}), ...(trend ? { trend } : {}) }, indicators);
      return { plan, onWave: inWaves.add };
    };
    return { ...(kinds ? { kinds } : {}), keepRecords: recordsRead(indicators), waves };
  });
  if (run.notAskedFor.length > 0) terminal.note(`Not read, as no indicator named by --indicator reads them: ${run.notAskedFor.join(', ')}`);
  const thresholds = { ...(flags.failOn ? { failOn: flags.failOn } : {}), failUnder };
  const generatedAt = flags.generatedAt === true ? new Date().toISOString() : flags.generatedAt;
  const report = inWaves!.report({
    ...(flags.title !== undefined ? { title: flags.title } : {}),
    ...(generatedAt !== undefined ? { generatedAt } : {}),
    warnings: run.warnings,
    unreadFiles: run.unreadFiles,
  });
  // A saved run's file names may hold {period}: the period's label.
  const out = flags.out === undefined ? undefined : outFor(flags.out, report.period.label);
  const rendered = await renderReport(format, report, { paint: terminal.paint, exceptions: flags.exceptions ?? false, width: out === undefined && process.stdout.isTTY ? process.stdout.columns : undefined });
  await writeResult(format === 'csv' && flags.bom ? [UTF8_BOM, rendered as string] : rendered, out);
  if (out) terminal.note(`Wrote ${format} report to ${out}`);
  if (flags.exceptionsOut !== undefined) {
    const files = await writeExceptionFiles(report, outFor(flags.exceptionsOut, report.period.label), { split: flags.split ?? false, bom: flags.bom });
    terminal.note(`Wrote the exceptions to ${files.join(', ')}`);
  }
  if (flags.charts !== undefined) {
    const charts = await writeChartFiles(report, outFor(flags.charts, report.period.label));
    terminal.note(`Wrote ${charts.length} charts to ${charts.join(', ')}`);
  }
  const failed = breaches(report, thresholds);
  for (const line of failed) terminal.note(`threshold breached: ${line}`);
  return failed.length > 0 ? EXIT.threshold : EXIT.ok;
}

/** `csc-metrics report`: compute the indicators for a period. */
export function reportCommand(program: Command): void {
  const command = program.command('report').description('compute the indicators for a period');
  addSourceOptions(command);
  addPeriodOptions(command);
  command
    .option('--indicator <id>', 'compute only this indicator, reading only the extracts it reads; repeatable (default: every indicator)', (v: string, all: string[]) => [...all, v], [])
    .option('--by <column>', 'break each figure down by a column of the records judged: team, worker, category, plan_type, looked_after…')
    .option('--where <column=value>', 'only records with this value (e.g. category=Neglect); repeatable: a column again adds a value, other columns must match too', (v: string, all: string[]) => [...all, v], [])
    .addOption(new Option('--format <format>', 'output format (default: table on a terminal, else json)').choices(FORMATS))
    .option('--out <file>', 'write the result to a file instead of stdout')
    .option('--trend <n>', 'add each indicator for the n periods ending with this one')
    .option('--title <name>', "the authority's name, shown in the report heading")
    .option('--exceptions', 'list the child-level exceptions under the table')
    .option('--exceptions-out <file.csv>', "write every indicator's child-level exceptions to one CSV file (indicator, child, record, team, worker, detail, key dates)")
    .option('--split', 'with --exceptions-out and --by team (or worker): one file per team, FILE-<team>.csv')
    .option('--charts <dir>', 'write one SVG chart per indicator to the folder, <indicator-id>.svg, for board papers (title, target line, n)')
    .option('--no-bom', 'CSV files without the UTF-8 byte-order mark (Excel on Windows needs it; some tools dislike it)')
    .option('--generated-at [timestamp]', 'stamp the report (now, or the given text); off by default so output is reproducible')
    .addOption(new Option('--fail-on <rag>', 'exit 3 when any indicator is red (or amber or red)').choices(['red', 'amber']))
    .option('--fail-under <id=value>', 'exit 3 when the indicator is worse than value (a percentage for rates); repeatable', (v: string, all: string[]) => [...all, v], [])
    .argument('[run]', 'a saved run of the config ("reports"): its options, where the command line gives none')
    .action(async (_run: string | undefined, flags: ReportFlags) => {
      process.exitCode = await runReport(flags);
    });
}
