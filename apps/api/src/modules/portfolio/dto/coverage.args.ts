import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsBoolean, IsOptional, IsString, IsUUID, Length } from 'class-validator';

@ArgsType()
export class CoverageArgs {
  @Field(() => ID, { nullable: true, description: 'Whose coverage; yours when omitted.' })
  @IsOptional()
  @IsUUID()
  practitionerUserId?: string;

  @Field({ description: 'Framework code.', defaultValue: 'PCF' })
  @IsString()
  @Length(1, 60)
  frameworkCode: string = 'PCF';

  @Field({ description: 'Framework version.', defaultValue: '2018' })
  @IsString()
  @Length(1, 40)
  version: string = '2018';

  @Field({
    defaultValue: false,
    description:
      'Also count approved evidence through your organisation’s confirmed links between framework items (FrameworkItem.alignments): a piece accepted for a PCF domain then covers the KSS statements the domain is linked to. Shown apart, in throughAlignments.',
  })
  @IsBoolean()
  throughAlignments: boolean = false;
}
