import { createHash } from 'node:crypto';

/** Namespace of the name-based UUIDs Pathways gives CASE identifiers (a fixed random UUID). */
const NAMESPACE = Buffer.from('6f1c2a4e9b7d4c1e8f3a5d2b7c9e0a14', 'hex');

/** A name-based UUID (RFC 9562 version 5): the same URI always gives the same identifier. */
export function nameBasedUuid(name: string): string {
  const hash = createHash('sha1').update(NAMESPACE).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
