import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';

@ArgsType()
export class CredentialsArgs {
  @Field(() => ID, { nullable: true, description: 'Whose credentials; yours when omitted.' })
  @IsOptional()
  @IsUUID()
  practitionerUserId?: string;
}
