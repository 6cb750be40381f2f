import { Field, ID, InputType } from '@nestjs/graphql';
import { IsISO8601, IsUUID, Length } from 'class-validator';

@InputType({ description: 'End the open pause of an ASYE.' })
export class ResumeAsyeInput {
  @Field(() => ID, { description: 'The programme.' })
  @IsUUID()
  programmeId!: string;

  @Field({ description: 'Last day paused (the NQSW is back the day after).' })
  @IsISO8601({ strict: true })
  @Length(10, 10)
  endsOn!: string;
}
