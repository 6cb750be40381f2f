import type { AsyeAgreementState, AsyeProgrammeFacts } from './asye.types.js';

/** Where the recommendation and the second opinion stand with each other (see ASYE_AGREEMENT_STATES). */
export function asyeAgreementOf(
  programme: Pick<AsyeProgrammeFacts, 'recommendation' | 'secondOpinion' | 'confirmation'>,
): AsyeAgreementState {
  const { recommendation, secondOpinion } = programme;
  if (recommendation === null || secondOpinion === null) return 'NOT_ASKED';
  if (secondOpinion.opinion === null) return 'AWAITING_SECOND_OPINION';
  if (secondOpinion.opinion.outcome === recommendation.outcome) return 'AGREED';
  return programme.confirmation === null ? 'DISAGREED' : 'RECONCILED';
}
