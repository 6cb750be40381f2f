import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  DERIVED_MAPPING_STANDINGS,
  REMAP_LINK_TYPES,
  type DerivedMappingStanding,
  type RemapLinkType,
} from '#app/domain';

export const RemapLinkTypeEnum = Object.fromEntries(REMAP_LINK_TYPES.map((t) => [t, t])) as {
  [K in RemapLinkType]: K;
};
registerEnumType(RemapLinkTypeEnum, {
  name: 'RemapLinkType',
  description:
    'The link a remap followed: exactMatchOf (the same capability) or replacedBy (its replacement).',
});

export const DerivedMappingStandingEnum = Object.fromEntries(
  DERIVED_MAPPING_STANDINGS.map((s) => [s, s]),
) as { [K in DerivedMappingStanding]: K };
registerEnumType(DerivedMappingStandingEnum, {
  name: 'DerivedMappingStanding',
  description:
    'What a remapped mapping counts as. CARRIED: approved evidence of the item, never at any level (exactMatchOf from a mapping a reviewer accepted). UNJUDGED: evidence for the item nobody has judged against it (replacedBy, or a source not accepted).',
  valuesMap: {
    CARRIED: { description: 'Counts as approved evidence of the item, at no level.' },
    UNJUDGED: { description: 'Evidence for the item that nobody has judged against it.' },
  },
});

@ObjectType({ description: 'A framework item a mapping was remapped to.' })
export class DerivedMappingItem {
  @Field(() => ID, { description: 'Item id.' })
  id!: string;

  @Field({ description: 'Item code.' })
  code!: string;

  @Field({ description: 'Item title.' })
  title!: string;

  @Field({ description: 'Framework code.' })
  frameworkCode!: string;

  @Field({ description: 'Framework version.' })
  version!: string;
}

@ObjectType({
  description:
    'A mapping a remap derived from one of this version’s original mappings onto an item of another framework version. It has no level and no decision of its own: it is never signed off at a level nobody judged.',
})
export class DerivedEvidenceMapping {
  @Field(() => ID, { description: 'Derived mapping id.' })
  id!: string;

  @Field(() => ID, { description: 'The original mapping it was derived from (see derivedFrom).' })
  derivedFromMappingId!: string;

  evidenceVersionId!: string;

  @Field(() => DerivedMappingItem, { description: 'The item it maps to.' })
  item!: DerivedMappingItem;

  @Field(() => RemapLinkTypeEnum, { description: 'The link the remap followed.' })
  via!: RemapLinkType;

  @Field(() => DerivedMappingStandingEnum, {
    description: 'What it counts as, worked out from the original mapping’s current decision.',
  })
  standing!: DerivedMappingStanding;

  @Field(() => ID, { description: 'The remap run that derived it.' })
  remapRunId!: string;

  @Field({ description: 'When it was derived.' })
  derivedAt!: Date;
}
