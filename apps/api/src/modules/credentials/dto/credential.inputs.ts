import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import {
  IsBoolean,
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import type { CredentialKind, RevocationReason } from '#app/domain';
import { CredentialKindEnum, RevocationReasonEnum } from '../models/credential.model.js';

@InputType({ description: 'Issue (or fetch, if already issued) the credential for one record.' })
export class IssueCredentialInput {
  @Field(() => CredentialKindEnum, { description: 'What to attest.' })
  @IsEnum(CredentialKindEnum)
  kind!: CredentialKind;

  @Field(() => ID, { description: 'The approved review, the stage spell or the verified qualification.' })
  @IsUUID()
  sourceId!: string;
}

@InputType({
  description: 'Revoke a credential, saying why (kept inside the organisation, never published).',
})
export class RevokeCredentialInput {
  @Field(() => ID, { description: 'The credential (its `id`).' })
  @IsUUID()
  credentialId!: string;

  @Field(() => RevocationReasonEnum, { description: 'Why it no longer stands.' })
  @IsEnum(RevocationReasonEnum)
  reason!: RevocationReason;

  @Field(() => String, {
    nullable: true,
    description: 'A few words more, for the organisation and the practitioner.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string | null;

  @Field({
    description: 'I have read the confidentiality warnings and nobody can be identified from this text.',
    defaultValue: false,
  })
  @IsBoolean()
  confirmNoIdentifiers: boolean = false;
}

@ArgsType()
export class CredentialsArgs {
  @Field(() => ID, { nullable: true, description: 'Whose credentials; yours when omitted.' })
  @IsOptional()
  @IsUUID()
  practitionerUserId?: string;
}

/** Body of `POST /verify`: the credential (a compact JWS) or its verification code. */
export class VerifyCredentialBody {
  @ValidateIf((b: VerifyCredentialBody) => b.code === undefined)
  @IsString()
  @Length(1, 100_000)
  credential?: string;

  @ValidateIf((b: VerifyCredentialBody) => b.credential === undefined)
  @IsString()
  @Length(1, 40)
  code?: string;
}
