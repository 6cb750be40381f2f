import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Roles } from '../../auth/auth.decorators.js';
import type { Principal } from '../../auth/principal.js';
import type { GraphQLContext } from '../../graphql/context.js';
import { User } from '../organisation/models/user.model.js';
import { ApplicationsService } from './applications.service.js';
import { ApplicationsArgs } from './dto/applications.args.js';
import { IdArgs } from './dto/id.args.js';
import { CandidatesArgs } from './dto/candidates.args.js';
import { PathwayArgs } from './dto/pathway.args.js';
import { ProgressionArgs } from './dto/progression.args.js';
import { RouteEligibilityArgs } from './dto/route-eligibility.args.js';
import { StageHistoryArgs } from './dto/stage-history.args.js';
import { ApplyForRouteInput } from './dto/apply-for-route.input.js';
import { DecideProgressionApplicationInput } from './dto/decide-progression-application.input.js';
import { PutForwardForRouteInput } from './dto/put-forward-for-route.input.js';
import { RecordPractitionerStageInput } from './dto/record-practitioner-stage.input.js';
import { WithdrawProgressionApplicationInput } from './dto/withdraw-progression-application.input.js';
import { EligibilityService } from './eligibility.service.js';
import {
  PractitionerStage,
  ProgressionApplication,
  ProgressionApplicationConnection,
} from './models/application.model.js';
import {
  Candidate,
  CandidatePage,
  Progression,
  ProgressionReport,
  RouteEligibility,
} from './models/eligibility.model.js';

@Resolver(() => ProgressionApplication)
export class ProgressionResolver {
  constructor(
    private readonly evaluator: EligibilityService,
    private readonly applications: ApplicationsService,
  ) {}

  @Query(() => Progression, {
    description:
      'Where you stand on the published pathway: current stage, the next routes and what is missing.',
  })
  myProgression(@CurrentPrincipal() principal: Principal, @Args() args: PathwayArgs) {
    return this.evaluator.progression(principal, { pathwayId: args.pathwayId });
  }

  @Query(() => Progression, {
    description:
      'A practitioner’s progression, for those who may see their portfolio (PSWs, their reviewers).',
  })
  progression(@CurrentPrincipal() principal: Principal, @Args() args: ProgressionArgs) {
    return this.evaluator.progression(principal, args);
  }

  @Query(() => RouteEligibility, {
    description: 'One practitioner’s eligibility for one route, criterion by criterion.',
  })
  eligibility(@CurrentPrincipal() principal: Principal, @Args() args: RouteEligibilityArgs) {
    return this.evaluator.routeEligibility(principal, args);
  }

  @Roles('PRINCIPAL_SOCIAL_WORKER', 'ORG_ADMIN')
  @Query(() => CandidatePage, {
    description: 'Who is eligible for a route, and who is close, closest first.',
  })
  candidates(@CurrentPrincipal() principal: Principal, @Args() args: CandidatesArgs) {
    return this.evaluator.candidates(principal, args);
  }

  @Roles('PRINCIPAL_SOCIAL_WORKER', 'ORG_ADMIN')
  @Query(() => ProgressionReport, {
    description:
      'People per stage, eligible and nearly eligible per route, and the criteria most often unmet.',
  })
  progressionReport(@CurrentPrincipal() principal: Principal, @Args() args: PathwayArgs) {
    return this.evaluator.report(principal, args.pathwayId);
  }

  @Query(() => ProgressionApplicationConnection, {
    description: 'Applications: all for PSWs and administrators, your own for everyone else.',
  })
  progressionApplications(@CurrentPrincipal() principal: Principal, @Args() args: ApplicationsArgs) {
    return this.applications.list(principal, args);
  }

  @Query(() => ProgressionApplication, {
    nullable: true,
    description:
      'One application: any for PSWs and administrators, your own for everyone else; null for any other id.',
  })
  async progressionApplication(@CurrentPrincipal() principal: Principal, @Args() args: IdArgs) {
    const [application] = await this.applications.applicationsByIds(principal, [args.id]);
    return application ?? null;
  }

  @Query(() => [PractitionerStage], {
    description: 'Stage history: yours, or (PSWs, supervisors) a practitioner’s.',
  })
  stageHistory(@CurrentPrincipal() principal: Principal, @Args() args: StageHistoryArgs) {
    return this.applications.stageHistory(principal, args);
  }

  @Mutation(() => ProgressionApplication, { description: 'Apply for a route you are eligible for.' })
  applyForRoute(@CurrentPrincipal() principal: Principal, @Args('input') input: ApplyForRouteInput) {
    return this.applications.apply(principal, input);
  }

  @Mutation(() => ProgressionApplication, {
    description: 'Put an eligible practitioner forward (PSW or their supervisor).',
  })
  putForwardForRoute(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: PutForwardForRouteInput,
  ) {
    return this.applications.putForward(principal, input);
  }

  @Roles('PRINCIPAL_SOCIAL_WORKER', 'ORG_ADMIN')
  @Mutation(() => ProgressionApplication, {
    description: 'Approve (the practitioner moves stage), defer or decline an application.',
  })
  decideProgressionApplication(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: DecideProgressionApplicationInput,
  ) {
    return this.applications.decide(principal, input);
  }

  @Mutation(() => ProgressionApplication, { description: 'Withdraw your open application.' })
  withdrawProgressionApplication(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: WithdrawProgressionApplicationInput,
  ) {
    return this.applications.withdraw(principal, input);
  }

  @Roles('PRINCIPAL_SOCIAL_WORKER', 'ORG_ADMIN')
  @Mutation(() => PractitionerStage, { description: 'Record the stage a practitioner holds from a date.' })
  recordPractitionerStage(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: RecordPractitionerStageInput,
  ) {
    return this.applications.recordStage(principal, input);
  }

  @ResolveField(() => User, { description: 'The practitioner.' })
  async practitioner(@Parent() a: ProgressionApplication, @Context() ctx: GraphQLContext): Promise<User> {
    return (await ctx.loaders.user.load(a.userId))!;
  }

  @ResolveField(() => User, { description: 'Who made it (the practitioner, or who put them forward).' })
  async submittedBy(@Parent() a: ProgressionApplication, @Context() ctx: GraphQLContext): Promise<User> {
    return (await ctx.loaders.user.load(a.submittedByUserId))!;
  }

  @ResolveField(() => User, { nullable: true, description: 'Who decided.' })
  decidedBy(@Parent() a: ProgressionApplication, @Context() ctx: GraphQLContext) {
    return a.decidedByUserId ? ctx.loaders.user.load(a.decidedByUserId) : null;
  }
}

@Resolver(() => Candidate)
export class CandidateResolver {
  @ResolveField(() => User, { description: 'The practitioner.' })
  async practitioner(@Parent() c: Candidate, @Context() ctx: GraphQLContext): Promise<User> {
    return (await ctx.loaders.user.load(c.practitionerUserId))!;
  }
}
