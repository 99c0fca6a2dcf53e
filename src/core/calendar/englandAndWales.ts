import {
  addDays,
  dayNumber,
  isWeekend,
  lastWeekdayOfMonth,
  nthWeekdayOfMonth,
  yearOf,
  type DayNumber,
} from '../dates/localDate.js';
import { easterSunday } from './easter.js';

/** A public holiday and its name. */
export interface Holiday {
  readonly day: DayNumber;
  readonly name: string;
}

/** First year of the built-in England and Wales list. */
export const ENGLAND_AND_WALES_FIRST_YEAR = 2000;
/** Last year of the built-in England and Wales list. */
export const ENGLAND_AND_WALES_LAST_YEAR = 2035;

const EARLY_MAY = 'Early May bank holiday';
const SPRING = 'Spring bank holiday';

/** A regular holiday moved by royal proclamation to another day of the same year. */
interface Move {
  readonly holiday: string;
  readonly to: DayNumber;
  readonly name: string;
}

const MOVES: readonly Move[] = [
  // Spring bank holiday moved from 27 May for the Queen's Golden Jubilee weekend.
  { holiday: SPRING, to: dayNumber(2002, 6, 4), name: SPRING },
  // Spring bank holiday moved from 28 May for the Queen's Diamond Jubilee weekend.
  { holiday: SPRING, to: dayNumber(2012, 6, 4), name: SPRING },
  // Early May bank holiday moved from 4 May to the 75th anniversary of VE Day.
  { holiday: EARLY_MAY, to: dayNumber(2020, 5, 8), name: 'Early May bank holiday (VE day)' },
  // Spring bank holiday moved from 30 May for the Queen's Platinum Jubilee weekend.
  { holiday: SPRING, to: dayNumber(2022, 6, 2), name: SPRING },
];

// One-off bank holidays declared by royal proclamation. (The Millennium bank
// holiday, Friday 31 December 1999, falls before the first covered year.)
const ONE_OFFS: readonly Holiday[] = [
  { day: dayNumber(2002, 6, 3), name: 'Queen’s Golden Jubilee' },
  { day: dayNumber(2011, 4, 29), name: 'Royal wedding' }, // Prince William and Catherine Middleton
  { day: dayNumber(2012, 6, 5), name: 'Queen’s Diamond Jubilee' },
  { day: dayNumber(2022, 6, 3), name: 'Platinum Jubilee bank holiday' },
  { day: dayNumber(2022, 9, 19), name: 'Bank holiday for the State Funeral of Queen Elizabeth II' },
  { day: dayNumber(2023, 5, 8), name: 'Bank holiday for the coronation of King Charles III' },
];

/** The holidays with a fixed date, which get a substitute day when they fall on a weekend. */
function fixedDateHolidays(year: number): Holiday[] {
  return [
    { day: dayNumber(year, 1, 1), name: 'New Year’s Day' },
    { day: dayNumber(year, 12, 25), name: 'Christmas Day' },
    { day: dayNumber(year, 12, 26), name: 'Boxing Day' },
  ];
}

/** The holidays that always fall on a weekday: Easter and the three Monday bank holidays. */
function weekdayHolidays(year: number): Holiday[] {
  const easter = easterSunday(year);
  return [
    { day: addDays(easter, -2), name: 'Good Friday' },
    { day: addDays(easter, 1), name: 'Easter Monday' },
    { day: nthWeekdayOfMonth(year, 5, 1, 1), name: EARLY_MAY },
    { day: lastWeekdayOfMonth(year, 5, 1), name: SPRING },
    { day: lastWeekdayOfMonth(year, 8, 1), name: 'Summer bank holiday' },
  ];
}

/**
 * A holiday on a Saturday or Sunday is replaced by the next weekday that is
 * not already a bank holiday (so Christmas on a Saturday gives Monday 27 and
 * Boxing Day Tuesday 28; Christmas on a Sunday gives Tuesday 27, after Boxing
 * Day on Monday 26). `fixed` must be in date order.
 */
function withSubstitutes(fixed: readonly Holiday[], weekday: readonly Holiday[]): Holiday[] {
  const taken = new Set<number>([...fixed, ...weekday].filter((h) => !isWeekend(h.day)).map((h) => h.day));
  return fixed.map((h) => {
    if (!isWeekend(h.day)) return h;
    let day = addDays(h.day, 1);
    while (isWeekend(day) || taken.has(day)) day = addDays(day, 1);
    taken.add(day);
    return { day, name: `${h.name} (substitute day)` };
  });
}

/** Applies this year's proclaimed moves to the regular holidays. */
function applyMoves(year: number, holidays: readonly Holiday[]): Holiday[] {
  return holidays.map((h) => {
    const move = MOVES.find((m) => m.holiday === h.name && yearOf(m.to) === year);
    return move ? { day: move.to, name: move.name } : h;
  });
}

/** England and Wales bank holidays of one year, in date order. */
function holidaysOfYear(year: number): Holiday[] {
  const weekday = weekdayHolidays(year);
  const regular = [...withSubstitutes(fixedDateHolidays(year), weekday), ...applyMoves(year, weekday)];
  const oneOffs = ONE_OFFS.filter((h) => yearOf(h.day) === year);
  return [...regular, ...oneOffs].sort((a, b) => a.day - b.day);
}

function allYears(): Holiday[] {
  const holidays: Holiday[] = [];
  for (let year = ENGLAND_AND_WALES_FIRST_YEAR; year <= ENGLAND_AND_WALES_LAST_YEAR; year++) {
    holidays.push(...holidaysOfYear(year));
  }
  return holidays;
}

/** England and Wales bank holidays 2000–2035, in date order. */
export const ENGLAND_AND_WALES_HOLIDAYS: readonly Holiday[] = allYears();
