import type { IsoDate } from './iso-date.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Whether `date` falls between `from` and `until`, both days inclusive; `null` leaves that side open.
 * `YYYY-MM-DD` strings sort like the days they name, so they are compared as strings.
 * Anything else is a programming error (a mis-mapped column), not a user error, so it throws a TypeError.
 */
export function isDateInRange(date: IsoDate, from: IsoDate | null, until: IsoDate | null): boolean {
  for (const day of [date, from, until]) {
    if (day !== null && !ISO_DATE.test(day)) {
      throw new TypeError(`Expected a date as YYYY-MM-DD, got "${day}"`);
    }
  }
  return (from === null || from <= date) && (until === null || date <= until);
}
