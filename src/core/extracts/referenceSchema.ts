import { z } from 'zod';
import { CellProblem, type CellSink, type ColumnSpec, type ParseOptions } from './columns.js';
import type { ExtractDefinition, ValidationLimits } from './definitions.js';

/**
 * The zod schemas that are the reference for the row validators
 * (`rowValidator.test.ts` checks both give the same records, issues and
 * refused cells on random rows). Nothing that reads a table imports this
 * module, so reading never loads zod: about a tenth of a second on every
 * thread that reads.
 */

/** A column's reader as a zod transform: one per column, no other zod work per row. */
export function columnSchema<T>(column: ColumnSpec<T>, options: ParseOptions, cells: CellSink, name: string): z.ZodType<T, string> {
  const read = column.reader(options, cells, name);
  return z.transform((raw: string, ctx: z.core.$RefinementCtx): T => {
    const value = read(raw);
    if (!(value instanceof CellProblem)) return value;
    ctx.addIssue({ code: 'custom', message: value.message, params: { code: value.code } });
    return z.NEVER;
  });
}

/**
 * One schema for a row (raw text by canonical column, plus its line), with
 * the logical checks; refused values of optional columns go to `cells`.
 */
export function extractSchema<R>(definition: ExtractDefinition<R>, limits: ValidationLimits, options: ParseOptions, cells: CellSink): z.ZodType<R> {
  const shape: Record<string, z.ZodType> = { line: z.number() };
  for (const [name, column] of Object.entries(definition.columns)) shape[name] = columnSchema(column, options, cells, name);
  return z.object(shape).superRefine((row, ctx) => {
    for (const issue of definition.logicalIssues(row, limits) ?? []) {
      ctx.addIssue({ code: 'custom', path: [issue.column], message: issue.message, params: { code: issue.code } });
    }
  }) as unknown as z.ZodType<R>;
}
