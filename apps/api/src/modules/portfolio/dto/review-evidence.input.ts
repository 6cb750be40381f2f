import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import type { ReviewOutcome } from '#app/domain';
import { ReviewOutcomeEnum } from '../models/portfolio-enums.js';
import { MappingDecisionInput } from './mapping-decision.input.js';

@InputType({ description: 'Approve a submitted version or send it back.' })
export class ReviewEvidenceInput {
  @Field(() => ID, { description: 'The exact version decided.' })
  @IsUUID()
  evidenceVersionId!: string;

  @Field(() => Int, {
    description: 'The revision you read (from the version); if it changed since, the decision is refused.',
  })
  @IsInt()
  @Min(1)
  expectedRevision!: number;

  @Field(() => ReviewOutcomeEnum, { description: 'APPROVE or REQUEST_CHANGES.' })
  @IsEnum(ReviewOutcomeEnum)
  outcome!: ReviewOutcome;

  @Field({ description: 'Your comment to the practitioner.', defaultValue: '' })
  @IsString()
  @MaxLength(10_000)
  comment: string = '';

  @Field(() => [MappingDecisionInput], {
    description: 'One decision per mapping (every mapping to approve).',
    defaultValue: [],
  })
  @ArrayMaxSize(60)
  @ValidateNested({ each: true })
  @Type(() => MappingDecisionInput)
  mappingDecisions: MappingDecisionInput[] = [];

  @Field(() => ID, {
    nullable: true,
    description: 'A PEPS Stage 2 educator who ratifies a Stage 1 educator’s final-placement decision.',
  })
  @IsOptional()
  @IsUUID()
  countersignerUserId?: string | null;

  @Field({
    description: 'I have read the confidentiality warnings and nobody can be identified from this text.',
    defaultValue: false,
  })
  @IsBoolean()
  confirmNoIdentifiers: boolean = false;
}
