import DataLoader from 'dataloader';
import type { ContributionRequestRepository, SignOffReconciliationRepository } from '#app/persistence';
import type { ContributionOrigin, Countersignature } from './models/contribution.model.js';
import type { SignOffReconciliation } from './models/sign-off-reconciliation.model.js';

/**
 * Per-request loaders, one statement a batch: the origin of contributed feedback, by the evidence it
 * made; countersignatures and the reconciliation of a disputed one, by the review they are on.
 */
export function createContributionLoaders(
  organisationOf: () => string,
  repos: { requests: ContributionRequestRepository; reconciliations: SignOffReconciliationRepository },
) {
  return {
    contributionOriginByEvidence: new DataLoader<string, ContributionOrigin | null>(async (evidenceIds) => {
      const rows = await repos.requests.findByResultingEvidenceIds(organisationOf(), evidenceIds);
      const byEvidence = new Map(rows.map((r) => [r.resultingEvidenceId!, r]));
      return evidenceIds.map((id) => {
        const r = byEvidence.get(id);
        return r
          ? {
              requestId: r.id,
              contributorName: r.statedName!,
              contributorRole: r.statedRole!,
              relationship: r.statedRelationship!,
              regulator: r.statedRegulator,
              registrationNumber: r.statedRegistrationNumber,
              receivedAt: r.usedAt!,
              aboutEvidenceVersionId: r.evidenceVersionId,
            }
          : null;
      });
    }),
    countersignaturesByReview: new DataLoader<string, Countersignature[]>(async (reviewIds) => {
      const rows = await repos.requests.findCountersignaturesOfReviews(organisationOf(), reviewIds);
      return reviewIds.map((id) =>
        rows
          .filter((r) => r.countersignedReviewId === id)
          .map((r) => ({
            requestId: r.id,
            name: r.statedName!,
            relationship: r.statedRelationship!,
            regulator: r.statedRegulator!,
            registrationNumber: r.statedRegistrationNumber!,
            countersigns: r.countersigns!,
            comment: r.countersignComment,
            givenAt: r.usedAt!,
          })),
      );
    }),
    reconciliationByReview: new DataLoader<string, SignOffReconciliation | null>(async (reviewIds) => {
      const rows = await repos.reconciliations.findByReviewIds(organisationOf(), reviewIds);
      const byReview = new Map(rows.map((r) => [r.reviewId, r]));
      return reviewIds.map((id) => byReview.get(id) ?? null);
    }),
  };
}
