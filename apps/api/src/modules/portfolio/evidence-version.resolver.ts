import { Field, ObjectType, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLContext } from '../../graphql/context.js';
import {
  FrameworkItem,
  FrameworkLevel,
  FrameworkLevelPathway,
} from '../frameworks/models/framework.model.js';
import { User } from '../organisation/models/user.model.js';
import { Attachment, EvidenceMapping, EvidenceReview, EvidenceVersion } from './models/evidence.model.js';

// The field resolvers of this file take graphql-js's (parent, args, context) rather than @Parent() and
// @Context(): without parameter decorators Nest binds the method as it is, skipping the wrapper that
// runs the global pipe over each parameter (a few promises per field, hundreds of fields per page).
@Resolver(() => EvidenceVersion)
export class EvidenceVersionResolver {
  @ResolveField(() => User, { description: 'The practitioner.' })
  async owner(v: EvidenceVersion, _args: unknown, ctx: GraphQLContext): Promise<User> {
    return (await ctx.loaders.user.load(v.ownerUserId))!;
  }

  @ResolveField(() => User, { nullable: true, description: 'The reviewer it was submitted to.' })
  async reviewer(v: EvidenceVersion, _args: unknown, ctx: GraphQLContext): Promise<User | null> {
    return v.reviewerUserId ? ctx.loaders.user.load(v.reviewerUserId) : null;
  }

  @ResolveField(() => [EvidenceMapping], { description: 'What this version claims to evidence.' })
  mappings(v: EvidenceVersion, _args: unknown, ctx: GraphQLContext) {
    return ctx.loaders.mappingsByVersion.load(v.id);
  }

  @ResolveField(() => [Attachment], { description: 'Files attached to this version.' })
  attachments(v: EvidenceVersion, _args: unknown, ctx: GraphQLContext) {
    return ctx.loaders.attachmentsByVersion.load(v.id);
  }

  @ResolveField(() => EvidenceReview, {
    nullable: true,
    description: 'The decision on this version, once made.',
  })
  async review(v: EvidenceVersion, _args: unknown, ctx: GraphQLContext): Promise<EvidenceReview | null> {
    const review = await ctx.loaders.reviewByVersion.load(v.id);
    return review
      ? {
          ...review,
          reviewerRegistrationNumber: review.standing.registrationNumber,
          reviewerQualification: review.standing.qualification,
          countersignerUserId: review.standing.countersignerUserId,
        }
      : null;
  }
}

@ObjectType({ description: 'A framework version, named.' })
export class FrameworkVersionRef {
  @Field({ description: 'Framework code, e.g. PCF.' })
  frameworkCode!: string;

  @Field({ description: 'Version, e.g. 2018.' })
  version!: string;
}

@Resolver(() => EvidenceMapping)
export class EvidenceMappingResolver {
  @ResolveField(() => FrameworkItem, { description: 'The item evidenced.' })
  async item(m: EvidenceMapping, _args: unknown, ctx: GraphQLContext): Promise<FrameworkItem> {
    return (await ctx.loaders.frameworkItem.load(m.frameworkItemId))!;
  }

  @ResolveField(() => FrameworkVersionRef, { description: 'The framework version the item belongs to.' })
  async framework(m: EvidenceMapping, _args: unknown, ctx: GraphQLContext): Promise<FrameworkVersionRef> {
    const item = (await ctx.loaders.frameworkItem.load(m.frameworkItemId))!;
    return (await ctx.loaders.frameworkVersionRef.load(item.frameworkVersionId))!;
  }

  @ResolveField(() => FrameworkLevel, { nullable: true, description: 'The level claimed.' })
  level(m: EvidenceMapping, _args: unknown, ctx: GraphQLContext) {
    return m.frameworkLevelId ? ctx.loaders.frameworkLevel.load(m.frameworkLevelId) : null;
  }

  @ResolveField(() => FrameworkLevelPathway, { nullable: true, description: 'The pathway claimed.' })
  pathway(m: EvidenceMapping, _args: unknown, ctx: GraphQLContext) {
    return m.frameworkLevelPathwayId ? ctx.loaders.frameworkPathway.load(m.frameworkLevelPathwayId) : null;
  }

  @ResolveField(() => FrameworkLevel, { nullable: true, description: 'The level the reviewer accepted.' })
  acceptedLevel(m: EvidenceMapping, _args: unknown, ctx: GraphQLContext) {
    return m.acceptedLevelId ? ctx.loaders.frameworkLevel.load(m.acceptedLevelId) : null;
  }

  @ResolveField(() => FrameworkLevelPathway, {
    nullable: true,
    description: 'The pathway the reviewer accepted.',
  })
  acceptedPathway(m: EvidenceMapping, _args: unknown, ctx: GraphQLContext) {
    return m.acceptedPathwayId ? ctx.loaders.frameworkPathway.load(m.acceptedPathwayId) : null;
  }
}

@Resolver(() => EvidenceReview)
export class EvidenceReviewResolver {
  @ResolveField(() => User, { description: 'Who decided.' })
  async reviewer(r: EvidenceReview, _args: unknown, ctx: GraphQLContext): Promise<User> {
    return (await ctx.loaders.user.load(r.reviewerUserId))!;
  }

  @ResolveField(() => User, {
    nullable: true,
    description: 'The PEPS Stage 2 countersigner, where one was needed.',
  })
  countersigner(r: EvidenceReview, _args: unknown, ctx: GraphQLContext) {
    return r.countersignerUserId ? ctx.loaders.user.load(r.countersignerUserId) : null;
  }
}
