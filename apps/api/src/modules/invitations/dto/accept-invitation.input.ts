import { Field, InputType } from '@nestjs/graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { Transform } from 'class-transformer';
import { IsEnum, IsOptional, IsString, Length, Matches, ValidateIf } from 'class-validator';
import { IsDay } from '../../../common/is-day.js';
import type { Regulator } from '#app/domain';
import { RegulatorEnum } from '../../organisation/models/user.model.js';
import { trim, TOKEN } from './input-rules.js';

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

  @Field(() => GraphQLLocalDate, {
    nullable: true,
    description: 'Date you qualified as a social worker (YYYY-MM-DD).',
  })
  @IsOptional()
  @IsDay()
  dateQualified?: string | null;
}
