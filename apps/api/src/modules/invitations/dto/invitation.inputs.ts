import { Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsEmail,
  IsEnum,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import type { Regulator, Role } from '#app/domain';
import { RegulatorEnum, RoleEnum } from '../../organisation/models/user.model.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

@InputType({ description: 'Invite a person, by email, to join the organisation.' })
export class InviteMemberInput {
  @Field({
    description: 'Where the invitation is sent; the person may accept with an account they already have.',
  })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail()
  @MaxLength(320)
  email!: string;

  @Field({ description: 'The name you know the person by (used if they make a new account).' })
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  fullName!: string;

  @Field(() => [RoleEnum], {
    description: 'Roles they will hold here (a PSW may grant practice roles only).',
  })
  @ArrayMinSize(1)
  @ArrayMaxSize(6)
  @ArrayUnique()
  @IsEnum(RoleEnum, { each: true })
  roles!: Role[];

  @Field(() => ID, { nullable: true, description: 'Team they will join.' })
  @IsOptional()
  @IsUUID()
  teamId?: string | null;
}

/** The invitation a resend or revoke acts on. */
@InputType({ isAbstract: true })
abstract class InvitationIdInput {
  @Field(() => ID, { description: 'Invitation id.' })
  @IsUUID()
  invitationId!: string;
}

@InputType({ description: 'Send one pending invitation of your organisation again.' })
export class ResendInvitationInput extends InvitationIdInput {}

@InputType({ description: 'Withdraw one pending invitation of your organisation.' })
export class RevokeInvitationInput extends InvitationIdInput {}

@InputType({
  description: 'Accept an invitation as a person new to Pathways (or with an existing account’s password).',
})
export class AcceptInvitationInput {
  @Field({ description: 'The token from the invitation link.' })
  @IsString()
  @Matches(TOKEN, { message: 'token must be the 43-character token from the invitation link' })
  token!: string;

  @Field({
    description:
      'Your new password (12+ characters, not common). If you already have an account, its current password.',
  })
  @IsString()
  @Length(1, 200)
  password!: string;

  @Field(() => String, { nullable: true, description: 'Your full name, if not as the invitation has it.' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(1, 200)
  fullName?: string | null;

  @Field(() => RegulatorEnum, { nullable: true, description: 'Regulator you are registered with.' })
  @IsOptional()
  @IsEnum(RegulatorEnum)
  regulator?: Regulator | null;

  @Field(() => String, { nullable: true, description: 'Your registration number with that regulator.' })
  @ValidateIf((o: AcceptInvitationInput) => o.registrationNumber != null)
  @Transform(trim)
  @IsString()
  @Length(2, 40)
  registrationNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'Date you qualified as a social worker (YYYY-MM-DD).' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Length(10, 10)
  dateQualified?: string | null;
}

@InputType({ description: 'Accept an invitation with the account you are signed in with.' })
export class AcceptInvitationAsMemberInput {
  @Field({ description: 'The token from the invitation link.' })
  @IsString()
  @Matches(TOKEN, { message: 'token must be the 43-character token from the invitation link' })
  token!: string;
}
