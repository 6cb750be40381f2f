import type { IsoDate } from '../../calendar/iso-date.js';
import { isDateInRange } from '../../calendar/is-date-in-range.js';
import { addMonths } from '../../calendar/add-months.js';
import type { StageHistoryEntry } from '../progression.types.js';

/**
 * The first day of the practitioner's current spell in a stage: the earliest start among the entries
 * for that stage held on `asOf`, extended back over earlier entries for the same stage that overlap
 * it or end the day before it starts. `null` when the stage is not held on `asOf`. Entries starting
 * after `asOf` are ignored; the order of `history` does not matter.
 */
export function findSpellStart(
  history: readonly StageHistoryEntry[],
  stageKey: string,
  asOf: IsoDate,
): IsoDate | null {
  const entries = history.filter((e) => e.stageKey === stageKey && isDateInRange(e.from, null, asOf));
  const held = entries.filter((e) => isDateInRange(asOf, e.from, e.to));
  if (held.length === 0) return null;

  let start = held.map((e) => e.from).reduce((a, b) => (b < a ? b : a));
  let extended = true;
  while (extended) {
    extended = false;
    const dayBefore = previousDay(start);
    for (const entry of entries) {
      if (entry.from < start && (entry.to === null || entry.to >= dayBefore)) {
        start = entry.from;
        extended = true;
        break;
      }
    }
  }
  return start;
}

function previousDay(date: IsoDate): IsoDate {
  const day = Number(date.slice(8, 10));
  if (day > 1) return `${date.slice(0, 8)}${String(day - 1).padStart(2, '0')}`;
  // The 31st of this month, one month back, is clamped to the last day of the previous month.
  return addMonths(`${date.slice(0, 8)}31`, -1);
}
