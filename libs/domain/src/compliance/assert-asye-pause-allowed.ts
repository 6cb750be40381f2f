import { DomainError } from '../errors.js';
import type { IsoDate } from '../calendar/iso-date.js';
import { DEFAULT_ASYE_POLICY, type AsyePauseFacts, type AsyePolicy } from './asye.types.js';

/**
 * Checks that `pause` may be recorded on an ASYE that started on `startDate`, in this order:
 * 1. its reason is one the organisation accepts, and never CAPABILITY (reference §5.1: the ASYE is
 *    not paused for capability) (ASYE_PAUSE_REASON_NOT_ALLOWED);
 * 2. it starts on or after the ASYE and ends on or after it starts (INVALID_DATE_RANGE);
 * 3. it shares no day with another pause, both ends inclusive, an open end running for ever
 *    (ASYE_PAUSE_OVERLAP). A pause with the same `pauseId` is the one being edited and is skipped.
 */
export function assertAsyePauseAllowed(
  pause: AsyePauseFacts,
  existing: readonly AsyePauseFacts[],
  startDate: IsoDate,
  policy: AsyePolicy = DEFAULT_ASYE_POLICY,
): void {
  if (pause.reason === 'CAPABILITY' || !policy.allowedPauseReasons.includes(pause.reason)) {
    throw new DomainError(
      'ASYE_PAUSE_REASON_NOT_ALLOWED',
      pause.reason === 'CAPABILITY'
        ? 'An ASYE is not paused for capability reasons; agree a support plan instead.'
        : `This organisation does not pause the ASYE for ${pause.reason}.`,
      'input.reason',
      { reason: pause.reason, allowed: policy.allowedPauseReasons.filter((r) => r !== 'CAPABILITY') },
    );
  }
  if (pause.startsOn < startDate) {
    throw new DomainError(
      'INVALID_DATE_RANGE',
      `A pause cannot start (${pause.startsOn}) before the ASYE started (${startDate}).`,
      'input.startsOn',
      { startsOn: pause.startsOn, startDate },
    );
  }
  if (pause.endsOn !== null && pause.endsOn < pause.startsOn) {
    throw new DomainError(
      'INVALID_DATE_RANGE',
      `A pause cannot end (${pause.endsOn}) before it starts (${pause.startsOn}).`,
      'input.endsOn',
      { startsOn: pause.startsOn, endsOn: pause.endsOn },
    );
  }
  const clash = existing.find(
    (other) =>
      (pause.pauseId === undefined || other.pauseId !== pause.pauseId) &&
      (other.endsOn === null || pause.startsOn <= other.endsOn) &&
      (pause.endsOn === null || other.startsOn <= pause.endsOn),
  );
  if (clash !== undefined) {
    throw new DomainError(
      'ASYE_PAUSE_OVERLAP',
      `This pause overlaps another one (from ${clash.startsOn}${clash.endsOn === null ? ', still open' : ` to ${clash.endsOn}`}).`,
      'input.startsOn',
      { otherStartsOn: clash.startsOn, otherEndsOn: clash.endsOn, otherPauseId: clash.pauseId ?? null },
    );
  }
}
