import { Field, InputType } from '@nestjs/graphql';
import { IsString, Length } from 'class-validator';

@InputType({
  description:
    'Remap your organisation’s evidence from one framework version to another along confirmed replacedBy and exactMatchOf links (PSW). Originals and their sign-offs are kept as they are.',
})
export class ApplyFrameworkRemapInput {
  @Field({ description: 'Code of the framework remapped from, e.g. PCF.' })
  @IsString()
  @Length(1, 60)
  fromFrameworkCode!: string;

  @Field({ description: 'Version remapped from, e.g. 2018.' })
  @IsString()
  @Length(1, 40)
  fromVersion!: string;

  @Field({ description: 'Code of the framework remapped to.' })
  @IsString()
  @Length(1, 60)
  toFrameworkCode!: string;

  @Field({ description: 'Version remapped to.' })
  @IsString()
  @Length(1, 40)
  toVersion!: string;
}
