import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';

@ArgsType()
export class AsyeProgrammeArgs {
  @Field(() => ID, { nullable: true, description: 'Whose ASYE; yours when omitted.' })
  @IsOptional()
  @IsUUID()
  practitionerUserId?: string;
}
