import { Module } from '@nestjs/common';
import { EvidenceService } from './evidence.service.js';
import {
  DerivedEvidenceMappingResolver,
  EvidenceMappingResolver,
  EvidenceReviewResolver,
  EvidenceVersionResolver,
} from './evidence-version.resolver.js';
import { MappingTargetsService } from './mapping-targets.service.js';
import { PortfolioQueryService } from './portfolio-query.service.js';
import { PortfolioResolver } from './portfolio.resolver.js';
import { ReviewService } from './review.service.js';

/** Evidence, its versions and mappings, review and sign-off, coverage. */
@Module({
  providers: [
    EvidenceService,
    ReviewService,
    PortfolioQueryService,
    MappingTargetsService,
    PortfolioResolver,
    EvidenceVersionResolver,
    EvidenceMappingResolver,
    DerivedEvidenceMappingResolver,
    EvidenceReviewResolver,
  ],
  exports: [EvidenceService, PortfolioQueryService],
})
export class PortfolioModule {}
