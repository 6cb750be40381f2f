import type { EvidenceReviewEntity, EvidenceVersionEntity } from '#app/persistence';
import { hoursFromDecimal } from '../../common/hours.js';
import type { EvidenceReview, EvidenceVersion } from './models/evidence.model.js';

/** The GraphQL shape of a stored version (hours: an exact decimal inside, a float of hours out). */
export function toEvidenceVersion(entity: EvidenceVersionEntity): EvidenceVersion {
  return {
    ...entity,
    hours: entity.hours === null ? null : hoursFromDecimal(entity.hours),
    peerReflection:
      entity.peerReflection === null
        ? null
        : { text: entity.peerReflection, peerRole: entity.peerRole, discussedOn: entity.peerDiscussedOn },
  };
}

/** The GraphQL shape of a stored review: the standing it relied on, flattened. */
export function toEvidenceReview(entity: EvidenceReviewEntity): EvidenceReview {
  return {
    ...entity,
    reviewerRegistrationNumber: entity.standing.registrationNumber,
    reviewerQualification: entity.standing.qualification,
    countersignerUserId: entity.standing.countersignerUserId,
  };
}
