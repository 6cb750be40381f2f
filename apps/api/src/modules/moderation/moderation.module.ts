import { Module } from '@nestjs/common';
import { PortfolioExportsModule } from '../portfolio-exports/portfolio-exports.module.js';
import { ModerationPackPdfService } from './moderation-pack-pdf.service.js';
import { ModerationPacksController } from './moderation-packs.controller.js';
import { ModerationResolver } from './moderation.resolver.js';
import { ModerationService } from './moderation.service.js';

/** Moderation packs: anonymised samples of ASYE portfolios for a panel. */
@Module({
  imports: [PortfolioExportsModule],
  controllers: [ModerationPacksController],
  providers: [ModerationService, ModerationPackPdfService, ModerationResolver],
})
export class ModerationModule {}
