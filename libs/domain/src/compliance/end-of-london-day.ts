import type { IsoDate } from '../calendar/iso-date.js';
import { londonUtcOffsetMinutes } from './london-utc-offset-minutes.js';
import { parseIsoDate } from '../calendar/parse-iso-date.js';

/**
 * The last instant (23:59:59.999 UK time) of a UK day: a deadline "at 23:59 on 30 November" is met
 * by anything done during the minute 23:59, and missed from 00:00 on 1 December.
 * UK clocks change at 01:00 UTC, never near midnight, so the offset is the one in force that evening.
 */
export function endOfLondonDay(date: IsoDate): Date {
  const { year, month, day } = parseIsoDate(date);
  const wall = Date.UTC(year, month - 1, day, 23, 59, 59, 999);
  const guess = wall - londonUtcOffsetMinutes(new Date(wall)) * 60_000;
  return new Date(wall - londonUtcOffsetMinutes(new Date(guess)) * 60_000);
}
