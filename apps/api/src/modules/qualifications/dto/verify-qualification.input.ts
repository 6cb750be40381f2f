import { Field, ID, InputType } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';

@InputType({ description: 'Confirm a qualification against its certificate.' })
export class VerifyQualificationInput {
  @Field(() => ID, { description: 'Qualification id.' })
  @IsUUID()
  qualificationId!: string;
}
