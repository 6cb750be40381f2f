import { ArgsType, Field, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

@ArgsType()
export class ReviewQueueCountArgs {
  @Field(() => Int, { nullable: true, description: 'Only those waiting at least this many days.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(3650)
  minWaitingDays?: number | null;
}
