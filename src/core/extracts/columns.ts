import { z } from 'zod';
import type { DayNumber } from '../dates/localDate.js';
import type { LocalDateTime } from '../dates/londonTime.js';
import type { IssueCode } from './issues.js';
import { parseDay, parseFlag, parseLocalDateTime } from './values.js';

/**
 * A column of an extract: whether the header must have it, and the zod type
 * that turns the raw text (undefined when the column is absent) into a value.
 */
export interface ColumnSpec<T> {
  readonly required: boolean;
  /** Takes the field's text, '' when the column is absent from the file. */
  readonly schema: z.ZodType<T, string>;
  /** Values repeat across rows (child IDs, teams, workers): the reader keeps one copy of each. */
  readonly repeats?: boolean;
}

type Ctx = z.core.$RefinementCtx;

function reject(ctx: Ctx, code: IssueCode, message: string): typeof z.NEVER {
  ctx.addIssue({ code: 'custom', message, params: { code } });
  return z.NEVER;
}

/**
 * A column whose trimmed text goes through `parse`; blank means absent. One
 * transform per column keeps zod's per-row work small (it runs on millions of rows).
 */
function column<T>(required: boolean, parse: (text: string, ctx: Ctx) => T): ColumnSpec<T | undefined> {
  const schema = z.transform((raw: string, ctx: Ctx): T | undefined => {
    const text = raw.trim();
    if (text === '') return required ? reject(ctx, 'MISSING_VALUE', 'is blank but required') : undefined;
    return parse(text, ctx);
  });
  return { required, schema };
}

const INVALID_DATE = 'is not a valid date (expected 2026-10-31 or 31/10/2026, optionally with a time)';

function parseDateValue(text: string, ctx: Ctx): LocalDateTime {
  return parseLocalDateTime(text) ?? reject(ctx, 'INVALID_DATE', INVALID_DATE);
}

function parseDayValue(text: string, ctx: Ctx): DayNumber {
  return parseDay(text) ?? reject(ctx, 'INVALID_DATE', INVALID_DATE);
}

/** Column builders; the `required` variants make the header check and a blank value errors. */
export const columns = {
  text: (): ColumnSpec<string | undefined> => column(false, (text) => text),
  /** A label that repeats across rows: team, worker, category. */
  label: (): ColumnSpec<string | undefined> => ({ ...column(false, (text) => text), repeats: true }),
  /** The person identifier: required, and repeated across a child's rows. */
  childId: () => ({ ...column(true, (text) => text), repeats: true }) as ColumnSpec<string>,
  date: (): ColumnSpec<DayNumber | undefined> => column(false, parseDayValue),
  requiredDate: () => column(true, parseDayValue) as ColumnSpec<DayNumber>,
  dateTime: (): ColumnSpec<LocalDateTime | undefined> => column(false, parseDateValue),
  requiredDateTime: () => column(true, parseDateValue) as ColumnSpec<LocalDateTime>,
  /** Y/N, Yes/No, true/false, 1/0; blank is "not recorded" (undefined). */
  flag: (): ColumnSpec<boolean | undefined> =>
    column(false, (text, ctx) => parseFlag(text) ?? reject(ctx, 'INVALID_FLAG', 'is not a flag (expected Y/N, Yes/No, true/false or 1/0)')),
  /** One of a fixed list of codes, matched case-insensitively and returned in canonical case. */
  code: <C extends string>(required: boolean, codes: readonly C[]): ColumnSpec<C> => {
    const byLower = new Map(codes.map((c) => [c.toLowerCase(), c]));
    return column(required, (text, ctx) =>
      byLower.get(text.toLowerCase()) ?? reject(ctx, 'INVALID_CODE', `is not one of ${codes.join(', ')}`),
    ) as ColumnSpec<C>;
  },
};
