import { GraphQLLocalDate } from 'graphql-scalars';
import { Field, InputType, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, IsOptional, Max, Min } from 'class-validator';
import type { SamplingMethod } from '#app/domain';
import { IsDay } from '../../../common/is-day.js';
import { SamplingMethodEnum } from '../models/moderation-pack.model.js';

export const MODERATION_PACK_MAX = 200;
export const SEED_MAX = 2_147_483_647;

@InputType({
  description: 'Draw a sample of the organisation’s ASYE portfolios for a moderation panel (PSW).',
})
export class DrawModerationPackInput {
  @Field(() => Int, {
    description: `How many portfolios: 1 to ${MODERATION_PACK_MAX}, and no more than match.`,
  })
  @IsInt()
  @Min(1)
  @Max(MODERATION_PACK_MAX)
  size!: number;

  @Field(() => SamplingMethodEnum, { defaultValue: 'RANDOM', description: 'How to draw.' })
  @IsEnum(SamplingMethodEnum)
  method: SamplingMethod = 'RANDOM';

  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: 'Only ASYEs started on or after this day.',
  })
  @IsOptional()
  @IsDay()
  startedFrom?: string | null;

  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: 'Only ASYEs started on or before this day.',
  })
  @IsOptional()
  @IsDay()
  startedTo?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: `The seed of a draw to repeat (0 to ${SEED_MAX}); omit for a new random draw.`,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(SEED_MAX)
  seed?: number | null;
}
