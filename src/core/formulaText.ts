// A cell starting with one of these is read as a formula by spreadsheets
// (CSV injection); cli.md asks for a leading apostrophe to neutralise it.
// Tested on the NFKC form, so fullwidth and small forms (＝ ＋ － ＠, ﹦) count, as do
// the triggers behind leading whitespace, and a leading tab or carriage return.
const FORMULA_START = /^(?:[\t\r]|\s*[=+\-@])/;

/** Whether a spreadsheet could read the text as a formula (CSV cells and workbook cells alike). */
export function startsFormula(text: string): boolean {
  return FORMULA_START.test(text.normalize('NFKC'));
}

/** The text a spreadsheet shows as text: a formula start gets a leading apostrophe. */
export function neutralised(text: string): string {
  return startsFormula(text) ? `'${text}` : text;
}

/** What `neutralised` was given: a file we wrote, read back (a returned dip sample). */
export function unneutralised(text: string): string {
  return text.startsWith("'") && startsFormula(text.slice(1)) ? text.slice(1) : text;
}
