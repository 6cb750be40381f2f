import { DomainError } from '../errors.js';
import type { IsoDate } from '../calendar/iso-date.js';
import { DEFAULT_ASYE_POLICY, type AsyePolicy, type AsyeReviewFacts } from './asye.types.js';

/**
 * Checks that the review point `code`, held on `heldOn`, may be recorded on an ASYE whose review
 * points so far are `recorded`, in this order:
 * 1. the policy has such a review point (ASYE_REVIEW_POINT_UNKNOWN);
 * 2. it is not recorded yet: a review point is recorded once (ASYE_REVIEW_POINT_RECORDED);
 * 3. review points are recorded in the policy's order (3 months, then 6 months, then final): every
 *    earlier one is recorded, no later one is, and it was not held before the previous one
 *    (ASYE_REVIEW_POINT_OUT_OF_ORDER).
 */
export function assertReviewPointRecordable(
  review: { code: string; heldOn: IsoDate },
  recorded: readonly AsyeReviewFacts[],
  policy: AsyePolicy = DEFAULT_ASYE_POLICY,
): void {
  const index = policy.reviewPoints.findIndex((p) => p.code === review.code);
  if (index === -1) {
    throw new DomainError(
      'ASYE_REVIEW_POINT_UNKNOWN',
      `There is no review point ${review.code}.`,
      'input.code',
      {
        code: review.code,
        known: policy.reviewPoints.map((p) => p.code),
      },
    );
  }
  if (recorded.some((r) => r.code === review.code)) {
    throw new DomainError(
      'ASYE_REVIEW_POINT_RECORDED',
      `The ${review.code} review point has already been recorded.`,
      'input.code',
      { code: review.code },
    );
  }
  const earlier = policy.reviewPoints.slice(0, index).map((p) => p.code);
  const missing = earlier.filter((code) => !recorded.some((r) => r.code === code));
  const later = policy.reviewPoints.slice(index + 1).map((p) => p.code);
  const laterRecorded = later.filter((code) => recorded.some((r) => r.code === code));
  if (missing.length > 0 || laterRecorded.length > 0) {
    throw new DomainError(
      'ASYE_REVIEW_POINT_OUT_OF_ORDER',
      missing.length > 0
        ? `Record the ${missing.join(', ')} review point${missing.length === 1 ? '' : 's'} before ${review.code}.`
        : `${review.code} cannot be recorded after ${laterRecorded.join(', ')}.`,
      'input.code',
      { code: review.code, missing, laterRecorded },
    );
  }
  const previous = recorded.find((r) => r.code === earlier[earlier.length - 1]);
  if (previous !== undefined && review.heldOn < previous.heldOn) {
    throw new DomainError(
      'ASYE_REVIEW_POINT_OUT_OF_ORDER',
      `The ${review.code} review cannot be held (${review.heldOn}) before the ${previous.code} review (${previous.heldOn}).`,
      'input.heldOn',
      { code: review.code, heldOn: review.heldOn, previousHeldOn: previous.heldOn },
    );
  }
}
