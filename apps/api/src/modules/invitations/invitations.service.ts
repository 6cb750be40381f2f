import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  assertCanGrantRoles,
  checkPasswordStrength,
  DomainError,
  type AuditAction,
  type Role,
} from '#app/domain';
import {
  AuditEventRepository,
  InvitationRepository,
  MembershipRepository,
  OrganisationRepository,
  TeamRepository,
  UserRepository,
  type InvitationEntity,
  type MembershipEntity,
} from '#app/persistence';
import { actingRole, type Principal } from '../../auth/principal.js';
import { PasswordHasher } from '../../auth/password-hasher.js';
import { Clock } from '../../common/clock.js';
import { pageRequest, toConnection, type ConnectionShape } from '../../graphql/pagination.js';
import type { AcceptInvitationInput } from './dto/accept-invitation.input.js';
import type { InviteMemberInput } from './dto/invite-member.input.js';
import { hashOneTimeToken } from '../../common/one-time-token.js';
import { InvitationIssuer } from './invitation-issuer.js';
import type { InvitationAcceptance } from './models/invitation.model.js';
import { isUniqueViolation } from '../../common/unique-violation.js';

const INVITERS: Role[] = ['ORG_ADMIN', 'PRINCIPAL_SOCIAL_WORKER'];
const invalid = () =>
  new DomainError(
    'INVITATION_INVALID',
    'This invitation link is not valid (used, revoked or mistyped).',
    'input.token',
  );

/**
 * Joining an organisation needs the person's consent. The organisation records an invitation by
 * email; nothing links the person, and the organisation sees nothing of any account they hold,
 * until they accept: a new person by setting a password, someone with an account by signing in
 * with it. The answer to the inviting organisation is the same whether or not the email (or any
 * registration number) exists anywhere in Pathways.
 */
@Injectable()
export class InvitationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly invitations: InvitationRepository,
    private readonly memberships: MembershipRepository,
    private readonly organisations: OrganisationRepository,
    private readonly teams: TeamRepository,
    private readonly users: UserRepository,
    private readonly audit: AuditEventRepository,
    private readonly issuer: InvitationIssuer,
    private readonly hasher: PasswordHasher,
    private readonly clock: Clock,
  ) {}

  async invite(principal: Principal, input: InviteMemberInput): Promise<InvitationEntity> {
    assertCanGrantRoles(principal.roles, input.roles);
    const { organisationId } = principal;
    return this.dataSource.transaction(async (manager) => {
      const teamId = input.teamId ?? null;
      if (teamId && !(await this.teams.findById(organisationId, teamId, manager))) {
        throw new DomainError('TEAM_NOT_FOUND', 'No such team in your organisation', 'input.teamId');
      }
      // Only this organisation's own records are consulted: its members and its invitations.
      const member = await this.memberships.findByEmail(organisationId, input.email, manager);
      if (member?.active) {
        throw new DomainError(
          'MEMBER_EXISTS',
          'This person is already a member of your organisation',
          'input.email',
        );
      }
      if (await this.invitations.findPending(organisationId, input.email, manager)) {
        throw new DomainError(
          'INVITATION_PENDING',
          'An invitation to this email is already pending: resend or revoke it',
          'input.email',
        );
      }
      const organisation = (await this.organisations.findById(organisationId, manager))!;
      const { invitation } = await this.issuer.issue(
        {
          organisationId,
          email: input.email,
          fullName: input.fullName,
          roles: input.roles,
          teamId,
          invitedByUserId: principal.userId,
        },
        organisation,
        manager,
      );
      await this.audit.recordAudit(
        {
          organisationId,
          actorUserId: principal.userId,
          actorRole: actingRole(principal, INVITERS),
          action: 'INVITATION_SENT',
          entityType: 'INVITATION',
          entityId: invitation.id,
          subjectUserId: null,
          changes: { roles: input.roles, teamId },
        },
        manager,
      );
      return invitation;
    });
  }

  async resend(principal: Principal, invitationId: string): Promise<InvitationEntity> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.pendingOf(principal, invitationId, manager);
      const organisation = (await this.organisations.findById(principal.organisationId, manager))!;
      const { invitation } = await this.issuer.reissue(current, organisation, manager);
      await this.appendDecision(principal, invitation, 'INVITATION_RESENT', manager);
      return invitation;
    });
  }

  async revoke(principal: Principal, invitationId: string): Promise<InvitationEntity> {
    return this.dataSource.transaction(async (manager) => {
      const current = await this.pendingOf(principal, invitationId, manager);
      const changes = { status: 'REVOKED' as const, decidedAt: this.clock.now() };
      await this.invitations.update(principal.organisationId, invitationId, changes, manager);
      await this.appendDecision(principal, current, 'INVITATION_REVOKED', manager);
      return { ...current, ...changes };
    });
  }

  async pendingPage(
    principal: Principal,
    first: number,
    after?: string | null,
  ): Promise<ConnectionShape<InvitationEntity>> {
    const page = pageRequest({ first, after }, ['instant', 'uuid']);
    const rows = await this.invitations.pagePending(principal.organisationId, page.cursor, page.limit);
    return toConnection(rows, page, (i) => [i.createdAt.toISOString(), i.id]);
  }

  isExpired(invitation: InvitationEntity): boolean {
    return invitation.status === 'PENDING' && invitation.expiresAt <= this.clock.now();
  }

  /**
   * Accepting without signing in. A new person chooses their password (the usual rules) and their
   * registration details; someone who already has an account with this email gives that
   * account's password instead, and the membership is linked to it.
   */
  async accept(input: AcceptInvitationInput): Promise<InvitationAcceptance> {
    return this.dataSource.transaction(async (manager) => {
      const invitation = await this.openInvitation(input.token, manager);
      const existing = await this.users.findByEmail(invitation.email, manager);
      if (existing) {
        if (!(await this.hasher.verify(existing.passwordHash, input.password))) {
          throw new DomainError(
            'INVITATION_NEEDS_SIGN_IN',
            'You already have a Pathways account: sign in with it and accept there, or give its current password.',
            'input.password',
          );
        }
        return this.join(invitation, existing.id, existing.id, manager, { existingAccount: true });
      }
      const fullName = input.fullName ?? invitation.fullName;
      const reasons = checkPasswordStrength(input.password, { email: invitation.email, fullName });
      if (reasons.length) {
        throw new DomainError('WEAK_PASSWORD', `Password ${reasons.join('; ')}`, 'input.password', {
          reasons,
        });
      }
      const registrationNumber = input.registrationNumber ?? null;
      if (registrationNumber && !input.regulator) {
        throw new DomainError(
          'REGULATOR_REQUIRED',
          'A registration number needs its regulator',
          'input.regulator',
        );
      }
      if (
        registrationNumber &&
        (await this.users.registrationHeld(input.regulator!, registrationNumber, manager))
      ) {
        throw registrationTaken();
      }
      const user = await this.users
        .insert(
          {
            email: invitation.email,
            fullName,
            passwordHash: await this.hasher.hash(input.password),
            regulator: input.regulator ?? null,
            registrationNumber,
            dateQualified: input.dateQualified ?? null,
          },
          manager,
        )
        .catch((e: unknown) => {
          if (isUniqueViolation(e, 'app_user_registration_unique')) throw registrationTaken();
          throw e;
        });
      return this.join(invitation, user.id, user.id, manager, { existingAccount: false });
    });
  }

  /** Accepting signed in: the membership is linked to the caller's own account. */
  async acceptAsMember(principal: Principal, token: string): Promise<InvitationAcceptance> {
    return this.dataSource.transaction(async (manager) => {
      const invitation = await this.openInvitation(token, manager);
      return this.join(invitation, principal.userId, principal.userId, manager, { existingAccount: true });
    });
  }

  private async openInvitation(token: string, manager: EntityManager): Promise<InvitationEntity> {
    const invitation = await this.invitations.findByTokenHashForUpdate(hashOneTimeToken(token), manager);
    if (!invitation || invitation.status !== 'PENDING') throw invalid();
    if (this.isExpired(invitation)) {
      throw new DomainError(
        'INVITATION_EXPIRED',
        'This invitation has expired: ask the organisation to send it again.',
        'input.token',
      );
    }
    return invitation;
  }

  /** Makes (or reopens, for someone who left before) the membership the invitation offers. */
  private async join(
    invitation: InvitationEntity,
    userId: string,
    actorUserId: string,
    manager: EntityManager,
    changes: Record<string, unknown>,
  ): Promise<InvitationAcceptance> {
    const { organisationId, roles, teamId } = invitation;
    const before = await this.memberships.findForUser(organisationId, userId, manager);
    if (before?.active) {
      throw new DomainError('MEMBER_EXISTS', 'You are already a member of this organisation.', 'input.token');
    }
    let membership: MembershipEntity;
    if (before) {
      await this.memberships.update(
        organisationId,
        userId,
        { roles, teamId, active: true, endsOn: null },
        manager,
      );
      membership = { ...before, roles, teamId, active: true, endsOn: null };
    } else {
      membership = await this.memberships.insert({ organisationId, userId, roles, teamId }, manager);
    }
    await this.invitations.update(
      organisationId,
      invitation.id,
      { status: 'ACCEPTED', acceptedByUserId: userId, decidedAt: this.clock.now() },
      manager,
    );
    await this.audit.recordAudit(
      {
        organisationId,
        actorUserId,
        actorRole: roles[0]!,
        action: 'INVITATION_ACCEPTED',
        entityType: 'MEMBERSHIP',
        entityId: membership.id,
        subjectUserId: userId,
        changes: { invitationId: invitation.id, roles, teamId, rejoined: before !== null, ...changes },
      },
      manager,
    );
    const organisation = (await this.organisations.findById(organisationId, manager))!;
    return {
      organisationId,
      organisationName: organisation.name,
      userId,
      membershipId: membership.id,
      roles,
    };
  }

  private async pendingOf(principal: Principal, invitationId: string, manager: EntityManager) {
    const invitation = await this.invitations.findById(principal.organisationId, invitationId, manager, true);
    if (!invitation) {
      throw new DomainError(
        'INVITATION_INVALID',
        'No such invitation in your organisation',
        'input.invitationId',
      );
    }
    if (invitation.status !== 'PENDING') {
      throw new DomainError(
        'INVITATION_INVALID',
        `This invitation was already ${invitation.status.toLowerCase()}`,
        'input.invitationId',
      );
    }
    assertCanGrantRoles(principal.roles, invitation.roles, 'input.invitationId');
    return invitation;
  }

  private appendDecision(
    principal: Principal,
    invitation: InvitationEntity,
    action: AuditAction,
    manager: EntityManager,
  ) {
    return this.audit.recordAudit(
      {
        organisationId: principal.organisationId,
        actorUserId: principal.userId,
        actorRole: actingRole(principal, INVITERS),
        action,
        entityType: 'INVITATION',
        entityId: invitation.id,
        subjectUserId: null,
        changes: { resendCount: invitation.resendCount },
      },
      manager,
    );
  }
}

function registrationTaken(): DomainError {
  return new DomainError(
    'REGISTRATION_NUMBER_TAKEN',
    'This registration number is already on a Pathways account. If it is yours, sign in with that account and accept the invitation there.',
    'input.registrationNumber',
  );
}
