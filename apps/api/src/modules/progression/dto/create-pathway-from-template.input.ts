import { Field, InputType } from '@nestjs/graphql';
import { IsString, Matches, MaxLength } from 'class-validator';

@InputType({ description: 'Start a pathway from the template ladder, as a draft.' })
export class CreatePathwayFromTemplateInput {
  @Field({ description: 'Name, unique in the organisation.' })
  @IsString()
  @Matches(/\S/, { message: 'must not be empty' })
  @MaxLength(200)
  name!: string;

  @Field({ description: 'What it is for.', defaultValue: '' })
  @IsString()
  @MaxLength(4_000)
  description: string = '';
}
