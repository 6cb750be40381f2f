import { DomainError } from '../errors.js';
import type { AsyeProgrammeFacts } from './asye.types.js';

/**
 * Checks that a second opinion on the final recommendation may be asked of `secondAssessorUserId`
 * (whether they hold a role that may give one is the access policy's GIVE_ASYE_SECOND_OPINION):
 * 1. the assessor has made the recommendation (ASYE_RECOMMENDATION_MISSING);
 * 2. it is not confirmed yet (ASYE_OUTCOME_CONFIRMED);
 * 3. none has been asked for already: one second opinion a year, so neither view is overwritten
 *    (ASYE_SECOND_OPINION_REQUESTED);
 * 4. the second assessor is neither the NQSW nor the assessor, so the view is independent (SELF_REVIEW).
 */
export function assertCanRequestAsyeSecondOpinion(
  programme: Pick<
    AsyeProgrammeFacts,
    'practitionerUserId' | 'assessorUserId' | 'recommendation' | 'secondOpinion' | 'confirmation'
  >,
  secondAssessorUserId: string,
): void {
  if (programme.recommendation === null) {
    throw new DomainError(
      'ASYE_RECOMMENDATION_MISSING',
      'A second opinion is on the final recommendation, which the assessor has not made yet.',
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
  if (programme.secondOpinion !== null) {
    throw new DomainError(
      'ASYE_SECOND_OPINION_REQUESTED',
      `A second opinion was already asked for on ${programme.secondOpinion.requestedOn}.`,
      'input.programmeId',
    );
  }
  if (
    secondAssessorUserId === programme.practitionerUserId ||
    secondAssessorUserId === programme.assessorUserId ||
    secondAssessorUserId === programme.recommendation.assessorUserId
  ) {
    throw new DomainError(
      'SELF_REVIEW',
      'The second assessor must be someone other than the NQSW and the assessor who recommended.',
      'input.secondAssessorId',
    );
  }
}
