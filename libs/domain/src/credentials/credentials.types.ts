import type { IsoDate } from '../calendar/iso-date.js';

/** What a credential attests: a sign-off of evidence, a stage awarded on application, a verified qualification. */
export const CREDENTIAL_KINDS = ['EVIDENCE_SIGN_OFF', 'STAGE_AWARD', 'QUALIFICATION'] as const;
export type CredentialKind = (typeof CREDENTIAL_KINDS)[number];

/** Why a credential did or did not verify. */
export const VERIFICATION_OUTCOMES = [
  'VERIFIED',
  'MALFORMED',
  'UNKNOWN_CODE',
  'UNKNOWN_KEY',
  'SIGNATURE_INVALID',
  'EXPIRED',
  'NOT_YET_VALID',
  'ISSUER_MISMATCH',
  'REVOKED',
] as const;
export type VerificationOutcome = (typeof VERIFICATION_OUTCOMES)[number];

/** Why a credential was revoked: said to the organisation's audit trail, never to the public. */
export const REVOCATION_REASONS = [
  'APPROVAL_OVERTURNED',
  'QUALIFICATION_WITHDRAWN',
  'QUALIFICATION_EXPIRED',
  'ISSUED_IN_ERROR',
] as const;
export type RevocationReason = (typeof REVOCATION_REASONS)[number];

/**
 * Where a credential's revocation bit lives: a W3C Bitstring Status List entry (VC Bitstring
 * Status List v1.0) naming the list credential's URL and the bit's index in it.
 */
export interface CredentialStatusSlot {
  statusListCredential: string;
  statusListIndex: number;
}

/** A framework item the achievement is aligned to (an Open Badges Alignment to a CASE CFItem). */
export interface CredentialAlignment {
  frameworkCode: string;
  frameworkVersion: string;
  itemCode: string;
  itemTitle: string;
  levelCode: string | null;
  levelName: string | null;
}

/** The person who signed off, decided or verified, with their standing on the day. */
export interface CredentialSigner {
  name: string;
  /** The capacity they acted in, e.g. ASYE_ASSESSOR, PANEL, QUALIFICATION_VERIFIER. */
  capacity: string;
  qualification: string | null;
  regulator: string | null;
  registrationNumber: string | null;
}

/** Everything a credential says, gathered by the service; no evidence text is ever part of it. */
export interface CredentialFacts {
  credentialId: string;
  kind: CredentialKind;
  /** The record attested (review, stage spell or qualification id). */
  sourceId: string;
  /** `uri` is the issuer's resolvable id (its Profile URL); without it the older `urn:uuid:` form. */
  issuer: { id: string; name: string; uri?: string };
  subject: { id: string; name: string; regulator: string | null; registrationNumber: string | null };
  achievement: {
    name: string;
    description: string;
    /** Open Badges achievementType: Competency, Certificate, License, Award… */
    achievementType: string;
    criteriaNarrative: string;
  };
  alignments: readonly CredentialAlignment[];
  signer: CredentialSigner | null;
  /** The day of the decision or award (Europe/London). */
  awardedOn: IsoDate;
  issuedAt: Date;
  validUntil: Date | null;
  /** Its revocation entry; absent on credentials issued before revocation existed. */
  status?: CredentialStatusSlot;
}
