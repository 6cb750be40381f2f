import { Field, ID, InputType } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';

@InputType({ description: 'Remove one of your organisation’s links between framework items (PSW).' })
export class RemoveFrameworkAlignmentInput {
  @Field(() => ID, { description: 'The link’s id (FrameworkItemAlignment.id).' })
  @IsUUID()
  alignmentId!: string;
}
