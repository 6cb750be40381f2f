import { DomainError } from '../errors.js';
import type { AsyeOutcome, AsyeProgressSummary } from './asye.types.js';

/**
 * Checks that the assessor may record `outcome` as the final recommendation of an ASYE whose
 * progress is `summary` (see `summariseAsyeProgress`):
 * 1. no recommendation is recorded yet (ASYE_RECOMMENDATION_RECORDED);
 * 2. every review point is recorded and the ASYE is not paused (ASYE_RECOMMENDATION_NOT_READY);
 * 3. for a PASS, the required evidence is complete too (ASYE_RECOMMENDATION_NOT_READY).
 * `meta.blockers` says what is missing, in plain English.
 */
export function assertCanRecommendAsyeOutcome(summary: AsyeProgressSummary, outcome: AsyeOutcome): void {
  if (summary.recommendation !== null) {
    throw new DomainError(
      'ASYE_RECOMMENDATION_RECORDED',
      `A final recommendation (${summary.recommendation.outcome}) has already been recorded.`,
      'input.outcome',
    );
  }
  const blockers = [...summary.recommendationBlockers, ...(outcome === 'PASS' ? summary.passBlockers : [])];
  if (blockers.length > 0) {
    throw new DomainError(
      'ASYE_RECOMMENDATION_NOT_READY',
      `A ${outcome} recommendation cannot be made yet: ${blockers.join(' ')}`,
      'input.outcome',
      { outcome, blockers },
    );
  }
}
