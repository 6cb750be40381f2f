import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsUUID } from 'class-validator';
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
