import { DomainError } from '../errors.js';
import type { AsyeOutcome, AsyeProgrammeFacts } from './asye.types.js';

/**
 * Checks that `recorderUserId` may record `outcome` as the second opinion:
 * 1. one was asked for (ASYE_SECOND_OPINION_NOT_REQUESTED);
 * 2. the outcome is not confirmed yet (ASYE_OUTCOME_CONFIRMED);
 * 3. they are the second assessor named (ACCESS_DENIED);
 * 4. they have not recorded it already: it is kept, never replaced (ASYE_SECOND_OPINION_RECORDED);
 * 5. for a PASS, nothing a pass needs is missing (`passBlockers`, as for the recommendation:
 *    ASYE_RECOMMENDATION_NOT_READY).
 */
export function assertCanRecordAsyeSecondOpinion(
  programme: Pick<AsyeProgrammeFacts, 'secondOpinion' | 'confirmation'>,
  recorderUserId: string,
  outcome: AsyeOutcome,
  passBlockers: readonly string[],
): void {
  const { secondOpinion } = programme;
  if (secondOpinion === null) {
    throw new DomainError(
      'ASYE_SECOND_OPINION_NOT_REQUESTED',
      'Nobody has been asked for a second opinion on this ASYE.',
      'input.programmeId',
    );
  }
  if (programme.confirmation !== null) {
    throw new DomainError(
      'ASYE_OUTCOME_CONFIRMED',
      `The outcome was already confirmed on ${programme.confirmation.confirmedOn}.`,
      'input.programmeId',
    );
  }
  if (recorderUserId !== secondOpinion.secondAssessorUserId) {
    throw new DomainError(
      'ACCESS_DENIED',
      'Only the second assessor who was asked may record the second opinion.',
      'input.programmeId',
    );
  }
  if (secondOpinion.opinion !== null) {
    throw new DomainError(
      'ASYE_SECOND_OPINION_RECORDED',
      `You recorded your second opinion (${secondOpinion.opinion.outcome}) on ${secondOpinion.opinion.recordedOn}.`,
      'input.programmeId',
    );
  }
  if (outcome === 'PASS' && passBlockers.length > 0) {
    throw new DomainError(
      'ASYE_RECOMMENDATION_NOT_READY',
      `A PASS cannot be given yet: ${passBlockers.join(' ')}`,
      'input.outcome',
      { outcome, blockers: [...passBlockers] },
    );
  }
}
