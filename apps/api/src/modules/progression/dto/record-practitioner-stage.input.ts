import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsISO8601, IsString, IsUUID, Length } from 'class-validator';

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

  @Field({ description: 'First day in the stage (YYYY-MM-DD).' })
  @IsISO8601({ strict: true })
  @Length(10, 10)
  fromDate!: string;

  @Field({ description: 'End the stages they hold now (false for a parallel role).', defaultValue: true })
  @IsBoolean()
  endCurrentStages: boolean = true;
}
