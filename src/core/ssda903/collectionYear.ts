/*
 * The SSDA903 collection year runs 1 April to 31 March, and OC3 records a
 * care leaver's activity and accommodation "around their birthday" in it
 * (DfE SSDA903 guidance, OC3). The return names no year, so it is the year
 * holding the return's latest episode date, and the contact the OC3 row
 * stands for is dated the young person's birthday in that year.
 */
import { civilDate, dayNumber, isValidCivil, type DayNumber } from '../dates/localDate.js';

/** The year (of its 1 April) of the collection year holding `day`. */
export function collectionYearOf(day: DayNumber): number {
  const { year, month } = civilDate(day);
  return month >= 4 ? year : year - 1;
}

/** The birthday of someone born on `birth` in the collection year starting 1 April `year`; 29 February is 28 February in other years. */
export function birthdayInCollectionYear(birth: DayNumber, year: number): DayNumber {
  const { month, day } = civilDate(birth);
  const inYear = month >= 4 ? year : year + 1;
  return isValidCivil(inYear, month, day) ? dayNumber(inYear, month, day) : dayNumber(inYear, month, day - 1);
}
