import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min } from 'class-validator';

@ArgsType()
export class FrameworkRemapPreviewArgs {
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

  @Field(() => ID, {
    nullable: true,
    description:
      'The pathway whose published routes to compare eligibility on; the organisation’s first published one when omitted.',
  })
  @IsOptional()
  @IsUUID()
  pathwayId?: string;

  @Field(() => Int, { description: 'Practitioners per page (1 to 100).', defaultValue: 50 })
  @IsInt()
  @Min(1)
  @Max(100)
  first: number = 50;

  @Field(() => String, { nullable: true, description: 'Cursor from the previous page of practitioners.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  after?: string;
}
