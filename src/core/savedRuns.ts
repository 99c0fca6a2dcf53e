import { z } from 'zod';

/**
 * A named report run in the config (`"reports": { "weekly": { … } }`): the
 * options a scheduled job would otherwise keep in a shell script, by their
 * long names in camel case. `out` may hold `{period}`, replaced by the
 * period's label.
 */
export const savedRunSchema = z
  .object({
    data: z.string().min(1),
    annexA: z.string().min(1),
    period: z.string().min(1),
    from: z.string().min(1),
    to: z.string().min(1),
    asAt: z.string().min(1),
    indicator: z.array(z.string().min(1)),
    by: z.string().min(1),
    where: z.array(z.string().min(1)),
    trend: z.number().int().min(2).max(60),
    format: z.string().min(1),
    out: z.string().min(1),
    title: z.string(),
    exceptions: z.boolean(),
    exceptionsOut: z.string().min(1),
    split: z.boolean(),
    charts: z.string().min(1),
    bom: z.boolean(),
    failOn: z.enum(['red', 'amber']),
    failUnder: z.array(z.string().min(1)),
    strict: z.boolean(),
  })
  .strict()
  .partial();

export type SavedRun = z.infer<typeof savedRunSchema>;

/** A saved run's name: what a person types after `report`. */
export const SAVED_RUN_NAME = /^[a-z0-9][a-z0-9-]*$/;

/** `out` with `{period}` replaced by the period's label (`pack-{period}.html` → `pack-2026-W45.html`). */
export function outFor(out: string, periodLabel: string): string {
  return out.replaceAll('{period}', periodLabel);
}
