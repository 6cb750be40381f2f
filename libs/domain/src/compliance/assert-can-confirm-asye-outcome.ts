import { DomainError } from '../errors.js';
import { asyeAgreementOf } from './asye-agreement-of.js';
import type { AsyeOutcome, AsyeProgrammeFacts } from './asye.types.js';

/** What the confirmer says: the outcome they confirm (optional unless reconciling) and their reason. */
export interface AsyeConfirmationChoice {
  outcome: AsyeOutcome | null;
  reason: string | null;
}

/** The outcome to record, and whether choosing it reconciled two different judgements. */
export interface AsyeConfirmationDecision {
  outcome: AsyeOutcome;
  reconciled: boolean;
}

/**
 * Checks that `confirmerUserId` may confirm the outcome of the ASYE, as the PSW or for the panel
 * (reference §5.1 "Outcome"; whether they hold that role is checked by the caller), and decides it:
 * 1. a recommendation has been made (ASYE_RECOMMENDATION_MISSING);
 * 2. it has not been confirmed already (ASYE_OUTCOME_CONFIRMED);
 * 3. the confirmer is none of the NQSW, the assessor who recommended and the second assessor, so
 *    the decision is independent of every judgement it weighs (SELF_REVIEW);
 * 4. a second opinion asked for has been given (ASYE_SECOND_OPINION_MISSING);
 * 5. when the two judgements differ, confirming reconciles them: the confirmer names the outcome
 *    chosen (ASYE_OUTCOME_REQUIRED, `input.outcome`) and gives a reason (REASONS_REQUIRED,
 *    `input.comment`);
 * 6. otherwise an outcome named must be the recommendation's: one judgement is confirmed, not
 *    overturned by the confirmer alone (ASYE_OUTCOME_MISMATCH).
 */
export function assertCanConfirmAsyeOutcome(
  programme: Pick<
    AsyeProgrammeFacts,
    'practitionerUserId' | 'recommendation' | 'secondOpinion' | 'confirmation'
  >,
  confirmerUserId: string,
  choice: AsyeConfirmationChoice = { outcome: null, reason: null },
): AsyeConfirmationDecision {
  const { recommendation, secondOpinion } = programme;
  if (recommendation === null) {
    throw new DomainError(
      'ASYE_RECOMMENDATION_MISSING',
      'The assessor has not made a final recommendation to confirm yet.',
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
  if (
    confirmerUserId === programme.practitionerUserId ||
    confirmerUserId === recommendation.assessorUserId ||
    confirmerUserId === secondOpinion?.secondAssessorUserId
  ) {
    throw new DomainError(
      'SELF_REVIEW',
      'The ASYE outcome must be confirmed by someone other than the NQSW, the assessor who recommended it and the second assessor.',
      'input.programmeId',
    );
  }
  const agreement = asyeAgreementOf(programme);
  if (agreement === 'AWAITING_SECOND_OPINION') {
    throw new DomainError(
      'ASYE_SECOND_OPINION_MISSING',
      'A second opinion was asked for; it must be recorded before the outcome is confirmed.',
      'input.programmeId',
    );
  }
  if (agreement === 'DISAGREED') {
    if (choice.outcome === null) {
      throw new DomainError(
        'ASYE_OUTCOME_REQUIRED',
        `The assessor recommended ${recommendation.outcome} and the second assessor ${secondOpinion!.opinion!.outcome}: say which outcome you confirm.`,
        'input.outcome',
      );
    }
    if (!choice.reason?.trim()) {
      throw new DomainError(
        'REASONS_REQUIRED',
        'Give the reason for the outcome you chose between the two assessors.',
        'input.comment',
      );
    }
    return { outcome: choice.outcome, reconciled: true };
  }
  if (choice.outcome !== null && choice.outcome !== recommendation.outcome) {
    throw new DomainError(
      'ASYE_OUTCOME_MISMATCH',
      `The recommendation is ${recommendation.outcome}; a confirmation cannot change it.`,
      'input.outcome',
    );
  }
  return { outcome: recommendation.outcome, reconciled: false };
}
