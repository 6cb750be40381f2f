import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ALIGNMENT_TYPES, type AlignmentType } from '#app/domain';

export const FrameworkAlignmentTypeEnum = Object.fromEntries(ALIGNMENT_TYPES.map((t) => [t, t])) as {
  [K in AlignmentType]: K;
};
registerEnumType(FrameworkAlignmentTypeEnum, {
  name: 'FrameworkAlignmentType',
  description:
    'How one framework item relates to another: the 1EdTech CASE association types (isChildOf is the hierarchy itself, never a link).',
});

export const FRAMEWORK_ALIGNMENT_ORIGINS = ['IMPORTED', 'ORGANISATION'] as const;
export type FrameworkAlignmentOrigin = (typeof FRAMEWORK_ALIGNMENT_ORIGINS)[number];
export const FrameworkAlignmentOriginEnum = Object.fromEntries(
  FRAMEWORK_ALIGNMENT_ORIGINS.map((o) => [o, o]),
) as { [K in FrameworkAlignmentOrigin]: K };
registerEnumType(FrameworkAlignmentOriginEnum, {
  name: 'FrameworkAlignmentOrigin',
  description: 'Where a link between framework items comes from.',
  valuesMap: {
    IMPORTED: { description: 'Came with the CASE package the item was imported from.' },
    ORGANISATION: { description: 'Added by a PSW of your organisation; only your organisation sees it.' },
  },
});

@ObjectType({ description: 'The item a link points at, named by framework code, version and item code.' })
export class FrameworkItemRef {
  @Field({ description: 'Framework code, e.g. KSS_CHILD_AND_FAMILY.' })
  frameworkCode!: string;

  @Field({ description: 'Framework version, e.g. 2018.' })
  version!: string;

  @Field({ description: 'Item code, e.g. 1.' })
  itemCode!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Item id; null if no framework you can see has an item with these codes.',
  })
  itemId!: string | null;

  @Field(() => String, { nullable: true, description: 'Item title; null with itemId.' })
  title!: string | null;
}

@ObjectType({
  description:
    'A link from a framework item to an item of another (or the same) framework: a crosswalk the source supports, never one Pathways invented.',
})
export class FrameworkItemAlignment {
  @Field(() => ID, {
    nullable: true,
    description: 'Id of your organisation’s link (to remove it); null for an imported one.',
  })
  id!: string | null;

  @Field(() => FrameworkAlignmentOriginEnum, { description: 'Where the link comes from.' })
  origin!: FrameworkAlignmentOrigin;

  @Field(() => FrameworkAlignmentTypeEnum, { description: 'How the items relate.' })
  type!: AlignmentType;

  @Field({
    description:
      'True when the source states the link (always, for an imported one); false for a judgement still to check.',
  })
  confirmed!: boolean;

  @Field({
    description: 'The citation or note behind the link; for an imported one, the CASE package it came from.',
  })
  source!: string;

  @Field(() => FrameworkItemRef, { description: 'The item linked to.' })
  target!: FrameworkItemRef;

  @Field(() => ID, {
    nullable: true,
    description: 'Who added your organisation’s link; null for an imported one.',
  })
  addedByUserId!: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was added; null for an imported one.' })
  addedAt!: Date | null;
}
