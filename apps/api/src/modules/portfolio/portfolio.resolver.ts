import { Args, Info, Int, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { CurrentPrincipal } from '../../auth/auth.decorators.js';
import type { Principal } from '../../auth/principal.js';
import type { GraphQLContext } from '../../graphql/context.js';
import { selectedFieldPaths } from '../../graphql/selected-field-paths.js';
import { User } from '../organisation/models/user.model.js';
import { CreateEvidenceInput } from './dto/create-evidence.input.js';
import { SubmitEvidenceInput } from './dto/submit-evidence.input.js';
import { UpdateEvidenceInput } from './dto/update-evidence.input.js';
import { WithdrawEvidenceInput } from './dto/withdraw-evidence.input.js';
import { CoverageArgs } from './dto/coverage.args.js';
import { EvidenceArgs } from './dto/evidence.args.js';
import { PortfolioArgs } from './dto/portfolio.args.js';
import { ReviewQueueArgs } from './dto/review-queue.args.js';
import { ReviewQueueCountArgs } from './dto/review-queue-count.args.js';
import { ReviewEvidenceInput } from './dto/review-evidence.input.js';
import { ReviewEvidenceBatchInput } from './dto/review-evidence-batch.input.js';
import { toEvidenceVersion, toReviewBatchResult } from './evidence-model.mapper.js';
import { EvidenceService } from './evidence.service.js';
import { Coverage } from './models/coverage.model.js';
import {
  Evidence,
  EvidenceConnection,
  EvidenceVersion,
  EvidenceVersionConnection,
} from './models/evidence.model.js';
import { ReviewEvidenceBatchResult } from './models/review-batch.model.js';
import { PortfolioQueryService, type EvidenceView } from './portfolio-query.service.js';
import { ReviewService } from './review.service.js';

@Resolver(() => Evidence)
export class PortfolioResolver {
  constructor(
    private readonly queries: PortfolioQueryService,
    private readonly commands: EvidenceService,
    private readonly reviews: ReviewService,
  ) {}

  @Query(() => EvidenceConnection, {
    description:
      'A practitioner’s portfolio, newest evidence first: your own by default; a PSW reads any in the organisation; a reviewer sees only what was submitted to them.',
  })
  portfolio(
    @CurrentPrincipal() principal: Principal,
    @Args() args: PortfolioArgs,
    @Info() info: GraphQLResolveInfo,
  ) {
    return this.queries.portfolio(principal, args, selectedFieldPaths(info, ['nodes', 'edges.node']));
  }

  @Query(() => Evidence, { description: 'One piece of evidence you may see.' })
  evidence(
    @CurrentPrincipal() principal: Principal,
    @Args() args: EvidenceArgs,
    @Info() info: GraphQLResolveInfo,
  ) {
    return this.queries.evidenceById(principal, args.id, selectedFieldPaths(info));
  }

  @Query(() => Coverage, {
    description: 'How much evidence is draft, submitted and approved per framework item and level.',
  })
  coverage(@CurrentPrincipal() principal: Principal, @Args() args: CoverageArgs) {
    return this.queries.coverage(principal, args);
  }

  @Query(() => EvidenceVersionConnection, {
    description: 'Submissions waiting for your decision, oldest first.',
  })
  reviewQueue(@CurrentPrincipal() principal: Principal, @Args() args: ReviewQueueArgs) {
    return this.reviews.queue(principal, args).then((c) => ({
      ...c,
      nodes: c.nodes.map(toEvidenceVersion),
      edges: c.edges.map((e) => ({ cursor: e.cursor, node: toEvidenceVersion(e.node) })),
    }));
  }

  @Query(() => Int, { description: 'How many submissions wait for your decision (for a badge).' })
  reviewQueueCount(@CurrentPrincipal() principal: Principal, @Args() args: ReviewQueueCountArgs) {
    return this.reviews.queueCount(principal, { minWaitingDays: args.minWaitingDays ?? undefined });
  }

  @Mutation(() => EvidenceVersion, {
    description:
      'Record a piece of evidence as a draft; the result lists likely identifiers found in its text.',
  })
  async createEvidence(@CurrentPrincipal() principal: Principal, @Args('input') input: CreateEvidenceInput) {
    return toEvidenceVersion(await this.commands.create(principal, input));
  }

  @Mutation(() => EvidenceVersion, {
    description:
      'Edit your evidence: a draft in place; approved or sent-back evidence as a new draft version.',
  })
  async updateEvidence(@CurrentPrincipal() principal: Principal, @Args('input') input: UpdateEvidenceInput) {
    return toEvidenceVersion(await this.commands.update(principal, input));
  }

  @Mutation(() => EvidenceVersion, {
    description: 'Submit your current draft to a reviewer assigned to you.',
  })
  async submitEvidence(@CurrentPrincipal() principal: Principal, @Args('input') input: SubmitEvidenceInput) {
    return toEvidenceVersion(await this.commands.submit(principal, input));
  }

  @Mutation(() => EvidenceVersion, {
    description: 'Take your submission back to draft before it is decided.',
  })
  async withdrawEvidence(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: WithdrawEvidenceInput,
  ) {
    return toEvidenceVersion(await this.commands.withdraw(principal, input));
  }

  @Mutation(() => EvidenceVersion, {
    description: 'Approve a submission made to you, or send it back, deciding each mapping.',
  })
  async reviewEvidence(@CurrentPrincipal() principal: Principal, @Args('input') input: ReviewEvidenceInput) {
    return toEvidenceVersion(await this.reviews.decide(principal, input));
  }

  @Mutation(() => ReviewEvidenceBatchResult, {
    description:
      'Decide several submissions made to you in one call, each exactly as reviewEvidence decides one: a piece refused (changed since read, not yours to decide) is reported in its place and does not stop the others.',
  })
  async reviewEvidenceBatch(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: ReviewEvidenceBatchInput,
  ) {
    return toReviewBatchResult(await this.reviews.decideEach(principal, input.reviews));
  }

  // Field resolvers without parameter decorators: Nest calls them directly (see evidence-version.resolver.ts).
  @ResolveField(() => User, { description: 'The practitioner whose evidence it is.' })
  owner(evidence: EvidenceView, _args: unknown, ctx: GraphQLContext) {
    return evidence.owner ?? (ctx.loaders.user.load(evidence.ownerUserId) as Promise<User>);
  }

  @ResolveField(() => [EvidenceVersion], {
    description: 'Every version you may see, newest first: the review history.',
  })
  versions(evidence: EvidenceView, _args: unknown, ctx: GraphQLContext) {
    return (
      evidence.versions ??
      ctx.loaders.versionsByEvidence
        .load({ evidenceId: evidence.id, visibility: evidence.visibility })
        .then((rows) => rows.map(toEvidenceVersion))
    );
  }
}
