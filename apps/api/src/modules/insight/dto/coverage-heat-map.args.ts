import { ArgsType, Field } from '@nestjs/graphql';
import { IsOptional, IsString, Length, Matches } from 'class-validator';

@ArgsType()
export class CoverageHeatMapArgs {
  @Field({ defaultValue: 'PCF', description: 'Framework code.' })
  @Matches(/^[A-Z0-9_]{2,60}$/)
  frameworkCode!: string;

  @Field(() => String, { nullable: true, description: 'Version label; the current version when omitted.' })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  version?: string | null;
}
