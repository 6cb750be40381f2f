import { Field, ID, InputType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import type { RevocationReason } from '#app/domain';
import { RevocationReasonEnum } from '../models/credential.model.js';

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
