import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Roles } from '../../auth/auth.decorators.js';
import type { Principal } from '../../auth/principal.js';
import { QualificationsArgs } from './dto/qualifications.args.js';
import { RecordQualificationInput } from './dto/record-qualification.input.js';
import { VerifyQualificationInput } from './dto/verify-qualification.input.js';
import { Qualification } from './models/qualification.model.js';
import { QualificationsService } from './qualifications.service.js';

@Resolver(() => Qualification)
export class QualificationsResolver {
  constructor(private readonly service: QualificationsService) {}

  @Query(() => [Qualification], {
    description: 'Qualifications: yours, or (PSWs and administrators) a member’s.',
  })
  qualifications(@CurrentPrincipal() principal: Principal, @Args() args: QualificationsArgs) {
    return this.service.list(principal, args.userId);
  }

  @Mutation(() => Qualification, { description: 'Record a qualification; it counts once verified.' })
  recordQualification(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: RecordQualificationInput,
  ) {
    return this.service.record(principal, input);
  }

  @Roles('PRINCIPAL_SOCIAL_WORKER', 'ORG_ADMIN')
  @Mutation(() => Qualification, {
    description: 'Verify someone else’s qualification against the certificate.',
  })
  verifyQualification(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: VerifyQualificationInput,
  ) {
    return this.service.verify(principal, input);
  }
}
