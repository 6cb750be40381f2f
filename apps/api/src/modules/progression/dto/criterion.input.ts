import { Field, Float, InputType, Int } from '@nestjs/graphql';
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
  Length,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsDay } from '../../../common/is-day.js';
import type { CriterionType, EvidenceKind, QualificationType } from '#app/domain';
import { EvidenceKindEnum } from '../../portfolio/models/portfolio-enums.js';
import { QualificationTypeEnum } from '../../qualifications/models/qualification.model.js';
import { CriterionTypeEnum } from '../models/progression-enums.js';

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

  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: 'QUALIFICATION: must be current on this day.',
  })
  @IsOptional()
  @IsDay()
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
