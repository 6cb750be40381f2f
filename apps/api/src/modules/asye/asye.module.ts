import { Module } from '@nestjs/common';
import { ComplianceModule } from '../compliance/compliance.module.js';
import { AsyeResolver } from './asye.resolver.js';
import { AsyeQueryService } from './asye-query.service.js';
import { AsyeService } from './asye.service.js';

/** The ASYE year: programmes, pauses, review points, protected time, recommendation and confirmation. */
@Module({
  imports: [ComplianceModule],
  providers: [AsyeService, AsyeQueryService, AsyeResolver],
  exports: [AsyeQueryService],
})
export class AsyeModule {}
