import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, Roles } from '../../auth/auth.decorators.js';
import type { Principal } from '../../auth/principal.js';
import type { GraphQLContext } from '../../graphql/context.js';
import { User } from '../organisation/models/user.model.js';
import { AssessorRelationshipsService } from './assessor-relationships.service.js';
import { AssessorRelationshipsArgs } from './dto/assessor-relationships.args.js';
import { CreateAssessorRelationshipInput } from './dto/create-assessor-relationship.input.js';
import { EndAssessorRelationshipInput } from './dto/end-assessor-relationship.input.js';
import {
  AssessorRelationship,
  AssessorRelationshipConnection,
} from './models/assessor-relationship.model.js';

@Resolver(() => AssessorRelationship)
export class AssessorRelationshipsResolver {
  constructor(private readonly service: AssessorRelationshipsService) {}

  @Query(() => AssessorRelationshipConnection, {
    description:
      'Assessor relationships: all of them for administrators and PSWs, otherwise those you are party to.',
  })
  assessorRelationships(@CurrentPrincipal() principal: Principal, @Args() args: AssessorRelationshipsArgs) {
    return this.service.page(principal, args);
  }

  @Roles('ORG_ADMIN', 'PRINCIPAL_SOCIAL_WORKER')
  @Mutation(() => AssessorRelationship, {
    description: 'Let an assessor review a practitioner’s evidence from a date.',
  })
  createAssessorRelationship(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: CreateAssessorRelationshipInput,
  ) {
    return this.service.create(principal, input);
  }

  @Roles('ORG_ADMIN', 'PRINCIPAL_SOCIAL_WORKER')
  @Mutation(() => AssessorRelationship, {
    description: 'End a relationship on a date (the history is kept).',
  })
  endAssessorRelationship(
    @CurrentPrincipal() principal: Principal,
    @Args('input') input: EndAssessorRelationshipInput,
  ) {
    return this.service.end(principal, input);
  }

  @ResolveField(() => User, { description: 'The assessor, educator or supervisor.' })
  async assessor(@Parent() r: AssessorRelationship, @Context() ctx: GraphQLContext): Promise<User> {
    return (await ctx.loaders.user.load(r.assessorUserId))!;
  }

  @ResolveField(() => User, { description: 'The practitioner.' })
  async practitioner(@Parent() r: AssessorRelationship, @Context() ctx: GraphQLContext): Promise<User> {
    return (await ctx.loaders.user.load(r.practitionerUserId))!;
  }
}
