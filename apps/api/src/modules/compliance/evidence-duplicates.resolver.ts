import { Context, ID, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { findDuplicateCpd } from '#app/domain';
import type { GraphQLContext } from '../../graphql/context.js';
import { EvidenceVersion } from '../portfolio/models/evidence.model.js';

/**
 * Adds SWE's duplicate check to every version of a CPD activity (reference §3.2 "Duplicates"), so
 * `createEvidence` and `updateEvidence` results carry the warning without the portfolio knowing.
 */
@Resolver(() => EvidenceVersion)
export class EvidenceDuplicatesResolver {
  @ResolveField(() => [ID], {
    description:
      'For a CPD activity: ids of your other CPD pieces with the same date, title and text once normalised. SWE rejects identical records, so change or remove one. Empty for other kinds, and for readers other than the practitioner and PSWs.',
  })
  async duplicateOf(@Parent() version: EvidenceVersion, @Context() ctx: GraphQLContext): Promise<string[]> {
    const principal = ctx.req.principal;
    if (version.kind !== 'CPD_ACTIVITY' || !principal) return [];
    if (principal.userId !== version.ownerUserId && !principal.roles.includes('PRINCIPAL_SOCIAL_WORKER')) {
      return [];
    }
    const pieces = await ctx.loaders.cpdPiecesByOwner.load(version.ownerUserId);
    return findDuplicateCpd(
      {
        evidenceId: version.evidenceId,
        title: version.title,
        date: version.dateFrom,
        description: version.description,
        learning: version.learning,
        impact: version.impact,
      },
      pieces,
    );
  }
}
