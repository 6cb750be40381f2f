import { Field, ID, InputType } from '@nestjs/graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { IsBoolean, IsString, IsUUID, Length } from 'class-validator';
import { IsDay } from '../../../common/is-day.js';

@InputType({
  description: 'Record the stage a practitioner holds from a date (e.g. when the pathway is introduced).',
})
export class RecordPractitionerStageInput {
  @Field(() => ID, { description: 'The practitioner.' })
  @IsUUID()
  practitionerUserId!: string;

  @Field(() => ID, { description: 'Pathway.' })
  @IsUUID()
  pathwayId!: string;

  @Field({ description: 'Stage key of the pathway’s newest version.' })
  @IsString()
  @Length(1, 60)
  stageKey!: string;

  @Field(() => GraphQLLocalDate, { description: 'First day in the stage (YYYY-MM-DD).' })
  @IsDay()
  fromDate!: string;

  @Field({ description: 'End the stages they hold now (false for a parallel role).', defaultValue: true })
  @IsBoolean()
  endCurrentStages: boolean = true;
}
