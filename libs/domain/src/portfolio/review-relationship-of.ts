import type { AccessDecision, AccessRelationship } from '../access/access.types.js';
import type { IsoDate } from '../calendar/iso-date.js';
import { DomainError } from '../errors.js';

/**
 * The assessor relationship a review decision is made under: the one in force on `decidedOn` that
 * the access policy's REVIEW grant rests on. Its capacity is recorded with the decision and says
 * which standing the reviewer needs. A refusal becomes the codes reviewers have always been given;
 * a grant that rests on no relationship (REVIEW accepts no organisation role today) is refused
 * rather than decided without a capacity.
 */
export function reviewRelationshipOf(decision: AccessDecision, decidedOn: IsoDate): AccessRelationship {
  if (decision.allowed) {
    if (decision.relationship) return decision.relationship;
    throw new DomainError('ACCESS_DENIED', 'You may not review this practitioner’s evidence.');
  }
  switch (decision.refusal) {
    case 'NOT_ASSIGNED':
      throw new DomainError('NOT_ASSIGNED_REVIEWER', 'You are not assigned to review this practitioner.');
    case 'ASSIGNMENT_NOT_IN_FORCE':
      throw new DomainError(
        'REVIEWER_NOT_ASSESSOR',
        `The reviewer is not assigned to assess this practitioner on ${decidedOn}.`,
        undefined,
        { decidedOn },
      );
    case 'SELF_DECISION':
      throw new DomainError('SELF_REVIEW', 'You cannot review your own evidence.', 'input.evidenceVersionId');
    default:
      throw new DomainError('ACCESS_DENIED', 'You may not review this practitioner’s evidence.');
  }
}
