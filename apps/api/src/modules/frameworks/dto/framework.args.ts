import { ArgsType, Field } from '@nestjs/graphql';
import { IsOptional, IsString, Length, Matches } from 'class-validator';

@ArgsType()
export class FrameworkArgs {
  @Field({ description: 'Framework code, e.g. PCF.' })
  @IsString()
  @Matches(/^[A-Z0-9_]{2,60}$/)
  code!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Version label, e.g. 2018; default the current version.',
  })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  version?: string | null;
}
