import { SignJWT } from 'jose';
import type { ActiveSigningKey } from './signing-keys.service.js';

/**
 * A credential signed as a VC-JWT: the credential in the `vc` claim, the issuer's Profile URL as
 * `iss`, and the URL of the signing key's JWK as `kid`, so a verifier holding only the token can
 * fetch what it needs to check it.
 */
export function signVcJwt(
  vc: Record<string, unknown>,
  signing: {
    key: ActiveSigningKey;
    keyUrl: string;
    issuer: string;
    jti: string;
    issuedAt: Date;
    subject?: string;
    expiresAt?: Date | null;
  },
): Promise<string> {
  const jwt = new SignJWT({ vc })
    .setProtectedHeader({ alg: signing.key.algorithm, kid: signing.keyUrl, typ: 'JWT' })
    .setIssuer(signing.issuer)
    .setJti(signing.jti)
    .setIssuedAt(signing.issuedAt)
    .setNotBefore(signing.issuedAt);
  if (signing.subject) jwt.setSubject(signing.subject);
  if (signing.expiresAt) jwt.setExpirationTime(signing.expiresAt);
  return jwt.sign(signing.key.privateKey);
}
