import { Field, ID, InputType } from '@nestjs/graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { IsBoolean, IsString, IsUUID, Length, Matches, MaxLength } from 'class-validator';
import { IsDay } from '../../../common/is-day.js';
import { NOT_BLANK } from './input-rules.js';

@InputType({ description: 'Record a review point the assessor held.' })
export class RecordAsyeReviewPointInput {
  @Field(() => ID, { description: 'The programme.' })
  @IsUUID()
  programmeId!: string;

  @Field({ description: 'Review point code, e.g. THREE_MONTH, SIX_MONTH, FINAL.' })
  @IsString()
  @Length(1, 40)
  code!: string;

  @Field(() => GraphQLLocalDate, { description: 'When it was held; not in the future.' })
  @IsDay()
  heldOn!: string;

  @Field({ description: 'The assessor’s comments.' })
  @IsString()
  @Matches(NOT_BLANK, { message: 'must not be empty' })
  @MaxLength(20_000)
  assessorComments!: string;

  @Field({
    description: 'I have read the confidentiality warnings and nobody can be identified from this text.',
    defaultValue: false,
  })
  @IsBoolean()
  confirmNoIdentifiers: boolean = false;
}
