import { DomainError } from '../errors.js';

/**
 * A batch of reviews decides each submitted version at most once: two decisions on one version in one
 * call would be judged against each other, not against what the reviewer read. The first repeat is
 * named (`input.reviews[3].evidenceVersionId`), and the whole batch is refused.
 */
export function assertDistinctReviews(evidenceVersionIds: readonly string[]): void {
  const seen = new Map<string, number>();
  evidenceVersionIds.forEach((id, index) => {
    const first = seen.get(id);
    if (first !== undefined) {
      throw new DomainError(
        'DUPLICATE_REVIEW',
        `Piece ${index + 1} is the same submission as piece ${first + 1}: decide each piece once.`,
        `input.reviews[${index}].evidenceVersionId`,
        { firstIndex: first },
      );
    }
    seen.set(id, index);
  });
}
