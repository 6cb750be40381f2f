import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { FRAMEWORK_VERSION_STATUSES, type FrameworkVersionStatus } from '#app/persistence';

export const FrameworkVersionStatusEnum = Object.fromEntries(
  FRAMEWORK_VERSION_STATUSES.map((s) => [s, s]),
) as {
  [K in FrameworkVersionStatus]: K;
};
registerEnumType(FrameworkVersionStatusEnum, {
  name: 'FrameworkVersionStatus',
  description: 'CURRENT versions take new mappings; RETIRED ones stay readable for old evidence.',
});

@ObjectType({ description: 'A professional framework (PCF, Social Work England standards, KSS…).' })
export class Framework {
  @Field(() => ID, { description: 'Framework id.' })
  id!: string;

  @Field({ description: 'Stable code, e.g. PCF.' })
  code!: string;

  @Field({ description: 'Name.' })
  name!: string;

  @Field({ description: 'Body that owns the framework.' })
  owner!: string;

  @Field({ description: 'What the framework is for.' })
  description!: string;

  @Field(() => ID, {
    nullable: true,
    description:
      'The organisation that imported it (a CASE file); null for a reference framework shipped with Pathways.',
  })
  organisationId!: string | null;
}

@ObjectType({ description: 'One version of a framework; evidence is always mapped to a specific version.' })
export class FrameworkVersion {
  @Field(() => ID, { description: 'Version id.' })
  id!: string;

  @Field(() => ID, { description: 'Framework id.' })
  frameworkId!: string;

  @Field({ description: 'Version label, e.g. 2018.' })
  version!: string;

  @Field(() => FrameworkVersionStatusEnum, { description: 'Current or retired.' })
  status!: FrameworkVersionStatus;

  @Field(() => GraphQLLocalDate, { description: 'First day the version applies (YYYY-MM-DD).' })
  effectiveFrom!: string;

  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: 'Last day it applies, if retired or scheduled to be.',
  })
  effectiveTo!: string | null;

  @Field(() => String, { nullable: true, description: 'Sources and caveats.' })
  notes!: string | null;
}

@ObjectType({
  description: 'A statement of a framework version: a domain, standard, sub-standard or statement.',
})
export class FrameworkItem {
  @Field(() => ID, { description: 'Item id.' })
  id!: string;

  @Field({
    description: 'Code, stable across versions where the item carries over (e.g. PROFESSIONALISM, 4.1).',
  })
  code!: string;

  @Field({ description: 'Kind: SUPER_DOMAIN, DOMAIN, STANDARD, SUB_STANDARD, STATEMENT…' })
  kind!: string;

  @Field(() => ID, { nullable: true, description: 'Parent item id (e.g. the super-domain of a PCF domain).' })
  parentId!: string | null;

  @Field(() => Int, { description: 'Order among its siblings, from 1.' })
  ordinal!: number;

  @Field({ description: 'Title.' })
  title!: string;

  @Field({ description: 'Summary (a paraphrase of the owner’s wording).' })
  description!: string;

  @Field({
    description: 'False where the official wording could not be confirmed: check it before relying on it.',
  })
  confirmed!: boolean;
}

@ObjectType({
  description: 'A parallel pathway within a level (e.g. Advanced: practitioner, educator, manager).',
})
export class FrameworkLevelPathway {
  @Field(() => ID, { description: 'Pathway id.' })
  id!: string;

  @Field({ description: 'Code, e.g. PRACTITIONER.' })
  code!: string;

  @Field(() => Int, { description: 'Order within the level, from 1.' })
  ordinal!: number;

  @Field({ description: 'Name.' })
  name!: string;

  @Field({ description: 'What the pathway expects.' })
  description!: string;

  @Field({ description: 'False where the official wording could not be confirmed.' })
  confirmed!: boolean;
}

@ObjectType({ description: 'An ordered level of a framework version (PCF: Entry to Strategic).' })
export class FrameworkLevel {
  @Field(() => ID, { description: 'Level id.' })
  id!: string;

  @Field({ description: 'Code, e.g. ASYE.' })
  code!: string;

  @Field(() => Int, { description: 'Position, from 1 (lowest).' })
  ordinal!: number;

  @Field({ description: 'Name.' })
  name!: string;

  @Field({ description: 'Group: Student, Qualified, Advanced, Strategic.' })
  groupName!: string;

  @Field({ description: 'What the level expects.' })
  description!: string;

  @Field({ description: 'False where the official wording could not be confirmed.' })
  confirmed!: boolean;
}
