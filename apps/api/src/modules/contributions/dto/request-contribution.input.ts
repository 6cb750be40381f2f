import { Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsEmail, IsEnum, IsString, IsUUID, Length, ValidateIf } from 'class-validator';
import type { ContributionPurpose, ContributorRole } from '#app/domain';
import { trim } from '../../invitations/dto/input-rules.js';
import { ContributionPurposeEnum, ContributorRoleEnum } from '../models/contribution.model.js';

@InputType({
  description:
    'Ask someone without an account for feedback on a version of your evidence, or an off-site practice educator to countersign the decision that approved it: by email, or (without an email) a link to print.',
})
export class RequestContributionInput {
  @Field(() => ContributionPurposeEnum, {
    defaultValue: 'FEEDBACK',
    description: 'Feedback (on the newest version), or a countersignature (on an approved version).',
  })
  @IsEnum(ContributionPurposeEnum)
  purpose: ContributionPurpose = 'FEEDBACK';

  @Field(() => ID, {
    description:
      'The version of your evidence to ask about: its newest for feedback, an approved one to countersign.',
  })
  @IsUUID()
  evidenceVersionId!: string;

  @Field({ description: 'Their name.' })
  @Transform(trim)
  @IsString()
  @Length(1, 150)
  contributorName!: string;

  @Field(() => String, { nullable: true, description: 'Their email; leave out to print the link instead.' })
  @ValidateIf((o: RequestContributionInput) => o.contributorEmail != null)
  @Transform(trim)
  @IsEmail()
  @Length(3, 320)
  contributorEmail?: string | null;

  @Field(() => ContributorRoleEnum, { description: 'The role you ask them in.' })
  @IsEnum(ContributorRoleEnum)
  contributorRole!: ContributorRole;
}
