import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';

@ArgsType()
export class ProgressionArgs {
  @Field(() => ID, { nullable: true, description: 'Whose progression; yours when omitted.' })
  @IsOptional()
  @IsUUID()
  practitionerUserId?: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Which pathway; the organisation’s first published one when omitted.',
  })
  @IsOptional()
  @IsUUID()
  pathwayId?: string;
}
