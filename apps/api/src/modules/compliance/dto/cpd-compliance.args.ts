import { ArgsType, Field, ID } from '@nestjs/graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { IsOptional, IsUUID } from 'class-validator';
import { IsDay } from '../../../common/is-day.js';

@ArgsType()
export class CpdComplianceArgs {
  @Field(() => ID, { nullable: true, description: 'Whose compliance; yours when omitted.' })
  @IsOptional()
  @IsUUID()
  practitionerUserId?: string;

  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: 'Judge the period containing this UK day (YYYY-MM-DD) instead of the current one.',
  })
  @IsOptional()
  @IsDay()
  periodContaining?: string;
}
