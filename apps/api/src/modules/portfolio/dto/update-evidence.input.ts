import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsEnum,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsDay } from '../../../common/is-day.js';
import type { CpdActivityType } from '#app/domain';
import { CpdActivityTypeEnum } from '../models/portfolio-enums.js';
import { EvidenceMappingInput } from './evidence-mapping.input.js';
import { PeerReflectionInput } from './peer-reflection.input.js';
import { NOT_BLANK, LONG_TEXT } from './input-rules.js';

@InputType({
  description:
    'Change a piece of evidence. A draft is edited in place; approved or sent-back evidence gets a new draft version. Omitted fields stay as they are.',
})
export class UpdateEvidenceInput {
  @Field(() => ID, { description: 'Evidence id.' })
  @IsUUID()
  evidenceId!: string;

  @Field(() => Int, {
    nullable: true,
    description:
      'The revision you edited (from the current version); a different one means someone else changed it.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedRevision?: number | null;

  @Field(() => CpdActivityTypeEnum, { nullable: true, description: 'Type of CPD.' })
  @IsOptional()
  @IsEnum(CpdActivityTypeEnum)
  cpdActivityType?: CpdActivityType | null;

  @Field(() => String, { nullable: true, description: 'Title.' })
  @IsOptional()
  @IsString()
  @Matches(NOT_BLANK, { message: 'must not be empty' })
  @MaxLength(200)
  title?: string;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Date, or first day of a range.' })
  @IsOptional()
  @IsDay()
  dateFrom?: string;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Last day of a range.' })
  @IsOptional()
  @IsDay()
  dateTo?: string | null;

  @Field(() => Float, { nullable: true, description: 'Hours.' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(999)
  hours?: number | null;

  @Field(() => String, { nullable: true, description: 'What it was.' })
  @IsOptional()
  @IsString()
  @MaxLength(LONG_TEXT)
  description?: string;

  @Field(() => String, { nullable: true, description: 'What I learnt.' })
  @IsOptional()
  @IsString()
  @MaxLength(LONG_TEXT)
  learning?: string;

  @Field(() => String, { nullable: true, description: 'The impact.' })
  @IsOptional()
  @IsString()
  @MaxLength(LONG_TEXT)
  impact?: string;

  @Field(() => PeerReflectionInput, {
    nullable: true,
    description: 'Peer reflection (replaces the old one).',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => PeerReflectionInput)
  peerReflection?: PeerReflectionInput | null;

  @Field({ nullable: true, description: 'Remove the peer reflection.' })
  @IsOptional()
  @IsBoolean()
  removePeerReflection?: boolean;

  @Field(() => [EvidenceMappingInput], { nullable: true, description: 'Replaces every mapping.' })
  @IsOptional()
  @ArrayMaxSize(60)
  @ValidateNested({ each: true })
  @Type(() => EvidenceMappingInput)
  mappings?: EvidenceMappingInput[];

  @Field({ nullable: true, description: 'Confirm the confidentiality warnings identify nobody.' })
  @IsOptional()
  @IsBoolean()
  confirmNoIdentifiers?: boolean;
}
