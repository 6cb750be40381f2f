import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { decideFirstAdministrator, organisationSlug, type FirstAdministratorStep } from '#app/domain';
import {
  AuditEventRepository,
  InvitationRepository,
  MembershipRepository,
  OrganisationRepository,
  type OrganisationEntity,
} from '#app/persistence';
import { InvitationIssuer, type IssuedInvitation } from './invitation-issuer.js';

export type FirstAdministratorOutcome =
  | { kind: 'CREATED' | 'REISSUED'; organisation: OrganisationEntity; issued: IssuedInvitation }
  | {
      kind: 'REFUSED';
      organisation: OrganisationEntity;
      reason: Extract<FirstAdministratorStep, { kind: 'REFUSE' }>['reason'];
    };

/**
 * A new organisation and the invitation for its first ORG_ADMIN, for `org:create`: the operator
 * who sets up a council never learns or chooses the administrator's password. Runs in one
 * transaction, so a refused email leaves no organisation behind.
 */
@Injectable()
export class FirstAdministratorService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organisations: OrganisationRepository,
    private readonly invitations: InvitationRepository,
    private readonly memberships: MembershipRepository,
    private readonly audit: AuditEventRepository,
    private readonly issuer: InvitationIssuer,
  ) {}

  async setUp(input: { name: string; email: string; fullName: string }): Promise<FirstAdministratorOutcome> {
    const slug = organisationSlug(input.name);
    if (!slug) throw new Error('the organisation name needs a letter or digit');
    const email = input.email.toLowerCase();
    return this.dataSource.transaction(async (manager) => {
      // Two runs at once: the second waits here, then finds the first one's organisation.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('org:create'), hashtext($1))`, [slug]);
      const existing = await this.organisations.findBySlug(slug, manager);
      const pending = existing && (await this.invitations.findPending(existing.id, email, manager));
      const member = existing && (await this.memberships.findByEmail(existing.id, email, manager));
      const step = decideFirstAdministrator({
        organisation: existing,
        pendingAdminInvitation: Boolean(pending?.roles.includes('ORG_ADMIN')),
        activeMember: Boolean(member?.active),
      });
      if (step.kind === 'REFUSE') return { kind: 'REFUSED', organisation: existing!, reason: step.reason };
      if (step.kind === 'REISSUE') {
        const issued = await this.issuer.reissue(pending!, existing!, manager);
        await this.record(existing!.id, 'INVITATION_RESENT', issued, manager);
        return { kind: 'REISSUED', organisation: existing!, issued };
      }
      const organisation = await this.organisations.insert(
        { name: input.name.trim(), slug, isDemo: false },
        manager,
      );
      await this.audit.recordAudit(
        {
          organisationId: organisation.id,
          actorUserId: null,
          actorRole: 'SYSTEM',
          action: 'ORGANISATION_CREATED',
          entityType: 'ORGANISATION',
          entityId: organisation.id,
          subjectUserId: null,
          changes: { name: organisation.name, slug },
        },
        manager,
      );
      const issued = await this.issuer.issue(
        {
          organisationId: organisation.id,
          email,
          fullName: input.fullName,
          roles: ['ORG_ADMIN'],
          teamId: null,
          invitedByUserId: null,
        },
        organisation,
        manager,
      );
      await this.record(organisation.id, 'INVITATION_SENT', issued, manager);
      return { kind: 'CREATED', organisation, issued };
    });
  }

  private record(
    organisationId: string,
    action: 'INVITATION_SENT' | 'INVITATION_RESENT',
    { invitation }: IssuedInvitation,
    manager: Parameters<AuditEventRepository['recordAudit']>[1],
  ) {
    return this.audit.recordAudit(
      {
        organisationId,
        actorUserId: null,
        actorRole: 'SYSTEM',
        action,
        entityType: 'INVITATION',
        entityId: invitation.id,
        subjectUserId: null,
        changes: { roles: invitation.roles, resendCount: invitation.resendCount },
      },
      manager,
    );
  }
}
