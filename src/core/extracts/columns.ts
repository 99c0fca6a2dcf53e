import type { DayNumber } from '../dates/localDate.js';
import type { LocalDateTime } from '../dates/londonTime.js';
import type { IssueCode } from './issues.js';
import type { DateOrder } from './mapping.js';
import { parseDay, parseExcelSerial, parseFlag, parseLocalDateTime, readsInOtherOrder } from './values.js';

/** How one file's values are read. */
export interface ParseOptions {
  readonly dateOrder: DateOrder;
  /** Date columns may hold Excel serial day numbers (workbooks only, extracts.md). */
  readonly serialDates: boolean;
}

/** Where an optional column's refused value goes: the row stays, the cell is reported. */
export interface CellSink {
  refuse(column: string, code: IssueCode, message: string): void;
  /** A value read after cleaning it (invisible characters removed): kept, and reported. */
  cleaned(column: string, code: IssueCode, message: string): void;
}

/** Why a value was refused. Shared instances: refusing allocates nothing. */
export class CellProblem {
  constructor(
    readonly code: IssueCode,
    readonly message: string,
  ) {}
}

/** What kind of value a column holds, for messages and `init`'s guesses. */
export type ColumnType = 'text' | 'date' | 'datetime' | 'flag' | 'code';

/**
 * A column of an extract: whether the header must have it, and the reader
 * that turns its raw text ('' when the column is absent) into a value under
 * one file's options. A bad value in a required column rejects the row; in an
 * optional column it is a cell issue and the value reads as not recorded.
 */
export interface ColumnSpec<T> {
  readonly required: boolean;
  readonly type: ColumnType;
  /** Values repeat across rows (child IDs, teams, workers): the reader keeps one copy of each. */
  readonly repeats?: boolean;
  /** The codes a code column takes. */
  readonly codes?: readonly string[];
  /** Reads the raw text of the rows of a table (`referenceSchema.ts` wraps it in zod, the reference it is tested against). */
  reader(options: ParseOptions, cells: CellSink, name: string): ColumnReader<T>;
  /**
   * Reads one cell outside a table's rows (an audit's grade): a refused
   * optional value is said to `cells` and reads as undefined. A problem that
   * would reject a row (a required column) throws.
   */
  read(options: ParseOptions, cells: CellSink, name: string, raw: string): T;
}

/** Reads a column's raw text: its value, or the problem that rejects the row. */
export type ColumnReader<T> = (raw: string) => T | CellProblem;

/** A column spec from its reader. */
function spec<T>(fields: Omit<ColumnSpec<T>, 'read'>): ColumnSpec<T> {
  return {
    ...fields,
    read(options, cells, name, raw) {
      const value = fields.reader(options, cells, name)(raw);
      if (value instanceof CellProblem) throw new Error(`${name} ${JSON.stringify(raw)} ${value.message}`);
      return value;
    },
  };
}

const MISSING_VALUE = new CellProblem('MISSING_VALUE', 'is blank but required');

/** A column whose trimmed text goes through `parse`; blank means absent. */
function column<T>(type: ColumnType, required: boolean, parse: (text: string, options: ParseOptions) => T | CellProblem): ColumnSpec<T | undefined> {
  return spec({
    required,
    type,
    reader: (options, cells, name) => (raw) => {
      const text = raw.trim();
      if (text === '') return required ? MISSING_VALUE : undefined;
      const value = parse(text, options);
      if (!(value instanceof CellProblem) || required) return value;
      cells.refuse(name, value.code, value.message);
      return undefined;
    },
  });
}

const INVALID_DATE = new CellProblem('INVALID_DATE', 'is not a valid date (expected 2026-10-31 or 31/10/2026, optionally with a time)');
const DATE_ORDER: Record<DateOrder, CellProblem> = {
  dmy: new CellProblem('DATE_ORDER', 'is a month-first date (month/day/year): set "dateOrder": "mdy" for this extract in the config, as its other slash dates cannot be read day-first safely'),
  mdy: new CellProblem('DATE_ORDER', 'is a day-first date although the config says "dateOrder": "mdy" for this extract'),
};
const INVALID_FLAG = new CellProblem('INVALID_FLAG', 'is not a flag (expected Y/N, Yes/No, true/false or 1/0; map other values in the config)');

function parseDateTimeText(text: string, options: ParseOptions): LocalDateTime | CellProblem {
  const value = parseLocalDateTime(text, options.dateOrder) ?? (options.serialDates ? parseExcelSerial(text) : null);
  if (value !== null) return value;
  return readsInOtherOrder(text, options.dateOrder) ? DATE_ORDER[options.dateOrder] : INVALID_DATE;
}

function parseDayText(text: string, options: ParseOptions): DayNumber | CellProblem {
  const value = parseDay(text, options.dateOrder) ?? (options.serialDates ? (parseExcelSerial(text)?.day ?? null) : null);
  if (value !== null) return value;
  return readsInOtherOrder(text, options.dateOrder) ? DATE_ORDER[options.dateOrder] : INVALID_DATE;
}

// NUL, zero-width spaces and joiners, word joiner and a stray byte-order mark:
// invisible, so `C001` and `C001` + U+200B would otherwise be two children.
const INVISIBLE = /[\u0000\u200B-\u200D\u2060\uFEFF]/g;
const PLAIN_ASCII = /^[\x20-\x7E]*$/;

/**
 * An identifier or name as one thing: invisible characters removed (said in
 * a cell issue) and Unicode composed (NFC), so `é` typed two ways is one team.
 * Plain ASCII, nearly every value, is returned as it is.
 */
function identity(cells: CellSink, name: string, text: string): string {
  if (PLAIN_ASCII.test(text)) return text;
  const visible = text.replace(INVISIBLE, '');
  if (visible !== text) cells.cleaned(name, 'INVISIBLE_CHARACTERS', `held invisible characters (NUL or zero-width), removed: read as ${JSON.stringify(visible)}`);
  return visible.normalize('NFC');
}

/** A text column whose values are identities (IDs, names): cleaned by `identity`. */
function textColumn(required: boolean): ColumnSpec<string | undefined> {
  return spec({
    required,
    type: 'text',
    reader: (_options, cells, name) => (raw) => {
      const text = identity(cells, name, raw).trim();
      if (text === '') return required ? MISSING_VALUE : undefined;
      return text;
    },
  });
}

/** The grades of a case-file audit, best first (catalogue.md, audits.csv). */
export const GRADES = ['outstanding', 'good', 'requires improvement', 'inadequate'] as const;
export type Grade = (typeof GRADES)[number];

/** Grade spellings: the words (any case, spaces, hyphens or underscores), the 1-4 scale, and "RI". */
const GRADE_SPELLINGS: ReadonlyMap<string, Grade> = new Map([
  ...GRADES.map((grade, i) => [[grade, grade], [String(i + 1), grade]] as const).flat(),
  ['ri', 'requires improvement'],
]);
const INVALID_GRADE = new CellProblem('INVALID_CODE', 'is not a grade (outstanding, good, requires improvement (RI) or inadequate, or 1-4; map other values in the config)');

function parseGrade(text: string): Grade | CellProblem {
  return GRADE_SPELLINGS.get(text.toLowerCase().replace(/[\s_-]+/g, ' ')) ?? INVALID_GRADE;
}

/** Column builders; the `required` variants make the header check and a blank value errors. */
export const columns = {
  text: (): ColumnSpec<string | undefined> => textColumn(false),
  /** An identifier a row cannot do without (an action's audit). */
  requiredText: () => textColumn(true) as ColumnSpec<string>,
  /** A label that repeats across rows: team, worker, category. */
  label: (): ColumnSpec<string | undefined> => ({ ...textColumn(false), repeats: true }),
  /** The person identifier: required, and repeated across a child's rows. */
  childId: () => ({ ...textColumn(true), repeats: true }) as ColumnSpec<string>,
  date: (): ColumnSpec<DayNumber | undefined> => column('date', false, parseDayText),
  requiredDate: () => column('date', true, parseDayText) as ColumnSpec<DayNumber>,
  dateTime: (): ColumnSpec<LocalDateTime | undefined> => column('datetime', false, parseDateTimeText),
  requiredDateTime: () => column('datetime', true, parseDateTimeText) as ColumnSpec<LocalDateTime>,
  /** Y/N, Yes/No, true/false, 1/0; blank is "not recorded" (undefined). */
  flag: (): ColumnSpec<boolean | undefined> => column('flag', false, (text) => parseFlag(text) ?? INVALID_FLAG),
  /** An audit grade in any of its spellings, read as one of GRADES. */
  grade: (required: boolean): ColumnSpec<Grade | undefined> => ({ ...column('code', required, parseGrade), codes: GRADES }),
  /** One of a fixed list of codes, matched case-insensitively and returned in canonical case. */
  code: <C extends string>(required: boolean, codes: readonly C[]): ColumnSpec<C> => {
    const byLower = new Map(codes.map((c) => [c.toLowerCase(), c]));
    const invalid = new CellProblem('INVALID_CODE', `is not one of ${codes.join(', ')} (map other values in the config)`);
    return { ...column('code', required, (text) => byLower.get(text.toLowerCase()) ?? invalid), codes } as ColumnSpec<C>;
  },
};
