import type { IsoDate } from '../calendar/iso-date.js';
import { addDays } from '../calendar/add-days.js';
import { addMonths } from '../calendar/add-months.js';
import type { AsyePauseFacts } from './asye.types.js';
import { daysBetween } from '../calendar/days-between.js';

/**
 * The day a point `monthsAfterStart` months into an ASYE falls, moved on by pauses: every pause that
 * begins on or before the (already moved) date pushes it back by the pause's length in days, both
 * ends inclusive. A pause that begins before the start counts from the start. `null` when an
 * open-ended pause began on or before it: the date is not known until the NQSW returns.
 * Pauses must not overlap (`assertAsyePauseAllowed`).
 */
export function asyeDueDate(
  startDate: IsoDate,
  monthsAfterStart: number,
  pauses: readonly AsyePauseFacts[],
): IsoDate | null {
  let due = addMonths(startDate, monthsAfterStart);
  const ordered = [...pauses].sort((a, b) =>
    a.startsOn < b.startsOn ? -1 : a.startsOn > b.startsOn ? 1 : 0,
  );
  for (const pause of ordered) {
    const from = pause.startsOn < startDate ? startDate : pause.startsOn;
    if (from > due) break;
    if (pause.endsOn === null) return null;
    if (pause.endsOn < from) continue;
    due = addDays(due, daysBetween(from, pause.endsOn) + 1);
  }
  return due;
}
