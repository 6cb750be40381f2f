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
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import type { CriterionType, EvidenceKind, ProgressionMechanism, QualificationType } from '#app/domain';
import { EvidenceKindEnum } from '../../portfolio/models/portfolio-enums.js';
import { QualificationTypeEnum } from '../../qualifications/models/qualification.model.js';
import { CriterionTypeEnum, ProgressionMechanismEnum } from '../models/progression-enums.js';

const KEY = /^[A-Z][A-Z0-9_]*$/;

/**
 * One criterion; which fields apply depends on `type` (the domain checks each type's fields when the
 * design is saved, naming the field at fault). Signs are checked here: no negative counts.
 */
@InputType({ description: 'A route criterion. Set `type` and the fields that type uses.' })
export class CriterionInput {
  @Field(() => CriterionTypeEnum, { description: 'What the criterion checks.' })
  @IsEnum(CriterionTypeEnum)
  type!: CriterionType;

  @Field(() => [CriterionInput], { nullable: true, description: 'ALL_OF / ANY_OF: the children.' })
  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CriterionInput)
  criteria?: CriterionInput[];

  @Field(() => Int, {
    nullable: true,
    description: 'MIN_POST_QUALIFYING_MONTHS / MIN_MONTHS_IN_STAGE: months.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  months?: number;

  @Field(() => String, {
    nullable: true,
    description: 'APPROVED_EVIDENCE: the lowest PCF level that counts.',
  })
  @IsOptional()
  @IsString()
  @Length(1, 60)
  minLevelCode?: string;

  @Field(() => [String], {
    nullable: true,
    description: 'APPROVED_EVIDENCE: PCF domain codes (omit with allDomains).',
  })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  domainCodes?: string[];

  @Field({ nullable: true, description: 'APPROVED_EVIDENCE: all nine PCF domains.' })
  @IsOptional()
  @IsBoolean()
  allDomains?: boolean;

  @Field(() => Int, { nullable: true, description: 'APPROVED_EVIDENCE: pieces needed in each domain.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  minPiecesPerDomain?: number;

  @Field(() => Int, {
    nullable: true,
    description: 'APPROVED_EVIDENCE: only evidence from the last N months.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  withinMonths?: number;

  @Field(() => [EvidenceKindEnum], { nullable: true, description: 'APPROVED_EVIDENCE: only these kinds.' })
  @IsOptional()
  @IsEnum(EvidenceKindEnum, { each: true })
  kinds?: EvidenceKind[];

  @Field(() => String, { nullable: true, description: 'FRAMEWORK_COVERAGE: framework code.' })
  @IsOptional()
  @IsString()
  @Length(1, 60)
  frameworkCode?: string;

  @Field(() => String, { nullable: true, description: 'FRAMEWORK_COVERAGE: framework version.' })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  version?: string;

  @Field(() => Float, {
    nullable: true,
    description: 'FRAMEWORK_COVERAGE: share of items, above 0 and at most 1.',
  })
  @IsOptional()
  @IsNumber()
  minShare?: number;

  @Field(() => String, { nullable: true, description: 'FRAMEWORK_COVERAGE: only items of this kind.' })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  itemKind?: string;

  @Field(() => QualificationTypeEnum, { nullable: true, description: 'QUALIFICATION: the type.' })
  @IsOptional()
  @IsEnum(QualificationTypeEnum)
  qualificationType?: QualificationType;

  @Field(() => Int, { nullable: true, description: 'QUALIFICATION (PQ_CREDITS): credits needed.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  minCredits?: number;

  @Field({ nullable: true, description: 'QUALIFICATION: must be current on the day of evaluation.' })
  @IsOptional()
  @IsBoolean()
  currentOnEvaluationDate?: boolean;

  @Field(() => String, { nullable: true, description: 'QUALIFICATION: must be current on this day.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Length(10, 10)
  currentOn?: string;

  @Field(() => Int, { nullable: true, description: 'CPD_COMPLIANCE: completed registration years.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  registrationYears?: number;

  @Field(() => String, { nullable: true, description: 'HOLDS_STAGE: the stage key.' })
  @IsOptional()
  @IsString()
  @Length(1, 60)
  stageKey?: string;
}

@InputType({ description: 'A role on the pathway.' })
export class PathwayStageInput {
  @Field({ description: 'Stable key, e.g. ADVANCED_PRACTITIONER (capitals, digits, underscores).' })
  @Matches(KEY, { message: 'must be capitals, digits and underscores, starting with a letter' })
  @Length(1, 60)
  key!: string;

  @Field({ description: 'Name.' })
  @IsString()
  @Matches(/\S/, { message: 'must not be empty' })
  @MaxLength(200)
  name!: string;

  @Field({ description: 'What the role is.', defaultValue: '' })
  @IsString()
  @MaxLength(4_000)
  description: string = '';

  @Field(() => String, { nullable: true, description: 'PCF level code.' })
  @IsOptional()
  @IsString()
  @Length(1, 60)
  pcfLevelCode?: string | null;

  @Field(() => String, { nullable: true, description: 'PCF pathway within the level.' })
  @IsOptional()
  @IsString()
  @Length(1, 60)
  pcfPathwayCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Typical grade, free text.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  typicalGrade?: string | null;
}

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

@InputType({ description: 'A whole pathway design: the stages and the routes between them.' })
export class PathwayDesignInput {
  @Field({ description: 'The PCF version its levels and domains refer to.', defaultValue: '2018' })
  @IsString()
  @Length(1, 40)
  pcfVersion: string = '2018';

  @Field(() => [PathwayStageInput], { description: 'Stages.' })
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => PathwayStageInput)
  stages!: PathwayStageInput[];

  @Field(() => [PathwayRouteInput], { description: 'Routes.' })
  @ArrayMaxSize(300)
  @ValidateNested({ each: true })
  @Type(() => PathwayRouteInput)
  routes!: PathwayRouteInput[];
}

@InputType({ description: 'Start a pathway from the template ladder, as a draft.' })
export class CreatePathwayFromTemplateInput {
  @Field({ description: 'Name, unique in the organisation.' })
  @IsString()
  @Matches(/\S/, { message: 'must not be empty' })
  @MaxLength(200)
  name!: string;

  @Field({ description: 'What it is for.', defaultValue: '' })
  @IsString()
  @MaxLength(4_000)
  description: string = '';
}

@InputType({ description: 'Start the next draft of a pathway from its newest version.' })
export class CreatePathwayDraftInput {
  @Field(() => ID, { description: 'Pathway id.' })
  @IsUUID()
  pathwayId!: string;
}

@InputType({ description: 'Replace a draft’s design.' })
export class UpdatePathwayDraftInput {
  @Field(() => ID, { description: 'Draft version id.' })
  @IsUUID()
  versionId!: string;

  @Field(() => Int, {
    description: 'The revision you edited; a different one means someone else changed it.',
  })
  @IsInt()
  @Min(1)
  expectedRevision!: number;

  @Field(() => PathwayDesignInput, { description: 'The whole design.' })
  @ValidateNested()
  @Type(() => PathwayDesignInput)
  design!: PathwayDesignInput;
}

@InputType({ description: 'Add a route to a draft, or replace the route with the same key.' })
export class PutPathwayRouteInput {
  @Field(() => ID, { description: 'Draft version id.' })
  @IsUUID()
  versionId!: string;

  @Field(() => Int, { description: 'The revision you edited.' })
  @IsInt()
  @Min(1)
  expectedRevision!: number;

  @Field(() => PathwayStageInput, {
    nullable: true,
    description: 'A stage to add first (or replace, by key).',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => PathwayStageInput)
  stage?: PathwayStageInput;

  @Field(() => PathwayRouteInput, { description: 'The route.' })
  @ValidateNested()
  @Type(() => PathwayRouteInput)
  route!: PathwayRouteInput;
}

@InputType({ description: 'Publish a draft; the previously published version retires.' })
export class PublishPathwayVersionInput {
  @Field(() => ID, { description: 'Draft version id.' })
  @IsUUID()
  versionId!: string;
}
