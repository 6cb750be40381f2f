import { ArgsType, Field, Float, ID, Int } from '@nestjs/graphql';
import {
  IsEnum,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import type { ApplicationStatus } from '#app/domain';
import { PageArgs } from '../../../graphql/pagination.js';
import { ApplicationStatusEnum } from '../models/progression-enums.js';

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
