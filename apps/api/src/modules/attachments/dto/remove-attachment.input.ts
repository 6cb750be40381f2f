import { Field, ID, InputType } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';

@InputType({ description: 'Remove a file from your current draft.' })
export class RemoveAttachmentInput {
  @Field(() => ID, { description: 'Attachment id.' })
  @IsUUID()
  attachmentId!: string;
}
