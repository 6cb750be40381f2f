import { DomainError } from '../errors.js';
import { isDateInRange } from '../calendar/is-date-in-range.js';
import type { AssessorRelationshipFacts, CanSubmitInput } from './portfolio.types.js';

/**
 * Checks that `actorUserId` may submit the owner's evidence to `reviewerUserId` on `asOf`, and
 * returns the relationship that lets the reviewer see it (the first active one, in the order given).
 * The checks run in this order, so the first broken rule is reported:
 * 1. only the owner submits (NOT_OWNER);
 * 2. nobody reviews their own evidence (SELF_REVIEW, reference §10 rule 6);
 * 3. the reviewer is the owner's assessor on `asOf`, both ends inclusive (REVIEWER_NOT_ASSESSOR);
 * 4. the evidence is not dated after `asOf` (EVIDENCE_DATE_IN_FUTURE).
 * Whether the reviewer is qualified for the assessment is checked at decision time (`assertReviewerStanding`).
 */
export function assertCanSubmit<R extends AssessorRelationshipFacts>(input: CanSubmitInput<R>): R {
  const { actorUserId, ownerUserId, reviewerUserId, asOf, evidenceDate } = input;

  if (actorUserId !== ownerUserId) {
    throw new DomainError('NOT_OWNER', 'Only the owner of this evidence can submit it.');
  }
  if (reviewerUserId === ownerUserId) {
    throw new DomainError('SELF_REVIEW', 'You cannot review your own evidence.', 'input.reviewerUserId');
  }

  const relationship = input.relationships.find(
    (r) =>
      r.assessorUserId === reviewerUserId &&
      r.practitionerUserId === ownerUserId &&
      isDateInRange(asOf, r.startsOn, r.endsOn),
  );
  if (relationship === undefined) {
    throw new DomainError(
      'REVIEWER_NOT_ASSESSOR',
      `The chosen reviewer is not assigned to assess your work on ${asOf}.`,
      'input.reviewerUserId',
      { asOf },
    );
  }

  if (!isDateInRange(evidenceDate, null, asOf)) {
    throw new DomainError(
      'EVIDENCE_DATE_IN_FUTURE',
      `The evidence is dated ${evidenceDate}, which is after today (${asOf}).`,
      // The submission names the evidence, not its dates: the dates are fixed by editing the draft.
      'input.evidenceId',
      { evidenceDate, asOf },
    );
  }

  return relationship;
}
