import { Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsEmail,
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
} from 'class-validator';
import type { Role } from '#app/domain';
import { RoleEnum } from '../../organisation/models/user.model.js';
import { trim } from './input-rules.js';

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
