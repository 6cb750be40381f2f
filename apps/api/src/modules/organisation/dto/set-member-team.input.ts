import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';

@InputType({ description: 'Move a member to a team, or out of any team.' })
export class SetMemberTeamInput {
  @Field(() => ID, { description: 'The member’s user id.' })
  @IsUUID()
  userId!: string;

  @Field(() => ID, { nullable: true, description: 'The team, or null for none.' })
  @IsOptional()
  @IsUUID()
  teamId?: string | null;
}
