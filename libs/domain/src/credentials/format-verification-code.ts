/** Crockford's base32: no I, L, O or U, so a code read aloud or retyped is hard to get wrong. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A verification code from random bytes (at least 8): twelve base32 characters (60 bits) in
 * three groups, e.g. `7KQ2-M9XD-4TRB`, short enough to print on a page and type into a browser.
 */
export function formatVerificationCode(random: Uint8Array): string {
  if (random.length < 8) throw new Error('a verification code needs at least 8 random bytes');
  let bits = 0n;
  for (const byte of random.subarray(0, 8)) bits = (bits << 8n) | BigInt(byte);
  let code = '';
  for (let i = 0; i < 12; i++) {
    code += ALPHABET[Number(bits & 31n)];
    bits >>= 5n;
  }
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8, 12)}`;
}
