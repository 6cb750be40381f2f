import { DomainError } from '../errors.js';
import type { ContributionTargetFacts } from './contributions.types.js';

/**
 * Only the evidence's owner may ask about it. Feedback is asked on the newest version only: the link
 * is bound to the version the contributor will be told about. A countersignature is asked of an
 * off-site practice educator, on a version whose decision approved it: there is nothing else to
 * countersign. Someone else's evidence reads as not found, as everywhere in the portfolio
 * (NOT_OWNER would confirm that it exists).
 */
export function assertCanRequestContribution(
  facts: ContributionTargetFacts,
  field = 'input.evidenceVersionId',
): void {
  if (facts.actorUserId !== facts.ownerUserId) {
    throw new DomainError('EVIDENCE_NOT_FOUND', 'No such evidence in your portfolio.', field);
  }
  if (facts.purpose === 'COUNTERSIGNATURE') {
    if (facts.versionStatus !== 'APPROVED') {
      throw new DomainError(
        'COUNTERSIGNATURE_NOT_POSSIBLE',
        'Only a version that has been approved can be countersigned.',
        field,
        { status: facts.versionStatus },
      );
    }
    if (facts.contributorRole !== 'PRACTICE_EDUCATOR') {
      throw new DomainError(
        'COUNTERSIGNATURE_NOT_POSSIBLE',
        'Only an off-site practice educator can countersign a decision.',
        'input.contributorRole',
      );
    }
    return;
  }
  if (!facts.isCurrentVersion) {
    throw new DomainError(
      'EVIDENCE_NOT_EDITABLE',
      'This version has been replaced by a newer one: ask for feedback on the newest version.',
      field,
    );
  }
}
