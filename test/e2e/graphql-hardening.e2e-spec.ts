import request from 'supertest';
import { createMember, createOrganisation, errorCode, gql, TEST_PASSWORD } from '#app/testing';
import { createTestApp, type E2eContext } from './support/create-test-app.js';
import { LOGIN, login, type Session } from './support/sessions.js';

/*
 * Attacks on the GraphQL layer of the API in production mode with its default limits (depth 10,
 * 15 aliases, 2,000 tokens). platform.e2e-spec.ts covers the configured depth limit, a plain alias
 * bomb, a token flood, introspection with __schema and GraphiQL; this file covers the rest.
 */

/** Stack frames, file paths or driver detail in a response body. */
const LEAKS =
  /\bat [\w.<>]+ \(|\.(js|ts):\d+|node_modules|stacktrace|\/work\/|QueryFailedError|DatabaseError/i;

describe('GraphQL hardening in production mode (e2e)', () => {
  let ctx: E2eContext;
  let session: Session;
  let email: string;

  beforeAll(async () => {
    ctx = await createTestApp({ NODE_ENV: 'production' });
    const org = await createOrganisation(ctx.dataSource);
    email = (await createMember(ctx.dataSource, org.id, ['PRACTITIONER'])).email;
    session = await login(ctx.app, email);
  });
  afterAll(() => ctx.close());

  const post = (body: unknown, headers: Record<string, string> = {}) => {
    let req = request(ctx.app.getHttpServer())
      .post('/graphql')
      .set('authorization', `Bearer ${session.accessToken}`)
      .set('content-type', 'application/json');
    for (const [k, v] of Object.entries(headers)) req = req.set(k, v);
    return req.send(typeof body === 'string' ? body : JSON.stringify(body));
  };

  /** `pathwayTemplate { routes { criteria { criteria { … } } } }`, nested through fragments. */
  function criteriaThroughFragments(levels: number): string {
    const fragments = Array.from({ length: levels }, (_, i) =>
      i === levels - 1
        ? `fragment F${i} on CriterionSpec { type }`
        : `fragment F${i} on CriterionSpec { type criteria { ...F${i + 1} } }`,
    );
    return `{ pathwayTemplate { routes { criteria { ...F0 } } } } ${fragments.join(' ')}`;
  }

  it('should refuse a depth bomb hidden in fragments beyond the default depth of 10, and serve one within it', async () => {
    const within = await gql(ctx.app, criteriaThroughFragments(2), {}, { as: session });
    expect(within.errors).toBeUndefined();
    const bomb = await gql(ctx.app, criteriaThroughFragments(40), {}, { as: session });
    expect(errorCode(bomb)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(bomb.errors?.[0]?.message).toMatch(/depth|cost/i);
  });

  it('should answer a field-duplication bomb quickly or refuse it, and stay responsive', async () => {
    for (const field of ['roles', '__typename']) {
      const started = Date.now();
      const res = await gql(ctx.app, `{ me { ${`${field} `.repeat(1_900)} } }`, {}, { as: session });
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(res.status).toBeLessThan(500);
      if (res.errors) expect(errorCode(res)).toBe('GRAPHQL_VALIDATION_FAILED');
    }
    const fragments = Array.from({ length: 60 }, (_, i) => `...M${i}`).join(' ');
    const defs = Array.from(
      { length: 60 },
      (_, i) => `fragment M${i} on Me { roles user { fullName } }`,
    ).join(' ');
    const started = Date.now();
    const spread = await gql(ctx.app, `{ me { ${fragments} } } ${defs}`, {}, { as: session });
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(spread.status).toBeLessThan(500);
    const ping = await gql(ctx.app, `{ me { roles } }`, {}, { as: session });
    expect(ping.errors).toBeUndefined();
  });

  it('should refuse aliases past 15 and directive floods', async () => {
    const sixteen = Array.from({ length: 16 }, (_, i) => `a${i}: me { roles }`).join(' ');
    expect(errorCode(await gql(ctx.app, `{ ${sixteen} }`, {}, { as: session }))).toBe(
      'GRAPHQL_VALIDATION_FAILED',
    );
    const directives = ' @include(if: true)'.repeat(30);
    expect(errorCode(await gql(ctx.app, `{ me${directives} { roles } }`, {}, { as: session }))).toBe(
      'GRAPHQL_VALIDATION_FAILED',
    );
  });

  it('should refuse batched HTTP requests and count every aliased login attempt against the limit', async () => {
    const batch = await request(ctx.app.getHttpServer())
      .post('/graphql')
      .set('content-type', 'application/json')
      .send(
        JSON.stringify(
          Array.from({ length: 5 }, () => ({
            query: LOGIN,
            variables: { input: { email, password: 'wrong' } },
          })),
        ),
      );
    expect(batch.status).toBe(400);
    expect(batch.text).not.toMatch(LEAKS);

    // Aliases cannot batch guesses either: login is non-null, so the first failure ends the mutation.
    const attempts = Array.from(
      { length: 15 },
      (_, i) => `a${i}: login(input: { email: "${email}", password: "wrong-guess-${i}" }) { accessToken }`,
    ).join(' ');
    const codes: string[] = [];
    for (let request_ = 0; request_ < 11; request_++) {
      const guessed = await request(ctx.app.getHttpServer())
        .post('/graphql')
        .set('content-type', 'application/json')
        .send({ query: `mutation { ${attempts} }` });
      expect(guessed.body.errors).toHaveLength(1);
      expect(guessed.body.data).toBeNull();
      codes.push(guessed.body.errors[0].extensions.code);
    }
    // Ten guesses are allowed per account and window; the eleventh is refused, and so is the right password.
    expect(codes).toEqual([...Array(10).fill('UNAUTHENTICATED'), 'RATE_LIMITED']);
    const right = await gql(ctx.app, LOGIN, { input: { email, password: TEST_PASSWORD } });
    expect(errorCode(right)).toBe('RATE_LIMITED');
  });

  it('should serve no introspection of any kind, no field suggestions and no sandbox page', async () => {
    for (const query of [
      `{ __type(name: "Query") { fields { name } } }`,
      `{ me { roles } ...I } fragment I on Query { __schema { types { name } } }`,
      `query { a: __schema { queryType { name } } }`,
    ]) {
      expect(errorCode(await gql(ctx.app, query, {}, { as: session }))).toBe('GRAPHQL_VALIDATION_FAILED');
    }
    const typo = await gql(ctx.app, `{ me { rols } }`, {}, { as: session });
    expect(errorCode(typo)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(JSON.stringify(typo.errors)).not.toMatch(/did you mean/i);
    const page = await request(ctx.app.getHttpServer()).get('/graphql').set('accept', 'text/html');
    expect(page.text).not.toMatch(/sandbox|playground|graphiql|apollo-server-landing/i);
  });

  it('should refuse cross-site style requests (GET mutations, text/plain bodies)', async () => {
    const getMutation = await request(ctx.app.getHttpServer())
      .get('/graphql')
      .query({ query: `mutation { logout }` })
      .set('authorization', `Bearer ${session.accessToken}`);
    expect(getMutation.status).toBeGreaterThanOrEqual(400);
    expect(getMutation.status).toBeLessThan(500);
    const plain = await request(ctx.app.getHttpServer())
      .post('/graphql')
      .set('content-type', 'text/plain')
      .send(JSON.stringify({ query: '{ me { roles } }' }));
    expect(plain.status).toBeGreaterThanOrEqual(400);
    expect(plain.status).toBeLessThan(500);
  });

  it('should leak no stack trace, path or driver detail whatever goes wrong', async () => {
    const responses = [
      await post('{"query": "{ me { roles } "'),
      await post({ query: '{ me { roles } ', variables: {} }),
      await post({ query: 'query Q($id: ID!) { evidence(id: $id) { id } }', variables: { id: { $ne: 1 } } }),
      await post({
        query: 'query Q($id: ID!) { evidence(id: $id) { id } }',
        variables: { id: "1' OR '1'='1" },
      }),
      await post({ query: '{ me { roles } }', operationName: 'Missing' }),
      await post({ query: `{ portfolio(first: 100000) { nodes { id } } }` }),
      await post({ query: `{ portfolio(search: "${'"'.repeat(3)}((((\\\\") { nodes { id } } }` }),
      await post({ query: `{ framework(code: "PCF", version: "${'9'.repeat(5_000)}") { version } }` }),
      await post({
        query: `{ me { roles } }`,
        extensions: { persistedQuery: { version: 1, sha256Hash: 'x' } },
      }),
      await post('x'.repeat(2_000_000)),
      await request(ctx.app.getHttpServer())
        .post('/graphql')
        .set('content-type', 'application/json')
        .send('{}'),
      await request(ctx.app.getHttpServer())
        .get('/attachments/not-a-uuid')
        .set('authorization', `Bearer ${session.accessToken}`),
      await request(ctx.app.getHttpServer()).get('/attachments/00000000-0000-4000-8000-000000000000'),
    ];
    for (const res of responses) {
      expect({ status: res.status, body: res.text.slice(0, 300) }).toEqual({
        status: res.status,
        body: expect.not.stringMatching(LEAKS),
      });
      expect(res.status).toBeLessThan(500);
      expect(res.text).not.toContain('INTERNAL_SERVER_ERROR');
    }
  });
});
