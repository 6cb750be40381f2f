import { Field, ID, ObjectType, registerEnumType, Int } from '@nestjs/graphql';
import { NOTIFICATION_KINDS, type NotificationKind } from '#app/domain';
import { Connection } from '../../../graphql/pagination.js';

export const NotificationKindEnum = Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, k])) as {
  [K in NotificationKind]: K;
};
registerEnumType(NotificationKindEnum, {
  name: 'NotificationKind',
  description: 'What a notification is about.',
  valuesMap: {
    CPD_DEADLINE: { description: 'Your CPD deadline is approaching and requirements are unmet.' },
    REVIEW_WAITING: { description: 'A submission has waited for your decision longer than the target.' },
    ASYE_REVIEW_DUE: { description: 'An ASYE review point is due soon or overdue.' },
    SUPERVISION_OVERDUE: { description: 'Supervision is overdue under the organisation’s policy.' },
  },
});

@ObjectType({ description: 'A message for you from the scheduled reminders.' })
export class Notification {
  @Field(() => ID, { description: 'Notification id.' })
  id!: string;

  @Field(() => NotificationKindEnum, { description: 'What it is about.' })
  kind!: NotificationKind;

  @Field({ description: 'Short title.' })
  title!: string;

  @Field({ description: 'The message.' })
  body!: string;

  @Field(() => String, { nullable: true, description: 'Type of record it is about, e.g. ASYE_PROGRAMME.' })
  entityType!: string | null;

  @Field(() => ID, { nullable: true, description: 'Id of the record it is about.' })
  entityId!: string | null;

  @Field(() => Date, { nullable: true, description: 'When you marked it read.' })
  readAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was emailed to you, if it was.' })
  emailedAt!: Date | null;

  @Field({ description: 'When it was created.' })
  createdAt!: Date;
}

export const NotificationConnection = Connection(Notification, 'Notification');

@ObjectType({ description: 'What marking notifications read changed.' })
export class MarkNotificationsReadResult {
  @Field(() => [ID], { description: 'The notifications now marked read.' })
  ids!: string[];

  @Field(() => Int, { description: 'How many of yours are still unread.' })
  unreadCount!: number;
}
