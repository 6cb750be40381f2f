import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import type { AsyeOutcome } from '#app/domain';
import { AsyeOutcomeEnum } from '../models/asye.model.js';
import { NOT_BLANK } from './input-rules.js';

@InputType({
  description: 'The second assessor’s own judgement of the year, kept beside the recommendation.',
})
export class RecordAsyeSecondOpinionInput {
  @Field(() => ID, { description: 'The programme.' })
  @IsUUID()
  programmeId!: string;

  @Field(() => AsyeOutcomeEnum, { description: 'Pass or fail, in your own judgement.' })
  @IsEnum(AsyeOutcomeEnum)
  outcome!: AsyeOutcome;

  @Field({ description: 'Your reasons, against the PCF ASYE level and the PQS.' })
  @IsString()
  @Matches(NOT_BLANK, { message: 'must not be empty' })
  @MaxLength(20_000)
  reasons!: string;

  @Field({
    description: 'I have read the confidentiality warnings and nobody can be identified from this text.',
    defaultValue: false,
  })
  @IsBoolean()
  confirmNoIdentifiers: boolean = false;
}
