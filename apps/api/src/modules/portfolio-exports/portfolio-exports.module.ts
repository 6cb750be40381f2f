import { Module } from '@nestjs/common';
import { CredentialsModule } from '../credentials/credentials.module.js';
import { PortfolioModule } from '../portfolio/portfolio.module.js';
import { CpdLogService } from './cpd-log.service.js';
import { PortfolioExportsController } from './portfolio-exports.controller.js';
import { PortfolioPdfService } from './portfolio-pdf.service.js';

/** The portfolio as a PDF and the CPD log as CSV. */
@Module({
  imports: [PortfolioModule, CredentialsModule],
  controllers: [PortfolioExportsController],
  providers: [PortfolioPdfService, CpdLogService],
  exports: [PortfolioPdfService],
})
export class PortfolioExportsModule {}
