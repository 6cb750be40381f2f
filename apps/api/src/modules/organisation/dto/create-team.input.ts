import { Field, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsString, Length } from 'class-validator';
import { trim } from './input-rules.js';

@InputType({ description: 'A new team.' })
export class CreateTeamInput {
  @Field({ description: 'Team name, unique within the organisation.' })
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  name!: string;
}
