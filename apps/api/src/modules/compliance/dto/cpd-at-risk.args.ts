import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, IsUUID } from 'class-validator';
import { PageArgs } from '../../../graphql/pagination.js';

@ArgsType()
export class CpdAtRiskArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Only members of this team.' })
  @IsOptional()
  @IsUUID()
  teamId?: string;
}
