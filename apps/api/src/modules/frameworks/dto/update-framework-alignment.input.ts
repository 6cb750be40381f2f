import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsString, IsUUID, MaxLength } from 'class-validator';
import { ALIGNMENT_SOURCE_MAX } from './add-framework-alignment.input.js';

@InputType({
  description:
    'Edit one of your organisation’s links between framework items (PSW): confirm it once its source is checked, or correct the source. The items and the type stay; to change those, remove the link and add another.',
})
export class UpdateFrameworkAlignmentInput {
  @Field(() => ID, { description: 'The link’s id (FrameworkItemAlignment.id).' })
  @IsUUID()
  alignmentId!: string;

  @Field({ description: 'True when the source states the link.' })
  @IsBoolean()
  confirmed!: boolean;

  @Field({ description: `The citation or your note: at most ${ALIGNMENT_SOURCE_MAX} characters.` })
  @IsString()
  @MaxLength(ALIGNMENT_SOURCE_MAX)
  source!: string;
}
