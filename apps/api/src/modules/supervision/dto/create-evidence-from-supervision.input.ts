import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';

const NOT_BLANK = /\S/;

@InputType({
  description: 'Turn a supervision you received into a supervision-reflection draft in your portfolio.',
})
export class CreateEvidenceFromSupervisionInput {
  @Field(() => ID, { description: 'The supervision.' })
  @IsUUID()
  supervisionId!: string;

  @Field(() => String, { nullable: true, description: 'Title; a default names the kind and date.' })
  @IsOptional()
  @IsString()
  @Matches(NOT_BLANK, { message: 'must not be empty' })
  @MaxLength(200)
  title?: string | null;

  @Field({
    description: 'What was discussed, without anything that identifies people you work with.',
    defaultValue: '',
  })
  @IsString()
  @MaxLength(20_000)
  description: string = '';

  @Field({ description: 'What I learnt.', defaultValue: '' })
  @IsString()
  @MaxLength(20_000)
  learning: string = '';

  @Field({ description: 'The impact on my practice.', defaultValue: '' })
  @IsString()
  @MaxLength(20_000)
  impact: string = '';

  @Field({
    description: 'I have read the confidentiality warnings and nobody can be identified.',
    defaultValue: false,
  })
  @IsBoolean()
  confirmNoIdentifiers: boolean = false;
}
