import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsEnum,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Min,
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

const EXPECTED_REVISION = {
  nullable: true,
  description: 'The membership revision you read; a different one means someone else changed it since.',
};

@InputType({ description: 'End a person’s membership of the organisation (ORG_ADMIN).' })
export class EndMembershipInput {
  @Field(() => ID, { description: 'The member’s user id.' })
  @IsUUID()
  userId!: string;

  @Field({
    description:
      'The first day without access (YYYY-MM-DD, UK day): today, or up to a year ahead. From that day the person keeps only their own records, for the organisation’s leaver retention period.',
  })
  @IsISO8601({ strict: true })
  @Length(10, 10)
  endsOn!: string;

  @Field(() => Int, EXPECTED_REVISION)
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedRevision?: number | null;
}

@InputType({ description: 'How long leavers keep their own records before the organisation may erase them.' })
export class SetLeaverRetentionInput {
  @Field(() => Int, { description: 'Days after a membership ends (30 to 3650).' })
  @IsInt()
  days!: number;
}

@InputType({ description: 'Keep a person’s records whatever the retention period says (ORG_ADMIN).' })
export class PlaceLegalHoldInput {
  @Field(() => ID, { description: 'The person’s user id.' })
  @IsUUID()
  userId!: string;

  @Field({ description: 'Why the records must be kept (litigation, an inquiry): up to 500 characters.' })
  @Transform(trim)
  @IsString()
  @Length(1, 500)
  reason!: string;

  @Field(() => Int, EXPECTED_REVISION)
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedRevision?: number | null;
}

@InputType({ description: 'Release a legal hold on a person’s records (ORG_ADMIN).' })
export class ReleaseLegalHoldInput {
  @Field(() => ID, { description: 'The person’s user id.' })
  @IsUUID()
  userId!: string;

  @Field(() => Int, EXPECTED_REVISION)
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedRevision?: number | null;
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
