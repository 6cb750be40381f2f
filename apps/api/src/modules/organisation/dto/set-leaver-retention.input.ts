import { Field, InputType, Int } from '@nestjs/graphql';
import { IsInt } from 'class-validator';

@InputType({ description: 'How long leavers keep their own records before the organisation may erase them.' })
export class SetLeaverRetentionInput {
  @Field(() => Int, { description: 'Days after a membership ends (30 to 3650).' })
  @IsInt()
  days!: number;
}
