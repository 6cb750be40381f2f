import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { PortfolioModule } from '../portfolio/portfolio.module.js';
import { ContributionOriginResolver, CountersignatureResolver } from './contribution-origin.resolver.js';
import { ContributionsResolver } from './contributions.resolver.js';
import { ContributionsService } from './contributions.service.js';

/** Feedback and countersignatures asked for by one-time link from people without an account (issue #17). */
@Module({
  imports: [PortfolioModule, NotificationsModule],
  providers: [
    ContributionsService,
    ContributionsResolver,
    ContributionOriginResolver,
    CountersignatureResolver,
  ],
})
export class ContributionsModule {}
