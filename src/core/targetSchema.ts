import { z } from 'zod';
import { parseIsoDay } from './dates/localDate.js';

const targetValue = z.number().min(0).nullable();
const isoDay = z.string().transform((text, ctx) => {
  const day = parseIsoDay(text);
  if (day === null) {
    ctx.addIssue({ code: 'custom', message: `"${text}" is not a date (expected YYYY-MM-DD)` });
    return z.NEVER;
  }
  return day;
});
const datedTarget = z.object({ from: isoDay, target: targetValue }).strict();
// A list is dated steps, anything else one target: each checked by its own schema so errors name the step.
/** A target as the config writes it: a percentage or whole number, null for none, or a list of dated steps. */
export const targetSchema = z.unknown().transform((value, ctx) => {
  const parsed = Array.isArray(value) ? z.array(datedTarget).min(1).safeParse(value) : targetValue.safeParse(value);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
  return z.NEVER;
});
