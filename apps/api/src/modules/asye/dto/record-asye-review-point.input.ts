import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsISO8601, IsString, IsUUID, Length, Matches, MaxLength } from 'class-validator';
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

  @Field({ description: 'When it was held; not in the future.' })
  @IsISO8601({ strict: true })
  @Length(10, 10)
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
