import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsISO8601, IsOptional, IsUUID, Length } from 'class-validator';

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
