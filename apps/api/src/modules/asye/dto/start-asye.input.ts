import { Field, Float, ID, InputType } from '@nestjs/graphql';
import { IsISO8601, IsNumber, IsUUID, Length, Max, Min } from 'class-validator';

@InputType({ description: 'Start an NQSW’s ASYE.' })
export class StartAsyeInput {
  @Field(() => ID, { description: 'The NQSW.' })
  @IsUUID()
  practitionerId!: string;

  @Field(() => ID, {
    description: 'The assessor: a registered, experienced social worker with the ASSESSOR role.',
  })
  @IsUUID()
  assessorId!: string;

  @Field(() => ID, { description: 'The line manager.' })
  @IsUUID()
  lineManagerId!: string;

  @Field({ description: 'First day (YYYY-MM-DD).' })
  @IsISO8601({ strict: true })
  @Length(10, 10)
  startDate!: string;

  @Field(() => Float, {
    description: 'Contracted hours a week (protected time is pro rata).',
    defaultValue: 37,
  })
  @IsNumber({ maxDecimalPlaces: 1 })
  @Min(1)
  @Max(60)
  contractedHoursPerWeek: number = 37;
}
