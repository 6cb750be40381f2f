import type { CredentialKind } from '../../data/generated/graphql.js';

export interface IssuedInput {
  kind: CredentialKind;
  sourceId: string;
  revokedAt?: string | null;
}

export interface Issuable {
  kind: CredentialKind;
  sourceId: string;
  /** What the credential would attest, e.g. "PEPS Stage 2, awarded 1 July 2026". */
  description: string;
}

export const CREDENTIAL_KIND_NAMES: Record<CredentialKind, string> = {
  EVIDENCE_SIGN_OFF: 'Evidence signed off',
  QUALIFICATION: 'Verified qualification',
  STAGE_AWARD: 'Career stage',
};

/**
 * What a practitioner may still ask a credential for: verified qualifications and stages reached by
 * an approved application, less those that already have a credential not revoked.
 */
export function issuableCredentials(
  qualifications: readonly { id: string; title: string; verifiedAt?: string | null }[],
  stages: readonly { id: string; stageName: string; applicationId?: string | null }[],
  issued: readonly IssuedInput[],
): Issuable[] {
  const held = new Set(issued.filter((c) => !c.revokedAt).map((c) => `${c.kind}:${c.sourceId}`));
  const candidates: Issuable[] = [
    ...qualifications
      .filter((q) => q.verifiedAt)
      .map((q) => ({ kind: 'QUALIFICATION' as const, sourceId: q.id, description: q.title })),
    ...stages
      .filter((s) => s.applicationId)
      .map((s) => ({ kind: 'STAGE_AWARD' as const, sourceId: s.id, description: s.stageName })),
  ];
  return candidates.filter((c) => !held.has(`${c.kind}:${c.sourceId}`));
}
