import type { IsoDate } from './iso-date.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The same day `months` calendar months later (earlier when negative). When that month is shorter,
 * the result is its last day: 31 January + 1 month is 28 February (29 in a leap year), and
 * 29 February + 12 months is 28 February. Anything but `YYYY-MM-DD` or a whole number of months is a
 * programming error and throws a TypeError.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const match = ISO_DATE.exec(date);
  if (match === null || Number(match[2]) < 1 || Number(match[2]) > 12 || Number(match[3]) < 1) {
    throw new TypeError(`Expected a date as YYYY-MM-DD, got "${date}"`);
  }
  if (!Number.isInteger(months)) throw new TypeError(`Expected a whole number of months, got ${months}`);
  const monthIndex = Number(match[1]) * 12 + Number(match[2]) - 1 + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  const day = Math.min(Number(match[3]), daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Days in a month (1–12) of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
