import { SignJWT } from 'jose';
import request from 'supertest';
import { createMember, createOrganisation, errorCode, gql, TEST_PASSWORD } from '#app/testing';
import { createTestApp, type E2eContext } from './support/create-test-app.js';
import { LOGIN, login } from './support/sessions.js';

const ME = `{ me { userId organisationId roles user { email fullName } organisation { name } } }`;
const REFRESH = `mutation R($input: RefreshTokenInput!) { refreshToken(input: $input) { accessToken refreshToken } }`;

/** The claims of a token, read without checking it. */
const claimsOf = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as Record<string, string>;

describe('authentication (e2e)', () => {
  let ctx: E2eContext;

  beforeAll(async () => {
    ctx = await createTestApp({ LOGIN_MAX_ATTEMPTS: '3' });
  });
  afterEach(() => ctx.reset());
  afterAll(() => ctx.close());

  it('should sign a member in and answer me for their organisation', async () => {
    const org = await createOrganisation(ctx.dataSource, { name: 'Northshire Council' });
    const sam = await createMember(ctx.dataSource, org.id, ['PRACTITIONER'], { fullName: 'Sam Okafor' });

    const session = await login(ctx.app, sam.email.toUpperCase());
    const res = await gql(ctx.app, ME, {}, { as: session });

    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      me: {
        userId: sam.user.id,
        organisationId: org.id,
        roles: ['PRACTITIONER'],
        user: { email: sam.email, fullName: 'Sam Okafor' },
        organisation: { name: 'Northshire Council' },
      },
    });
  });

  it('should refuse a wrong password and an unknown email with the same answer', async () => {
    const org = await createOrganisation(ctx.dataSource);
    const sam = await createMember(ctx.dataSource, org.id, ['PRACTITIONER']);

    const wrongPassword = await gql(ctx.app, LOGIN, {
      input: { email: sam.email, password: 'not the password at all' },
    });
    const unknownEmail = await gql(ctx.app, LOGIN, {
      input: { email: 'nobody@test.example', password: TEST_PASSWORD },
    });

    expect(errorCode(wrongPassword)).toBe('UNAUTHENTICATED');
    expect(wrongPassword.errors).toEqual(unknownEmail.errors);
    expect(wrongPassword.data).toBeNull();
  });

  it('should rate-limit failed logins per account, then refuse even the right password', async () => {
    const org = await createOrganisation(ctx.dataSource);
    const sam = await createMember(ctx.dataSource, org.id, ['PRACTITIONER']);
    for (let i = 0; i < 3; i++) {
      expect(
        errorCode(
          await gql(ctx.app, LOGIN, { input: { email: sam.email, password: `wrong-${i}-password` } }),
        ),
      ).toBe('UNAUTHENTICATED');
    }
    const blocked = await gql(ctx.app, LOGIN, { input: { email: sam.email, password: TEST_PASSWORD } });
    expect(errorCode(blocked)).toBe('RATE_LIMITED');
    expect(blocked.errors?.[0]?.extensions?.details).toEqual({ retryAfterSeconds: expect.any(Number) });
  });

  it('should refuse a batch of login attempts sent in one HTTP request', async () => {
    const res = await request(ctx.app.getHttpServer())
      .post('/graphql')
      .set('content-type', 'application/json')
      .send(
        [1, 2].map(() => ({
          query: LOGIN,
          variables: { input: { email: 'a@test.example', password: 'x' } },
        })),
      );
    expect(res.status).toBe(400);
  });

  it('should reject a login with a malformed email as BAD_USER_INPUT naming the field', async () => {
    const res = await gql(ctx.app, LOGIN, { input: { email: 'not-an-email', password: 'whatever' } });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.extensions?.field).toBe('input.email');
  });

  it('should rotate refresh tokens and revoke the whole session when an old one is replayed', async () => {
    const org = await createOrganisation(ctx.dataSource);
    const sam = await createMember(ctx.dataSource, org.id, ['PRACTITIONER']);
    const first = await login(ctx.app, sam.email);

    const rotated = await gql<{ refreshToken: { accessToken: string; refreshToken: string } }>(
      ctx.app,
      REFRESH,
      {
        input: { refreshToken: first.refreshToken },
      },
    );
    expect(rotated.errors).toBeUndefined();
    const second = rotated.data!.refreshToken;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect((await gql(ctx.app, ME, {}, { as: second })).errors).toBeUndefined();

    const replay = await gql(ctx.app, REFRESH, { input: { refreshToken: first.refreshToken } });
    expect(errorCode(replay)).toBe('UNAUTHENTICATED');
    // The replay ended the session: the newer tokens stop working too.
    expect(errorCode(await gql(ctx.app, REFRESH, { input: { refreshToken: second.refreshToken } }))).toBe(
      'UNAUTHENTICATED',
    );
    expect(errorCode(await gql(ctx.app, ME, {}, { as: second }))).toBe('UNAUTHENTICATED');
  });

  it('should issue a different access token, with its own id, on a refresh straight after sign-in', async () => {
    const org = await createOrganisation(ctx.dataSource);
    const sam = await createMember(ctx.dataSource, org.id, ['PRACTITIONER']);
    const first = await login(ctx.app, sam.email);
    const rotated = await gql<{ refreshToken: { accessToken: string; refreshToken: string } }>(
      ctx.app,
      REFRESH,
      { input: { refreshToken: first.refreshToken } },
    );
    const second = rotated.data!.refreshToken;
    expect(second.accessToken).not.toBe(first.accessToken);
    const ids = [first, second].map((s) => claimsOf(s.accessToken).jti);
    expect(ids[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids[1]).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids[1]).not.toBe(ids[0]);
    expect((await gql(ctx.app, ME, {}, { as: second })).errors).toBeUndefined();
  });

  it('should end the session on logout', async () => {
    const org = await createOrganisation(ctx.dataSource);
    const sam = await createMember(ctx.dataSource, org.id, ['PRACTITIONER']);
    const session = await login(ctx.app, sam.email);

    const out = await gql(ctx.app, `mutation { logout }`, {}, { as: session });
    expect(out.data).toEqual({ logout: true });
    expect(errorCode(await gql(ctx.app, ME, {}, { as: session }))).toBe('UNAUTHENTICATED');
    expect(errorCode(await gql(ctx.app, REFRESH, { input: { refreshToken: session.refreshToken } }))).toBe(
      'UNAUTHENTICATED',
    );
  });

  it.each([
    ['no token', undefined],
    ['a malformed token', 'not-a-jwt'],
  ])('should refuse every query with %s', async (_, token) => {
    const res = await gql(ctx.app, `{ frameworks { code } }`, {}, { as: token });
    expect(errorCode(res)).toBe('UNAUTHENTICATED');
  });

  it('should refuse a forged and an expired token', async () => {
    const org = await createOrganisation(ctx.dataSource);
    const sam = await createMember(ctx.dataSource, org.id, ['PRACTITIONER']);
    const session = await login(ctx.app, sam.email);
    const sid = JSON.parse(Buffer.from(session.accessToken.split('.')[1]!, 'base64url').toString())
      .sid as string;
    const sign = (secret: string, exp: number) =>
      new SignJWT({ org: org.id, sid })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(sam.user.id)
        .setIssuer('pathways')
        .setAudience('pathways-api')
        .setIssuedAt(exp - 900)
        .setExpirationTime(exp)
        .sign(new TextEncoder().encode(secret));

    const forged = await sign('someone-elses-secret-someone-elses', Math.floor(Date.now() / 1000) + 600);
    const expired = await sign(
      ctx.config.auth.jwtSecret instanceof Uint8Array ? 'e2e-secret-e2e-secret-e2e-secret-e2e' : '',
      Math.floor(Date.now() / 1000) - 60,
    );

    expect(errorCode(await gql(ctx.app, ME, {}, { as: forged }))).toBe('UNAUTHENTICATED');
    const expiredRes = await gql(ctx.app, ME, {}, { as: expired });
    expect(errorCode(expiredRes)).toBe('UNAUTHENTICATED');
    expect(expiredRes.errors?.[0]?.extensions?.domainCode).toBe('SESSION_EXPIRED');
  });

  it('should refuse a correctly signed token that never expires', async () => {
    const org = await createOrganisation(ctx.dataSource);
    const sam = await createMember(ctx.dataSource, org.id, ['PRACTITIONER']);
    const session = await login(ctx.app, sam.email);
    const forever = await new SignJWT({ org: org.id, sid: claimsOf(session.accessToken).sid })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(sam.user.id)
      .setIssuer('pathways')
      .setAudience('pathways-api')
      .setIssuedAt()
      .sign(new TextEncoder().encode('e2e-secret-e2e-secret-e2e-secret-e2e'));

    const res = await gql(ctx.app, ME, {}, { as: forever });
    expect(errorCode(res)).toBe('UNAUTHENTICATED');
    expect(res.errors?.[0]?.extensions?.domainCode).toBe('TOKEN_INVALID');
  });

  it('should refuse a token naming an organisation the person does not belong to', async () => {
    const home = await createOrganisation(ctx.dataSource);
    const other = await createOrganisation(ctx.dataSource);
    const sam = await createMember(ctx.dataSource, home.id, ['ORG_ADMIN']);
    const session = await login(ctx.app, sam.email);
    const sid = JSON.parse(Buffer.from(session.accessToken.split('.')[1]!, 'base64url').toString())
      .sid as string;
    const crossOrg = await new SignJWT({ org: other.id, sid })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(sam.user.id)
      .setIssuer('pathways')
      .setAudience('pathways-api')
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(new TextEncoder().encode('e2e-secret-e2e-secret-e2e-secret-e2e'));

    expect(errorCode(await gql(ctx.app, ME, {}, { as: crossOrg }))).toBe('UNAUTHENTICATED');
    // Nor can they sign in to it.
    expect(
      errorCode(
        await gql(ctx.app, LOGIN, {
          input: { email: sam.email, password: TEST_PASSWORD, organisationId: other.id },
        }),
      ),
    ).toBe('UNAUTHENTICATED');
  });

  it('should let a person in two organisations choose one at sign-in', async () => {
    const first = await createOrganisation(ctx.dataSource, { name: 'First' });
    const second = await createOrganisation(ctx.dataSource, { name: 'Second' });
    const agency = await createMember(ctx.dataSource, first.id, ['PRACTITIONER']);
    await ctx.dataSource.query(
      `INSERT INTO membership (organisation_id, user_id, roles) VALUES ($1, $2, '{SUPERVISOR}')`,
      [second.id, agency.user.id],
    );
    const session = await login(ctx.app, agency.email, second.id);
    const res = await gql<{ me: { organisation: { name: string }; roles: string[] } }>(
      ctx.app,
      `{ me { roles organisation { name } } }`,
      {},
      { as: session },
    );
    expect(res.data?.me).toEqual({ roles: ['SUPERVISOR'], organisation: { name: 'Second' } });
  });
});
