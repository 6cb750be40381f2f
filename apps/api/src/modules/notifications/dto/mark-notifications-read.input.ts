import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsUUID } from 'class-validator';

@InputType({ description: 'Mark some of your notifications read.' })
export class MarkNotificationsReadInput {
  @Field(() => [ID], { description: 'Notification ids (others’ ids are ignored).' })
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  ids!: string[];
}
