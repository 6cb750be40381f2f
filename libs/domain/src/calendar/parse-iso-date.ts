import type { IsoDate } from './iso-date.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The year, month (1–12) and day of a `YYYY-MM-DD` day of the calendar.
 * Anything else, or a day that does not exist (2025-02-29), is a programming error (a mis-mapped
 * column), not a user error, so it throws a TypeError.
 */
export function parseIsoDate(date: IsoDate): { year: number; month: number; day: number } {
  const match = ISO_DATE.exec(date);
  if (match !== null) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const check = new Date(Date.UTC(year, month - 1, day));
    if (check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === day) {
      return { year, month, day };
    }
  }
  throw new TypeError(`Expected a date as YYYY-MM-DD, got "${date}"`);
}
