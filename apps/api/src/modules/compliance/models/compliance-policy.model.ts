import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A review point of the organisation’s ASYE.' })
export class AsyeReviewPointRuleModel {
  @Field({ description: 'Code, e.g. THREE_MONTH.' })
  code!: string;

  @Field(() => Int, { description: 'Months after the start (moved on by pauses).' })
  monthsAfterStart!: number;
}

@ObjectType({
  description:
    'The organisation’s ASYE, supervision and reminder rules: its own settings, the national defaults elsewhere.',
})
export class CompliancePolicy {
  @Field(() => Int, {
    description: 'Days a submission may wait for a decision before the reviewer is reminded.',
  })
  reviewTurnaroundDays!: number;

  @Field(() => [Int], { description: 'Days before a CPD deadline on which reminders go out.' })
  cpdReminderDays!: number[];

  @Field(() => Int, { description: 'ASYE protected development time, per cent of working time.' })
  asyeProtectedTimePercent!: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Longest time between qualifying and starting the ASYE, in months; null for no limit.',
  })
  asyeMaxMonthsSinceQualifying!: number | null;

  @Field(() => Int, { description: 'An ASYE review point is due soon this many days before it.' })
  asyeReviewDueSoonDays!: number;

  @Field(() => [AsyeReviewPointRuleModel], { description: 'ASYE review points, in order.' })
  asyeReviewPoints!: AsyeReviewPointRuleModel[];

  @Field(() => Int, { description: 'Shortest supervision session that counts, in minutes.' })
  supervisionMinMinutes!: number;

  @Field(() => Int, { description: 'Supervision is due soon this many days before it.' })
  supervisionDueSoonDays!: number;
}
