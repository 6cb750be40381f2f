import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '#app/config';
import {
  InvitationRepository,
  type InvitationEntity,
  type NewInvitation,
  type OrganisationEntity,
} from '#app/persistence';
import { Clock } from '../../common/clock.js';
import { hashOneTimeToken, newOneTimeToken } from '../../common/one-time-token.js';
import { NotificationMailer } from '../notifications/notification-mailer.js';

const DAY_MS = 86_400_000;

export interface IssuedInvitation {
  invitation: InvitationEntity;
  /** The acceptance link (holds the token): emailed, or handed to the operator when email is off. */
  link: string;
  emailed: boolean;
}

/**
 * Makes an invitation's token (256 random bits), keeps only its hash, and emails the link through
 * SMTP_URL. Used by the API and by `org:create`, which has no HTTP request behind it.
 */
@Injectable()
export class InvitationIssuer {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly invitations: InvitationRepository,
    private readonly mailer: NotificationMailer,
    private readonly clock: Clock,
  ) {}

  async issue(
    invitation: Omit<NewInvitation, 'tokenHash' | 'expiresAt'>,
    organisation: Pick<OrganisationEntity, 'name'>,
    manager: EntityManager,
  ): Promise<IssuedInvitation> {
    const token = newOneTimeToken();
    const row = await this.invitations.insert(
      { ...invitation, tokenHash: hashOneTimeToken(token), expiresAt: this.expiry() },
      manager,
    );
    return this.deliver(row, token, organisation);
  }

  /** A new token and expiry for a pending invitation: the old link stops working at once. */
  async reissue(
    invitation: InvitationEntity,
    organisation: Pick<OrganisationEntity, 'name'>,
    manager: EntityManager,
  ): Promise<IssuedInvitation> {
    const token = newOneTimeToken();
    const changes = {
      tokenHash: hashOneTimeToken(token),
      expiresAt: this.expiry(),
      resendCount: invitation.resendCount + 1,
    };
    await this.invitations.update(invitation.organisationId, invitation.id, changes, manager);
    return this.deliver({ ...invitation, ...changes }, token, organisation);
  }

  get emailEnabled(): boolean {
    return this.mailer.enabled;
  }

  private expiry(): Date {
    return new Date(this.clock.now().getTime() + this.config.invitations.ttlDays * DAY_MS);
  }

  /**
   * Emails the link when email is configured. Called inside the caller's transaction: if the mail
   * server refuses the message, the invitation is not kept either.
   */
  private async deliver(
    invitation: InvitationEntity,
    token: string,
    organisation: Pick<OrganisationEntity, 'name'>,
  ): Promise<IssuedInvitation> {
    const link = `${this.config.publicBaseUrl}/invitations/accept?token=${token}`;
    if (!this.mailer.enabled) return { invitation, link, emailed: false };
    const expires = invitation.expiresAt.toISOString().slice(0, 10);
    await this.mailer.send(
      invitation.email,
      `You are invited to join ${organisation.name} in Pathways`,
      [
        `${organisation.name} invites you to join it in Pathways, the career progression and CPD portfolio for social workers.`,
        '',
        `Accept the invitation: ${link}`,
        '',
        'If you are new to Pathways you will choose a password. If you already have a Pathways account (with another organisation, say), sign in with it to accept: nothing of your profile is shared until you do.',
        `The link works once and expires on ${expires}. If you did not expect this, ignore it.`,
      ].join('\n'),
      `invitation-${invitation.id}-${invitation.resendCount}`,
    );
    return { invitation, link, emailed: true };
  }
}
