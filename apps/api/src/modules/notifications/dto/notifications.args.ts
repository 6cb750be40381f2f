import { ArgsType, Field } from '@nestjs/graphql';
import { IsBoolean } from 'class-validator';
import { BidirectionalPageArgs } from '../../../graphql/pagination.js';

@ArgsType()
export class NotificationsArgs extends BidirectionalPageArgs {
  @Field({ description: 'Only unread notifications.', defaultValue: false })
  @IsBoolean()
  unreadOnly: boolean = false;
}
