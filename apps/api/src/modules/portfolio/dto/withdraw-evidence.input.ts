import { Field, ID, InputType } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';

@InputType({ description: 'Take a submission back before it is decided.' })
export class WithdrawEvidenceInput {
  @Field(() => ID, { description: 'Evidence id.' })
  @IsUUID()
  evidenceId!: string;
}
