import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfigModule, type AppConfig } from '#app/config';
import { buildDataSourceOptions, PersistenceModule } from '#app/persistence';
import { CommonModule } from '../../common/common.module.js';
import { MetricsModule } from '../../metrics/metrics.module.js';
import { NotificationMailer } from '../notifications/notification-mailer.js';
import { FirstAdministratorService } from './first-administrator.service.js';
import { InvitationIssuer } from './invitation-issuer.js';

/**
 * What `org:create` runs in: the invitation code the API uses, on a small pool, without the HTTP
 * server, GraphQL or the job queue.
 */
@Module({})
export class FirstAdministratorModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: FirstAdministratorModule,
      imports: [
        AppConfigModule.forRoot(config),
        CommonModule,
        TypeOrmModule.forRoot({
          ...buildDataSourceOptions({
            url: databaseUrl,
            poolSize: 2,
            applicationName: 'pathways-org-create',
          }),
          // One try: an operator at a terminal wants the connection error now, not after half a minute.
          retryAttempts: 0,
        }),
        PersistenceModule,
        // The mailer counts emails sent and failed.
        MetricsModule,
      ],
      providers: [NotificationMailer, InvitationIssuer, FirstAdministratorService],
    };
  }
}
