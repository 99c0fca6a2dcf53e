import type ExcelJS from 'exceljs';
import { formatUk } from '../core/dates/localDate.js';
import type { LocalDateTime } from '../core/dates/londonTime.js';
import type { Sample, SampledRecord } from '../core/sample/sample.js';
import { addSheet, clearZipTimes, DATE, excelDate, loadExcelJS, type Column, type Row, type Value } from './xlsx.js';
import { auditColumns, sampleColumns } from '../core/sample/columns.js';

/*
 * The dip sample as an Excel workbook for the auditors: a Sample sheet with
 * the CSV's columns in the CSV's order (key dates as real Excel dates), a
 * drop-down on `grade` (`moderated_grade` on a moderation sample) that refuses
 * anything but the four grades, a date check on an empty `audit_date` and a
 * Y/N drop-down on each audit theme's column,
 * so what comes back is clean; and an About sheet
 * saying how the sample was drawn. Same sample, same bytes.
 */

/** The grades of a case-file audit (catalogue.md, audits.csv `grade`), as the drop-down offers them. */
export const GRADES = ['Outstanding', 'Good', 'Requires improvement', 'Inadequate'] as const;

const DATE_TIME = 'dd/mm/yyyy hh:mm';
/** The workbook's created and modified date: fixed, so the bytes do not depend on the clock. */
const STAMP = new Date(Date.UTC(1980, 0, 1));

/** A reading as exceljs writes a date: that day and clock time in UTC, so no time zone shifts it. */
function readingDate(reading: LocalDateTime): Date {
  return new Date(excelDate(reading.day).getTime() + (reading.minute ?? 0) * 60_000);
}

function sampleRow(sample: Sample, row: SampledRecord): Row {
  const texts = row.texts ?? [];
  const firstDate = 5 + texts.length;
  const numFmts: Record<number, string> = {};
  row.dates.forEach((reading, i) => {
    if (reading) numFmts[firstDate + i] = reading.minute === null ? DATE : DATE_TIME;
  });
  const outcome = row.met === null ? null : row.met ? 'met' : 'not met';
  return {
    cells: [
      row.kind, row.recordId, row.childId, row.team ?? null, row.worker ?? null,
      ...texts.map((text) => text ?? null),
      ...row.dates.map((reading) => (reading ? readingDate(reading) : null)),
      sample.indicatorId ?? null, outcome, row.detail ?? null,
      ...auditColumns(sample).map(() => null),
    ],
    numFmts,
  };
}

/** The answers a theme column's drop-down offers: what the audits extract reads as a flag. */
const THEME_ANSWERS = ['Y', 'N'] as const;

/** A drop-down that refuses anything but `choices`. */
function listValidation(column: string, prompt: string, choices: readonly string[]): ExcelJS.DataValidation {
  return {
    type: 'list',
    allowBlank: true,
    showInputMessage: true,
    promptTitle: column,
    prompt,
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: column,
    error: `Choose one of: ${choices.join(', ')}.`,
    formulae: [`"${choices.join(',')}"`],
  };
}

/** How one empty column's cells are set up for the auditors: a check on what may be entered, a number format. */
type CellSetup = (cell: ExcelJS.Cell, sample: Sample) => void;

function auditDateCell(cell: ExcelJS.Cell, sample: Sample): void {
  cell.numFmt = DATE;
  cell.dataValidation = {
    type: 'date',
    operator: 'greaterThanOrEqual',
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: 'audit_date',
    error: `Enter the date of the audit as dd/mm/yyyy, on or after ${formatUk(sample.period.from)}.`,
    formulae: [excelDate(sample.period.from)],
  };
}

function gradeCell(column: string): CellSetup {
  return (cell) => {
    cell.dataValidation = listValidation(column, 'Choose the grade from the list.', GRADES);
  };
}

const GRADE_WIDTH = Math.max(...GRADES.map((grade) => grade.length)) + 4;

/** Each empty column a sample may have (columns.ts `auditColumns`), but the themes': how its cells are set up and its width. */
const EMPTY_COLUMNS: Readonly<Record<string, { readonly setup?: CellSetup; readonly width: number }>> = {
  auditor: { width: 20 },
  audit_date: { setup: auditDateCell, width: 12 },
  grade: { setup: gradeCell('grade'), width: GRADE_WIDTH },
  moderated_grade: { setup: gradeCell('moderated_grade'), width: GRADE_WIDTH },
  notes: { width: 60 },
};

function themeCell(theme: string): CellSetup {
  return (cell) => {
    cell.dataValidation = listValidation(theme, 'Y if the audit found this theme evident, else N.', THEME_ANSWERS);
  };
}

/** Sets the empty columns up (a date check on audit_date, the grade and theme drop-downs, room to write) and widens date-time columns. */
function setUpAuditColumns(sheet: ExcelJS.Worksheet, sample: Sample, columns: readonly string[]): void {
  const at = (name: string): number => columns.indexOf(name) + 1;
  const empty = auditColumns(sample);
  const setups: [number, CellSetup][] = [
    ...empty.flatMap((name): [number, CellSetup][] => (EMPTY_COLUMNS[name]?.setup ? [[at(name), EMPTY_COLUMNS[name].setup]] : [])),
    ...(sample.themeColumns ?? []).map((theme): [number, CellSetup] => [at(theme), themeCell(theme)]),
  ];
  for (let r = 2; r <= sample.rows.length + 1; r++) {
    const row = sheet.getRow(r);
    for (const [column, setup] of setups) setup(row.getCell(column), sample);
  }
  const dateTimeColumns = sample.dateColumns.filter((_, i) => sample.rows.some((row) => (row.dates[i]?.minute ?? null) !== null)).map((name) => at(name));
  for (const column of dateTimeColumns) sheet.getColumn(column).width = Math.max(sheet.getColumn(column).width ?? 0, 18);
  for (const name of empty) {
    const width = EMPTY_COLUMNS[name]?.width;
    if (width !== undefined) sheet.getColumn(at(name)).width = width;
  }
}

/** The About sheet: how the sample was drawn, so the file says so itself. */
function aboutRows(sample: Sample): Row[] {
  const where = Object.entries(sample.where ?? {}).map(([column, values]) => `${column}=${values.join(' or ')}`);
  const facts: [string, Value, string?][] = [
    ['seed', sample.seed],
    ['kind', sample.kind],
    ['period', sample.period.label],
    ['period from', excelDate(sample.period.from), DATE],
    ['period to', excelDate(sample.period.to), DATE],
    ['as at', excelDate(sample.period.asAt), DATE],
    ['frame', sample.frame],
    ['size', sample.size],
    ['by', sample.by ?? null],
    ['indicator', sample.indicatorId ?? null],
    ['only', sample.only === undefined ? null : sample.only === 'met' ? 'met' : 'not met (exceptions)'],
    ['where', where.length > 0 ? where.join(' and ') : null],
    ['pseudonymised', sample.pseudonymised ? 'yes' : 'no'],
    ['eligible', sample.eligible],
    ['sampled', sample.rows.length],
  ];
  return facts.map(([field, value, numFmt]) => ({ cells: [field, value], ...(numFmt ? { numFmts: { 1: numFmt } } : {}) }));
}

/**
 * The sample as an .xlsx workbook. Pure but for exceljs: the same sample
 * gives the same bytes (no clock is read, the zip's timestamps are cleared).
 */
export async function renderSampleXlsx(sample: Sample): Promise<Uint8Array> {
  const Excel = await loadExcelJS();
  const workbook = new Excel.Workbook();
  workbook.creator = 'csc-metrics';
  workbook.lastModifiedBy = 'csc-metrics';
  workbook.created = STAMP;
  workbook.modified = STAMP;
  workbook.title = `Dip sample of ${sample.kind}, ${sample.period.label}`;
  workbook.subject = sample.period.label;
  const names = sampleColumns(sample);
  const columns: Column[] = names.map((header) => (header === 'detail' ? { header, maxWidth: 80 } : { header }));
  addSheet(workbook, 'Sample', columns, sample.rows.map((row) => sampleRow(sample, row)));
  setUpAuditColumns(workbook.getWorksheet('Sample')!, sample, names);
  addSheet(workbook, 'About', [{ header: 'field' }, { header: 'value', maxWidth: 80 }], aboutRows(sample));
  const buffer = await workbook.xlsx.writeBuffer();
  return clearZipTimes(new Uint8Array(buffer as unknown as Uint8Array));
}
