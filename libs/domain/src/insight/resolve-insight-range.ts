import { addDays } from '../calendar/add-days.js';
import { DomainError } from '../errors.js';
import type { IsoDate } from '../calendar/iso-date.js';

/** Longest range an insight query covers: ten years. */
const MAX_DAYS = 3_660;

/**
 * The date range of an insight query, both days inclusive: the days given, else the twelve months
 * up to `today` (from the same day a year earlier, plus one). Refuses a range that ends before it
 * starts or spans more than ten years, naming the field at fault.
 */
export function resolveInsightRange(
  from: IsoDate | null | undefined,
  to: IsoDate | null | undefined,
  today: IsoDate,
): { from: IsoDate; to: IsoDate } {
  const end = to ?? today;
  const start =
    from ?? addDays(`${Number(end.slice(0, 4)) - 1}${end.slice(4)}`.replace(/-02-29$/, '-02-28'), 1);
  if (start > end) {
    throw new DomainError('INVALID_DATE_RANGE', 'The range ends before it starts.', from ? 'from' : 'to');
  }
  if (addDays(start, MAX_DAYS) < end) {
    throw new DomainError('INVALID_DATE_RANGE', 'Ask for at most ten years at a time.', 'from');
  }
  return { from: start, to: end };
}
