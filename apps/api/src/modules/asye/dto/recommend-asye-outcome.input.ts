import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import type { AsyeOutcome } from '#app/domain';
import { AsyeOutcomeEnum } from '../models/asye.model.js';
import { NOT_BLANK } from './input-rules.js';

@InputType({ description: 'The assessor’s final recommendation.' })
export class RecommendAsyeOutcomeInput {
  @Field(() => ID, { description: 'The programme.' })
  @IsUUID()
  programmeId!: string;

  @Field(() => AsyeOutcomeEnum, { description: 'Pass or fail.' })
  @IsEnum(AsyeOutcomeEnum)
  outcome!: AsyeOutcome;

  @Field({ description: 'The reasons, against the PCF ASYE level and the PQS.' })
  @IsString()
  @Matches(NOT_BLANK, { message: 'must not be empty' })
  @MaxLength(20_000)
  comment!: string;

  @Field({
    description: 'I have read the confidentiality warnings and nobody can be identified from this text.',
    defaultValue: false,
  })
  @IsBoolean()
  confirmNoIdentifiers: boolean = false;
}
