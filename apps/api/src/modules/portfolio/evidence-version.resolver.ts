import { Field, ObjectType, ResolveField, Resolver } from '@nestjs/graphql';
import { derivedMappingStanding } from '#app/domain';
import type { DerivedMappingRow } from '#app/persistence';
import type { GraphQLContext } from '../../graphql/context.js';
import {
  FrameworkItem,
  FrameworkLevel,
  FrameworkLevelPathway,
} from '../frameworks/models/framework.model.js';
import { User } from '../organisation/models/user.model.js';
import { toEvidenceReview } from './evidence-model.mapper.js';
import { DerivedEvidenceMapping } from './models/derived-mapping.model.js';
import { Attachment, EvidenceMapping, EvidenceReview, EvidenceVersion } from './models/evidence.model.js';
import type { MappingView, ReviewView, VersionView } from './portfolio-query.service.js';

// The field resolvers of this file take graphql-js's (parent, args, context) rather than @Parent() and
// @Context(): without parameter decorators Nest binds the method as it is, skipping the wrapper that
// runs the global pipe over each parameter (a few promises per field, hundreds of fields per page).
// Each returns what its parent was loaded with when the page loaded it, and otherwise loads it.
@Resolver(() => EvidenceVersion)
export class EvidenceVersionResolver {
  @ResolveField(() => User, { description: 'The practitioner.' })
  owner(v: VersionView, _args: unknown, ctx: GraphQLContext) {
    return v.owner ?? (ctx.loaders.user.load(v.ownerUserId) as Promise<User>);
  }

  @ResolveField(() => User, { nullable: true, description: 'The reviewer it was submitted to.' })
  reviewer(v: VersionView, _args: unknown, ctx: GraphQLContext): User | null | Promise<User | null> {
    if (v.reviewer !== undefined) return v.reviewer;
    return v.reviewerUserId ? ctx.loaders.user.load(v.reviewerUserId) : null;
  }

  @ResolveField(() => [EvidenceMapping], { description: 'What this version claims to evidence.' })
  mappings(v: VersionView, _args: unknown, ctx: GraphQLContext) {
    return v.mappings ?? ctx.loaders.mappingsByVersion.load(v.id);
  }

  @ResolveField(() => [DerivedEvidenceMapping], {
    description:
      'Mappings remapped from this version’s own onto items of another framework version (frameworkRemap), each with the original it comes from. Never signed off at a level: see standing.',
  })
  async derivedMappings(
    v: VersionView,
    _args: unknown,
    ctx: GraphQLContext,
  ): Promise<DerivedEvidenceMapping[]> {
    const rows = await ctx.loaders.derivedMappingsByVersion.load(v.id);
    return rows.map(toDerivedMapping);
  }

  @ResolveField(() => [Attachment], { description: 'Files attached to this version.' })
  attachments(v: VersionView, _args: unknown, ctx: GraphQLContext) {
    return v.attachments ?? ctx.loaders.attachmentsByVersion.load(v.id);
  }

  @ResolveField(() => EvidenceReview, {
    nullable: true,
    description: 'The decision on this version, once made.',
  })
  review(
    v: VersionView,
    _args: unknown,
    ctx: GraphQLContext,
  ): ReviewView | null | Promise<ReviewView | null> {
    if (v.review !== undefined) return v.review;
    return ctx.loaders.reviewByVersion.load(v.id).then((review) => review && toEvidenceReview(review));
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
  item(m: MappingView, _args: unknown, ctx: GraphQLContext) {
    return m.item ?? (ctx.loaders.frameworkItem.load(m.frameworkItemId) as Promise<FrameworkItem>);
  }

  @ResolveField(() => FrameworkVersionRef, { description: 'The framework version the item belongs to.' })
  async framework(m: EvidenceMapping, _args: unknown, ctx: GraphQLContext): Promise<FrameworkVersionRef> {
    const item = (await ctx.loaders.frameworkItem.load(m.frameworkItemId))!;
    return (await ctx.loaders.frameworkVersionRef.load(item.frameworkVersionId))!;
  }

  @ResolveField(() => FrameworkLevel, { nullable: true, description: 'The level claimed.' })
  level(m: MappingView, _args: unknown, ctx: GraphQLContext) {
    if (m.level !== undefined) return m.level;
    return m.frameworkLevelId ? ctx.loaders.frameworkLevel.load(m.frameworkLevelId) : null;
  }

  @ResolveField(() => FrameworkLevelPathway, { nullable: true, description: 'The pathway claimed.' })
  pathway(m: MappingView, _args: unknown, ctx: GraphQLContext) {
    if (m.pathway !== undefined) return m.pathway;
    return m.frameworkLevelPathwayId ? ctx.loaders.frameworkPathway.load(m.frameworkLevelPathwayId) : null;
  }

  @ResolveField(() => FrameworkLevel, { nullable: true, description: 'The level the reviewer accepted.' })
  acceptedLevel(m: MappingView, _args: unknown, ctx: GraphQLContext) {
    if (m.acceptedLevel !== undefined) return m.acceptedLevel;
    return m.acceptedLevelId ? ctx.loaders.frameworkLevel.load(m.acceptedLevelId) : null;
  }

  @ResolveField(() => FrameworkLevelPathway, {
    nullable: true,
    description: 'The pathway the reviewer accepted.',
  })
  acceptedPathway(m: MappingView, _args: unknown, ctx: GraphQLContext) {
    if (m.acceptedPathway !== undefined) return m.acceptedPathway;
    return m.acceptedPathwayId ? ctx.loaders.frameworkPathway.load(m.acceptedPathwayId) : null;
  }
}

@Resolver(() => DerivedEvidenceMapping)
export class DerivedEvidenceMappingResolver {
  @ResolveField(() => EvidenceMapping, {
    description: 'The original mapping it was derived from, with its claim and decision as they stand.',
  })
  async derivedFrom(d: DerivedEvidenceMapping, _args: unknown, ctx: GraphQLContext) {
    const mappings = await ctx.loaders.mappingsByVersion.load(d.evidenceVersionId);
    return mappings.find((m) => m.id === d.derivedFromMappingId)!;
  }
}

function toDerivedMapping(row: DerivedMappingRow): DerivedEvidenceMapping {
  return {
    id: row.id,
    derivedFromMappingId: row.sourceMappingId,
    evidenceVersionId: row.evidenceVersionId,
    item: row.item,
    via: row.via,
    standing: derivedMappingStanding({ via: row.via, status: row.status, decision: row.sourceDecision }),
    remapRunId: row.remapRunId,
    derivedAt: row.createdAt,
  };
}

@Resolver(() => EvidenceReview)
export class EvidenceReviewResolver {
  @ResolveField(() => User, { description: 'Who decided.' })
  reviewer(r: ReviewView, _args: unknown, ctx: GraphQLContext) {
    return r.reviewer ?? (ctx.loaders.user.load(r.reviewerUserId) as Promise<User>);
  }

  @ResolveField(() => User, {
    nullable: true,
    description: 'The PEPS Stage 2 countersigner, where one was needed.',
  })
  countersigner(r: ReviewView, _args: unknown, ctx: GraphQLContext) {
    if (r.countersigner !== undefined) return r.countersigner;
    return r.countersignerUserId ? ctx.loaders.user.load(r.countersignerUserId) : null;
  }
}
