import { Field, ID, InputType } from '@nestjs/graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { IsUUID } from 'class-validator';
import { IsDay } from '../../../common/is-day.js';

@InputType({ description: 'End a relationship on a date.' })
export class EndAssessorRelationshipInput {
  @Field(() => ID, { description: 'Relationship id.' })
  @IsUUID()
  id!: string;

  @Field(() => GraphQLLocalDate, { description: 'Last day in force (YYYY-MM-DD), not before it started.' })
  @IsDay()
  endsOn!: string;
}
