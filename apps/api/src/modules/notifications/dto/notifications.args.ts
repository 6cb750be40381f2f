import { ArgsType, Field } from '@nestjs/graphql';
import { IsBoolean } from 'class-validator';
import { PageArgs } from '../../../graphql/pagination.js';

@ArgsType()
export class NotificationsArgs extends PageArgs {
  @Field({ description: 'Only unread notifications.', defaultValue: false })
  @IsBoolean()
  unreadOnly: boolean = false;
}
