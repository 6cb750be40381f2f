import { Field, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsEnum, IsOptional, IsString, Length } from 'class-validator';
import type { ContributorRole, Regulator } from '#app/domain';
import { trim } from '../../invitations/dto/input-rules.js';
import { RegulatorEnum } from '../../organisation/models/user.model.js';
import { ContributorRoleEnum } from '../models/contribution.model.js';

@InputType({
  description: 'Feedback on a social worker’s practice, given from a one-time link, without an account.',
})
export class SubmitContributionInput {
  @Field({ description: 'The token from the link.' })
  @IsString()
  @Length(1, 200)
  token!: string;

  @Field({ description: 'Your name.' })
  @Transform(trim)
  @IsString()
  @Length(0, 150)
  name!: string;

  @Field(() => ContributorRoleEnum, { description: 'Who you are.' })
  @IsEnum(ContributorRoleEnum)
  role!: ContributorRole;

  @Field({ description: 'How you know the social worker.' })
  @Transform(trim)
  @IsString()
  @Length(0, 500)
  relationship!: string;

  @Field({ description: 'Your feedback.' })
  @Transform(trim)
  @IsString()
  @Length(0, 10_000)
  feedback!: string;

  @Field(() => RegulatorEnum, { nullable: true, description: 'An off-site practice educator’s regulator.' })
  @IsOptional()
  @IsEnum(RegulatorEnum)
  regulator?: Regulator | null;

  @Field(() => String, {
    nullable: true,
    description: 'An off-site practice educator’s registration number.',
  })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(0, 40)
  registrationNumber?: string | null;
}
