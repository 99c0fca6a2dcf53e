import { neutralised } from '../core/formulaText.js';

/** RFC 4180 quoting: quoted (quotes doubled) when the text holds a comma, quote or line break. */
export function quoteCsv(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV cell of an output: formula-neutralised, then quoted. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return quoteCsv(typeof value === 'string' ? neutralised(text) : text);
}

/** One CSV line (CRLF, as RFC 4180 and Excel expect). */
export function csvLine(cells: readonly (string | number | null | undefined)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

/** The byte-order mark that tells Excel on Windows a CSV file is UTF-8 (without it, it reads ANSI and garbles names). */
export const UTF8_BOM = '\uFEFF';
