import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Roles } from '../../auth/auth.decorators.js';
import type { Principal } from '../../auth/principal.js';
import { UpdateCompliancePolicyInput } from './dto/update-compliance-policy.input.js';
import { CompliancePolicy } from './models/compliance-policy.model.js';
import { OrganisationPolicyService, type OrganisationPolicies } from './organisation-policy.service.js';

@Resolver(() => CompliancePolicy)
export class CompliancePolicyResolver {
  constructor(private readonly policies: OrganisationPolicyService) {}

  @Query(() => CompliancePolicy, { description: 'Your organisation’s ASYE, supervision and reminder rules.' })
  async compliancePolicy(@CurrentPrincipal() principal: Principal) {
    return toModel(await this.policies.forOrganisation(principal.organisationId));
  }

  @Roles('PRINCIPAL_SOCIAL_WORKER', 'ORG_ADMIN')
  @Mutation(() => CompliancePolicy, {
    description: 'Change the organisation’s ASYE, supervision and reminder rules (PSWs and administrators).',
  })
  async updateCompliancePolicy(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: UpdateCompliancePolicyInput,
  ) {
    return toModel(await this.policies.update(principal, input));
  }
}

function toModel(p: OrganisationPolicies): CompliancePolicy {
  return {
    reviewTurnaroundDays: p.reviewTurnaroundDays,
    cpdReminderDays: [...p.cpdReminderDays],
    asyeProtectedTimePercent: p.asye.protectedTimePercent,
    asyeMaxMonthsSinceQualifying: p.asye.maxMonthsSinceQualifying,
    asyeReviewDueSoonDays: p.asye.reviewDueSoonDays,
    asyeReviewPoints: p.asye.reviewPoints.map((r) => ({ ...r })),
    supervisionMinMinutes: p.supervision.minMinutes,
    supervisionDueSoonDays: p.supervision.dueSoonDays,
  };
}
