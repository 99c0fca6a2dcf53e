/** "1 day", "3 days", "1 working day": a count with its noun in the right number. */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** "6 weeks" for 42 days, "45 days" otherwise: a period of days as plans name it. */
export function inWeeks(days: number): string {
  return days % 7 === 0 ? count(days / 7, 'week') : count(days, 'day');
}
