import { Field, Float, ID, InputType } from '@nestjs/graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { IsNumber, IsUUID, Max, Min } from 'class-validator';
import { IsDay } from '../../../common/is-day.js';

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

  @Field(() => GraphQLLocalDate, { description: 'First day (YYYY-MM-DD).' })
  @IsDay()
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
