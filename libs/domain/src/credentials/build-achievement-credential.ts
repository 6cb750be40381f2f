import { caseUris } from '../exchange/case-uris.js';
import type { CredentialFacts, CredentialStatusSlot } from './credentials.types.js';

export const VC_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const OB3_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';

/** `urn:uuid:` form of an id, as Open Badges wants URIs for ids. */
export const urnOf = (uuid: string) => `urn:uuid:${uuid}`;

/**
 * The credential as an Open Badges 3.0 OpenBadgeCredential (a W3C Verifiable Credential, data model
 * 2.0), before it is signed as a VC-JWT. It names the issuer (the organisation), the practitioner
 * (by name and registration, as Open Badges identity objects), the achievement with its alignments
 * to framework items, and the sign-off as Evidence, but never the evidence's own text.
 */
export function buildAchievementCredential(facts: CredentialFacts): Record<string, unknown> {
  const identifiers: Record<string, unknown>[] = [
    { type: 'IdentityObject', identityType: 'name', hashed: false, identityHash: facts.subject.name },
  ];
  if (facts.subject.registrationNumber) {
    identifiers.push({
      type: 'IdentityObject',
      identityType: 'identifier',
      hashed: false,
      // Open Badges 3.0 IdentityObject allows no other properties, so the regulator is not named here.
      identityHash: facts.subject.registrationNumber,
    });
  }
  const signer = facts.signer;
  return {
    '@context': [VC_CONTEXT, OB3_CONTEXT],
    id: urnOf(facts.credentialId),
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: facts.achievement.name,
    issuer: { id: facts.issuer.uri ?? urnOf(facts.issuer.id), type: ['Profile'], name: facts.issuer.name },
    validFrom: facts.issuedAt.toISOString(),
    ...(facts.validUntil ? { validUntil: facts.validUntil.toISOString() } : {}),
    ...(facts.status ? { credentialStatus: statusListEntry(facts.status) } : {}),
    credentialSubject: {
      id: urnOf(facts.subject.id),
      type: ['AchievementSubject'],
      identifier: identifiers,
      activityEndDate: `${facts.awardedOn}T00:00:00Z`,
      achievement: {
        id: `urn:pathways:achievement:${facts.kind.toLowerCase()}:${facts.sourceId}`,
        type: ['Achievement'],
        achievementType: facts.achievement.achievementType,
        name: facts.achievement.name,
        description: facts.achievement.description,
        criteria: { narrative: facts.achievement.criteriaNarrative },
        ...(facts.alignments.length > 0
          ? {
              alignment: facts.alignments.map((a) => ({
                type: ['Alignment'],
                targetType: 'CFItem',
                targetFramework: `${a.frameworkCode} ${a.frameworkVersion}`,
                targetCode: a.itemCode,
                targetName: a.levelName ? `${a.itemTitle} (${a.levelName})` : a.itemTitle,
                targetUrl: caseUris.item(a.frameworkCode, a.frameworkVersion, a.itemCode),
              })),
            }
          : {}),
      },
    },
    ...(signer
      ? {
          evidence: [
            {
              id: `urn:pathways:${facts.kind.toLowerCase()}:${facts.sourceId}`,
              type: ['Evidence'],
              genre: 'Sign-off',
              name: `Decided by ${signer.name} on ${facts.awardedOn}`,
              description: describeSigner(signer),
              signedBy: {
                name: signer.name,
                capacity: signer.capacity,
                qualification: signer.qualification,
                regulator: signer.regulator,
                registrationNumber: signer.registrationNumber,
              },
              decidedOn: facts.awardedOn,
            },
          ],
        }
      : {}),
  };
}

/** A BitstringStatusListEntry for revocation; the index is a string, as the spec writes it. */
function statusListEntry(slot: CredentialStatusSlot): Record<string, unknown> {
  return {
    id: `${slot.statusListCredential}#${slot.statusListIndex}`,
    type: 'BitstringStatusListEntry',
    statusPurpose: 'revocation',
    statusListIndex: String(slot.statusListIndex),
    statusListCredential: slot.statusListCredential,
  };
}

function describeSigner(signer: NonNullable<CredentialFacts['signer']>): string {
  const parts = [signer.capacity.toLowerCase().replace(/_/g, ' ')];
  if (signer.qualification) parts.push(`qualification: ${signer.qualification}`);
  if (signer.registrationNumber) {
    parts.push(`registration: ${[signer.regulator, signer.registrationNumber].filter(Boolean).join(' ')}`);
  }
  return parts.join('; ');
}
