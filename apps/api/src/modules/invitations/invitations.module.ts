import { Module } from '@nestjs/common';
import { AuthModule } from '../../auth/auth.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { InvitationIssuer } from './invitation-issuer.js';
import { InvitationsResolver } from './invitations.resolver.js';
import { InvitationsService } from './invitations.service.js';

/** Invitations to join an organisation: sent by email, accepted by the person (consent). */
@Module({
  imports: [AuthModule, NotificationsModule],
  providers: [InvitationIssuer, InvitationsService, InvitationsResolver],
})
export class InvitationsModule {}
