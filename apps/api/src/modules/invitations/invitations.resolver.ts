import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { InvitationEntity } from '#app/persistence';
import { CurrentPrincipal, LeaverAccess, Public, Roles } from '../../auth/auth.decorators.js';
import type { Principal } from '../../auth/principal.js';
import { PageArgs } from '../../graphql/pagination.js';
import { AcceptInvitationAsMemberInput } from './dto/accept-invitation-as-member.input.js';
import { AcceptInvitationInput } from './dto/accept-invitation.input.js';
import { InviteMemberInput } from './dto/invite-member.input.js';
import { ResendInvitationInput } from './dto/resend-invitation.input.js';
import { RevokeInvitationInput } from './dto/revoke-invitation.input.js';
import { Invitation, InvitationAcceptance, InvitationConnection } from './models/invitation.model.js';
import { InvitationsService } from './invitations.service.js';

@Resolver(() => Invitation)
export class InvitationsResolver {
  constructor(private readonly service: InvitationsService) {}

  @Roles('ORG_ADMIN', 'PRINCIPAL_SOCIAL_WORKER')
  @Query(() => InvitationConnection, {
    description: 'Invitations not yet accepted or revoked, oldest first (beside `members`).',
  })
  async pendingInvitations(@CurrentPrincipal() principal: Principal, @Args() page: PageArgs) {
    const connection = await this.service.pendingPage(principal, page.first, page.after);
    const nodes = connection.nodes.map((i) => this.toModel(i));
    return { ...connection, nodes, edges: connection.edges.map((e, n) => ({ ...e, node: nodes[n]! })) };
  }

  @Roles('ORG_ADMIN', 'PRINCIPAL_SOCIAL_WORKER')
  @Mutation(() => Invitation, {
    description:
      'Invite a person by email with roles and a team (a PSW may grant practice roles only). The answer does not say whether they already have an account.',
  })
  async inviteMember(@CurrentPrincipal() principal: Principal, @Args('input') input: InviteMemberInput) {
    return this.toModel(await this.service.invite(principal, input));
  }

  @Roles('ORG_ADMIN', 'PRINCIPAL_SOCIAL_WORKER')
  @Mutation(() => Invitation, {
    description: 'Send a pending invitation again with a new link; the old link stops working.',
  })
  async resendInvitation(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: ResendInvitationInput,
  ) {
    return this.toModel(await this.service.resend(principal, input.invitationId));
  }

  @Roles('ORG_ADMIN', 'PRINCIPAL_SOCIAL_WORKER')
  @Mutation(() => Invitation, { description: 'Withdraw a pending invitation; its link stops working.' })
  async revokeInvitation(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: RevokeInvitationInput,
  ) {
    return this.toModel(await this.service.revoke(principal, input.invitationId));
  }

  @Public()
  @Mutation(() => InvitationAcceptance, {
    description:
      'Accept an invitation from its link: a person new to Pathways chooses a password; someone with an account gives its password (or signs in and uses acceptInvitationAsMember).',
  })
  acceptInvitation(@Args('input') input: AcceptInvitationInput) {
    return this.service.accept(input);
  }

  @LeaverAccess()
  @Mutation(() => InvitationAcceptance, {
    description:
      'Accept an invitation with the account you are signed in with (in any organisation): the inviting organisation sees your profile from now on.',
  })
  acceptInvitationAsMember(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: AcceptInvitationAsMemberInput,
  ) {
    return this.service.acceptAsMember(principal, input.token);
  }

  private toModel(i: InvitationEntity): Invitation {
    return {
      id: i.id,
      email: i.email,
      fullName: i.fullName,
      roles: i.roles,
      teamId: i.teamId,
      status: i.status,
      expiresAt: i.expiresAt,
      expired: this.service.isExpired(i),
      resendCount: i.resendCount,
      createdAt: i.createdAt,
    };
  }
}
