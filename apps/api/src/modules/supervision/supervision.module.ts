import { Module } from '@nestjs/common';
import { ComplianceModule } from '../compliance/compliance.module.js';
import { PortfolioModule } from '../portfolio/portfolio.module.js';
import { SupervisionResolver, SupervisionStatusResolver } from './supervision.resolver.js';
import { SupervisionService } from './supervision.service.js';

/** Supervision sessions, the organisation's supervision policy applied, and reflections from them. */
@Module({
  imports: [ComplianceModule, PortfolioModule],
  providers: [SupervisionService, SupervisionResolver, SupervisionStatusResolver],
  exports: [SupervisionService],
})
export class SupervisionModule {}
