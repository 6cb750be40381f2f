import { readFileSync, writeFileSync } from 'node:fs';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import request from 'supertest';
import { createMember, createOrganisation, errorCode, gql } from '#app/testing';
import { createTestApp, type E2eContext } from './support/create-test-app.js';
import { login, type Session } from './support/sessions.js';

const SCHEMA_FILE = new URL('../../schema.gql', import.meta.url);
const withoutComments = (sdl: string) =>
  sdl
    .split('\n')
    .filter((l) => !l.startsWith('#'))
    .join('\n')
    .trim();

describe('platform: schema, health, hardening (e2e)', () => {
  let ctx: E2eContext;
  let session: Session;

  beforeAll(async () => {
    ctx = await createTestApp({ GRAPHQL_MAX_DEPTH: '4' });
    const org = await createOrganisation(ctx.dataSource);
    session = await login(ctx.app, (await createMember(ctx.dataSource, org.id, ['PRACTITIONER'])).email);
  });
  afterAll(() => ctx.close());

  it('should match the committed schema.gql (UPDATE_SCHEMA=1 rewrites it)', () => {
    const sdl = printSchema(lexicographicSortSchema(ctx.app.get(GraphQLSchemaHost).schema));
    if (process.env.UPDATE_SCHEMA === '1') writeFileSync(SCHEMA_FILE, `${sdl}\n`);
    expect(withoutComments(sdl)).toBe(withoutComments(readFileSync(SCHEMA_FILE, 'utf8')));
  });

  it('should describe every type and field in the schema', () => {
    const schema = ctx.app.get(GraphQLSchemaHost).schema;
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Boolean', 'Int', 'Float', 'ID'].includes(type.name))
        continue;
      // Root operation types carry no description of their own; their fields do.
      if (!type.description && !['Query', 'Mutation'].includes(type.name)) missing.push(type.name);
      if ('getFields' in type) {
        for (const field of Object.values(type.getFields()))
          if (!field.description) missing.push(`${type.name}.${field.name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('should have entities and migrations in agreement (no migration would be generated)', async () => {
    const sql = await ctx.dataSource.driver.createSchemaBuilder().log();
    expect(sql.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('should answer liveness and readiness without a token', async () => {
    await request(ctx.app.getHttpServer()).get('/health/live').expect(200, { status: 'ok' });
    await request(ctx.app.getHttpServer()).get('/health/ready').expect(200, { status: 'ok', database: 'up' });
  });

  it('should refuse a query deeper than the limit (set to 4 here) and run one within it', async () => {
    const within = `{ frameworks { versions { items { code } } } }`;
    const beyond = `{ frameworks { versions { levels { pathways { code } } } } }`;
    expect((await gql(ctx.app, within, {}, { as: session })).errors).toBeUndefined();
    const res = await gql(ctx.app, beyond, {}, { as: session });
    expect(errorCode(res)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.errors?.[0]?.message).toMatch(/depth/i);
  });

  it('should refuse alias bombs and token floods before running them', async () => {
    const aliases = Array.from({ length: 50 }, (_, i) => `a${i}: frameworks { code }`).join(' ');
    const res = await gql(ctx.app, `{ ${aliases} }`, {}, { as: session });
    expect(errorCode(res)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.errors?.[0]?.message).toMatch(/alias/i);
    const flood = await gql(
      ctx.app,
      `{ frameworks { ${'code '.repeat(3000)} } }`,
      {},
      {
        as: session,
        headers: { accept: 'application/graphql-response+json' },
      },
    );
    expect(errorCode(flood)).toBe('GRAPHQL_PARSE_FAILED');
    expect(flood.status).toBe(400);
    expect(flood.errors?.[0]?.message).toMatch(/token/i);
  });

  it('should answer a refused document or variables 200 as application/json and 400 as application/graphql-response+json', async () => {
    const refusals: [string, string, Record<string, unknown>][] = [
      ['GRAPHQL_PARSE_FAILED', '{ frameworks { code }', {}],
      ['GRAPHQL_VALIDATION_FAILED', '{ frameworks { noSuchField } }', {}],
      ['BAD_USER_INPUT', 'query ($code: String!) { framework(code: $code) { version } }', { code: 42 }],
      ['BAD_USER_INPUT', 'query ($code: String!) { framework(code: $code) { version } }', {}],
    ];
    // No Accept and */* are answered as application/json, as Apollo chooses the media type.
    const expected: [string | undefined, number, string][] = [
      ['application/json', 200, 'application/json'],
      [undefined, 200, 'application/json'],
      ['*/*', 200, 'application/json'],
      ['application/graphql-response+json', 400, 'application/graphql-response+json'],
      ['application/graphql-response+json, application/json;q=0.9', 400, 'application/graphql-response+json'],
    ];
    for (const [code, query, variables] of refusals) {
      for (const [accept, status, mediaType] of expected) {
        let req = request(ctx.app.getHttpServer())
          .post('/graphql')
          .set('content-type', 'application/json')
          .set('authorization', `Bearer ${session.accessToken}`);
        if (accept) req = req.set('accept', accept);
        const res = await req.send({ query, variables });
        expect({ code, accept, status: res.status, type: res.headers['content-type'] }).toEqual({
          code,
          accept,
          status,
          type: expect.stringContaining(mediaType),
        });
        expect(res.body.errors?.[0]?.extensions?.code).toBe(code);
        expect(res.body.data).toBeUndefined();
      }
    }
    // A refusal during execution stays 200, and one before GraphQL (a batch) stays 400.
    const unknown = await gql(ctx.app, '{ framework(code: "NOPE") { version } }', {}, { as: session });
    expect(unknown.status).toBe(200);
    const batch = await request(ctx.app.getHttpServer())
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('accept', 'application/json')
      .send([{ query: '{ frameworks { code } }' }, { query: '{ frameworks { code } }' }]);
    expect(batch.status).toBe(400);
  });

  it('should serve introspection in development only', async () => {
    const introspection = `{ __schema { queryType { name } } }`;
    expect(errorCode(await gql(ctx.app, introspection, {}, { as: session }))).toBe(
      'GRAPHQL_VALIDATION_FAILED',
    );
  });
});

describe('production mode (e2e)', () => {
  let ctx: E2eContext;

  beforeAll(async () => {
    ctx = await createTestApp({ NODE_ENV: 'production' });
  });
  afterAll(() => ctx.close());

  it('should not serve GraphiQL or introspection, and should leak no stack traces', async () => {
    await request(ctx.app.getHttpServer()).get('/graphiql').expect(404);
    const org = await createOrganisation(ctx.dataSource);
    const session = await login(
      ctx.app,
      (await createMember(ctx.dataSource, org.id, ['PRACTITIONER'])).email,
    );
    const res = await gql(ctx.app, `{ __schema { types { name } } }`, {}, { as: session });
    expect(errorCode(res)).toBe('GRAPHQL_VALIDATION_FAILED');
    const broken = await gql(
      ctx.app,
      `{ framework(code: "PCF", version: "${'9'.repeat(50)}") { version } }`,
      {},
      { as: session },
    );
    expect(JSON.stringify(broken.errors)).not.toMatch(/stacktrace|\bat .*\.js/);
  });
});

describe('development mode (e2e)', () => {
  let ctx: E2eContext;

  beforeAll(async () => {
    ctx = await createTestApp({ NODE_ENV: 'development' });
  });
  afterAll(() => ctx.close());

  it('should serve a self-hosted GraphiQL page and its assets', async () => {
    const page = await request(ctx.app.getHttpServer()).get('/graphiql').expect(200);
    expect(page.text).toContain('/graphiql/assets/graphiql.js');
    expect(page.text).not.toMatch(/https?:\/\/(?!localhost)/);
    const asset = await request(ctx.app.getHttpServer()).get('/graphiql/assets/graphiql.js').expect(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
  });
});
