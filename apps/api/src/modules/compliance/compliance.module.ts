import { Module } from '@nestjs/common';
import { CompliancePolicyResolver } from './compliance-policy.resolver.js';
import { CpdComplianceResolver } from './cpd-compliance.resolver.js';
import { CpdComplianceService } from './cpd-compliance.service.js';
import { EvidenceDuplicatesResolver } from './evidence-duplicates.resolver.js';
import { OrganisationPolicyService } from './organisation-policy.service.js';

/** Regulators' CPD rules applied to portfolios, duplicate CPD warnings, and the organisation's compliance policy. */
@Module({
  providers: [
    CpdComplianceService,
    OrganisationPolicyService,
    CpdComplianceResolver,
    CompliancePolicyResolver,
    EvidenceDuplicatesResolver,
  ],
  exports: [CpdComplianceService, OrganisationPolicyService],
})
export class ComplianceModule {}
