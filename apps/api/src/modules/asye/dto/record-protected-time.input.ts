import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsISO8601, IsUUID, Length, Max, Min } from 'class-validator';

@InputType({ description: 'Record protected development time taken on a day.' })
export class RecordProtectedTimeInput {
  @Field(() => ID, { description: 'The programme.' })
  @IsUUID()
  programmeId!: string;

  @Field({ description: 'The day; not in the future.' })
  @IsISO8601({ strict: true })
  @Length(10, 10)
  date!: string;

  @Field(() => Int, { description: 'Minutes (1 to 1440).' })
  @IsInt()
  @Min(1)
  @Max(1440)
  minutes!: number;
}
