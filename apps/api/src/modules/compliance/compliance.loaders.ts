import DataLoader from 'dataloader';
import type { CpdDuplicateFacts } from '#app/domain';
import type { ComplianceFactsRepository } from '#app/persistence';
import { manyByKey } from '../../graphql/group-by-key.js';

/**
 * Per-request loaders for compliance fields: the current version of every CPD activity of each
 * owner, for duplicate warnings. One statement per batch of owners.
 */
export function createComplianceLoaders(
  organisationOf: () => string,
  repos: { facts: ComplianceFactsRepository },
) {
  return {
    cpdPiecesByOwner: new DataLoader<string, CpdDuplicateFacts[]>(async (ownerIds) => {
      const rows = await repos.facts.findCurrentCpdPieces(organisationOf(), ownerIds);
      return manyByKey(ownerIds, rows, (v) => v.ownerUserId).map((list) =>
        list.map((v) => ({
          evidenceId: v.evidenceId,
          title: v.title,
          date: v.dateFrom,
          description: v.description,
          learning: v.learning,
          impact: v.impact,
        })),
      );
    }),
  };
}
