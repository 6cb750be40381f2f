import { VC_CONTEXT } from './build-achievement-credential.js';

/**
 * A BitstringStatusListCredential (W3C VC Bitstring Status List v1.0) for revocation, before it
 * is signed as a VC-JWT with the organisation's key. `encodedList` is the GZIP-compressed
 * bitstring in base64url with the multibase prefix `u`.
 */
export function buildStatusListCredential(list: {
  url: string;
  issuer: { id: string; name: string };
  validFrom: Date;
  encodedList: string;
}): Record<string, unknown> {
  return {
    '@context': [VC_CONTEXT],
    id: list.url,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: { id: list.issuer.id, name: list.issuer.name },
    validFrom: list.validFrom.toISOString(),
    credentialSubject: {
      id: `${list.url}#list`,
      type: 'BitstringStatusList',
      statusPurpose: 'revocation',
      encodedList: list.encodedList,
    },
  };
}
