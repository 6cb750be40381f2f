/**
 * A verifier written as an outsider would: it knows only the token. It imports jose and uses
 * fetch, and nothing from Pathways. The `kid` header is the URL of the public JWK; the `iss`
 * claim is the URL of the issuer's Open Badges 3.0 Profile, which must sit beside the key.
 */
import { compactVerify, decodeJwt, decodeProtectedHeader, importJWK, type JWK } from 'jose';

export interface OutsideVerification {
  issuer: { id: string; name: string };
  claims: Record<string, unknown>;
}

export async function verifyTokenFromOutside(token: string): Promise<OutsideVerification> {
  const { kid, alg } = decodeProtectedHeader(token);
  if (typeof kid !== 'string' || !/^https?:\/\//.test(kid)) throw new Error('kid is not a URL');
  const keyResponse = await fetch(kid);
  if (!keyResponse.ok) throw new Error(`kid did not dereference: ${keyResponse.status}`);
  const jwk = (await keyResponse.json()) as JWK;
  const key = await importJWK(jwk, alg);
  const { payload } = await compactVerify(token, key);
  const claims = JSON.parse(new TextDecoder().decode(payload)) as Record<string, unknown>;

  const iss = claims.iss;
  if (typeof iss !== 'string' || !kid.startsWith(`${iss}/keys/`)) {
    throw new Error('the key is not published under the issuer the token names');
  }
  const profileResponse = await fetch(iss);
  if (!profileResponse.ok) throw new Error(`issuer did not resolve: ${profileResponse.status}`);
  const profile = (await profileResponse.json()) as { id: string; name: string; type: string[] };
  if (profile.id !== iss || !profile.type.includes('Profile')) throw new Error('issuer is not a Profile');
  const vc = decodeJwt(token).vc as { issuer: { id: string } };
  if (vc.issuer.id !== iss) throw new Error('the credential names another issuer than the token');
  return { issuer: { id: profile.id, name: profile.name }, claims };
}
