import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { WhatIfPerson } from '../../progression/models/eligibility.model.js';
import { FrameworkVersionRef } from '../../portfolio/evidence-version.resolver.js';
import { RemapLinkTypeEnum } from '../../portfolio/models/derived-mapping.model.js';
import type { RemapLinkType } from '#app/domain';

@ObjectType({ description: 'An item of a framework version, by id, code and title.' })
export class RemapItem {
  @Field(() => ID, { description: 'Item id.' })
  id!: string;

  @Field({ description: 'Item code.' })
  code!: string;

  @Field({ description: 'Item title.' })
  title!: string;
}

@ObjectType({ description: 'A link the remap follows, from an item remapped from to one remapped to.' })
export class RemapLink {
  @Field(() => RemapItem, { description: 'The item remapped from.' })
  from!: RemapItem;

  @Field(() => RemapItem, { description: 'The item remapped to.' })
  to!: RemapItem;

  @Field(() => RemapLinkTypeEnum, { description: 'exactMatchOf or replacedBy.' })
  via!: RemapLinkType;
}

@ObjectType({
  description:
    'One practitioner’s coverage of the version remapped to, now and after the remap. Approved means judged by a reviewer, or carried unchanged along exactMatchOf: never at a level nobody judged.',
})
export class RemapPractitionerCoverage {
  @Field(() => ID, { description: 'User id.' })
  userId!: string;

  @Field({ description: 'Full name.' })
  fullName!: string;

  @Field(() => Int, { description: 'Items of the version remapped to with approved evidence now.' })
  itemsApprovedBefore!: number;

  @Field(() => Int, {
    description: 'Items with approved evidence after the remap (carried along exactMatchOf).',
  })
  itemsApprovedAfter!: number;

  @Field(() => Int, {
    description:
      'Items that after the remap have evidence nobody has judged against them (replacedBy, or a source not yet accepted), and no approved evidence.',
  })
  itemsUnjudgedAfter!: number;

  @Field(() => [String], {
    description: 'Codes of the items that gain approved evidence, in framework order.',
  })
  itemsGained!: string[];

  @Field(() => Int, {
    description: 'Mappings the remap would derive for this practitioner’s evidence, new ones only.',
  })
  newDerivedMappings!: number;

  @Field(() => [String], {
    description:
      'Keys of the published routes this practitioner would become eligible for (empty with no published pathway).',
  })
  routesGained!: string[];

  @Field(() => [String], {
    description: 'Keys of the published routes this practitioner would stop being eligible for.',
  })
  routesLost!: string[];
}

@ObjectType({ description: 'A page of practitioners, ordered by user id.' })
export class RemapPractitionerPage {
  @Field(() => [RemapPractitionerCoverage], { description: 'This page.' })
  nodes!: RemapPractitionerCoverage[];

  @Field(() => Int, { description: 'Practitioners in the organisation.' })
  totalCount!: number;

  @Field({ description: 'More practitioners after this page.' })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the last practitioner on this page.' })
  endCursor!: string | null;
}

@ObjectType({ description: 'How the remap would change eligibility for one published route.' })
export class RemapRouteChange {
  @Field({ description: 'Route key.' })
  routeKey!: string;

  @Field(() => Int, { description: 'Eligible now.' })
  eligibleBefore!: number;

  @Field(() => Int, { description: 'Eligible after the remap.' })
  eligibleAfter!: number;

  @Field(() => [WhatIfPerson], { description: 'Eligible after the remap and not now, by name.' })
  gained!: WhatIfPerson[];

  @Field(() => [WhatIfPerson], { description: 'Eligible now and not after the remap, by name.' })
  lost!: WhatIfPerson[];
}

@ObjectType({ description: 'Eligibility on a published pathway, now and after the remap.' })
export class RemapEligibility {
  @Field(() => ID, { description: 'The pathway.' })
  pathwayId!: string;

  @Field(() => ID, { description: 'Its published version evaluated.' })
  pathwayVersionId!: string;

  @Field(() => GraphQLLocalDate, { description: 'Evaluation date.' })
  asOf!: string;

  @Field(() => [RemapRouteChange], { description: 'Per route of the published version.' })
  routes!: RemapRouteChange[];
}

@ObjectType({
  description:
    'What remapping your organisation’s evidence from one framework version to another would do, before it is applied. Nothing is written.',
})
export class FrameworkRemapPreview {
  @Field(() => FrameworkVersionRef, { description: 'The version remapped from.' })
  from!: FrameworkVersionRef;

  @Field(() => FrameworkVersionRef, { description: 'The version remapped to.' })
  to!: FrameworkVersionRef;

  @Field(() => [RemapLink], { description: 'The links followed (confirmed ones only), in framework order.' })
  links!: RemapLink[];

  @Field(() => Int, { description: 'Mappings of your evidence to the version remapped from.' })
  sourceMappings!: number;

  @Field(() => Int, { description: 'Mappings the remap derives, new or derived by an earlier run.' })
  derivedMappings!: number;

  @Field(() => Int, {
    description: 'Of those, derived by an earlier run already: applying adds the rest only.',
  })
  alreadyDerivedMappings!: number;

  @Field(() => Int, {
    description: 'Source mappings whose evidence already maps to every target itself: the original stands.',
  })
  alreadyMappedMappings!: number;

  @Field(() => Int, { description: 'Source mappings whose item has no target: not remapped.' })
  unmappedMappings!: number;

  @Field(() => [RemapItem], { description: 'Items remapped from that no followed link joins to a target.' })
  itemsWithoutTarget!: RemapItem[];

  @Field(() => RemapPractitionerPage, { description: 'Coverage now and after, per practitioner.' })
  practitioners!: RemapPractitionerPage;

  @Field(() => RemapEligibility, {
    nullable: true,
    description: 'Eligibility changes on the published pathway; null when none is published.',
  })
  eligibility!: RemapEligibility | null;
}

@ObjectType({ description: 'A remap applied: what it wrote, in counts.' })
export class FrameworkRemapRun {
  @Field(() => ID, { description: 'Run id (derived mappings name it).' })
  id!: string;

  @Field(() => FrameworkVersionRef, { description: 'The version remapped from.' })
  from!: FrameworkVersionRef;

  @Field(() => FrameworkVersionRef, { description: 'The version remapped to.' })
  to!: FrameworkVersionRef;

  @Field(() => Int, { description: 'Mappings this run derived.' })
  derivedCount!: number;

  @Field(() => Int, { description: 'Mappings an earlier run had derived already (not written again).' })
  alreadyDerivedCount!: number;

  @Field(() => Int, { description: 'Source mappings whose evidence already maps to every target itself.' })
  alreadyMappedCount!: number;

  @Field(() => Int, { description: 'Source mappings with no target.' })
  unmappedCount!: number;

  @Field(() => ID, { description: 'The PSW who ran it.' })
  runByUserId!: string;

  @Field({ description: 'When it ran.' })
  runAt!: Date;
}
