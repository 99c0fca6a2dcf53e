import { release } from './growable.js';

/**
 * Days kept as 16-bit offsets from a base 32,768 days (about 90 years)
 * before the first day kept: 2 bytes a day where a day number takes 4.
 * Offset 0 is a blank day. A day outside the span widens the array to
 * 32-bit day numbers, whose base is 0 (`widened`).
 */
export type DayOffsets = Uint16Array | Int32Array;

/** The base of days kept from `first` on. */
export function dayBaseFor(first: number): number {
  return first - 32768;
}

/** `day`'s 16-bit offset from `base` (1 to 65,535), or -1 when it lies outside their span. */
export function narrowOffset(day: number, base: number): number {
  const offset = day - base;
  return offset >= 1 && offset <= 0xffff ? offset : -1;
}

/**
 * The first `count` offsets as 32-bit day numbers (base 0), blanks as
 * `blank`, in an array of the same room; the narrow array's memory is given
 * back when it is growable.
 */
export function widened(offsets: Uint16Array, count: number, base: number, blank: number): Int32Array {
  const wide = new Int32Array(offsets.length);
  for (let i = 0; i < count; i++) wide[i] = offsets[i] === 0 ? blank : base + offsets[i]!;
  release(offsets);
  return wide;
}
