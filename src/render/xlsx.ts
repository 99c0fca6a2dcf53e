import type ExcelJS from 'exceljs';
import type { AuditSummary, GradeDistribution, OverdueAction } from '../core/audits/summary.js';
import { formatUk, type DayNumber } from '../core/dates/localDate.js';
import { GRADES } from '../core/extracts/columns.js';
import type { Rag } from '../core/rag.js';
import type { IndicatorResult, Report } from '../core/report.js';
import { dueFromText, gradeRows } from './auditText.js';
import { neutralised } from '../core/formulaText.js';
import { ragWord, reportTitle } from './format.js';
import { roundValue } from './json.js';
import { withoutControls } from './safeText.js';

/*
 * The report as an Excel workbook, written with exceljs (already what reads
 * authorities' .xlsx extracts): a Summary sheet, a Trend sheet (with --trend),
 * a Breakdown sheet (with --by), one sheet of child-level exceptions per
 * indicator, and a Not computed sheet when any indicator could not be. Every
 * sheet has one header row, frozen and filtered, set widths, and real Excel
 * dates. Same report, same bytes: the workbook's own dates are fixed and the
 * zip entries' timestamps are cleared.
 */

let loading: Promise<typeof ExcelJS> | undefined;

/** exceljs takes about a third of a second to load: only a run that writes a workbook pays for it. */
export function loadExcelJS(): Promise<typeof ExcelJS> {
  return (loading ??= import('exceljs').then((module) => module.default));
}

// XML 1.0 cannot hold lone surrogates or U+FFFE/U+FFFF: Excel would refuse the whole file.
const NOT_XML = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|[\ufffe\uffff]/g;
/** Excel's limit on the characters of one cell. */
const CELL_LIMIT = 32_767;

/** Text from the data made safe for a cell: formula-neutralised, without controls XML or Excel refuse, clipped to Excel's limit. */
export function xlsxText(text: string): string {
  // A leading apostrophe keeps text that Excel would read as a formula once the value is edited or copied out.
  return withoutControls(neutralised(text)).replace(NOT_XML, '\ufffd').slice(0, CELL_LIMIT);
}

/** A day as exceljs writes a date: midnight UTC of that day (exceljs converts in UTC, so no time zone shifts it). */
export function excelDate(day: DayNumber): Date {
  return new Date(day * 86_400_000);
}

/** When the workbook says it was created and changed: --generated-at when it is a date, else a fixed day. */
function stamp(report: Report): Date {
  const given = report.generatedAt === undefined ? Number.NaN : Date.parse(report.generatedAt);
  return new Date(Number.isNaN(given) ? Date.UTC(1980, 0, 1) : given);
}

export const DATE = 'dd/mm/yyyy';
const RATE = '0.0%';
const COUNT = '0';
const RATE_CHANGE = '+0.0" pts";-0.0" pts";0.0" pts"';
const COUNT_CHANGE = '+0;-0;0';

/** Excel's Good / Neutral / Bad cell styles, so the RAG reads as it does in any Excel pack. */
const RAG_STYLE: Readonly<Record<Exclude<Rag, 'none'>, { readonly fill: string; readonly font: string }>> = {
  green: { fill: 'FFC6EFCE', font: 'FF006100' },
  amber: { fill: 'FFFFEB9C', font: 'FF9C5700' },
  red: { fill: 'FFFFC7CE', font: 'FF9C0006' },
};

export type Value = string | number | Date | null;

/** One column of a sheet: its header, and how its cells are formatted. */
export interface Column {
  readonly header: string;
  /** A fixed number format, or one per row (rates and counts share a column). */
  readonly numFmt?: string;
  /** The widest a column grows to fit its text. */
  readonly maxWidth?: number;
}

/** A row's cells, plus per-cell number formats and a RAG to colour one cell. */
export interface Row {
  readonly cells: readonly Value[];
  readonly numFmts?: Readonly<Record<number, string>>;
  readonly rag?: { readonly column: number; readonly rag: Rag };
}

const EXCEL_SHEET_FORBIDDEN = /[[\]:*?/\\\u0000-\u001f\u007f-\u009f]/g;
/** Excel's limit on a sheet name. */
const SHEET_NAME_LIMIT = 31;

/**
 * Sheet names unique (as Excel compares them, ignoring case) and valid: at
 * most 31 characters, none of []:*?/\, not starting or ending with an
 * apostrophe, not "History" (Excel reserves it).
 */
export class SheetNames {
  private readonly taken = new Set<string>(['history']);

  /** A valid name not yet taken, made from `wanted`. */
  name(wanted: string): string {
    const base = wanted.replace(EXCEL_SHEET_FORBIDDEN, '-').replace(NOT_XML, '-').replace(/^'+|'+$/g, '').trim() || 'Sheet';
    for (let n = 1; ; n++) {
      const suffix = n === 1 ? '' : ` (${n})`;
      const name = `${[...base].slice(0, SHEET_NAME_LIMIT - suffix.length).join('').replace(/'+$/, '')}${suffix}`;
      if (!this.taken.has(name.toLowerCase())) {
        this.taken.add(name.toLowerCase());
        return name;
      }
    }
  }
}

/** How wide a cell's text reads, in characters. */
function widthOf(value: Value): number {
  if (value === null) return 0;
  if (value instanceof Date) return 10;
  if (typeof value === 'number') return String(roundValue(value)).length;
  return Math.max(...value.split('\n').map((line) => line.length));
}

/** A sheet whose first row (the header) is frozen. */
function frozenSheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  return workbook.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }] });
}

/** A table's header row (bold) and rows, each cell with its format and RAG fill, added under what the sheet holds. */
function addTable(sheet: ExcelJS.Worksheet, columns: readonly Column[], rows: readonly Row[]): void {
  sheet.addRow(columns.map((c) => c.header)).font = { bold: true };
  for (const row of rows) {
    const added = sheet.addRow(row.cells.map((cell) => (typeof cell === 'string' ? xlsxText(cell) : cell)));
    columns.forEach((column, i) => {
      const numFmt = row.numFmts?.[i] ?? column.numFmt;
      if (numFmt !== undefined && row.cells[i] !== null) added.getCell(i + 1).numFmt = numFmt;
    });
    const rag = row.rag;
    if (rag !== undefined && rag.rag !== 'none') {
      const cell = added.getCell(rag.column + 1);
      const style = RAG_STYLE[rag.rag];
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: style.fill } };
      cell.font = { color: { argb: style.font } };
    }
  }
}

/** A header and its rows, for setting widths over several tables of a sheet. */
interface Table {
  readonly columns: readonly Column[];
  readonly rows: readonly Row[];
}

/** Each column as wide as its widest text in any of the tables, within bounds. */
function setWidths(sheet: ExcelJS.Worksheet, tables: readonly Table[]): void {
  const count = Math.max(...tables.map((table) => table.columns.length));
  for (let i = 0; i < count; i++) {
    const present = tables.flatMap(({ columns, rows }) => {
      const column = columns[i];
      return column ? [{ column, rows }] : [];
    });
    const widest = Math.max(...present.map(({ column, rows }) => Math.max(column.header.length, ...rows.map((row) => widthOf(row.cells[i] ?? null)))));
    const maxWidth = Math.min(...present.map(({ column }) => column.maxWidth ?? 60));
    // +2 for the filter button beside the header.
    // At least 10: exceljs leaves out a width of 9, its default, and the filter button needs room.
    sheet.getColumn(i + 1).width = Math.max(10, Math.min(widest + 2, maxWidth));
  }
}

/** Adds a sheet: header row frozen and filtered, widths from the content, each cell's format and RAG fill. */
export function addSheet(workbook: ExcelJS.Workbook, name: string, columns: readonly Column[], rows: readonly Row[]): void {
  const sheet = frozenSheet(workbook, name);
  addTable(sheet, columns, rows);
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows.length + 1, column: columns.length } };
  setWidths(sheet, [{ columns, rows }]);
}

/** A figure's number format: a percentage for rates, a whole number for counts. */
function figureFormat(result: IndicatorResult): string {
  return result.kind === 'rate' ? RATE : COUNT;
}

/** The change on the previous period of the series (points for rates); null without both values. */
function change(result: IndicatorResult): number | null {
  const series = result.series ?? [];
  const now = series[series.length - 1]?.value ?? null;
  const before = series[series.length - 2]?.value ?? null;
  if (now === null || before === null) return null;
  return result.kind === 'rate' ? Math.round((now - before) * 1e7) / 1e5 : now - before;
}

function summarySheet(workbook: ExcelJS.Workbook, name: string, report: Report, exceptionSheets: ReadonlyMap<string, string>): void {
  const p = report.period;
  const columns: Column[] = [
    { header: 'indicator' }, { header: 'title' }, { header: 'kind' },
    { header: 'value' }, { header: 'numerator' }, { header: 'denominator' }, { header: 'target' }, { header: 'direction' },
    { header: 'rag' }, { header: 'change on previous period' },
    { header: 'exceptions', numFmt: COUNT }, { header: 'exceptions sheet' },
    { header: 'period from', numFmt: DATE }, { header: 'period to', numFmt: DATE }, { header: 'as at', numFmt: DATE },
    { header: 'warnings', maxWidth: 80 },
  ];
  const rows = report.indicators.map((r): Row => ({
    cells: [
      r.id, r.title, r.kind,
      roundValue(r.value), r.numerator, r.denominator, r.target, r.direction,
      ragWord(r.rag), change(r),
      r.exceptions.length, exceptionSheets.get(r.id) ?? null,
      excelDate(p.from), excelDate(p.to), excelDate(p.asAt),
      r.warnings.join('; ') || null,
    ],
    numFmts: { 3: figureFormat(r), 6: figureFormat(r), 9: r.kind === 'rate' ? RATE_CHANGE : COUNT_CHANGE },
    rag: { column: 8, rag: r.rag },
  }));
  addSheet(workbook, name, columns, rows);
}

function trendSheet(workbook: ExcelJS.Workbook, name: string, report: Report): void {
  const columns: Column[] = [
    { header: 'indicator' }, { header: 'period' }, { header: 'from', numFmt: DATE }, { header: 'to', numFmt: DATE },
    { header: 'numerator' }, { header: 'denominator' }, { header: 'value' }, { header: 'target' }, { header: 'rag' },
  ];
  const rows = report.indicators.flatMap((r) =>
    (r.series ?? []).map((point): Row => ({
      cells: [r.id, point.period.label, excelDate(point.period.from), excelDate(point.period.to), point.numerator, point.denominator, roundValue(point.value), point.target, ragWord(point.rag)],
      numFmts: { 6: figureFormat(r), 7: figureFormat(r) },
      rag: { column: 8, rag: point.rag },
    })),
  );
  addSheet(workbook, name, columns, rows);
}

function breakdownSheet(workbook: ExcelJS.Workbook, name: string, report: Report): void {
  const columns: Column[] = [
    { header: 'indicator' }, { header: report.groupBy ?? 'group' },
    { header: 'numerator' }, { header: 'denominator' }, { header: 'value' }, { header: 'target' }, { header: 'rag' },
  ];
  const rows = report.indicators.flatMap((r) =>
    (r.groups ?? []).map((g): Row => ({
      cells: [r.id, g.key, g.numerator, g.denominator, roundValue(g.value), r.target, ragWord(g.rag)],
      numFmts: { 4: figureFormat(r), 5: figureFormat(r) },
      rag: { column: 6, rag: g.rag },
    })),
  );
  addSheet(workbook, name, columns, rows);
}

const EXCEPTION_COLUMNS: readonly Column[] = [{ header: 'child' }, { header: 'record' }, { header: 'team' }, { header: 'worker' }, { header: 'detail', maxWidth: 100 }];

function exceptionsSheet(workbook: ExcelJS.Workbook, name: string, result: IndicatorResult): void {
  const rows = result.exceptions.map((e): Row => ({ cells: [e.childId, e.recordId, e.team ?? null, e.worker ?? null, e.detail] }));
  addSheet(workbook, name, EXCEPTION_COLUMNS, rows);
}

function notComputedSheet(workbook: ExcelJS.Workbook, name: string, report: Report): void {
  const rows = report.notComputed.map((n): Row => ({ cells: [n.id, n.reason] }));
  addSheet(workbook, name, [{ header: 'indicator' }, { header: 'reason', maxWidth: 100 }], rows);
}

const GRADE_COLUMNS: readonly Column[] = [{ header: 'team' }, ...GRADES.map((grade) => ({ header: grade, numFmt: COUNT })), { header: 'total', numFmt: COUNT }];
const ACTION_COLUMNS: readonly Column[] = [
  { header: 'action' }, { header: 'audit' }, { header: 'child' }, { header: 'team' },
  { header: 'raised', numFmt: DATE }, { header: 'due', numFmt: DATE }, { header: 'due from' }, { header: 'days overdue', numFmt: COUNT },
];

function gradeTableRows(distribution: GradeDistribution | undefined): Row[] {
  if (distribution === undefined) return [{ cells: ['No audits extract was read.'] }];
  return gradeRows(distribution).map((group) => ({ cells: [group.key, ...GRADES.map((grade) => group.grades[grade]), group.total] }));
}

function actionTableRows(actions: readonly OverdueAction[] | undefined, asAt: DayNumber, workingDays: number): Row[] {
  if (actions === undefined) return [{ cells: ['No audit-actions extract was read.'] }];
  if (actions.length === 0) return [{ cells: [`No audit action is overdue on ${formatUk(asAt)}.`] }];
  return actions.map((a) => ({ cells: [a.actionId, a.auditId, a.childId ?? null, a.team ?? null, excelDate(a.raised), excelDate(a.due), dueFromText(a.dueFrom, workingDays), a.daysOverdue] }));
}

/** The grades of the period's audits by team (filtered), then, after a blank row, the actions overdue on the as-at date. */
function auditSheet(workbook: ExcelJS.Workbook, name: string, audit: AuditSummary, asAt: DayNumber): void {
  const sheet = frozenSheet(workbook, name);
  const grades = { columns: GRADE_COLUMNS, rows: gradeTableRows(audit.distribution) };
  const actions = { columns: ACTION_COLUMNS, rows: actionTableRows(audit.overdueActions, asAt, audit.actionWorkingDays) };
  addTable(sheet, grades.columns, grades.rows);
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: grades.rows.length + 1, column: grades.columns.length } };
  sheet.addRow([]);
  addTable(sheet, actions.columns, actions.rows);
  setWidths(sheet, [grades, actions]);
}

// A zip entry's DOS time and date; 0x0021 is 1980-01-01, the earliest a zip can say.
const ZIP_DAY_ONE = 0x0021;

/**
 * Clears the modification time of every entry of a zip (JSZip, under
 * exceljs, stamps each with the time it was added), so the same workbook is
 * the same bytes. Walks the central directory and each entry's local header.
 */
export function clearZipTimes(zip: Uint8Array): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = zip.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end--;
  if (end < 0) throw new Error('the workbook is not a zip: no end of central directory');
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  for (let i = 0; i < entries; i++) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error('the workbook zip has a broken central directory');
    view.setUint16(at + 12, 0, true);
    view.setUint16(at + 14, ZIP_DAY_ONE, true);
    const local = view.getUint32(at + 42, true);
    if (view.getUint32(local, true) !== 0x04034b50) throw new Error('the workbook zip has a broken local header');
    view.setUint16(local + 10, 0, true);
    view.setUint16(local + 12, ZIP_DAY_ONE, true);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return zip;
}

/**
 * The report as an .xlsx workbook. Pure but for exceljs: the same report
 * gives the same bytes (no clock is read; --generated-at, when a date, is the
 * workbook's created date).
 */
export async function renderXlsx(report: Report): Promise<Uint8Array> {
  const Excel = await loadExcelJS();
  const workbook = new Excel.Workbook();
  const when = stamp(report);
  workbook.creator = 'csc-metrics';
  workbook.lastModifiedBy = 'csc-metrics';
  workbook.created = when;
  workbook.modified = when;
  workbook.title = xlsxText(reportTitle(report));
  workbook.subject = report.period.label;
  // The report's own sheets are named first, so an indicator with the id "summary" gives way to the Summary sheet.
  const names = new SheetNames();
  const [summary, trend, breakdown, audits, notComputed] = ['Summary', 'Trend', 'Breakdown', 'Audits', 'Not computed'].map((name) => names.name(name)) as [string, string, string, string, string];
  const exceptionSheets = new Map(report.indicators.map((r) => [r.id, names.name(r.id)]));
  summarySheet(workbook, summary, report, exceptionSheets);
  if (report.indicators.some((r) => r.series !== undefined)) trendSheet(workbook, trend, report);
  if (report.groupBy !== undefined) breakdownSheet(workbook, breakdown, report);
  if (report.audit !== undefined) auditSheet(workbook, audits, report.audit, report.period.asAt);
  for (const result of report.indicators) exceptionsSheet(workbook, exceptionSheets.get(result.id)!, result);
  if (report.notComputed.length > 0) notComputedSheet(workbook, notComputed, report);
  const buffer = await workbook.xlsx.writeBuffer();
  return clearZipTimes(new Uint8Array(buffer as unknown as Uint8Array));
}
