import { ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { EvidenceReview, EvidenceVersion } from '../portfolio/models/evidence.model.js';
import { ContributionOrigin, Countersignature } from './models/contribution.model.js';

/** Where feedback given by one-time link came from, shown wherever the evidence is seen. */
@Resolver(() => EvidenceVersion)
export class ContributionOriginResolver {
  // graphql-js's (parent, args, context), as the portfolio's field resolvers take them.
  @ResolveField(() => ContributionOrigin, {
    nullable: true,
    description: 'Set when the evidence is feedback given by one-time link: who gave it, and when.',
  })
  contribution(v: EvidenceVersion, _args: unknown, ctx: GraphQLContext) {
    return ctx.loaders.contributionOriginByEvidence.load(v.evidenceId);
  }
}

/** Countersignatures given by one-time link, shown with the decision wherever it is seen. */
@Resolver(() => EvidenceReview)
export class CountersignatureResolver {
  @ResolveField(() => [Countersignature], {
    description:
      'Second judgements on this decision by off-site practice educators, from one-time links, oldest first: each countersigned or did not, with their reasons.',
  })
  countersignatures(r: EvidenceReview, _args: unknown, ctx: GraphQLContext) {
    return ctx.loaders.countersignaturesByReview.load(r.id);
  }
}
