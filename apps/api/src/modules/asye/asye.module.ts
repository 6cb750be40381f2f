import { Module } from '@nestjs/common';
import { ComplianceModule } from '../compliance/compliance.module.js';
import { AsyeResolver } from './asye.resolver.js';
import { AsyeService } from './asye.service.js';

/** The ASYE year: programmes, pauses, review points, protected time, recommendation and confirmation. */
@Module({
  imports: [ComplianceModule],
  providers: [AsyeService, AsyeResolver],
  exports: [AsyeService],
})
export class AsyeModule {}
