import { Module } from '@nestjs/common';
import { AttachmentsModule } from '../attachments/attachments.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { SubjectAccessController } from './subject-access.controller.js';
import { SubjectAccessResolver } from './subject-access.resolver.js';
import { SubjectAccessService } from './subject-access.service.js';

/** Subject access exports (made by the job queue) and erasure of people who have left. */
@Module({
  imports: [NotificationsModule, AttachmentsModule],
  controllers: [SubjectAccessController],
  providers: [SubjectAccessService, SubjectAccessResolver],
})
export class SubjectAccessModule {}
