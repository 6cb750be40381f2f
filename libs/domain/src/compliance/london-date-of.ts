import type { IsoDate } from '../calendar/iso-date.js';
import { londonUtcOffsetMinutes } from './london-utc-offset-minutes.js';

/**
 * The day of the calendar in the UK (Europe/London) at `instant`. Regulators' dates are UK days:
 * 2025-06-30T23:30Z is already 1 July in London (BST), while 2025-11-30T23:59Z is still 30 November (GMT).
 */
export function londonDateOf(instant: Date): IsoDate {
  const local = instant.getTime() + londonUtcOffsetMinutes(instant) * 60_000;
  return new Date(local).toISOString().slice(0, 10);
}
