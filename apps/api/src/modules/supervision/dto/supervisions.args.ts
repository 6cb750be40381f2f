import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';

@ArgsType()
export class SupervisionsArgs {
  @Field(() => ID, { nullable: true, description: 'Whose supervision; yours when omitted.' })
  @IsOptional()
  @IsUUID()
  practitionerUserId?: string;
}
