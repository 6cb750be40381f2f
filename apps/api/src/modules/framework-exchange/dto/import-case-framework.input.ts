import { Field, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';

@InputType({ description: 'Import a framework version from a 1EdTech CASE package (JSON).' })
export class ImportCaseFrameworkInput {
  @Field({
    description:
      'The CASE package as JSON text (CFDocument, CFItems, CFAssociations). Levels are CFItems of CFItemType "Level", their pathways CFItems of type "Level pathway".',
  })
  @IsString()
  @MaxLength(2_000_000)
  caseJson!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Framework code to import under (capital letters, digits, underscores); required when the file carries none. Reference framework codes (PCF…) are taken.',
  })
  @IsOptional()
  @Matches(/^[A-Z0-9_]{2,60}$/, {
    message: 'frameworkCode must be 2 to 60 capital letters, digits or underscores',
  })
  frameworkCode?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Version label; the CFDocument’s version when omitted.',
  })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  version?: string | null;
}
