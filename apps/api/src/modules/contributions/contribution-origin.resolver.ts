import { ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import { EvidenceVersion } from '../portfolio/models/evidence.model.js';
import { ContributionOrigin } from './models/contribution.model.js';

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
