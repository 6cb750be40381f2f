import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DomainError } from '#app/domain';
import { CurrentPrincipal, LeaverAccess, Roles } from '../../auth/auth.decorators.js';
import type { Principal } from '../../auth/principal.js';
import type { GraphQLContext } from '../../graphql/context.js';
import { PageArgs, Connection } from '../../graphql/pagination.js';
import {
  CreateTeamInput,
  MembersArgs,
  SetMemberTeamInput,
  UpdateMemberRolesInput,
} from './dto/organisation.inputs.js';
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
  member(@CurrentPrincipal() principal: Principal, @Args('userId', { type: () => ID }) userId: string) {
    return this.service.member(principal, userId);
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
