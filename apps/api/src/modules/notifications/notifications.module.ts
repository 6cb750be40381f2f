import { Module } from '@nestjs/common';
import { AsyeModule } from '../asye/asye.module.js';
import { ComplianceModule } from '../compliance/compliance.module.js';
import { SupervisionModule } from '../supervision/supervision.module.js';
import { JobQueueService } from './job-queue.service.js';
import { NotificationMailer } from './notification-mailer.js';
import { NotificationsResolver } from './notifications.resolver.js';
import { NotificationsService } from './notifications.service.js';
import { ReminderScanService } from './reminder-scan.service.js';

/** Notifications, the scheduled reminder scan that creates them, the job queue and email. */
@Module({
  imports: [ComplianceModule, AsyeModule, SupervisionModule],
  providers: [
    NotificationsService,
    NotificationsResolver,
    ReminderScanService,
    NotificationMailer,
    JobQueueService,
  ],
  exports: [ReminderScanService, JobQueueService, NotificationMailer],
})
export class NotificationsModule {}
