import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Roles } from '../../auth/auth.decorators.js';
import type { Principal } from '../../auth/principal.js';
import type { GraphQLContext } from '../../graphql/context.js';
import { User } from '../organisation/models/user.model.js';
import { AsyeQueryService } from './asye-query.service.js';
import { AsyeService } from './asye.service.js';
import { AsyeCohortArgs } from './dto/asye-cohort.args.js';
import { AsyeProgrammeArgs } from './dto/asye-programme.args.js';
import { ConfirmAsyeOutcomeInput } from './dto/confirm-asye-outcome.input.js';
import { PauseAsyeInput } from './dto/pause-asye.input.js';
import { RecommendAsyeOutcomeInput } from './dto/recommend-asye-outcome.input.js';
import { RecordAsyeReviewPointInput } from './dto/record-asye-review-point.input.js';
import { RecordAsyeSecondOpinionInput } from './dto/record-asye-second-opinion.input.js';
import { RecordProtectedTimeInput } from './dto/record-protected-time.input.js';
import { RequestAsyeSecondOpinionInput } from './dto/request-asye-second-opinion.input.js';
import { ResumeAsyeInput } from './dto/resume-asye.input.js';
import { StartAsyeInput } from './dto/start-asye.input.js';
import { AsyeProgramme } from './models/asye.model.js';

@Resolver(() => AsyeProgramme)
export class AsyeResolver {
  constructor(
    private readonly service: AsyeService,
    private readonly query: AsyeQueryService,
  ) {}

  @Query(() => AsyeProgramme, {
    description:
      'An NQSW’s current ASYE with its progress: yours, or (for their assessor, line manager, PSWs and administrators) a member’s.',
  })
  asyeProgramme(@CurrentPrincipal() principal: Principal, @Args() args: AsyeProgrammeArgs) {
    return this.query.forPractitioner(principal, args.practitionerUserId);
  }

  @Roles('PRINCIPAL_SOCIAL_WORKER', 'ORG_ADMIN')
  @Query(() => [AsyeProgramme], { description: 'The organisation’s ASYE cohort, earliest start first.' })
  asyeCohort(@CurrentPrincipal() principal: Principal, @Args() args: AsyeCohortArgs) {
    return this.query.cohort(principal, args.includeConfirmed);
  }

  @Query(() => [AsyeProgramme], {
    description:
      'The open ASYEs whose second opinion you were asked for, given or not yet, oldest request first.',
  })
  asyeSecondOpinionRequests(@CurrentPrincipal() principal: Principal) {
    return this.query.secondOpinionRequests(principal);
  }

  @Roles('PRINCIPAL_SOCIAL_WORKER', 'ORG_ADMIN')
  @Mutation(() => AsyeProgramme, {
    description: 'Start an NQSW’s ASYE (PSWs and administrators): qualified, registered, none already open.',
  })
  startAsye(@CurrentPrincipal() principal: Principal, @Args('input') input: StartAsyeInput) {
    return this.service.start(principal, input);
  }

  @Mutation(() => AsyeProgramme, {
    description: 'Pause an ASYE (line manager, assessor, PSW): review points move on by the days paused.',
  })
  pauseAsye(@CurrentPrincipal() principal: Principal, @Args('input') input: PauseAsyeInput) {
    return this.service.pause(principal, input);
  }

  @Mutation(() => AsyeProgramme, { description: 'End the open pause of an ASYE.' })
  resumeAsye(@CurrentPrincipal() principal: Principal, @Args('input') input: ResumeAsyeInput) {
    return this.service.resume(principal, input);
  }

  @Mutation(() => AsyeProgramme, {
    description: 'Record a review point with your comments (the assessor), once each and in order.',
  })
  recordAsyeReviewPoint(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: RecordAsyeReviewPointInput,
  ) {
    return this.service.recordReviewPoint(principal, input);
  }

  @Mutation(() => AsyeProgramme, {
    description: 'Record protected development time (the NQSW or line manager).',
  })
  recordProtectedTime(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: RecordProtectedTimeInput,
  ) {
    return this.service.recordProtectedTime(principal, input);
  }

  @Mutation(() => AsyeProgramme, {
    description:
      'Make the final recommendation (the assessor): every review point recorded; a pass needs the evidence too.',
  })
  recommendAsyeOutcome(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: RecommendAsyeOutcomeInput,
  ) {
    return this.service.recommend(principal, input);
  }

  @Roles('PRINCIPAL_SOCIAL_WORKER', 'ORG_ADMIN')
  @Mutation(() => AsyeProgramme, {
    description:
      'Ask a named second assessor (ASSESSOR role or PSW; never the NQSW or the assessor) for a second opinion on the final recommendation, before it is confirmed; once each year.',
  })
  requestAsyeSecondOpinion(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: RequestAsyeSecondOpinionInput,
  ) {
    return this.service.requestSecondOpinion(principal, input);
  }

  @Mutation(() => AsyeProgramme, {
    description:
      'Record your second opinion (the second assessor asked, only): pass or fail with your reasons, kept beside the recommendation. Once.',
  })
  recordAsyeSecondOpinion(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: RecordAsyeSecondOpinionInput,
  ) {
    return this.service.recordSecondOpinion(principal, input);
  }

  @Roles('PRINCIPAL_SOCIAL_WORKER', 'ORG_ADMIN')
  @Mutation(() => AsyeProgramme, {
    description:
      'Confirm the outcome as PSW or for the panel (never the NQSW or either assessor); a second opinion asked for must be in. When it differs from the recommendation, name the outcome and give the reason: that reconciles them. A confirmed pass records a verified ASYE_COMPLETED qualification.',
  })
  confirmAsyeOutcome(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: ConfirmAsyeOutcomeInput,
  ) {
    return this.service.confirm(principal, input);
  }

  @ResolveField(() => User, { description: 'The NQSW.' })
  async practitioner(@Parent() p: AsyeProgramme, @Context() ctx: GraphQLContext): Promise<User> {
    return (await ctx.loaders.user.load(p.practitionerUserId))!;
  }

  @ResolveField(() => User, { description: 'The assessor.' })
  async assessor(@Parent() p: AsyeProgramme, @Context() ctx: GraphQLContext): Promise<User> {
    return (await ctx.loaders.user.load(p.assessorUserId))!;
  }

  @ResolveField(() => User, { nullable: true, description: 'The second assessor, once one is asked.' })
  async secondAssessor(@Parent() p: AsyeProgramme, @Context() ctx: GraphQLContext): Promise<User | null> {
    const id = p.secondOpinion?.secondAssessorUserId;
    return id ? ((await ctx.loaders.user.load(id)) ?? null) : null;
  }

  @ResolveField(() => User, { description: 'The line manager.' })
  async lineManager(@Parent() p: AsyeProgramme, @Context() ctx: GraphQLContext): Promise<User> {
    return (await ctx.loaders.user.load(p.lineManagerUserId))!;
  }
}
