/**
 * Revocation checked as an outsider would, by the W3C VC Bitstring Status List v1.0 algorithm:
 * from the token's `credentialStatus` alone, fetch the status list credential, check it as
 * `verifyTokenFromOutside` checks a credential (signature by a key published under the issuer),
 * make sure the same issuer signed both, then decode the list (multibase `u`, base64url, GZIP)
 * and read the credential's bit. Like the rest of this folder it imports nothing from Pathways.
 */
import { gunzipSync } from 'node:zlib';
import { verifyTokenFromOutside } from './verify-token.js';

interface StatusEntry {
  id: string;
  type: string;
  statusPurpose: string;
  statusListIndex: string;
  statusListCredential: string;
}

interface StatusListVc {
  id: string;
  type: string[];
  validFrom: string;
  credentialSubject: { id: string; type: string; statusPurpose: string; encodedList: string };
}

export interface OutsideRevocationStatus {
  revoked: boolean;
  statusListIndex: number;
  statusListCredential: string;
  /** Entries in the list (bits). */
  listLength: number;
}

/** The spec's minimum: 131,072 entries, 16 KB uncompressed. */
const MINIMUM_BYTES = 16_384;

export async function checkRevocationFromOutside(token: string): Promise<OutsideRevocationStatus> {
  const credential = await verifyTokenFromOutside(token);
  const entry = (credential.claims.vc as { credentialStatus?: StatusEntry }).credentialStatus;
  if (!entry || entry.type !== 'BitstringStatusListEntry' || entry.statusPurpose !== 'revocation') {
    throw new Error('the credential has no revocation BitstringStatusListEntry');
  }
  const index = Number(entry.statusListIndex);
  if (!/^\d+$/.test(entry.statusListIndex) || !Number.isSafeInteger(index)) {
    throw new Error('statusListIndex is not a whole number');
  }

  const response = await fetch(entry.statusListCredential);
  if (!response.ok) throw new Error(`statusListCredential did not resolve: ${response.status}`);
  const list = await verifyTokenFromOutside((await response.text()).trim());
  if (list.issuer.id !== credential.issuer.id) throw new Error('another issuer signed the status list');
  const vc = list.claims.vc as StatusListVc;
  if (!vc.type.includes('BitstringStatusListCredential') || vc.id !== entry.statusListCredential) {
    throw new Error('statusListCredential is not that BitstringStatusListCredential');
  }
  if (Date.parse(vc.validFrom) > Date.now()) throw new Error('the status list is not valid yet');
  const subject = vc.credentialSubject;
  if (subject.type !== 'BitstringStatusList' || subject.statusPurpose !== entry.statusPurpose) {
    throw new Error('the status list is not a list for this purpose');
  }
  if (!subject.encodedList.startsWith('u')) throw new Error('encodedList is not multibase base64url');
  const bits = gunzipSync(Buffer.from(subject.encodedList.slice(1), 'base64url'));
  if (bits.length < MINIMUM_BYTES) throw new Error('the status list is shorter than the spec allows');
  if (index >= bits.length * 8) throw new Error('statusListIndex is outside the list');
  return {
    // Entry 0 is the left-most bit of the first byte.
    revoked: (bits[index >> 3]! & (0x80 >> (index & 7))) !== 0,
    statusListIndex: index,
    statusListCredential: entry.statusListCredential,
    listLength: bits.length * 8,
  };
}
