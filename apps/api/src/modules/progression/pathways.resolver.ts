import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { TEMPLATE_PATHWAY_DESIGN } from '#app/domain';
import type { PathwayVersionEntity } from '#app/persistence';
import { CurrentPrincipal, Roles } from '../../auth/auth.decorators.js';
import type { Principal } from '../../auth/principal.js';
import type { GraphQLContext } from '../../graphql/context.js';
import { CreatePathwayDraftInput } from './dto/create-pathway-draft.input.js';
import { CreatePathwayFromTemplateInput } from './dto/create-pathway-from-template.input.js';
import { PublishPathwayVersionInput } from './dto/publish-pathway-version.input.js';
import { PutPathwayRouteInput } from './dto/put-pathway-route.input.js';
import { UpdatePathwayDraftInput } from './dto/update-pathway-draft.input.js';
import { IdArgs } from './dto/id.args.js';
import { VersionArgs } from './dto/version.args.js';
import { EligibilityService } from './eligibility.service.js';
import { PathwayWhatIf } from './models/eligibility.model.js';
import { Pathway, PathwayVersion } from './models/pathway.model.js';
import { toPathwayVersion } from './pathway-design.mapper.js';
import { PathwaysService } from './pathways.service.js';

@Resolver(() => Pathway)
export class PathwaysResolver {
  constructor(
    private readonly service: PathwaysService,
    private readonly evaluator: EligibilityService,
  ) {}

  @Query(() => [Pathway], { description: 'The organisation’s career pathways.' })
  pathways(@CurrentPrincipal() principal: Principal) {
    return this.service.list(principal);
  }

  @Query(() => Pathway, { description: 'One pathway.' })
  pathway(@CurrentPrincipal() principal: Principal, @Args() args: IdArgs) {
    return this.service.get(principal, args.id);
  }

  @Query(() => PathwayVersion, {
    description:
      'The template ladder (reference §7.2) that new pathways start from; thresholds are local examples.',
  })
  pathwayTemplate(): PathwayVersion {
    const now = new Date(0);
    return toPathwayVersion({
      organisationId: '',
      id: '00000000-0000-0000-0000-000000000000',
      pathwayId: '00000000-0000-0000-0000-000000000000',
      versionNo: 0,
      status: 'DRAFT',
      design: TEMPLATE_PATHWAY_DESIGN,
      revision: 0,
      createdByUserId: '',
      publishedByUserId: null,
      publishedAt: null,
      retiredAt: null,
      createdAt: now,
      updatedAt: now,
    });
  }

  @Roles('PRINCIPAL_SOCIAL_WORKER', 'ORG_ADMIN')
  @Query(() => PathwayWhatIf, {
    description:
      'How many practitioners would be eligible per route under a draft, beside the published version.',
  })
  pathwayWhatIf(@CurrentPrincipal() principal: Principal, @Args() args: VersionArgs) {
    return this.evaluator.whatIf(principal, args.versionId);
  }

  @Roles('PRINCIPAL_SOCIAL_WORKER')
  @Mutation(() => Pathway, { description: 'Start a pathway as a draft copy of the template ladder.' })
  createPathwayFromTemplate(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: CreatePathwayFromTemplateInput,
  ) {
    return this.service.createFromTemplate(principal, input);
  }

  @Roles('PRINCIPAL_SOCIAL_WORKER')
  @Mutation(() => PathwayVersion, {
    description: 'Start the next draft of a pathway from its newest version.',
  })
  async createPathwayDraft(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: CreatePathwayDraftInput,
  ) {
    return toPathwayVersion(await this.service.createDraft(principal, input));
  }

  @Roles('PRINCIPAL_SOCIAL_WORKER')
  @Mutation(() => PathwayVersion, {
    description: 'Replace a draft’s whole design (checked against the frameworks).',
  })
  async updatePathwayDraft(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: UpdatePathwayDraftInput,
  ) {
    return toPathwayVersion(await this.service.updateDraft(principal, input));
  }

  @Roles('PRINCIPAL_SOCIAL_WORKER')
  @Mutation(() => PathwayVersion, {
    description: 'Add a route (and optionally its stage) to a draft, or replace it by key.',
  })
  async putPathwayRoute(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: PutPathwayRouteInput,
  ) {
    return toPathwayVersion(await this.service.putRoute(principal, input));
  }

  @Roles('PRINCIPAL_SOCIAL_WORKER')
  @Mutation(() => PathwayVersion, { description: 'Publish a draft; the version in force until now retires.' })
  async publishPathwayVersion(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: PublishPathwayVersionInput,
  ) {
    return toPathwayVersion(await this.service.publish(principal, input));
  }

  @ResolveField(() => [PathwayVersion], {
    description: 'Versions, newest first (drafts only for PSWs and administrators).',
  })
  async versions(
    @Parent() pathway: Pathway,
    @CurrentPrincipal() principal: Principal,
    @Context() ctx: GraphQLContext,
  ) {
    const versions: PathwayVersionEntity[] = await ctx.loaders.pathwayVersionsByPathway.load(pathway.id);
    return this.service.visibleVersions(principal, versions).map(toPathwayVersion);
  }

  @ResolveField(() => PathwayVersion, { nullable: true, description: 'The version in force.' })
  async published(@Parent() pathway: Pathway, @Context() ctx: GraphQLContext) {
    const versions: PathwayVersionEntity[] = await ctx.loaders.pathwayVersionsByPathway.load(pathway.id);
    const published = versions.find((v) => v.status === 'PUBLISHED');
    return published ? toPathwayVersion(published) : null;
  }
}
