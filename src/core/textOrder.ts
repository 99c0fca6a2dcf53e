/**
 * Text order by UTF-16 code unit, blank (undefined) last: the same on every
 * machine whatever its locale, so outputs never depend on where they ran.
 */
export function byCodePoint(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return a < b ? -1 : 1;
}
