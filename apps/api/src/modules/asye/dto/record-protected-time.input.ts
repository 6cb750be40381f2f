import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { IsInt, IsUUID, Max, Min } from 'class-validator';
import { IsDay } from '../../../common/is-day.js';

@InputType({ description: 'Record protected development time taken on a day.' })
export class RecordProtectedTimeInput {
  @Field(() => ID, { description: 'The programme.' })
  @IsUUID()
  programmeId!: string;

  @Field(() => GraphQLLocalDate, { description: 'The day; not in the future.' })
  @IsDay()
  date!: string;

  @Field(() => Int, { description: 'Minutes (1 to 1440).' })
  @IsInt()
  @Min(1)
  @Max(1440)
  minutes!: number;
}
