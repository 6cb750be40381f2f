import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

@InputType({ description: 'Confirm the assessor’s recommendation, as the PSW or for the moderation panel.' })
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

  @Field(() => String, { nullable: true, description: 'Any comment.' })
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
