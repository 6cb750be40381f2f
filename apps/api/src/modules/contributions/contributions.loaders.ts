import DataLoader from 'dataloader';
import type { ContributionRequestRepository } from '#app/persistence';
import type { ContributionOrigin } from './models/contribution.model.js';

/** Per-request loaders: the origin of contributed feedback, by the evidence it made (one statement a batch). */
export function createContributionLoaders(
  organisationOf: () => string,
  repos: { requests: ContributionRequestRepository },
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
  };
}
