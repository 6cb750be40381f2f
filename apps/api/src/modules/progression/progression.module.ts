import { Module } from '@nestjs/common';
import { ComplianceModule } from '../compliance/compliance.module.js';
import { PortfolioModule } from '../portfolio/portfolio.module.js';
import { ApplicationsService } from './applications.service.js';
import { EligibilityService } from './eligibility.service.js';
import { PathwaysResolver } from './pathways.resolver.js';
import { PathwaysService } from './pathways.service.js';
import { PractitionerFactsService } from './practitioner-facts.service.js';
import { CandidateResolver, ProgressionResolver } from './progression.resolver.js';
import { ReferenceCatalogueService } from './reference-catalogue.service.js';

/** Career pathways as versioned designs, eligibility, applications and stage history. */
@Module({
  imports: [PortfolioModule, ComplianceModule],
  providers: [
    PathwaysService,
    EligibilityService,
    ApplicationsService,
    PractitionerFactsService,
    ReferenceCatalogueService,
    PathwaysResolver,
    ProgressionResolver,
    CandidateResolver,
  ],
  exports: [
    EligibilityService,
    PractitionerFactsService,
    ReferenceCatalogueService,
    PathwaysService,
    ApplicationsService,
  ],
})
export class ProgressionModule {}
