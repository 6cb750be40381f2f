import { Module } from '@nestjs/common';
import { CredentialsModule } from '../credentials/credentials.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { PortfolioModule } from '../portfolio/portfolio.module.js';
import { ContributionOriginResolver, CountersignatureResolver } from './contribution-origin.resolver.js';
import { ContributionsResolver } from './contributions.resolver.js';
import { ContributionsService } from './contributions.service.js';
import {
  ReviewReconciliationResolver,
  SignOffReconciliationResolver,
} from './sign-off-reconciliation.resolver.js';
import { SignOffReconciliationService } from './sign-off-reconciliation.service.js';

/**
 * Feedback and countersignatures asked for by one-time link from people without an account, and the
 * reconciliation of a countersignature that disagreed (issue #17).
 */
@Module({
  imports: [PortfolioModule, NotificationsModule, CredentialsModule],
  providers: [
    ContributionsService,
    ContributionsResolver,
    ContributionOriginResolver,
    CountersignatureResolver,
    SignOffReconciliationService,
    SignOffReconciliationResolver,
    ReviewReconciliationResolver,
  ],
})
export class ContributionsModule {}
