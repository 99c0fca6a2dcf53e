import { formatIso, formatUk } from '../core/dates/localDate.js';
import { periodJson } from './json.js';
import type { LocalDateTime } from '../core/dates/londonTime.js';
import type { Sample, SampledRecord } from '../core/sample/sample.js';
import { auditColumns, sampleColumns } from '../core/sample/columns.js';
import { csvLine } from './csvCell.js';
import { terminalText } from './safeText.js';

type Cell = string | undefined;

function clock(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

/** 31/10/2026, or 31/10/2026 14:05 when the extract gave a time (extracts.md accepts both back). */
function ukReading(reading: LocalDateTime): string {
  return reading.minute === null ? formatUk(reading.day) : `${formatUk(reading.day)} ${clock(reading.minute)}`;
}

/** 2026-10-31, or 2026-10-31T14:05 with a time. */
function isoReading(reading: LocalDateTime): string {
  return reading.minute === null ? formatIso(reading.day) : `${formatIso(reading.day)}T${clock(reading.minute)}`;
}

function cellsOf(sample: Sample, row: SampledRecord, date: (reading: LocalDateTime) => string): Cell[] {
  const outcome = row.met === null ? undefined : row.met ? 'met' : 'not met';
  return [
    row.kind, row.recordId, row.childId, row.team, row.worker,
    ...(row.texts ?? []),
    ...row.dates.map((reading) => reading && date(reading)),
    sample.indicatorId, outcome, row.detail,
    ...auditColumns(sample).map(() => undefined),
  ];
}

/** The sample as CSV for a spreadsheet: UK dates, formulas neutralised, CRLF lines. */
export function renderSampleCsv(sample: Sample): string {
  const lines = [sampleColumns(sample), ...sample.rows.map((row) => cellsOf(sample, row, ukReading))];
  return lines.map(csvLine).join('');
}

/** The sample as JSON: the CSV's rows (ISO dates, null for empty) and the summary. */
export function renderSampleJson(sample: Sample): string {
  const columns = sampleColumns(sample);
  const rows = sample.rows.map((row) => Object.fromEntries(cellsOf(sample, row, isoReading).map((cell, i) => [columns[i]!, cell ?? null])));
  const document = {
    schemaVersion: 1,
    kind: sample.kind,
    period: { label: sample.period.label, ...periodJson(sample.period) },
    frame: sample.frame,
    seed: sample.seed,
    size: sample.size,
    by: sample.by ?? null,
    indicator: sample.indicatorId ?? null,
    only: sample.only ?? null,
    where: sample.where && Object.keys(sample.where).length > 0 ? sample.where : null,
    pseudonymised: sample.pseudonymised,
    summary: { eligible: sample.eligible, sampled: sample.rows.length, groups: sample.groups },
    rows,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** The filters in words: " with plan_type=CP or CIN and team=Team A, not met by visits-cp". */
function filterText(sample: Sample): string {
  const where = Object.entries(sample.where ?? {}).map(([column, values]) => `${column}=${values.join(' or ')}`);
  const parts = [
    ...(where.length > 0 ? [`with ${where.join(' and ')}`] : []),
    ...(sample.only === undefined ? [] : [`${sample.only === 'met' ? 'met' : 'not met'} by ${sample.indicatorId}`]),
  ];
  return parts.length === 0 ? '' : ` ${parts.join(', ')}`;
}

/** The stderr summary: the frame, then eligible and sampled records overall and per group, every line terminal-safe. */
export function renderSampleSummary(sample: Sample): string {
  const lines = [
    `frame: ${sample.frame}`,
    `eligible${filterText(sample)}: ${sample.eligible}; sampled: ${sample.rows.length}`,
    ...sample.groups.map((g) => `  ${g.key}: ${g.eligible} eligible, ${g.sampled} sampled`),
  ];
  if (sample.outsideFrame > 0) {
    lines.push(`note: not eligible, being outside the frame: ${sample.outsideFrame} more record${sample.outsideFrame === 1 ? '' : 's'}${filterText(sample)}`);
  }
  return `${lines.map(terminalText).join('\n')}\n`;
}
