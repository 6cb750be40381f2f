import { Field, ID, InputType } from '@nestjs/graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { IsUUID } from 'class-validator';
import { IsDay } from '../../../common/is-day.js';

@InputType({ description: 'End the open pause of an ASYE.' })
export class ResumeAsyeInput {
  @Field(() => ID, { description: 'The programme.' })
  @IsUUID()
  programmeId!: string;

  @Field(() => GraphQLLocalDate, { description: 'Last day paused (the NQSW is back the day after).' })
  @IsDay()
  endsOn!: string;
}
