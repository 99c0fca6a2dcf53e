import { dayNumber, isWeekend } from '../dates/localDate.js';
import {
  ENGLAND_AND_WALES_FIRST_YEAR,
  ENGLAND_AND_WALES_HOLIDAYS,
  ENGLAND_AND_WALES_LAST_YEAR,
  type Holiday,
} from './englandAndWales.js';

/**
 * Liberation Day, 9 May (the island's liberation in 1945), when it falls on a
 * weekday. This calendar gives no substitute day when 9 May is a Saturday or
 * Sunday.
 */
function liberationDays(): Holiday[] {
  const days: Holiday[] = [];
  for (let year = ENGLAND_AND_WALES_FIRST_YEAR; year <= ENGLAND_AND_WALES_LAST_YEAR; year++) {
    const day = dayNumber(year, 5, 9);
    if (!isWeekend(day)) days.push({ day, name: 'Liberation Day' });
  }
  return days;
}

/** Jersey holidays: the England and Wales bank holidays plus Liberation Day, in date order, 2000–2035. */
export const JERSEY_HOLIDAYS: readonly Holiday[] = [...ENGLAND_AND_WALES_HOLIDAYS, ...liberationDays()].sort(
  (a, b) => a.day - b.day,
);
