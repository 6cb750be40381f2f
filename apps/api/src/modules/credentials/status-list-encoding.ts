import { gzipSync } from 'node:zlib';

/**
 * A status list bitstring as its `encodedList`: GZIP-compressed, then base64url without padding,
 * with the multibase prefix `u` (W3C VC Bitstring Status List v1.0). 16 KB of mostly zeros comes
 * to a few dozen characters.
 */
export function encodeStatusList(bits: Uint8Array): string {
  return `u${gzipSync(bits).toString('base64url')}`;
}
