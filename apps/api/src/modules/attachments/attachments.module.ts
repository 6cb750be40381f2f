import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '#app/config';
import { PortfolioModule } from '../portfolio/portfolio.module.js';
import { AttachmentStorage, LocalDiskAttachmentStorage } from './attachment-storage.js';
import { AttachmentsController } from './attachments.controller.js';
import { AttachmentsResolver } from './attachments.resolver.js';
import { AttachmentsService } from './attachments.service.js';

/** Files attached to evidence, stored behind `AttachmentStorage` (local disk by default). */
@Module({
  imports: [PortfolioModule],
  controllers: [AttachmentsController],
  providers: [
    AttachmentsService,
    AttachmentsResolver,
    {
      provide: AttachmentStorage,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new LocalDiskAttachmentStorage(config.attachments.dir),
    },
  ],
  exports: [AttachmentStorage],
})
export class AttachmentsModule {}
