import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';

@ArgsType()
export class QualificationsArgs {
  @Field(() => ID, { nullable: true, description: 'Holder; yourself when omitted.' })
  @IsOptional()
  @IsUUID()
  userId?: string;
}
