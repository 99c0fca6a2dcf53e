import type { AuditSummary, GradeCounts, GradeDistribution, OverdueAction } from '../core/audits/summary.js';
import { formatIso } from '../core/dates/localDate.js';
import { GRADES } from '../core/extracts/columns.js';
import type { FileQuality, Issue } from '../core/extracts/issues.js';
import type { Period } from '../core/period.js';
import type { ExceptionList } from '../core/exceptionList.js';
import type { ExceptionRow, Figure, IndicatorResult, Report } from '../core/report.js';

/** Six decimal places: enough to recompute, short enough to read. */
export function roundValue(value: number | null): number | null {
  return value === null ? null : Math.round(value * 1e6) / 1e6;
}

/** A period as ISO dates: `{ from, to, asAt }`. */
export function periodJson(period: Period) {
  return { from: formatIso(period.from), to: formatIso(period.to), asAt: formatIso(period.asAt) };
}

function figureJson(kind: IndicatorResult['kind'], figure: Figure) {
  return kind === 'count'
    ? { count: figure.numerator }
    : { numerator: figure.numerator, denominator: figure.denominator, value: roundValue(figure.value) };
}

/** `ragReason` when a figure is too small to judge ("n < 5"); nothing otherwise, so other figures keep their shape. */
function reasonJson(figure: { readonly ragReason?: string }) {
  return figure.ragReason === undefined ? {} : { ragReason: figure.ragReason };
}

function exceptionJson(row: ExceptionRow) {
  return { childId: row.childId, recordId: row.recordId, team: row.team ?? null, worker: row.worker ?? null, detail: row.detail };
}

function indicatorJson(result: IndicatorResult, exceptions: unknown = result.exceptions.map(exceptionJson)) {
  return {
    id: result.id,
    title: result.title,
    kind: result.kind,
    timescale: result.timescale,
    ...figureJson(result.kind, result),
    target: result.target,
    direction: result.direction,
    rag: result.rag,
    ...reasonJson(result),
    ...(result.groups ? { groups: result.groups.map((g) => ({ key: g.key, ...figureJson(result.kind, g), rag: g.rag, ...reasonJson(g) })) } : {}),
    ...(result.series
      ? { series: result.series.map((p) => ({ period: p.period.label, ...periodJson(p.period), ...figureJson(result.kind, p), target: p.target, rag: p.rag, ...reasonJson(p) })) }
      : {}),
    exceptions,
    warnings: result.warnings,
  };
}

/** Grade counts best first, every grade present, so the keys are the same in every report. */
function gradesJson(grades: GradeCounts) {
  return Object.fromEntries(GRADES.map((grade) => [grade, grades[grade]]));
}

function distributionJson(distribution: GradeDistribution) {
  return {
    total: distribution.total,
    grades: gradesJson(distribution.grades),
    byTeam: distribution.byTeam.map((group) => ({ team: group.key, total: group.total, grades: gradesJson(group.grades) })),
  };
}

function overdueActionJson(action: OverdueAction) {
  return {
    actionId: action.actionId,
    auditId: action.auditId,
    childId: action.childId ?? null,
    team: action.team ?? null,
    raised: formatIso(action.raised),
    due: formatIso(action.due),
    dueFrom: action.dueFrom,
    daysOverdue: action.daysOverdue,
  };
}

/** The audit part: null for a part whose extract was not read. */
function auditJson(audit: AuditSummary) {
  return {
    gradeDistribution: audit.distribution ? distributionJson(audit.distribution) : null,
    overdueActions: audit.overdueActions ? audit.overdueActions.map(overdueActionJson) : null,
  };
}

/** The data-quality part of the JSON (also what `validate --format json` prints). */
export function qualityJson(files: readonly FileQuality[], unreadFiles: readonly string[] = []) {
  return { files: files.map((f) => ({ ...f, issues: f.issues.map((i) => ({ ...i })) })), unreadFiles };
}

/** JSON text indented by `spaces` more on every line but the first. */
function indented(text: string, spaces: number): string {
  return text.replace(/\n/g, `\n${' '.repeat(spaces)}`);
}

/** Where a value's pieces go in the text of the object around it. */
const HERE = '\u0000here\u0000';
const HERE_JSON = JSON.stringify(HERE);

/** An object's JSON as it stands `depth` levels deep, in the text before and after its HERE value. */
function around(value: object, depth: number): [string, string] {
  return indented(JSON.stringify(value, null, 2), depth * 2).split(HERE_JSON) as [string, string];
}

/** One issue as an entry of its file's `issues` array in `validate`'s JSON, with what comes before it (the bracket or a comma). */
export function issueJsonEntry(issue: Issue, first: boolean): string {
  return `${first ? '[\n          ' : ',\n          '}${indented(JSON.stringify(issue, null, 2), 10)}`;
}

/** A file's listed issues as `issueJsonEntry` texts, a thousand to a piece. */
function* listedJsonEntries(file: FileQuality): Generator<string> {
  for (let i = 0; i < file.issues.length; i += 1000) {
    yield file.issues
      .slice(i, i + 1000)
      .map((issue, n) => issueJsonEntry(issue, i + n === 0))
      .join('');
  }
}

/**
 * `validate --format json` in pieces, byte for byte what JSON.stringify would
 * give with two-space indentation, but never one string, so millions of
 * issues can be written. A file's issues are the `issueJsonEntry` texts that
 * `entries` gives: by default those the file lists; `validate` passes those
 * it spooled while reading.
 */
export function* qualityJsonPieces(files: readonly FileQuality[], unreadFiles: readonly string[], entries: (file: FileQuality) => Iterable<string> = listedJsonEntries): Generator<string> {
  yield '{\n  "dataQuality": {\n    "files": [';
  for (const [n, file] of files.entries()) {
    const [before, after] = around({ ...file, issues: HERE }, 3);
    yield `${n === 0 ? '' : ','}\n      ${before}`;
    let any = false;
    for (const piece of entries(file)) {
      any ||= piece.length > 0;
      yield piece;
    }
    yield any ? '\n        ]' : '[]';
    yield after;
  }
  yield `${files.length === 0 ? ']' : '\n    ]'},\n    "unreadFiles": ${indented(JSON.stringify(unreadFiles, null, 2), 4)}\n  }\n}\n`;
}

/** The report as the JSON document of cli.md (schemaVersion 1). */
export function reportJson(report: Report): object {
  return reportJsonWith(report, report.indicators.map((result) => indicatorJson(result)));
}

function reportJsonWith(report: Report, indicators: unknown): object {
  return {
    schemaVersion: report.schemaVersion,
    ...(report.title !== undefined ? { title: report.title } : {}),
    ...(report.generatedAt !== undefined ? { generatedAt: report.generatedAt } : {}),
    period: { ...periodJson(report.period), ...(report.period.asAtIsExtractDate ? { asAtIsExtractDate: true } : {}) },
    calendar: report.calendar,
    ...(report.groupBy ? { groupBy: report.groupBy } : {}),
    ...(report.where ? { where: report.where } : {}),
    indicators,
    notComputed: report.notComputed,
    ...(report.audit ? { audit: auditJson(report.audit) } : {}),
    warnings: report.warnings,
    dataQuality: qualityJson(report.dataQuality.files, report.dataQuality.unreadFiles),
  };
}

/** The exceptions' JSON array as it stands `depth` levels deep, a thousand rows to a piece. */
function* exceptionPieces(rows: ExceptionList, depth: number): Generator<string> {
  if (rows.length === 0) {
    yield '[]';
    return;
  }
  const inner = (depth + 1) * 2;
  for (let i = 0; i < rows.length; i += 1000) {
    let piece = '';
    for (let n = i; n < Math.min(i + 1000, rows.length); n++) piece += `${n === 0 ? '[' : ','}\n${' '.repeat(inner)}${indented(JSON.stringify(exceptionJson(rows.at(n)), null, 2), inner)}`;
    yield piece;
  }
  yield `\n${' '.repeat(depth * 2)}]`;
}

/**
 * The report's JSON in pieces, byte for byte what JSON.stringify gives with
 * two-space indentation and a final newline (`reportJson`), but never one
 * string nor one copy of every exception: a whole authority's history has
 * millions of them.
 */
export function* reportJsonPieces(report: Report): Generator<string> {
  const [head, tail] = around(reportJsonWith(report, HERE), 0);
  yield head;
  if (report.indicators.length === 0) yield '[]';
  for (const [n, result] of report.indicators.entries()) {
    const [before, after] = around(indicatorJson(result, HERE), 2);
    yield `${n === 0 ? '[' : ','}\n    ${before}`;
    yield* exceptionPieces(result.exceptions, 3);
    yield after;
  }
  if (report.indicators.length > 0) yield '\n  ]';
  yield `${tail}\n`;
}

/** Serialises with two-space indentation and a final newline. */
export function renderJson(report: Report): string {
  return [...reportJsonPieces(report)].join('');
}
