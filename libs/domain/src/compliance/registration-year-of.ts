import type { IsoDate } from '../calendar/iso-date.js';
import { addDays } from '../calendar/add-days.js';
import type { MonthDay } from './compliance.types.js';
import { londonDateOf } from './london-date-of.js';
import { parseIsoDate } from '../calendar/parse-iso-date.js';

/**
 * The registration year containing a UK day, or the UK day of an instant. By default SWE's year,
 * 1 December to 30 November (reference §3.2): 2025-11-30 is in 2024-12-01..2025-11-30 and
 * 2025-12-01 starts the next one. `startsOn` (`MM-DD`, never `02-29`) picks another first day.
 */
export function registrationYearOf(
  when: IsoDate | Date,
  startsOn: MonthDay = '12-01',
): { start: IsoDate; end: IsoDate } {
  parseIsoDate(`2001-${startsOn}`);
  const day = typeof when === 'string' ? when : londonDateOf(when);
  const { year } = parseIsoDate(day);
  const startYear = day >= `${pad(year)}-${startsOn}` ? year : year - 1;
  return {
    start: `${pad(startYear)}-${startsOn}`,
    end: addDays(`${pad(startYear + 1)}-${startsOn}`, -1),
  };
}

function pad(year: number): string {
  return String(year).padStart(4, '0');
}
