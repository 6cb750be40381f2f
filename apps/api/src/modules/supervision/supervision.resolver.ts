import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal } from '../../auth/auth.decorators.js';
import type { Principal } from '../../auth/principal.js';
import type { GraphQLContext } from '../../graphql/context.js';
import { User } from '../organisation/models/user.model.js';
import { toEvidenceVersion } from '../portfolio/evidence-model.mapper.js';
import { EvidenceVersion } from '../portfolio/models/evidence.model.js';
import { CreateEvidenceFromSupervisionInput } from './dto/create-evidence-from-supervision.input.js';
import { OverdueSupervisionsArgs } from './dto/overdue-supervisions.args.js';
import { RecordSupervisionInput } from './dto/record-supervision.input.js';
import { SupervisionsArgs } from './dto/supervisions.args.js';
import { Supervision, SupervisionStatus } from './models/supervision.model.js';
import { SupervisionService } from './supervision.service.js';

@Resolver(() => Supervision)
export class SupervisionResolver {
  constructor(private readonly service: SupervisionService) {}

  @Query(() => [Supervision], {
    description:
      'Someone’s supervision sessions, newest first: yours, or (for their supervisors, reviewers and PSWs) a member’s. Notes only for the two people in each session.',
  })
  supervisions(@CurrentPrincipal() principal: Principal, @Args() args: SupervisionsArgs) {
    return this.service.list(principal, args.practitionerUserId);
  }

  @Query(() => SupervisionStatus, {
    description:
      'Whether someone’s supervision is up to date: when the next session is due, and how overdue.',
  })
  supervisionStatus(@CurrentPrincipal() principal: Principal, @Args() args: SupervisionsArgs) {
    return this.service.status(principal, args.practitionerUserId);
  }

  @Query(() => [SupervisionStatus], {
    description:
      'Overdue supervision, most overdue first: of the people you supervise, or of the organisation.',
  })
  overdueSupervisions(@CurrentPrincipal() principal: Principal, @Args() args: OverdueSupervisionsArgs) {
    return this.service.overdue(principal, args.scope);
  }

  @Mutation(() => Supervision, {
    description:
      'Record a supervision session you gave or received: not in the future, at most a working day.',
  })
  recordSupervision(@CurrentPrincipal() principal: Principal, @Args('input') input: RecordSupervisionInput) {
    return this.service.record(principal, input);
  }

  @Mutation(() => EvidenceVersion, {
    description:
      'Turn a supervision you received into a supervision-reflection draft in your portfolio (once).',
  })
  async createEvidenceFromSupervision(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: CreateEvidenceFromSupervisionInput,
  ) {
    return toEvidenceVersion(await this.service.createEvidence(principal, input));
  }

  @ResolveField(() => User, { description: 'The supervisor.' })
  async supervisor(@Parent() s: Supervision, @Context() ctx: GraphQLContext): Promise<User> {
    return (await ctx.loaders.user.load(s.supervisorUserId))!;
  }

  @ResolveField(() => User, { description: 'The supervisee.' })
  async supervisee(@Parent() s: Supervision, @Context() ctx: GraphQLContext): Promise<User> {
    return (await ctx.loaders.user.load(s.superviseeUserId))!;
  }
}

@Resolver(() => SupervisionStatus)
export class SupervisionStatusResolver {
  @ResolveField(() => User, { description: 'The supervisee.' })
  async supervisee(@Parent() s: SupervisionStatus, @Context() ctx: GraphQLContext): Promise<User> {
    return (await ctx.loaders.user.load(s.superviseeUserId))!;
  }

  @ResolveField(() => User, { nullable: true, description: 'The supervisor.' })
  supervisor(@Parent() s: SupervisionStatus, @Context() ctx: GraphQLContext) {
    return s.supervisorUserId ? ctx.loaders.user.load(s.supervisorUserId) : null;
  }
}
