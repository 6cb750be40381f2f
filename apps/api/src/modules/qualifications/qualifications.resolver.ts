import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Roles } from '../../auth/auth.decorators.js';
import type { Principal } from '../../auth/principal.js';
import type { GraphQLContext } from '../../graphql/context.js';
import { PageArgs } from '../../graphql/pagination.js';
import { User } from '../organisation/models/user.model.js';
import { QualificationsArgs } from './dto/qualifications.args.js';
import { RecordQualificationInput } from './dto/record-qualification.input.js';
import { VerifyQualificationInput } from './dto/verify-qualification.input.js';
import { Qualification, QualificationConnection } from './models/qualification.model.js';
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

  @Roles('PRINCIPAL_SOCIAL_WORKER', 'ORG_ADMIN')
  @Query(() => QualificationConnection, {
    description:
      'Qualifications waiting to be verified, of the organisation’s current members, longest waiting (oldest award) first (PSWs and administrators).',
  })
  qualificationsToVerify(@CurrentPrincipal() principal: Principal, @Args() args: PageArgs) {
    return this.service.toVerify(principal, args);
  }

  @ResolveField(() => User, { description: 'Who holds it.' })
  async holder(@Parent() q: Qualification, @Context() ctx: GraphQLContext): Promise<User> {
    return (await ctx.loaders.user.load(q.userId))!;
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
