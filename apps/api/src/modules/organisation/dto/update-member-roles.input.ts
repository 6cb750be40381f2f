import { Field, ID, InputType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsEnum, IsUUID } from 'class-validator';
import type { Role } from '#app/domain';
import { RoleEnum } from '../models/user.model.js';

@InputType({ description: 'Replace a member’s roles.' })
export class UpdateMemberRolesInput {
  @Field(() => ID, { description: 'The member’s user id.' })
  @IsUUID()
  userId!: string;

  @Field(() => [RoleEnum], { description: 'The complete new set of roles (at least one).' })
  @ArrayMinSize(1)
  @ArrayMaxSize(6)
  @ArrayUnique()
  @IsEnum(RoleEnum, { each: true })
  roles!: Role[];
}
