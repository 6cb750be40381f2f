import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsString, IsUUID, MaxLength } from 'class-validator';
import type { AlignmentType } from '#app/domain';
import { FrameworkAlignmentTypeEnum } from '../models/framework-alignment.model.js';

export const ALIGNMENT_SOURCE_MAX = 500;

@InputType({
  description:
    'Link two framework items for your organisation (PSW). Add only a link a source supports: Pathways ships none.',
})
export class AddFrameworkAlignmentInput {
  @Field(() => ID, { description: 'The item the link is from (e.g. a PCF 2018 domain).' })
  @IsUUID()
  fromItemId!: string;

  @Field(() => ID, { description: 'The item it links to (e.g. a KSS statement or an SWE standard).' })
  @IsUUID()
  toItemId!: string;

  @Field(() => FrameworkAlignmentTypeEnum, { description: 'How the items relate.' })
  @IsEnum(FrameworkAlignmentTypeEnum)
  type!: AlignmentType;

  @Field({
    description:
      'True when the source states the link; false for your own judgement, to be checked before anyone relies on it.',
  })
  @IsBoolean()
  confirmed!: boolean;

  @Field({
    description: `The citation (for a confirmed link, the mapping document that states it) or your note: at most ${ALIGNMENT_SOURCE_MAX} characters.`,
  })
  @IsString()
  @MaxLength(ALIGNMENT_SOURCE_MAX)
  source!: string;
}
