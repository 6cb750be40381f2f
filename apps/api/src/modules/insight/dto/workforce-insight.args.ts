import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsISO8601, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';

@ArgsType()
export class WorkforceInsightArgs {
  @Field(() => ID, { nullable: true, description: 'One team only; the whole organisation when omitted.' })
  @IsOptional()
  @IsUUID()
  teamId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'First day (YYYY-MM-DD); twelve months before `to` when omitted.',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Length(10, 10)
  from?: string | null;

  @Field(() => String, { nullable: true, description: 'Last day (YYYY-MM-DD); today when omitted.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Length(10, 10)
  to?: string | null;
}

@ArgsType()
export class CoverageHeatMapArgs {
  @Field({ defaultValue: 'PCF', description: 'Framework code.' })
  @Matches(/^[A-Z0-9_]{2,60}$/)
  frameworkCode!: string;

  @Field(() => String, { nullable: true, description: 'Version label; the current version when omitted.' })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  version?: string | null;
}

@ArgsType()
export class InsightPathwayArgs {
  @Field(() => ID, {
    nullable: true,
    description: 'Pathway; the organisation’s first published one when omitted.',
  })
  @IsOptional()
  @IsUUID()
  pathwayId?: string | null;
}
