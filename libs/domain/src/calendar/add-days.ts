import type { IsoDate } from './iso-date.js';
import { parseIsoDate } from './parse-iso-date.js';

/** The day `days` days after `date` (before it when negative). Days of the calendar: no time zone. */
export function addDays(date: IsoDate, days: number): IsoDate {
  const { year, month, day } = parseIsoDate(date);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}
