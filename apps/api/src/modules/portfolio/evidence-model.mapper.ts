import type { EvidenceReviewEntity, EvidenceVersionEntity } from '#app/persistence';
import { hoursFromDecimal } from '../../common/hours.js';
import { GQL_CODE } from '../../graphql/format-error.js';
import type { EvidenceReview, EvidenceVersion } from './models/evidence.model.js';
import type { ReviewEvidenceBatchResult } from './models/review-batch.model.js';
import type { BatchDecision } from './review.service.js';

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

/** The GraphQL shape of a bulk review: each piece's version, or its refusal coded as reviewEvidence codes it. */
export function toReviewBatchResult(decisions: readonly BatchDecision[]): ReviewEvidenceBatchResult {
  return {
    items: decisions.map((d) => ({
      evidenceVersionId: d.evidenceVersionId,
      version: d.version ? toEvidenceVersion(d.version) : null,
      refusal: d.refusal
        ? {
            code: GQL_CODE[d.refusal.code],
            domainCode: d.refusal.code,
            message: d.refusal.message,
            field: d.refusal.field!,
          }
        : null,
    })),
  };
}
