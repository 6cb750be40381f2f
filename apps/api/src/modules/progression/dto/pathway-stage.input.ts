import { Field, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { KEY } from './input-rules.js';

@InputType({ description: 'A role on the pathway.' })
export class PathwayStageInput {
  @Field({ description: 'Stable key, e.g. ADVANCED_PRACTITIONER (capitals, digits, underscores).' })
  @Matches(KEY, { message: 'must be capitals, digits and underscores, starting with a letter' })
  @Length(1, 60)
  key!: string;

  @Field({ description: 'Name.' })
  @IsString()
  @Matches(/\S/, { message: 'must not be empty' })
  @MaxLength(200)
  name!: string;

  @Field({ description: 'What the role is.', defaultValue: '' })
  @IsString()
  @MaxLength(4_000)
  description: string = '';

  @Field(() => String, { nullable: true, description: 'PCF level code.' })
  @IsOptional()
  @IsString()
  @Length(1, 60)
  pcfLevelCode?: string | null;

  @Field(() => String, { nullable: true, description: 'PCF pathway within the level.' })
  @IsOptional()
  @IsString()
  @Length(1, 60)
  pcfPathwayCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Typical grade, free text.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  typicalGrade?: string | null;
}
