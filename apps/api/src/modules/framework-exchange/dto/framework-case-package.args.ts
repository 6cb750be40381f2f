import { ArgsType, Field } from '@nestjs/graphql';
import { IsString, Length, Matches } from 'class-validator';

@ArgsType()
export class FrameworkCasePackageArgs {
  @Field({ description: 'Framework code, e.g. PCF.' })
  @Matches(/^[A-Z0-9_]{2,60}$/)
  code!: string;

  @Field({ description: 'Version label, e.g. 2018.' })
  @IsString()
  @Length(1, 40)
  version!: string;
}
