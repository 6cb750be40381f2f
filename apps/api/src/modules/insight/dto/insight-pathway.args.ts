import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';

@ArgsType()
export class InsightPathwayArgs {
  @Field(() => ID, {
    nullable: true,
    description: 'Pathway; the organisation’s first published one when omitted.',
  })
  @IsOptional()
  @IsUUID()
  pathwayId?: string | null;
}
