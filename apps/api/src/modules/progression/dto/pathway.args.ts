import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';

@ArgsType()
export class PathwayArgs {
  @Field(() => ID, {
    nullable: true,
    description: 'Which pathway; the organisation’s first published one when omitted.',
  })
  @IsOptional()
  @IsUUID()
  pathwayId?: string;
}
