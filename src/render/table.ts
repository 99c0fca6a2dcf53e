import { newTable } from './textTable.js';
import { formatIso } from '../core/dates/localDate.js';
import type { Rag } from '../core/rag.js';
import type { IndicatorResult, Report } from '../core/report.js';
import { gradeLine, gradeRows, overdueLine } from './auditText.js';
import { asAtNote, filtersText, formatFraction, formatTarget, formatTrend, formatValue, ragText } from './format.js';
import type { Paint } from './paint.js';
import { terminalText } from './safeText.js';

/** What the table shows beyond the figures. */
export interface TableOptions {
  readonly paint: Paint;
  /** List the child-level exceptions under the table (off by default: child-level data only when asked for). */
  readonly exceptions?: boolean;
  /**
   * The terminal's columns: every line fits in them, titles wrapped, and under
   * COMPACT_BELOW the Timescale and Trend columns are left out. Undefined (piped,
   * written to a file) for the full table at its natural width.
   */
  readonly width?: number | undefined;
}

// cli-table3 colours headings and borders itself unless told not to.
const PLAIN_STYLE = { head: [], border: [] };

/** Below this many columns the table drops Timescale and Trend (issue 10: 80-column windows). */
export const COMPACT_BELOW = 100;

// Narrowest a column gets by cutting its words (padding included): 8 characters of text.
const CUT_FLOOR = 10;

/** One cell before colour: its text and, for a RAG-coloured figure, the RAG. */
interface Cell {
  readonly text: string;
  readonly rag?: Rag;
  /** Where the text may break besides spaces (a trend breaks after each "→"). */
  readonly units?: readonly string[];
}

function trendCell(result: IndicatorResult): Cell {
  const text = formatTrend(result);
  const parts = text.split(' → ');
  return { text, units: parts.map((part, i) => (i < parts.length - 1 ? `${part} →` : part)) };
}

/** Indicator rows, each a list of cells: Indicator, Value, Met / cohort, Target, RAG, Timescale[, Trend]. */
function indicatorCells(result: IndicatorResult, withTrend: boolean): Cell[][] {
  const row: Cell[] = [
    { text: `${terminalText(result.title)}${result.warnings.length > 0 ? ' (see warning)' : ''}` },
    { text: formatValue(result.kind, result.value), rag: result.rag },
    { text: formatFraction(result.kind, result) },
    { text: formatTarget(result.kind, result.direction, result.target) },
    { text: ragText(result), rag: result.rag },
    { text: terminalText(result.timescale) },
  ];
  const rows = [withTrend ? [...row, trendCell(result)] : row];
  for (const group of result.groups ?? []) {
    const cells: Cell[] = [{ text: `  ${terminalText(group.key)}` }, { text: formatValue(result.kind, group.value), rag: group.rag }, { text: formatFraction(result.kind, group) }, { text: '' }, { text: ragText(group), rag: group.rag }, { text: '' }];
    rows.push(withTrend ? [...cells, { text: '' }] : cells);
  }
  return rows;
}

function painted(paint: Paint, cell: Cell): string {
  return cell.rag === undefined ? cell.text : paint.rag(cell.rag, cell.text);
}

function exceptionCells(result: IndicatorResult): Cell[][] {
  return result.exceptions.map((e) => [e.childId, e.recordId, e.team ?? '', e.worker ?? '', e.detail].map((text) => ({ text: terminalText(text) })));
}

function exceptionsHeading(result: IndicatorResult): string {
  return `${terminalText(result.title)}: ${result.exceptions.length} exception${result.exceptions.length === 1 ? '' : 's'}`;
}

const EXCEPTION_HEAD = ['Child', 'Record', 'Team', 'Worker', 'Detail'];

// Columns that wrap last when a window is narrow: the figures (Value, Met / cohort, Target, RAG) and the exceptions' ids.
const FIGURE_COLUMNS: ReadonlySet<number> = new Set([1, 2, 3, 4]);
const EXCEPTION_ID_COLUMNS: ReadonlySet<number> = new Set([0, 1]);

function exceptionsTable(result: IndicatorResult): string {
  const table = newTable({ head: EXCEPTION_HEAD, style: PLAIN_STYLE });
  for (const row of exceptionCells(result)) table.push(row.map((cell) => cell.text));
  return `${exceptionsHeading(result)}\n${table.toString()}\n`;
}

/** A few lines after the indicators: each team's audit grades and how many actions are overdue; teams and counts only, no child. */
function auditLines(report: Report): string[] {
  const audit = report.audit;
  if (audit === undefined) return [];
  return [
    ...(audit.distribution ? ['', 'Audit grades', ...gradeRows(audit.distribution).map((group) => `  ${gradeLine(group, terminalText)}`)] : []),
    ...(audit.overdueActions ? [overdueLine(audit.overdueActions)] : []),
  ];
}

function heading(report: Report): string {
  const p = report.period;
  return `${report.title ? `${terminalText(report.title)}: ` : ''}${formatIso(p.from)} to ${formatIso(p.to)}, as at ${formatIso(p.asAt)}${asAtNote(p)} (${terminalText(report.calendar)} calendar)`;
}

/** The report as a terminal table, with not-computed indicators and, if asked, the exceptions. */
export function renderTable(report: Report, options: TableOptions): string {
  if (options.width !== undefined) return renderFitted(report, options, Math.max(1, Math.floor(options.width)));
  const { paint } = options;
  const withTrend = report.indicators.some((r) => r.series !== undefined);
  const head = ['Indicator', 'Value', 'Met / cohort', 'Target', 'RAG', 'Timescale', ...(withTrend ? ['Trend'] : [])];
  const table = newTable({ head, style: PLAIN_STYLE });
  for (const result of report.indicators) table.push(...indicatorCells(result, withTrend).map((row) => row.map((cell) => painted(paint, cell))));
  const lines = [
    paint.bold(heading(report)),
    ...(report.where ? [`only records with ${terminalText(filtersText(report))}`] : []),
    ...report.warnings.map((w) => `warning: ${terminalText(w)}`),
    table.toString(),
  ];
  for (const result of report.indicators) for (const w of result.warnings) lines.push(`warning: ${terminalText(`${result.id}: ${w}`)}`);
  for (const nc of report.notComputed) lines.push(paint.dim(`not computed: ${terminalText(nc.id)} (${terminalText(nc.reason)})`));
  lines.push(...auditLines(report));
  if (options.exceptions) {
    for (const result of report.indicators) if (result.exceptions.length > 0) lines.push('', exceptionsTable(result).trimEnd());
  }
  return `${lines.join('\n')}\n`;
}

// ---- Fitting a terminal window ----

// Combining marks take no column; East Asian wide and fullwidth characters and emoji take two
// (the ranges string-width, which cli-table3 measures with, counts as wide).
const ZERO_WIDTH = /[\u0300-\u036f\u200b-\u200f\ufe00-\ufe0f]/;
const WIDE = /[\u1100-\u115f\u2329\u232a\u2e80-\u303e\u3041-\u3247\u3250-\u4dbf\u4e00-\ua4c6\ua960-\ua97c\uac00-\ud7a3\uf900-\ufaff\ufe10-\ufe19\ufe30-\ufe6b\uff01-\uff60\uffe0-\uffe6\u{1b000}-\u{1b001}\u{1f200}-\u{1f251}\u{1f300}-\u{1f64f}\u{1f680}-\u{1f6ff}\u{1f900}-\u{1f9ff}\u{20000}-\u{3fffd}]/u;

/** Columns a piece of text (with no colour codes in it) takes on a terminal. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += ZERO_WIDTH.test(ch) ? 0 : WIDE.test(ch) ? 2 : 1;
  return width;
}

/** A word cut into pieces of at most `width` columns (a word wider than its column). */
function breakWord(word: string, width: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const ch of word) {
    if (piece !== '' && displayWidth(piece + ch) > width) {
      pieces.push(piece);
      piece = '';
    }
    piece += ch;
  }
  return piece === '' ? pieces : [...pieces, piece];
}

/** Text wrapped to `width` columns at spaces (or at `units`), a word wider than that cut. Leading spaces (a group's indent) are kept. */
function wrap(text: string, width: number, units?: readonly string[]): string[] {
  if (displayWidth(text) <= width) return [text];
  if (units && units.length > 1) {
    const pieces = units.flatMap((unit) => (displayWidth(unit) <= width ? [unit] : wrap(unit, width)));
    return fill(pieces, width);
  }
  const indent = /^ */.exec(text)?.[0] ?? '';
  const words = text.slice(indent.length).split(' ').filter((w) => w !== '');
  const keep = indent.length < width;
  const room = keep ? width - indent.length : width;
  const lines = fill(words.flatMap((word) => (displayWidth(word) <= room ? [word] : breakWord(word, room))), room);
  return keep ? lines.map((line) => indent + line) : lines;
}

/** Words laid on lines of at most `width` columns, joined by a space. */
function fill(words: readonly string[], width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line === '') line = word;
    else if (displayWidth(`${line} ${word}`) <= width) line = `${line} ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  return [...lines, line];
}

/** The widest word (or trend unit) of a cell: narrower than this, a word has to be cut. */
function widestWord(cell: Cell): number {
  const words = cell.units ?? cell.text.trim().split(' ');
  return Math.max(0, ...words.map(displayWidth));
}

/**
 * Column widths (each with its one-space padding either side) that fit `width`
 * with the borders. The widest column gives way first, in this order: a
 * figure's heading wraps ("Met /" over "cohort"), text columns wrap at
 * words, then cut their longest words down to CUT_FLOOR, then figures wrap
 * and are cut. Undefined when even that does not fit.
 */
function fitColumns(head: readonly Cell[], rows: readonly (readonly Cell[])[], width: number, figures: ReadonlySet<number>): number[] | undefined {
  const all = [head, ...rows];
  const count = head.length;
  const room = width - (count + 1);
  const widest = (cells: readonly (readonly Cell[])[], measure: (cell: Cell) => number): number[] => Array.from({ length: count }, (_, c) => 2 + Math.max(1, ...cells.map((row) => (row[c] ? measure(row[c]) : 0))));
  const natural = widest(all, (cell) => displayWidth(cell.text));
  const body = widest(rows, (cell) => displayWidth(cell.text));
  const words = widest(all, widestWord).map((w, c) => Math.min(w, natural[c] ?? w));
  const widths = [...natural];
  const shrink = (columns: (c: number) => boolean, floor: (c: number) => number): void => {
    let total = widths.reduce((a, b) => a + b, 0);
    while (total > room) {
      let pick = -1;
      for (let c = 0; c < count; c++) if (columns(c) && (widths[c] ?? 0) > floor(c) && (pick < 0 || (widths[c] ?? 0) > (widths[pick] ?? 0))) pick = c;
      if (pick < 0) return;
      widths[pick] = (widths[pick] ?? 0) - 1;
      total -= 1;
    }
  };
  const figure = (c: number): boolean => figures.has(c);
  const text = (c: number): boolean => !figures.has(c);
  shrink(figure, (c) => Math.max(body[c] ?? 3, words[c] ?? 3));
  shrink(text, (c) => words[c] ?? 3);
  // Cutting a long word (a hostile name, a long detail) is fine; cutting every word to a few letters is not: blocks read better.
  shrink(text, (c) => Math.min(words[c] ?? 3, CUT_FLOOR));
  shrink(figure, (c) => words[c] ?? 3);
  shrink(figure, (c) => Math.min(words[c] ?? 3, CUT_FLOOR));
  return widths.reduce((a, b) => a + b, 0) <= room ? widths : undefined;
}

/** A table whose every line fits `width`, its cells wrapped and coloured line by line; undefined if it cannot fit. */
function fittedTable(head: readonly string[], rows: readonly (readonly Cell[])[], width: number, paint: Paint, figures: ReadonlySet<number>): string | undefined {
  const headCells = head.map((text) => ({ text }));
  const widths = fitColumns(headCells, rows, width, figures);
  if (!widths) return undefined;
  const cellText = (cell: Cell, c: number): string => wrap(cell.text, (widths[c] ?? 3) - 2, cell.units).map((line) => painted(paint, { ...cell, text: line })).join('\n');
  const table = newTable({ head: headCells.map(cellText), colWidths: widths, style: PLAIN_STYLE });
  for (const row of rows) table.push(row.map(cellText));
  return table.toString();
}

/** Rows as blocks of wrapped lines, for a window too narrow for any table: the first cell, then the rest indented. */
function blocks(rows: readonly (readonly Cell[])[], width: number, paint: Paint): string {
  return rows
    .flatMap(([first, ...rest]) => {
      const lead = (first?.text ?? '').startsWith(' ') ? '  ' : '';
      const figures = rest.filter((cell) => cell.text !== '').map((cell) => painted(paint, cell));
      return [...wrap(first?.text ?? '', width), ...wrapPainted(figures, width, `${lead}  `)];
    })
    .join('\n');
}

/** Already-coloured pieces on lines of `width` columns after an indent, a piece too wide for a line cut (and left plain). */
function wrapPainted(pieces: readonly string[], width: number, indent: string): string[] {
  const plain = (text: string): string => text.replace(/\x1b\[[0-9;]*m/g, '');
  const keep = indent.length < width;
  const room = keep ? width - indent.length : width;
  const lines: string[] = [];
  let line = '';
  let used = 0;
  for (const piece of pieces) {
    const w = displayWidth(plain(piece));
    if (w > room) {
      if (line !== '') lines.push(line);
      lines.push(...wrap(plain(piece), room));
      line = '';
      used = 0;
    } else if (line === '') {
      line = piece;
      used = w;
    } else if (used + 2 + w <= room) {
      line = `${line}  ${piece}`;
      used += 2 + w;
    } else {
      lines.push(line);
      line = piece;
      used = w;
    }
  }
  if (line !== '') lines.push(line);
  return keep ? lines.map((l) => indent + l) : lines;
}

/** Plain text wrapped to the window and coloured line by line. */
function wrapped(text: string, width: number, colour: (line: string) => string = (line) => line): string[] {
  return wrap(text, width).map((line) => colour(line));
}

function renderFitted(report: Report, options: TableOptions, width: number): string {
  const { paint } = options;
  const compact = width < COMPACT_BELOW;
  const withTrend = !compact && report.indicators.some((r) => r.series !== undefined);
  const head = ['Indicator', 'Value', 'Met / cohort', 'Target', 'RAG', ...(compact ? [] : ['Timescale']), ...(withTrend ? ['Trend'] : [])];
  const rows = report.indicators.flatMap((result) => indicatorCells(result, withTrend)).map((row) => (compact ? row.slice(0, 5) : row));
  const lines = [
    ...wrapped(heading(report), width, paint.bold),
    ...(report.where ? wrapped(`only records with ${terminalText(filtersText(report))}`, width) : []),
    ...report.warnings.flatMap((w) => wrapped(`warning: ${terminalText(w)}`, width)),
    fittedTable(head, rows, width, paint, FIGURE_COLUMNS) ?? blocks(rows, width, paint),
  ];
  for (const result of report.indicators) for (const w of result.warnings) lines.push(...wrapped(`warning: ${terminalText(`${result.id}: ${w}`)}`, width));
  for (const nc of report.notComputed) lines.push(...wrapped(`not computed: ${terminalText(nc.id)} (${terminalText(nc.reason)})`, width, paint.dim));
  lines.push(...auditLines(report).flatMap((line) => (line === '' ? [line] : wrapped(line, width))));
  if (options.exceptions) {
    for (const result of report.indicators) {
      if (result.exceptions.length === 0) continue;
      const rows = exceptionCells(result);
      lines.push('', ...wrapped(exceptionsHeading(result), width), fittedTable(EXCEPTION_HEAD, rows, width, paint, EXCEPTION_ID_COLUMNS) ?? blocks(rows, width, paint));
    }
  }
  return `${lines.join('\n')}\n`;
}
