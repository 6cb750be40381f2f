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
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import type { ApplicationDecision, ApplicationStatus } from '#app/domain';
import { PageArgs } from '../../../graphql/pagination.js';
import { ApplicationDecisionEnum, ApplicationStatusEnum } from '../models/progression-enums.js';

@ArgsType()
export class ProgressionArgs {
  @Field(() => ID, { nullable: true, description: 'Whose progression; yours when omitted.' })
  @IsOptional()
  @IsUUID()
  practitionerUserId?: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Which pathway; the organisation’s first published one when omitted.',
  })
  @IsOptional()
  @IsUUID()
  pathwayId?: string;
}

@ArgsType()
export class RouteEligibilityArgs extends ProgressionArgs {
  @Field({ description: 'Route key.' })
  @IsString()
  @Length(1, 60)
  routeKey!: string;
}

@ArgsType()
export class PathwayArgs {
  @Field(() => ID, {
    nullable: true,
    description: 'Which pathway; the organisation’s first published one when omitted.',
  })
  @IsOptional()
  @IsUUID()
  pathwayId?: string;
}

@ArgsType()
export class IdArgs {
  @Field(() => ID, { description: 'Id.' })
  @IsUUID()
  id!: string;
}

@ArgsType()
export class VersionArgs {
  @Field(() => ID, { description: 'Draft version id.' })
  @IsUUID()
  versionId!: string;
}

@ArgsType()
export class CandidatesArgs extends PathwayArgs {
  @Field({ description: 'Route key.' })
  @IsString()
  @Length(1, 60)
  routeKey!: string;

  @Field(() => Float, {
    description: 'Include people not yet eligible from this closeness (0 to 1).',
    defaultValue: 0.5,
  })
  @IsNumber()
  @Min(0)
  @Max(1)
  minCloseness: number = 0.5;

  @Field(() => Int, { description: 'How many (1 to 100).', defaultValue: 20 })
  @IsInt()
  @Min(1)
  @Max(100)
  first: number = 20;

  @Field(() => String, { nullable: true, description: 'Cursor from the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  after?: string;
}

@ArgsType()
export class ApplicationsArgs extends PageArgs {
  @Field(() => ApplicationStatusEnum, { nullable: true, description: 'Only this status.' })
  @IsOptional()
  @IsEnum(ApplicationStatusEnum)
  status?: ApplicationStatus;
}

@ArgsType()
export class StageHistoryArgs {
  @Field(() => ID, { nullable: true, description: 'Whose history; yours when omitted.' })
  @IsOptional()
  @IsUUID()
  practitionerUserId?: string;
}

@InputType({ description: 'Apply for a route you are eligible for.' })
export class ApplyForRouteInput {
  @Field(() => ID, {
    nullable: true,
    description: 'Pathway; the organisation’s first published one when omitted.',
  })
  @IsOptional()
  @IsUUID()
  pathwayId?: string;

  @Field({ description: 'Route key.' })
  @IsString()
  @Length(1, 60)
  routeKey!: string;

  @Field(() => String, { nullable: true, description: 'A supporting statement for the panel.' })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  statement?: string | null;

  @Field({
    description: 'I have read the confidentiality warnings and nobody can be identified from this text.',
    defaultValue: false,
  })
  @IsBoolean()
  confirmNoIdentifiers: boolean = false;
}

@InputType({ description: 'Put an eligible practitioner forward for a route.' })
export class PutForwardInput extends ApplyForRouteInput {
  @Field(() => ID, { description: 'The practitioner.' })
  @IsUUID()
  practitionerUserId!: string;
}

@InputType({ description: 'Decide an open application.' })
export class DecideApplicationInput {
  @Field(() => ID, { description: 'Application id.' })
  @IsUUID()
  applicationId!: string;

  @Field(() => ApplicationDecisionEnum, { description: 'Approve, defer or decline.' })
  @IsEnum(ApplicationDecisionEnum)
  decision!: ApplicationDecision;

  @Field(() => String, { nullable: true, description: 'Reasons (required to defer or decline).' })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  reasons?: string | null;

  @Field({
    description: 'I have read the confidentiality warnings and nobody can be identified from this text.',
    defaultValue: false,
  })
  @IsBoolean()
  confirmNoIdentifiers: boolean = false;
}

@InputType({ description: 'Withdraw your open application.' })
export class WithdrawApplicationInput {
  @Field(() => ID, { description: 'Application id.' })
  @IsUUID()
  applicationId!: string;
}

@InputType({
  description: 'Record the stage a practitioner holds from a date (e.g. when the pathway is introduced).',
})
export class RecordStageInput {
  @Field(() => ID, { description: 'The practitioner.' })
  @IsUUID()
  practitionerUserId!: string;

  @Field(() => ID, { description: 'Pathway.' })
  @IsUUID()
  pathwayId!: string;

  @Field({ description: 'Stage key of the pathway’s newest version.' })
  @IsString()
  @Length(1, 60)
  stageKey!: string;

  @Field({ description: 'First day in the stage (YYYY-MM-DD).' })
  @IsISO8601({ strict: true })
  @Length(10, 10)
  fromDate!: string;

  @Field({ description: 'End the stages they hold now (false for a parallel role).', defaultValue: true })
  @IsBoolean()
  endCurrentStages: boolean = true;
}
