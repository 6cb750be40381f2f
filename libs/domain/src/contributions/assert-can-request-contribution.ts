import { DomainError } from '../errors.js';
import type { ContributionTargetFacts } from './contributions.types.js';

/**
 * Only the evidence's owner may ask for feedback on it, and only on its newest version: the link is
 * bound to the version the contributor will be told about. Someone else's evidence reads as not
 * found, as everywhere in the portfolio (NOT_OWNER would confirm that it exists).
 */
export function assertCanRequestContribution(
  facts: ContributionTargetFacts,
  field = 'input.evidenceVersionId',
): void {
  if (facts.actorUserId !== facts.ownerUserId) {
    throw new DomainError('EVIDENCE_NOT_FOUND', 'No such evidence in your portfolio.', field);
  }
  if (!facts.isCurrentVersion) {
    throw new DomainError(
      'EVIDENCE_NOT_EDITABLE',
      'This version has been replaced by a newer one: ask for feedback on the newest version.',
      field,
    );
  }
}
