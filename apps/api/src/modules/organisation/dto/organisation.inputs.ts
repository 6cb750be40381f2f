import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  Length,
} from 'class-validator';
import type { Role } from '#app/domain';
import { PageArgs } from '../../../graphql/pagination.js';
import { RoleEnum } from '../models/user.model.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

@InputType({ description: 'A new team.' })
export class CreateTeamInput {
  @Field({ description: 'Team name, unique within the organisation.' })
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  name!: string;
}

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

@ArgsType()
export class MembersArgs extends PageArgs {
  @Field(() => RoleEnum, { nullable: true, description: 'Only members holding this role.' })
  @IsOptional()
  @IsEnum(RoleEnum)
  role?: Role;

  @Field(() => ID, { nullable: true, description: 'Only members of this team.' })
  @IsOptional()
  @IsUUID()
  teamId?: string;
}
