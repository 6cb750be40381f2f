import type { IsoDate } from '../calendar/iso-date.js';
import { daysInMonth } from '../calendar/add-months.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Whole calendar months elapsed from `from` to `to`: the largest n with `addMonths(from, n) <= to`,
 * so 15 March to 15 April is 1 and to 14 April is 0, and 31 January to 28 February is 1 (February
 * ends first). Never negative: 0 when `to` is before `from`. It never decreases as `to` moves later
 * or `from` moves earlier. Anything but `YYYY-MM-DD` throws a TypeError.
 */
export function wholeMonthsBetween(from: IsoDate, to: IsoDate): number {
  for (const day of [from, to]) {
    if (!ISO_DATE.test(day)) throw new TypeError(`Expected a date as YYYY-MM-DD, got "${day}"`);
  }
  return wholeMonthsBetweenChecked(from, to);
}

/** `wholeMonthsBetween` for dates already known to be `YYYY-MM-DD`. */
export function wholeMonthsBetweenChecked(from: IsoDate, to: IsoDate): number {
  const months = monthIndex(to) - monthIndex(from);
  if (months <= 0) return 0;
  // addMonths(from, months) lands in `to`'s month, on `from`'s day or that month's last day if shorter.
  const landsOn = Math.min(dayOf(from), daysInMonth(Number(to.slice(0, 4)), Number(to.slice(5, 7))));
  return landsOn <= dayOf(to) ? months : months - 1;
}

function monthIndex(date: IsoDate): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7));
}

function dayOf(date: IsoDate): number {
  return Number(date.slice(8, 10));
}
