import { DomainError } from '../errors.js';
import type { IsoDate } from '../calendar/iso-date.js';

/**
 * Evidence records something that happened: neither end of its dates may be after `today`
 * (the caller's day in Europe/London), and a range may not end before it starts.
 */
export function assertEvidenceDates(dateFrom: IsoDate, dateTo: IsoDate | null, today: IsoDate): void {
  if (dateFrom > today) {
    throw new DomainError(
      'EVIDENCE_DATE_IN_FUTURE',
      `The evidence is dated ${dateFrom}, which is after today (${today}).`,
      'input.dateFrom',
      { today },
    );
  }
  if (dateTo !== null && dateTo > today) {
    throw new DomainError(
      'EVIDENCE_DATE_IN_FUTURE',
      `The evidence ends on ${dateTo}, which is after today (${today}).`,
      'input.dateTo',
      { today },
    );
  }
  if (dateTo !== null && dateTo < dateFrom) {
    throw new DomainError('INVALID_DATE_RANGE', 'The end date is before the start date.', 'input.dateTo');
  }
}
