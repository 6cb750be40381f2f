import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';

@ArgsType()
export class StageHistoryArgs {
  @Field(() => ID, { nullable: true, description: 'Whose history; yours when omitted.' })
  @IsOptional()
  @IsUUID()
  practitionerUserId?: string;
}
