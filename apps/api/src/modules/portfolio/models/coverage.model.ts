import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'How much evidence maps to one framework item at one level.' })
export class CoverageCell {
  @Field({ description: 'Item code, e.g. PCF domain PROFESSIONALISM.' })
  itemCode!: string;

  @Field({ description: 'Item title.' })
  itemTitle!: string;

  @Field(() => String, { nullable: true, description: 'Level code (null for frameworks without levels).' })
  levelCode!: string | null;

  @Field(() => String, { nullable: true, description: 'Level name.' })
  levelName!: string | null;

  @Field(() => Int, { nullable: true, description: 'Level position, from 1.' })
  levelOrdinal!: number | null;

  @Field(() => Int, { description: 'Pieces whose newest version is a draft.' })
  draft!: number;

  @Field(() => Int, { description: 'Pieces waiting for a decision.' })
  submitted!: number;

  @Field(() => Int, { description: 'Pieces approved with this mapping accepted (at this level).' })
  approved!: number;

  @Field(() => Int, { description: 'Pieces sent back for changes.' })
  changesRequested!: number;
}

@ObjectType({
  description: 'Approved evidence that covers an item only through your organisation’s confirmed links.',
})
export class CoverageThroughAlignment {
  @Field({ description: 'Item code.' })
  itemCode!: string;

  @Field({ description: 'Item title.' })
  itemTitle!: string;

  @Field(() => Int, {
    description:
      'Approved pieces accepted for an item linked to this one (by a confirmed link), not for this one itself.',
  })
  approved!: number;
}

@ObjectType({
  description:
    'Evidence that maps to an item only through a remap (frameworkRemap): never counted in cells, never at a level.',
})
export class CoverageDerived {
  @Field({ description: 'Item code.' })
  itemCode!: string;

  @Field({ description: 'Item title.' })
  itemTitle!: string;

  @Field(() => Int, {
    description:
      'Approved pieces whose accepted mapping was carried here along exactMatchOf (the same capability): approved evidence of the item, at no level.',
  })
  carried!: number;

  @Field(() => Int, {
    description:
      'Pieces remapped here that nobody has judged against this item (replacedBy, or a source not accepted), and not carried.',
  })
  unjudged!: number;
}

@ObjectType({
  description:
    'A practitioner’s coverage of one framework version. Coverage informs a human judgement; it never promotes anyone.',
})
export class Coverage {
  @Field({ description: 'Framework code.' })
  frameworkCode!: string;

  @Field({ description: 'Framework version.' })
  version!: string;

  @Field(() => [CoverageCell], { description: 'Counts per item and level, in framework order.' })
  cells!: CoverageCell[];

  @Field(() => [String], {
    description:
      'Codes of the framework’s top-level items (PCF: domains) with no approved evidence yet: judged, or carried by a remap (see derived), and through links too with throughAlignments: true.',
  })
  itemsWithoutApprovedEvidence!: string[];

  @Field(() => [CoverageThroughAlignment], {
    description:
      'With throughAlignments: true, the items covered through your organisation’s confirmed links, in framework order; otherwise empty.',
  })
  throughAlignments!: CoverageThroughAlignment[];

  @Field(() => [CoverageDerived], {
    description:
      'Evidence remapped onto the items from another framework version, in framework order: shown apart from cells, since nobody judged it at a level of this version.',
  })
  derived!: CoverageDerived[];
}
