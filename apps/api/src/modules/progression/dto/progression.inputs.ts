import { Field, ID, InputType } from '@nestjs/graphql';
import {
  IsBoolean,
  IsEnum,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
} from 'class-validator';
import type { ApplicationDecision } from '#app/domain';
import { ApplicationDecisionEnum } from '../models/progression-enums.js';

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
export class PutForwardForRouteInput extends ApplyForRouteInput {
  @Field(() => ID, { description: 'The practitioner.' })
  @IsUUID()
  practitionerUserId!: string;
}

@InputType({ description: 'Decide an open application.' })
export class DecideProgressionApplicationInput {
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
export class WithdrawProgressionApplicationInput {
  @Field(() => ID, { description: 'Application id.' })
  @IsUUID()
  applicationId!: string;
}

@InputType({
  description: 'Record the stage a practitioner holds from a date (e.g. when the pathway is introduced).',
})
export class RecordPractitionerStageInput {
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
