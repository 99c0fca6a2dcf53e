import { EXTRACTS } from './extracts/definitions.js';
import type { ExtractData } from './extracts/extractParser.js';
import type { CaseRow, IndicatorDefinition } from './indicators/types.js';
import { parseFlag } from './extracts/values.js';

/**
 * What results are broken down by (`--by`) or filtered on (`--where`): a
 * text, code or flag column of the records an indicator judges (team,
 * worker, category, plan_type, looked_after…).
 */
export type GroupBy = string;

/** column → the values a case row may have in it (any of them); several columns must all match. */
export type Filters = Readonly<Record<string, readonly string[]>>;

/** Columns that are identifiers or free text of one record, never a useful breakdown. */
const NOT_A_BREAKDOWN = new Set(['child_id', 'late_reason']);

/** Every column a figure can be broken down by or filtered on, in a fixed order. */
export function breakdownColumns(): string[] {
  // A record id in one extract is one in every other that refers to it (a review's plan_id).
  const ids = new Set(Object.values(EXTRACTS).flatMap((definition) => [definition.idColumn, definition.nameColumn]));
  const names = new Set<string>();
  for (const definition of Object.values(EXTRACTS)) {
    for (const [name, spec] of Object.entries(definition.columns)) {
      if ((spec.type === 'text' || spec.type === 'code' || spec.type === 'flag') && !NOT_A_BREAKDOWN.has(name) && !ids.has(name)) names.add(name);
    }
  }
  return [...names];
}

/** The group of a case row with nothing in the column. */
export function noGroup(column: GroupBy): string {
  return `(no ${column})`;
}

/**
 * The text a case row has in a column: its team and worker as the
 * indicator placed it, else its record's value, a flag as yes or no;
 * undefined when blank.
 */
export function columnText(row: CaseRow, column: string): string | undefined {
  if (column === 'team') return row.team;
  if (column === 'worker') return row.worker;
  return valueText(row.record?.[column]);
}

/** A record's value as text: a flag as yes or no; undefined when blank or not text. */
function valueText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return undefined;
}

/**
 * Why an indicator's rows cannot be broken down by or filtered on a column,
 * or null: the records it judges have no such column, or the tables read
 * lack it.
 */
export function columnMissing(indicator: Pick<IndicatorDefinition, 'subject' | 'records' | 'rowsAre'>, extract: ExtractData | undefined, column: string): string | null {
  const { subject } = indicator;
  if (column === 'team' || column === 'worker') return null;
  if (indicator.rowsAre !== undefined) return `its rows are ${indicator.rowsAre}, which carry only team and worker`;
  if (!Object.hasOwn(EXTRACTS[subject].columns, column)) return `${subject} records have no ${column} column`;
  if (EXTRACTS[subject].event !== undefined && !indicator.records?.includes(subject)) return `its ${subject} are read as compact events, which hold only team and worker`;
  if (extract !== undefined && !extract.columns.includes(column)) return `the ${subject} tables read have no ${column} column`;
  return null;
}

/** Whether a row passes every filter; values compare trimmed and case-insensitively, flags by meaning (Y, yes, true…). */
export function passes(row: CaseRow, filters: Filters): boolean {
  return matchesAll((column) => columnText(row, column), filters);
}

/** Whether a record passes every filter on its own columns (the `where` of a declarative indicator). */
export function recordPasses(record: Readonly<Record<string, unknown>>, filters: Filters): boolean {
  return matchesAll((column) => valueText(record[column]), filters);
}

function matchesAll(textOf: (column: string) => string | undefined, filters: Filters): boolean {
  for (const [column, allowed] of Object.entries(filters)) {
    const text = textOf(column);
    if (text === undefined || !allowed.some((wanted) => sameValue(text, wanted))) return false;
  }
  return true;
}

function sameValue(text: string, wanted: string): boolean {
  if (text === 'yes' || text === 'no') {
    const flag = parseFlag(wanted.trim());
    if (typeof flag === 'boolean') return (flag ? 'yes' : 'no') === text;
  }
  return text.trim().toLowerCase() === wanted.trim().toLowerCase();
}
