import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsEmail,
  IsEnum,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import type { Regulator, Role } from '#app/domain';
import { PageArgs } from '../../../graphql/pagination.js';
import { RegulatorEnum, RoleEnum } from '../models/user.model.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

@InputType({ description: 'A new team.' })
export class CreateTeamInput {
  @Field({ description: 'Team name, unique within the organisation.' })
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  name!: string;
}

@InputType({ description: 'A person to add to the organisation.' })
export class CreateUserInput {
  @Field({ description: 'Sign-in email address (unique across Pathways).' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail()
  @MaxLength(320)
  email!: string;

  @Field({ description: 'Full name.' })
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  fullName!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Initial password (12+ characters, not common). Omit for people who sign in through the organisation’s identity provider.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  password?: string | null;

  @Field(() => [RoleEnum], { description: 'Roles in this organisation (at least one).' })
  @ArrayMinSize(1)
  @ArrayMaxSize(6)
  @ArrayUnique()
  @IsEnum(RoleEnum, { each: true })
  roles!: Role[];

  @Field(() => ID, { nullable: true, description: 'Team to place the person in.' })
  @IsOptional()
  @IsUUID()
  teamId?: string | null;

  @Field(() => RegulatorEnum, { nullable: true, description: 'Regulator the person is registered with.' })
  @IsOptional()
  @IsEnum(RegulatorEnum)
  regulator?: Regulator | null;

  @Field(() => String, {
    nullable: true,
    description: 'Registration number with that regulator (needs regulator).',
  })
  @ValidateIf((o: CreateUserInput) => o.registrationNumber != null)
  @IsString()
  @Length(2, 40)
  registrationNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'Date qualified as a social worker (YYYY-MM-DD).' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Length(10, 10)
  dateQualified?: string | null;
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
