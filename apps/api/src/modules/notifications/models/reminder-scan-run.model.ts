import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum ReminderScanRunStatusEnum {
  QUEUED = 'QUEUED',
  ALREADY_QUEUED = 'ALREADY_QUEUED',
  COMPLETED = 'COMPLETED',
  ALREADY_RUNNING = 'ALREADY_RUNNING',
}
registerEnumType(ReminderScanRunStatusEnum, {
  name: 'ReminderScanRunStatus',
  description:
    'QUEUED: the job queue runs it in a moment; ALREADY_QUEUED: one for your organisation is waiting already; COMPLETED: it ran in this request (no job queue here); ALREADY_RUNNING: one for your organisation is running now.',
});

@ObjectType({ description: 'New reminders a scan stored, by kind, and emails it sent.' })
export class ReminderScanCounts {
  @Field(() => Int, { description: 'CPD deadline reminders.' })
  cpdDeadline!: number;

  @Field(() => Int, { description: 'Reminders of evidence waiting for review.' })
  reviewWaiting!: number;

  @Field(() => Int, { description: 'ASYE review point reminders.' })
  asyeReviewDue!: number;

  @Field(() => Int, { description: 'Overdue supervision reminders.' })
  supervisionOverdue!: number;

  @Field(() => Int, { description: 'Notifications emailed (of this organisation).' })
  emailed!: number;
}

@ObjectType({ description: 'A reminder scan of your organisation, asked for now.' })
export class ReminderScanRun {
  @Field(() => ID, { description: 'The organisation scanned: yours.' })
  organisationId!: string;

  @Field(() => ReminderScanRunStatusEnum, { description: 'Queued, run, or already under way.' })
  status!: ReminderScanRunStatusEnum;

  @Field(() => ReminderScanCounts, { nullable: true, description: 'Set when the scan ran in this request.' })
  counts!: ReminderScanCounts | null;
}
