import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { createMember, createOrganisation, errorCode, gql } from '#app/testing';
import { createTestApp, type E2eContext } from './support/create-test-app.js';

/**
 * A council identity provider on loopback: discovery document and JWKS, as a
 * real OpenID Connect issuer publishes them.
 */
async function startIssuer(): Promise<{ url: string; privateKey: CryptoKey; server: Server }> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  const server = createServer((req, res) => {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/realm`;
    res.setHeader('content-type', 'application/json');
    if (req.url === '/realm/.well-known/openid-configuration') {
      res.end(JSON.stringify({ issuer: base, jwks_uri: `${base}/jwks` }));
    } else if (req.url === '/realm/jwks') {
      res.end(JSON.stringify({ keys: [jwk] }));
    } else {
      res.statusCode = 404;
      res.end('{}');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/realm`, privateKey, server };
}

describe('sign-in through an OpenID Connect identity provider (e2e)', () => {
  let ctx: E2eContext;
  let issuer: Awaited<ReturnType<typeof startIssuer>>;

  const idToken = (
    claims: Record<string, unknown>,
    key: CryptoKey = issuer.privateKey,
    audience = 'pathways',
    expires = true,
  ) => {
    const jwt = new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer(issuer.url)
      .setAudience(audience)
      .setIssuedAt();
    return (expires ? jwt.setExpirationTime('5m') : jwt).sign(key);
  };

  beforeAll(async () => {
    issuer = await startIssuer();
    ctx = await createTestApp({ OIDC_ISSUER_URL: issuer.url, OIDC_AUDIENCE: 'pathways' });
  });
  afterEach(() => ctx.reset());
  afterAll(async () => {
    await ctx.close();
    issuer.server.close();
  });

  it('should accept a token from the issuer for a known account, in that person’s organisation', async () => {
    const org = await createOrganisation(ctx.dataSource, { name: 'Westshire' });
    const pat = await createMember(ctx.dataSource, org.id, ['SUPERVISOR']);
    const token = await idToken({ email: pat.email, email_verified: true });
    const res = await gql(ctx.app, `{ me { roles organisation { name } } }`, {}, { as: token });
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ me: { roles: ['SUPERVISOR'], organisation: { name: 'Westshire' } } });
  });

  it('should refuse an unknown email, a wrong audience, an unverified email, a key the issuer never published and a token without expiry', async () => {
    const org = await createOrganisation(ctx.dataSource);
    const pat = await createMember(ctx.dataSource, org.id, ['PRACTITIONER']);
    const stranger = (await generateKeyPair('RS256')).privateKey;
    for (const token of [
      await idToken({ email: 'nobody@test.example', email_verified: true }),
      await idToken({ email: pat.email, email_verified: true }, issuer.privateKey, 'someone-else'),
      await idToken({ email: pat.email, email_verified: false }),
      await idToken({ email: pat.email, email_verified: true }, stranger),
      await idToken({ email: pat.email, email_verified: true }, issuer.privateKey, 'pathways', false),
    ]) {
      expect(errorCode(await gql(ctx.app, `{ me { userId } }`, {}, { as: token }))).toBe('UNAUTHENTICATED');
    }
  });
});
