import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, IsUUID, Length, ValidateIf } from 'class-validator';
import type { CredentialKind } from '#app/domain';
import { CredentialKindEnum } from '../models/credential.model.js';

@InputType({ description: 'Issue (or fetch, if already issued) the credential for one record.' })
export class IssueCredentialInput {
  @Field(() => CredentialKindEnum, { description: 'What to attest.' })
  @IsEnum(CredentialKindEnum)
  kind!: CredentialKind;

  @Field(() => ID, { description: 'The approved review, the stage spell or the verified qualification.' })
  @IsUUID()
  sourceId!: string;
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
