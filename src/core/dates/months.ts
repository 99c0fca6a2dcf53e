import { civilDate, dayNumber, daysInMonth, type DayNumber } from './localDate.js';

/**
 * The same day of the month `months` later (earlier when negative); when
 * that month is shorter, its last day (catalogue.md "N months after":
 * 31/08 + 6 months = 28/02, or 29/02 in a leap year).
 */
export function addMonths(day: DayNumber, months: number): DayNumber {
  const { year, month, day: dom } = civilDate(day);
  const index = year * 12 + (month - 1) + months;
  const toYear = Math.floor(index / 12);
  const toMonth = index - toYear * 12 + 1;
  return dayNumber(toYear, toMonth, Math.min(dom, daysInMonth(toYear, toMonth)));
}
