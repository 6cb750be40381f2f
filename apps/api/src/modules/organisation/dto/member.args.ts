import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsUUID } from 'class-validator';

@ArgsType()
export class MemberArgs {
  @Field(() => ID, { description: 'The member’s user id.' })
  @IsUUID()
  userId!: string;
}
