import { Field, ID, InputType } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';

@InputType({ description: 'Withdraw your open application.' })
export class WithdrawProgressionApplicationInput {
  @Field(() => ID, { description: 'Application id.' })
  @IsUUID()
  applicationId!: string;
}
