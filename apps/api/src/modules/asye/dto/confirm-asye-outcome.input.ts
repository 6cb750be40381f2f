import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import type { AsyeOutcome } from '#app/domain';
import { AsyeOutcomeEnum } from '../models/asye.model.js';

@InputType({
  description:
    'Confirm the outcome, as the PSW or for the moderation panel: the assessor’s recommendation, or, when a second opinion differs from it, the outcome you choose between them and why.',
})
export class ConfirmAsyeOutcomeInput {
  @Field(() => ID, { description: 'The programme.' })
  @IsUUID()
  programmeId!: string;

  @Field({
    description: 'Confirming for the panel rather than as PSW (always so for administrators).',
    defaultValue: false,
  })
  @IsBoolean()
  forPanel: boolean = false;

  @Field(() => AsyeOutcomeEnum, {
    nullable: true,
    description:
      'The outcome you confirm. Required when the second opinion differs from the recommendation; otherwise it must be the recommendation’s if given.',
  })
  @IsOptional()
  @IsEnum(AsyeOutcomeEnum)
  outcome?: AsyeOutcome | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Any comment; when the two assessors disagree, the reason for the outcome chosen (required then).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(20_000)
  comment?: string | null;

  @Field({
    description: 'I have read the confidentiality warnings and nobody can be identified from this text.',
    defaultValue: false,
  })
  @IsBoolean()
  confirmNoIdentifiers: boolean = false;
}
