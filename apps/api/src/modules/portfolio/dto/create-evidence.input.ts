import { Field, Float, InputType } from '@nestjs/graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsEnum,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsDay } from '../../../common/is-day.js';
import type { CpdActivityType, EvidenceKind } from '#app/domain';
import { CpdActivityTypeEnum, EvidenceKindEnum } from '../models/portfolio-enums.js';
import { EvidenceMappingInput } from './evidence-mapping.input.js';
import { PeerReflectionInput } from './peer-reflection.input.js';
import { NOT_BLANK, LONG_TEXT } from './input-rules.js';

@InputType({ description: 'A new piece of evidence, saved as a draft.' })
export class CreateEvidenceInput {
  @Field(() => EvidenceKindEnum, { description: 'Kind of evidence.' })
  @IsEnum(EvidenceKindEnum)
  kind!: EvidenceKind;

  @Field(() => CpdActivityTypeEnum, {
    nullable: true,
    description: 'Type of CPD; required for CPD activities.',
  })
  @IsOptional()
  @IsEnum(CpdActivityTypeEnum)
  cpdActivityType?: CpdActivityType | null;

  @Field({ description: 'Title.' })
  @IsString()
  @Matches(NOT_BLANK, { message: 'must not be empty' })
  @MaxLength(200)
  title!: string;

  @Field(() => GraphQLLocalDate, {
    description: 'Date, or first day of a range (YYYY-MM-DD); not in the future.',
  })
  @IsDay()
  dateFrom!: string;

  @Field(() => GraphQLLocalDate, { nullable: true, description: 'Last day of a range.' })
  @IsOptional()
  @IsDay()
  dateTo?: string | null;

  @Field(() => Float, { nullable: true, description: 'Hours (0 to 999, two decimals).' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(999)
  hours?: number | null;

  @Field({ description: 'What it was and why it is relevant.', defaultValue: '' })
  @IsString()
  @MaxLength(LONG_TEXT)
  description: string = '';

  @Field({ description: 'What I learnt.', defaultValue: '' })
  @IsString()
  @MaxLength(LONG_TEXT)
  learning: string = '';

  @Field({ description: 'The impact on my practice and the people I work with.', defaultValue: '' })
  @IsString()
  @MaxLength(LONG_TEXT)
  impact: string = '';

  @Field(() => PeerReflectionInput, { nullable: true, description: 'Peer reflection.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PeerReflectionInput)
  peerReflection?: PeerReflectionInput | null;

  @Field(() => [EvidenceMappingInput], { description: 'Framework items it evidences.', defaultValue: [] })
  @ArrayMaxSize(60)
  @ValidateNested({ each: true })
  @Type(() => EvidenceMappingInput)
  mappings: EvidenceMappingInput[] = [];

  @Field({
    description: 'I have read the confidentiality warnings and nobody can be identified from this text.',
    defaultValue: false,
  })
  @IsBoolean()
  confirmNoIdentifiers: boolean = false;
}
