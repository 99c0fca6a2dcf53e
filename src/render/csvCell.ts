// A cell starting with one of these is read as a formula by spreadsheets
// (CSV injection); cli.md asks for a leading apostrophe to neutralise it.
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell: formula-neutralised, quoted when it holds a comma, quote or line break. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line (CRLF, as RFC 4180 and Excel expect). */
export function csvLine(cells: readonly (string | number | null | undefined)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
