import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsEnum,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import type { AssessmentContext, CpdActivityType, EvidenceKind } from '#app/domain';
import { AssessmentContextEnum, CpdActivityTypeEnum, EvidenceKindEnum } from '../models/portfolio-enums.js';

const NOT_BLANK = /\S/;
const LONG_TEXT = 20_000;

@InputType({ description: 'Map evidence to a framework item of a specific version, at a level.' })
export class EvidenceMappingInput {
  @Field({ description: 'Framework code, e.g. PCF.' })
  @IsString()
  @Length(1, 60)
  frameworkCode!: string;

  @Field({ description: 'Framework version, e.g. 2018. Retired versions cannot take new mappings.' })
  @IsString()
  @Length(1, 40)
  version!: string;

  @Field({ description: 'Item code, e.g. PROFESSIONALISM.' })
  @IsString()
  @Length(1, 60)
  itemCode!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Level claimed, e.g. ASYE; required where the framework has levels.',
  })
  @IsOptional()
  @IsString()
  @Length(1, 60)
  levelCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Pathway within the level, where it has pathways.' })
  @IsOptional()
  @IsString()
  @Length(1, 60)
  pathwayCode?: string | null;

  @Field({ description: 'Why this evidence shows it.', defaultValue: '' })
  @IsString()
  @MaxLength(2_000)
  rationale: string = '';
}

@InputType({
  description: 'What was learnt from discussing the evidence with a peer, manager or other professional.',
})
export class PeerReflectionInput {
  @Field({ description: 'The reflection.' })
  @IsString()
  @Matches(NOT_BLANK, { message: 'must not be empty' })
  @MaxLength(LONG_TEXT)
  text!: string;

  @Field(() => String, { nullable: true, description: 'The peer’s role.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  peerRole?: string | null;

  @Field(() => String, { nullable: true, description: 'When it was discussed (YYYY-MM-DD).' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Length(10, 10)
  discussedOn?: string | null;
}

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

  @Field({ description: 'Date, or first day of a range (YYYY-MM-DD); not in the future.' })
  @IsISO8601({ strict: true })
  @Length(10, 10)
  dateFrom!: string;

  @Field(() => String, { nullable: true, description: 'Last day of a range.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Length(10, 10)
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

  @Field(() => String, { nullable: true, description: 'Date, or first day of a range.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Length(10, 10)
  dateFrom?: string;

  @Field(() => String, { nullable: true, description: 'Last day of a range.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Length(10, 10)
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

@InputType({ description: 'Send the current draft to a reviewer assigned to you.' })
export class SubmitEvidenceInput {
  @Field(() => ID, { description: 'Evidence id.' })
  @IsUUID()
  evidenceId!: string;

  @Field(() => ID, { description: 'User id of your assessor, practice educator or supervisor.' })
  @IsUUID()
  reviewerUserId!: string;

  @Field(() => AssessmentContextEnum, {
    nullable: true,
    description: 'Which assessment it is for; students say which placement.',
  })
  @IsOptional()
  @IsEnum(AssessmentContextEnum)
  assessmentContext?: AssessmentContext | null;
}

@InputType({ description: 'Take a submission back before it is decided.' })
export class WithdrawEvidenceInput {
  @Field(() => ID, { description: 'Evidence id.' })
  @IsUUID()
  evidenceId!: string;
}
