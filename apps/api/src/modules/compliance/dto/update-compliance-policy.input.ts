import { Field, InputType, Int } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';

@InputType({ description: 'Change the organisation’s compliance rules; omitted settings stay as they are.' })
export class UpdateCompliancePolicyInput {
  @Field({ description: 'Return every setting to the national default first.', defaultValue: false })
  @IsBoolean()
  resetToDefaults: boolean = false;

  @Field(() => Int, { nullable: true, description: 'Review turnaround target in days (1 to 90).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(90)
  reviewTurnaroundDays?: number | null;

  @Field(() => [Int], { nullable: true, description: 'CPD reminder thresholds in days (1 to 365 each).' })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(6)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(365, { each: true })
  cpdReminderDays?: number[] | null;

  @Field(() => Int, { nullable: true, description: 'ASYE protected development time, per cent (0 to 50).' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(50)
  asyeProtectedTimePercent?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Longest time between qualifying and starting the ASYE, in months; null for no limit.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(120)
  asyeMaxMonthsSinceQualifying?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Days before a review point that it is due soon (0 to 60).',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(60)
  asyeReviewDueSoonDays?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Shortest supervision session that counts (15 to 480 minutes).',
  })
  @IsOptional()
  @IsInt()
  @Min(15)
  @Max(480)
  supervisionMinMinutes?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Days before supervision is due that it is due soon (0 to 14).',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(14)
  supervisionDueSoonDays?: number | null;
}
