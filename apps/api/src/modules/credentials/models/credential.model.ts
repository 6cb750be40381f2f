import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import {
  CREDENTIAL_KINDS,
  REVOCATION_REASONS,
  type CredentialKind,
  type RevocationReason,
} from '#app/domain';

export const CredentialKindEnum = Object.fromEntries(CREDENTIAL_KINDS.map((k) => [k, k])) as {
  [K in CredentialKind]: K;
};
registerEnumType(CredentialKindEnum, {
  name: 'CredentialKind',
  description: 'What a verifiable credential attests.',
  valuesMap: {
    EVIDENCE_SIGN_OFF: { description: 'An approval of a version of evidence (the source is the review).' },
    STAGE_AWARD: {
      description: 'A stage held after an approved progression application (the source is the stage spell).',
    },
    QUALIFICATION: {
      description: 'A qualification the organisation verified (the source is the qualification).',
    },
  },
});

export const RevocationReasonEnum = Object.fromEntries(REVOCATION_REASONS.map((r) => [r, r])) as {
  [R in RevocationReason]: R;
};
registerEnumType(RevocationReasonEnum, {
  name: 'CredentialRevocationReason',
  description: 'Why a credential was revoked.',
  valuesMap: {
    APPROVAL_OVERTURNED: { description: 'The sign-off or decision it attests was overturned.' },
    QUALIFICATION_WITHDRAWN: { description: 'The qualification was withdrawn by its awarding body.' },
    QUALIFICATION_EXPIRED: { description: 'The qualification lapsed before the credential said it would.' },
    ISSUED_IN_ERROR: { description: 'It should never have been issued.' },
  },
});

@ObjectType({
  description:
    'A signed credential (W3C Verifiable Credential in the Open Badges 3.0 shape, as a VC-JWT) that a practitioner can take to another employer.',
})
export class IssuedCredential {
  @Field(() => ID, { description: 'Credential id (its `id` is `urn:uuid:` this).' })
  id!: string;

  @Field(() => CredentialKindEnum, { description: 'What it attests.' })
  kind!: CredentialKind;

  @Field(() => ID, { description: 'The review, stage spell or qualification it attests.' })
  sourceId!: string;

  @Field(() => ID, { description: 'The practitioner it is about.' })
  subjectUserId!: string;

  @Field({ description: 'Short code anyone can check at the public verify endpoint, e.g. 7KQ2-M9XD-4TRB.' })
  verificationCode!: string;

  @Field({ description: 'Where to check it without signing in.' })
  verifyUrl!: string;

  @Field({ description: 'The signed credential as a compact JWS (VC-JWT).' })
  jwt!: string;

  @Field({ description: 'Id of the organisation key that signed it.' })
  keyId!: string;

  @Field({ description: 'When it was signed.' })
  issuedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When it stops being valid, if ever.' })
  validUntil!: Date | null;

  @Field(() => GraphQLJSONObject, { description: 'The credential itself (the JWT’s `vc` claim).' })
  credential!: Record<string, unknown>;

  @Field(() => Date, { nullable: true, description: 'When it was revoked, if it has been.' })
  revokedAt!: Date | null;

  @Field(() => RevocationReasonEnum, { nullable: true, description: 'Why it was revoked.' })
  revocationReason!: RevocationReason | null;

  @Field(() => String, { nullable: true, description: 'What the person who revoked it added.' })
  revocationNote!: string | null;
}

@ObjectType({ description: 'The organisation’s credential signing key after a rotation.' })
export class SigningKeyRotation {
  @Field({ description: 'Id of the new key, which signs from now on.' })
  keyId!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Id of the key retired; credentials it signed still verify.',
  })
  retiredKeyId!: string | null;

  @Field({ description: 'Signing algorithm (JOSE), e.g. EdDSA.' })
  algorithm!: string;

  @Field({ description: 'When the new key was made.' })
  createdAt!: Date;
}
