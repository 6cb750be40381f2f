import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsUUID } from 'class-validator';
import type { Role } from '#app/domain';
import { BidirectionalPageArgs } from '../../../graphql/pagination.js';
import { RoleEnum } from '../models/user.model.js';

@ArgsType()
export class MembersArgs extends BidirectionalPageArgs {
  @Field(() => RoleEnum, { nullable: true, description: 'Only members holding this role.' })
  @IsOptional()
  @IsEnum(RoleEnum)
  role?: Role;

  @Field(() => ID, { nullable: true, description: 'Only members of this team.' })
  @IsOptional()
  @IsUUID()
  teamId?: string;
}
