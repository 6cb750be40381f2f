import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { SAMPLING_METHODS, type SamplingMethod } from '#app/domain';

export const SamplingMethodEnum = Object.fromEntries(SAMPLING_METHODS.map((m) => [m, m])) as {
  [K in SamplingMethod]: K;
};
registerEnumType(SamplingMethodEnum, {
  name: 'ModerationSamplingMethod',
  description: 'How a moderation sample is drawn.',
  valuesMap: {
    RANDOM: { description: 'A simple random sample.' },
    STRATIFIED_BY_ASSESSOR: {
      description:
        'In proportion to each assessor’s share of the eligible ASYEs, at least one from every assessor when the size allows.',
    },
  },
});

@ObjectType({ description: 'One sampled portfolio, by its labels in the pack: never the person’s name.' })
export class ModerationPackPortfolio {
  @Field({ description: 'Practitioner A, Practitioner B, … in the order drawn.' })
  label!: string;

  @Field({ description: 'Assessor 1, Assessor 2, …: one label for each assessor in the pack.' })
  assessorLabel!: string;
}

@ObjectType({
  description:
    'A sample of ASYE portfolios drawn for a moderation panel, anonymised. The seed, method, size and cohort draw the same sample again from the same ASYEs.',
})
export class ModerationPack {
  @Field(() => ID, { description: 'The pack; its PDFs download from /moderation-packs/<id>/portfolios.zip.' })
  id!: string;

  @Field(() => SamplingMethodEnum, { description: 'How the sample was drawn.' })
  method!: SamplingMethod;

  @Field(() => Int, { description: 'The draw’s seed.' })
  seed!: number;

  @Field(() => Int, { description: 'Portfolios in the pack.' })
  size!: number;

  @Field(() => Int, { description: 'ASYEs that matched the cohort when the sample was drawn.' })
  eligibleCount!: number;

  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: 'Only ASYEs started on or after this day.',
  })
  cohortStartedFrom!: string | null;

  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: 'Only ASYEs started on or before this day.',
  })
  cohortStartedTo!: string | null;

  @Field({ description: 'When the sample was drawn.' })
  drawnAt!: Date;

  @Field(() => [ModerationPackPortfolio], { description: 'The sampled portfolios, in drawn order.' })
  portfolios!: ModerationPackPortfolio[];
}
