import { Module } from '@nestjs/common';
import { AsyeModule } from '../asye/asye.module.js';
import { ComplianceModule } from '../compliance/compliance.module.js';
import { ProgressionModule } from '../progression/progression.module.js';
import { SupervisionModule } from '../supervision/supervision.module.js';
import { ComplianceInsightService } from './compliance-insight.service.js';
import { WorkforceInsightResolver } from './workforce-insight.resolver.js';
import { WorkforceInsightService } from './workforce-insight.service.js';

/** Workforce insight for Principal Social Workers and administrators. */
@Module({
  imports: [ProgressionModule, ComplianceModule, SupervisionModule, AsyeModule],
  providers: [WorkforceInsightService, ComplianceInsightService, WorkforceInsightResolver],
})
export class InsightModule {}
