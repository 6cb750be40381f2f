import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { IsInt, IsOptional, IsUUID, Min } from 'class-validator';
import { IsDay } from '../../../common/is-day.js';
import { EXPECTED_REVISION } from './input-rules.js';

@InputType({ description: 'End a person’s membership of the organisation (ORG_ADMIN).' })
export class EndMembershipInput {
  @Field(() => ID, { description: 'The member’s user id.' })
  @IsUUID()
  userId!: string;

  @Field(() => GraphQLLocalDate, {
    description:
      'The first day without access (YYYY-MM-DD, UK day): today, or up to a year ahead. From that day the person keeps only their own records, for the organisation’s leaver retention period.',
  })
  @IsDay()
  endsOn!: string;

  @Field(() => Int, EXPECTED_REVISION)
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedRevision?: number | null;
}
