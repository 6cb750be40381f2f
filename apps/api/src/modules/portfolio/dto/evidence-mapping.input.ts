import { Field, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, Length, MaxLength } from 'class-validator';

@InputType({ description: 'Map evidence to a framework item of a specific version, at a level.' })
export class EvidenceMappingInput {
  @Field({ description: 'Framework code, e.g. PCF.' })
  @IsString()
  @Length(1, 60)
  frameworkCode!: string;

  @Field({ description: 'Framework version, e.g. 2018. Retired versions cannot take new mappings.' })
  @IsString()
  @Length(1, 40)
  version!: string;

  @Field({ description: 'Item code, e.g. PROFESSIONALISM.' })
  @IsString()
  @Length(1, 60)
  itemCode!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Level claimed, e.g. ASYE; required where the framework has levels.',
  })
  @IsOptional()
  @IsString()
  @Length(1, 60)
  levelCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Pathway within the level, where it has pathways.' })
  @IsOptional()
  @IsString()
  @Length(1, 60)
  pathwayCode?: string | null;

  @Field({ description: 'Why this evidence shows it.', defaultValue: '' })
  @IsString()
  @MaxLength(2_000)
  rationale: string = '';
}
