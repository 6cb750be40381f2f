import { ArgsType, Field, InputType } from '@nestjs/graphql';
import { IsString, Length } from 'class-validator';

/** The two framework versions a remap joins, as both the preview's arguments and apply's input name them. */
@ArgsType()
@InputType({ isAbstract: true })
export abstract class RemapVersions {
  @Field({ description: 'Code of the framework remapped from, e.g. PCF.' })
  @IsString()
  @Length(1, 60)
  fromFrameworkCode!: string;

  @Field({ description: 'Version remapped from, e.g. 2018.' })
  @IsString()
  @Length(1, 40)
  fromVersion!: string;

  @Field({ description: 'Code of the framework remapped to (the same code for a refreshed version).' })
  @IsString()
  @Length(1, 60)
  toFrameworkCode!: string;

  @Field({ description: 'Version remapped to.' })
  @IsString()
  @Length(1, 40)
  toVersion!: string;
}
