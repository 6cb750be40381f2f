import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Roles } from '../../auth/auth.decorators.js';
import type { Principal } from '../../auth/principal.js';
import { CpdAtRiskArgs } from './dto/cpd-at-risk.args.js';
import { CpdComplianceArgs } from './dto/cpd-compliance.args.js';
import { RecordCpdDeclarationInput } from './dto/record-cpd-declaration.input.js';
import { CpdCompliance, CpdComplianceConnection } from './models/cpd-compliance.model.js';
import { CpdComplianceService } from './cpd-compliance.service.js';

@Resolver(() => CpdCompliance)
export class CpdComplianceResolver {
  constructor(private readonly service: CpdComplianceService) {}

  @Query(() => CpdCompliance, {
    description:
      'Whether a practitioner meets their regulator’s CPD rules for the current period (or the one containing a day): yours, or a member’s you review or supervise; PSWs see anyone’s in the organisation.',
  })
  cpdCompliance(@CurrentPrincipal() principal: Principal, @Args() args: CpdComplianceArgs) {
    return this.service.forPractitioner(principal, args.practitionerUserId, args.periodContaining);
  }

  @Roles('PRINCIPAL_SOCIAL_WORKER', 'ORG_ADMIN')
  @Query(() => CpdComplianceConnection, {
    description:
      'Practitioners at risk of missing their CPD deadline (requirements unmet, deadline within 90 days), fewest days left first.',
  })
  cpdAtRisk(@CurrentPrincipal() principal: Principal, @Args() args: CpdAtRiskArgs) {
    return this.service.atRisk(principal, args);
  }

  @Mutation(() => CpdCompliance, {
    description:
      'Record the CPD declaration or confirmation you made to your regulator, where its rules ask for one (SSSC; Social Care Wales from April 2025). Returns that period’s compliance.',
  })
  recordCpdDeclaration(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: RecordCpdDeclarationInput,
  ) {
    return this.service.recordDeclaration(principal, input);
  }
}
