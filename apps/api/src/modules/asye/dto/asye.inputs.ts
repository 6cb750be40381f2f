import { ArgsType, Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import {
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
} from 'class-validator';
import type { AsyeOutcome, AsyePauseReason } from '#app/domain';
import { AsyeOutcomeEnum, AsyePauseReasonEnum } from '../models/asye.model.js';

const NOT_BLANK = /\S/;

@InputType({ description: 'Start an NQSW’s ASYE.' })
export class StartAsyeInput {
  @Field(() => ID, { description: 'The NQSW.' })
  @IsUUID()
  practitionerId!: string;

  @Field(() => ID, {
    description: 'The assessor: a registered, experienced social worker with the ASSESSOR role.',
  })
  @IsUUID()
  assessorId!: string;

  @Field(() => ID, { description: 'The line manager.' })
  @IsUUID()
  lineManagerId!: string;

  @Field({ description: 'First day (YYYY-MM-DD).' })
  @IsISO8601({ strict: true })
  @Length(10, 10)
  startDate!: string;

  @Field(() => Float, {
    description: 'Contracted hours a week (protected time is pro rata).',
    defaultValue: 37,
  })
  @IsNumber({ maxDecimalPlaces: 1 })
  @Min(1)
  @Max(60)
  contractedHoursPerWeek: number = 37;
}

@InputType({
  description: 'Pause an ASYE (sickness, bereavement, parental leave, lack of support; never capability).',
})
export class PauseAsyeInput {
  @Field(() => ID, { description: 'The programme.' })
  @IsUUID()
  programmeId!: string;

  @Field({ description: 'First day paused.' })
  @IsISO8601({ strict: true })
  @Length(10, 10)
  startsOn!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Last day paused; omit while not known (resume later).',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Length(10, 10)
  endsOn?: string | null;

  @Field(() => AsyePauseReasonEnum, { description: 'Why.' })
  @IsEnum(AsyePauseReasonEnum)
  reason!: AsyePauseReason;
}

@InputType({ description: 'End the open pause of an ASYE.' })
export class ResumeAsyeInput {
  @Field(() => ID, { description: 'The programme.' })
  @IsUUID()
  programmeId!: string;

  @Field({ description: 'Last day paused (the NQSW is back the day after).' })
  @IsISO8601({ strict: true })
  @Length(10, 10)
  endsOn!: string;
}

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

@InputType({ description: 'Record protected development time taken on a day.' })
export class RecordProtectedTimeInput {
  @Field(() => ID, { description: 'The programme.' })
  @IsUUID()
  programmeId!: string;

  @Field({ description: 'The day; not in the future.' })
  @IsISO8601({ strict: true })
  @Length(10, 10)
  date!: string;

  @Field(() => Int, { description: 'Minutes (1 to 1440).' })
  @IsInt()
  @Min(1)
  @Max(1440)
  minutes!: number;
}

@InputType({ description: 'The assessor’s final recommendation.' })
export class RecommendAsyeOutcomeInput {
  @Field(() => ID, { description: 'The programme.' })
  @IsUUID()
  programmeId!: string;

  @Field(() => AsyeOutcomeEnum, { description: 'Pass or fail.' })
  @IsEnum(AsyeOutcomeEnum)
  outcome!: AsyeOutcome;

  @Field({ description: 'The reasons, against the PCF ASYE level and the PQS.' })
  @IsString()
  @Matches(NOT_BLANK, { message: 'must not be empty' })
  @MaxLength(20_000)
  comment!: string;

  @Field({
    description: 'I have read the confidentiality warnings and nobody can be identified from this text.',
    defaultValue: false,
  })
  @IsBoolean()
  confirmNoIdentifiers: boolean = false;
}

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

@ArgsType()
export class AsyeProgrammeArgs {
  @Field(() => ID, { nullable: true, description: 'Whose ASYE; yours when omitted.' })
  @IsOptional()
  @IsUUID()
  practitionerUserId?: string;
}

@ArgsType()
export class AsyeCohortArgs {
  @Field({ description: 'Include ASYEs whose outcome is confirmed.', defaultValue: false })
  @IsBoolean()
  includeConfirmed: boolean = false;
}
