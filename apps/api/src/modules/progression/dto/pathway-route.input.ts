import { Field, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEnum, IsString, Length, Matches, ValidateNested } from 'class-validator';
import type { ProgressionMechanism } from '#app/domain';
import { ProgressionMechanismEnum } from '../models/progression-enums.js';
import { CriterionInput } from './criterion.input.js';
import { KEY } from './input-rules.js';

@InputType({ description: 'A route from one stage to another, with its criteria.' })
export class PathwayRouteInput {
  @Field({ description: 'Stable key, e.g. EXPERIENCED_TO_ADVANCED.' })
  @Matches(KEY, { message: 'must be capitals, digits and underscores, starting with a letter' })
  @Length(1, 60)
  key!: string;

  @Field({ description: 'Stage the route leaves.' })
  @IsString()
  @Length(1, 60)
  fromStageKey!: string;

  @Field({ description: 'Stage the route reaches.' })
  @IsString()
  @Length(1, 60)
  toStageKey!: string;

  @Field(() => ProgressionMechanismEnum, { description: 'How the move is decided.' })
  @IsEnum(ProgressionMechanismEnum)
  mechanism!: ProgressionMechanism;

  @Field(() => CriterionInput, { description: 'The criteria (use ALL_OF or ANY_OF to combine).' })
  @ValidateNested()
  @Type(() => CriterionInput)
  criteria!: CriterionInput;
}
