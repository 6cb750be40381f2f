import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, IsString, IsUUID, Length } from 'class-validator';

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
}
