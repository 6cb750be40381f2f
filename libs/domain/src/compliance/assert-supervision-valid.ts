import { DomainError } from '../errors.js';
import type { IsoDate } from '../calendar/iso-date.js';
import { MAX_SUPERVISION_MINUTES, type SupervisionRecordInput } from './supervision.types.js';

/**
 * Checks a supervision session before it is recorded, as on `today` (a UK day), in this order;
 * each failure is SUPERVISION_INVALID with the field at fault:
 * 1. it is not dated after today (`input.date`);
 * 2. it lasted a whole, positive number of minutes, no longer than a working day of 8 hours
 *    (`input.durationMinutes`);
 * 3. nobody supervises themself (`input.supervisorId`).
 * A session shorter than the policy's minimum is accepted: it is recorded, but does not count
 * towards the frequency (see `summariseSupervision`).
 */
export function assertSupervisionValid(session: SupervisionRecordInput, today: IsoDate): void {
  if (session.date > today) {
    throw new DomainError(
      'SUPERVISION_INVALID',
      `A supervision session cannot be dated in the future (${session.date}).`,
      'input.date',
      { date: session.date, today },
    );
  }
  if (
    !Number.isInteger(session.minutes) ||
    session.minutes <= 0 ||
    session.minutes > MAX_SUPERVISION_MINUTES
  ) {
    throw new DomainError(
      'SUPERVISION_INVALID',
      `A supervision session lasts between 1 and ${MAX_SUPERVISION_MINUTES} minutes (a working day); got ${session.minutes}.`,
      'input.durationMinutes',
      { minutes: session.minutes, max: MAX_SUPERVISION_MINUTES },
    );
  }
  if (session.supervisorUserId === session.superviseeUserId) {
    throw new DomainError('SUPERVISION_INVALID', 'Nobody can supervise themself.', 'input.supervisorId');
  }
}
