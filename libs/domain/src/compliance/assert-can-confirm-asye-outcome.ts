import { DomainError } from '../errors.js';
import type { AsyeProgrammeFacts } from './asye.types.js';

/**
 * Checks that `confirmerUserId` may confirm the assessor's recommendation, as the PSW or for the
 * panel (reference §5.1 "Outcome"; whether they hold that role is checked by the caller):
 * 1. a recommendation has been made (ASYE_RECOMMENDATION_MISSING);
 * 2. it has not been confirmed already (ASYE_OUTCOME_CONFIRMED);
 * 3. the confirmer is neither the NQSW nor the assessor who recommended, so the confirmation is
 *    independent (SELF_REVIEW).
 */
export function assertCanConfirmAsyeOutcome(
  programme: Pick<AsyeProgrammeFacts, 'practitionerUserId' | 'recommendation' | 'confirmation'>,
  confirmerUserId: string,
): void {
  if (programme.recommendation === null) {
    throw new DomainError(
      'ASYE_RECOMMENDATION_MISSING',
      'The assessor has not made a final recommendation to confirm yet.',
    );
  }
  if (programme.confirmation !== null) {
    throw new DomainError(
      'ASYE_OUTCOME_CONFIRMED',
      `The outcome was already confirmed on ${programme.confirmation.confirmedOn}.`,
    );
  }
  if (
    confirmerUserId === programme.practitionerUserId ||
    confirmerUserId === programme.recommendation.assessorUserId
  ) {
    throw new DomainError(
      'SELF_REVIEW',
      'The ASYE outcome must be confirmed by someone other than the NQSW and the assessor who recommended it.',
    );
  }
}
