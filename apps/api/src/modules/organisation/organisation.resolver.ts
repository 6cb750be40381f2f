import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DomainError } from '#app/domain';
import { CurrentPrincipal, LeaverAccess, Roles } from '../../auth/auth.decorators.js';
import { hasAnyRole, type Principal } from '../../auth/principal.js';
import type { GraphQLContext } from '../../graphql/context.js';
import { PageArgs, Connection } from '../../graphql/pagination.js';
import { CreateTeamInput } from './dto/create-team.input.js';
import { EndMembershipInput } from './dto/end-membership.input.js';
import { MemberArgs } from './dto/member.args.js';
import { MembersArgs } from './dto/members.args.js';
import { PlaceLegalHoldInput } from './dto/place-legal-hold.input.js';
import { ReleaseLegalHoldInput } from './dto/release-legal-hold.input.js';
import { SetLeaverRetentionInput } from './dto/set-leaver-retention.input.js';
import { SetMemberTeamInput } from './dto/set-member-team.input.js';
import { UpdateMemberRolesInput } from './dto/update-member-roles.input.js';
import { Me } from './models/me.model.js';
import { Member, MemberConnection } from './models/member.model.js';
import { Organisation } from './models/organisation.model.js';
import { Team } from './models/team.model.js';
import { User } from './models/user.model.js';
import { OrganisationService } from './organisation.service.js';

const TeamConnection = Connection(Team, 'Team');

@Resolver()
export class OrganisationResolver {
  constructor(private readonly service: OrganisationService) {}

  @LeaverAccess()
  @Query(() => Me, { description: 'The signed-in person, in the organisation this session acts in.' })
  me(@CurrentPrincipal() principal: Principal): Me {
    return {
      userId: principal.userId,
      organisationId: principal.organisationId,
      roles: principal.roles,
      teamId: principal.teamId,
    };
  }

  @Query(() => Organisation, { description: 'The caller’s organisation.' })
  async organisation(
    @CurrentPrincipal() principal: Principal,
    @Context() ctx: GraphQLContext,
  ): Promise<Organisation> {
    const organisation = await ctx.loaders.organisation.load(principal.organisationId);
    if (!organisation) throw new DomainError('ORGANISATION_NOT_FOUND', 'Organisation not found');
    return organisation;
  }

  @Query(() => TeamConnection, { description: 'Teams of the caller’s organisation, by name.' })
  teams(@CurrentPrincipal() principal: Principal, @Args() page: PageArgs) {
    return this.service.teamsPage(principal, page.first, page.after);
  }

  @Roles('ORG_ADMIN', 'PRINCIPAL_SOCIAL_WORKER')
  @Query(() => MemberConnection, {
    description: 'Members of the organisation, oldest first (administrators and PSWs).',
  })
  members(@CurrentPrincipal() principal: Principal, @Args() args: MembersArgs) {
    return this.service.membersPage(principal, args);
  }

  @Query(() => Member, {
    description: 'One member by user id: anyone for administrators and PSWs, otherwise yourself.',
  })
  member(@CurrentPrincipal() principal: Principal, @Args() args: MemberArgs) {
    return this.service.member(principal, args.userId);
  }

  @Roles('ORG_ADMIN')
  @Mutation(() => Team, { description: 'Create a team.' })
  createTeam(@CurrentPrincipal() principal: Principal, @Args('input') input: CreateTeamInput) {
    return this.service.createTeam(principal, input);
  }

  @Roles('ORG_ADMIN', 'PRINCIPAL_SOCIAL_WORKER')
  @Mutation(() => Member, {
    description: 'Replace a member’s roles. The last administrator cannot be removed.',
  })
  updateMemberRoles(@CurrentPrincipal() principal: Principal, @Args('input') input: UpdateMemberRolesInput) {
    return this.service.updateRoles(principal, input);
  }

  @Roles('ORG_ADMIN')
  @Mutation(() => Member, { description: 'Move a member to a team, or out of any team.' })
  setMemberTeam(@CurrentPrincipal() principal: Principal, @Args('input') input: SetMemberTeamInput) {
    return this.service.setTeam(principal, input);
  }

  @Roles('ORG_ADMIN')
  @Mutation(() => Member, {
    description:
      'End a person’s membership from a day (today, or up to a year ahead; not your own; never the last administrator). From that day they keep only their own records, for the organisation’s leaver retention period.',
  })
  endMembership(@CurrentPrincipal() principal: Principal, @Args('input') input: EndMembershipInput) {
    return this.service.endMembership(principal, input);
  }

  @Roles('ORG_ADMIN')
  @Mutation(() => Organisation, {
    description: 'Set how many days leavers keep their own records before they may be erased (30 to 3650).',
  })
  setLeaverRetention(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: SetLeaverRetentionInput,
  ) {
    return this.service.setLeaverRetention(principal, input);
  }

  @Roles('ORG_ADMIN')
  @Mutation(() => Member, {
    description:
      'Place (or replace the reason of) a legal hold on a person’s records: erasure is refused while it holds.',
  })
  placeLegalHold(@CurrentPrincipal() principal: Principal, @Args('input') input: PlaceLegalHoldInput) {
    return this.service.placeLegalHold(principal, input);
  }

  @Roles('ORG_ADMIN')
  @Mutation(() => Member, { description: 'Release the legal hold on a person’s records.' })
  releaseLegalHold(@CurrentPrincipal() principal: Principal, @Args('input') input: ReleaseLegalHoldInput) {
    return this.service.releaseLegalHold(principal, input);
  }
}

@Resolver(() => Member)
export class MemberFieldsResolver {
  @ResolveField(() => User, { description: 'The person.' })
  async user(@Parent() member: Member, @Context() ctx: GraphQLContext): Promise<User> {
    return (await ctx.loaders.user.load(member.userId))!;
  }

  @ResolveField(() => Team, { nullable: true, description: 'The person’s team.' })
  team(@Parent() member: Member, @Context() ctx: GraphQLContext) {
    return member.teamId ? ctx.loaders.team.load(member.teamId) : null;
  }

  @ResolveField(() => String, {
    nullable: true,
    description:
      'Why a legal hold keeps the person’s records (erasure is refused while set). Shown to administrators only.',
  })
  legalHoldReason(@Parent() member: Member, @CurrentPrincipal() principal: Principal): string | null {
    return hasAnyRole(principal, ['ORG_ADMIN']) ? member.legalHoldReason : null;
  }
}

@Resolver(() => Me)
export class MeFieldsResolver {
  @ResolveField(() => User, { description: 'Your profile.' })
  async user(@Parent() me: Me, @Context() ctx: GraphQLContext): Promise<User> {
    return (await ctx.loaders.user.load(me.userId))!;
  }

  @ResolveField(() => Organisation, { description: 'The organisation this session acts in.' })
  async organisation(@Parent() me: Me, @Context() ctx: GraphQLContext): Promise<Organisation> {
    return (await ctx.loaders.organisation.load(me.organisationId))!;
  }

  @ResolveField(() => Team, { nullable: true, description: 'Your team.' })
  team(@Parent() me: Me, @Context() ctx: GraphQLContext) {
    return me.teamId ? ctx.loaders.team.load(me.teamId) : null;
  }
}
