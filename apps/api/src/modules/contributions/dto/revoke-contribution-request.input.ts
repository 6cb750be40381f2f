import { Field, ID, InputType } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';

@InputType({ description: 'Withdraw a request for feedback; its link stops working at once.' })
export class RevokeContributionRequestInput {
  @Field(() => ID, { description: 'Request id.' })
  @IsUUID()
  requestId!: string;
}
