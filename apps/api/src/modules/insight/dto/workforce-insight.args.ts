import { ArgsType, Field, ID } from '@nestjs/graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { IsOptional, IsUUID } from 'class-validator';
import { IsDay } from '../../../common/is-day.js';

@ArgsType()
export class WorkforceInsightArgs {
  @Field(() => ID, { nullable: true, description: 'One team only; the whole organisation when omitted.' })
  @IsOptional()
  @IsUUID()
  teamId?: string | null;

  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: 'First day (YYYY-MM-DD); twelve months before `to` when omitted.',
  })
  @IsOptional()
  @IsDay()
  from?: string | null;

  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: 'Last day (YYYY-MM-DD); today when omitted.',
  })
  @IsOptional()
  @IsDay()
  to?: string | null;
}
