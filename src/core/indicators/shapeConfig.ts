import { z } from 'zod';
import { EXTRACT_KINDS, EXTRACTS, type ExtractKind } from '../extracts/definitions.js';
import type { ColumnType } from '../extracts/columns.js';
import { targetSchema } from '../targetSchema.js';
import type { ShapeSpec } from './shapes.js';

const amount = z.number().int().positive();
// One unit only, within sane bounds (a year at most in days, ten years in months).
const span = z.union([
  z.object({ workingDays: amount.max(260) }).strict(),
  z.object({ calendarDays: amount.max(366) }).strict(),
  z.object({ hours: amount.max(8784) }).strict(),
  z.object({ months: amount.max(120) }).strict(),
]);
const where = z.record(z.string(), z.array(z.string().min(1)).min(1));
const extract = z.string();
const column = z.string().min(1);

const common = {
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'an id is lower-case letters, digits and hyphens, e.g. ws17-neglect-oversight'),
  title: z.string().min(1).optional(),
  direction: z.enum(['higher', 'lower']).default('higher'),
  target: targetSchema.optional(),
};

/** A config file's `indicators` entry (catalogue.md "The config shape"). */
export const indicatorConfigSchema = z.discriminatedUnion('shape', [
  z.object({ ...common, shape: z.literal('within'), extract, date: column, start: column, end: column, within: span, where: where.optional() }).strict(),
  z.object({ ...common, shape: z.literal('flag'), extract, date: column, flag: column, where: where.optional() }).strict(),
  z.object({ ...common, shape: z.literal('open-longer-than'), extract, start: column, end: column.optional(), within: span, where: where.optional() }).strict(),
  z.object({ ...common, shape: z.literal('repeat'), extract, date: column, within: span.optional(), where: where.optional() }).strict(),
  z.object({ ...common, shape: z.literal('count'), extract, date: column.optional(), start: column.optional(), end: column.optional(), where: where.optional() }).strict(),
  z
    .object({
      ...common,
      shape: z.literal('due'),
      plans: z.object({ where: where.optional() }).strict().default({}),
      records: z.object({ extract, date: column.optional(), where: where.optional() }).strict(),
      within: span,
    })
    .strict(),
]);

export type IndicatorConfig = z.infer<typeof indicatorConfigSchema>;

const DATES: readonly ColumnType[] = ['date', 'datetime'];
const FILTERABLE: readonly ColumnType[] = ['text', 'code', 'flag'];

/** Checks names against the extract definitions, collecting one error line per problem with its path. */
class NameCheck {
  readonly errors: string[] = [];

  constructor(private readonly path: string) {}

  kind(name: string, at: string): ExtractKind | undefined {
    if ((EXTRACT_KINDS as readonly string[]).includes(name)) return name as ExtractKind;
    this.errors.push(`${this.path}.${at}: no extract "${name}" (extracts: ${EXTRACT_KINDS.join(', ')})`);
    return undefined;
  }

  column(kind: ExtractKind, name: string | undefined, types: readonly ColumnType[], at: string): void {
    if (name === undefined) return;
    const spec = EXTRACTS[kind].columns[name];
    if (spec !== undefined && Object.hasOwn(EXTRACTS[kind].columns, name) && types.includes(spec.type)) return;
    const fitting = Object.entries(EXTRACTS[kind].columns).filter(([, c]) => types.includes(c.type)).map(([n]) => n);
    this.errors.push(`${this.path}.${at}: ${kind} has no ${types.join(' or ')} column "${name}" (its ${types.join(' and ')} columns: ${fitting.join(', ') || 'none'})`);
  }

  where(kind: ExtractKind, filters: Readonly<Record<string, readonly string[]>> | undefined, at: string): void {
    for (const [name, values] of Object.entries(filters ?? {})) {
      this.column(kind, name, FILTERABLE, `${at}.${name}`);
      const codes = Object.hasOwn(EXTRACTS[kind].columns, name) ? EXTRACTS[kind].columns[name]!.codes : undefined;
      if (codes === undefined) continue;
      for (const value of values) {
        if (!codes.some((code) => code.toLowerCase() === value.toLowerCase())) this.errors.push(`${this.path}.${at}.${name}: "${value}" is not a ${name} code (codes: ${codes.join(', ')})`);
      }
    }
  }
}

/** The first required date column of an extract: the date a `due` shape's records fall on by default. */
function recordDate(kind: ExtractKind): string {
  return Object.entries(EXTRACTS[kind].columns).find(([, c]) => c.required && DATES.includes(c.type))![0];
}

/**
 * A parsed `indicators` entry checked against the extracts it names (every
 * extract, column and code must exist; the error lists those that do), as a
 * shape the engine runs, or the errors.
 */
export function resolveShape(entry: IndicatorConfig, path: string): { spec: ShapeSpec } | { errors: string[] } {
  const check = new NameCheck(path);
  const base = { id: entry.id, title: entry.title ?? entry.id, direction: entry.direction };
  if (entry.shape === 'due') {
    check.where('plans', entry.plans.where, 'plans.where');
    const kind = check.kind(entry.records.extract, 'records.extract');
    if (kind === undefined) return { errors: check.errors };
    check.column(kind, entry.records.date, DATES, 'records.date');
    check.where(kind, entry.records.where, 'records.where');
    if (check.errors.length > 0) return { errors: check.errors };
    const records = { extract: kind, date: entry.records.date ?? recordDate(kind), ...(entry.records.where ? { where: entry.records.where } : {}) };
    return { spec: { ...base, shape: 'due', plans: entry.plans, records, within: entry.within } };
  }
  const kind = check.kind(entry.extract, 'extract');
  if (kind === undefined) return { errors: check.errors };
  for (const at of ['date', 'start', 'end'] as const) check.column(kind, (entry as Partial<Record<typeof at, string>>)[at], DATES, at);
  if (entry.shape === 'flag') check.column(kind, entry.flag, ['flag'], 'flag');
  check.where(kind, entry.where, 'where');
  if (entry.shape === 'count' && (entry.date === undefined) === (entry.start === undefined)) {
    check.errors.push(`${path}: a count needs either date (records in the period) or start (records open on the as-at date), not both`);
  }
  if (check.errors.length > 0) return { errors: check.errors };
  const { target: _target, title: _title, ...shape } = entry;
  return { spec: { ...shape, ...base, extract: kind } as ShapeSpec };
}
