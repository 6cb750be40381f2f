import request from 'supertest';
import { createTestApp, type E2eContext } from './support/create-test-app.js';

const APP = 'https://app.example.org';
const QUERY = { query: '{ __typename }' };

const corsHeaders = (res: request.Response) =>
  Object.keys(res.headers).filter((h) => h.startsWith('access-control-'));

const preflight = (ctx: E2eContext, origin: string, path = '/graphql') =>
  request(ctx.app.getHttpServer())
    .options(path)
    .set('origin', origin)
    .set('access-control-request-method', 'POST')
    .set(
      'access-control-request-headers',
      'authorization, content-type, x-request-id, x-pathways-organisation',
    );

describe('CORS off by default (e2e)', () => {
  let ctx: E2eContext;

  beforeAll(async () => {
    ctx = await createTestApp();
  });
  afterAll(() => ctx.close());

  it('should send no CORS headers to any origin, preflight or not', async () => {
    const res = await request(ctx.app.getHttpServer()).post('/graphql').set('origin', APP).send(QUERY);
    expect(res.status).toBe(200);
    expect(corsHeaders(res)).toEqual([]);
    expect(corsHeaders(await preflight(ctx, APP))).toEqual([]);
  });
});

describe('CORS_ORIGINS lists origins (e2e)', () => {
  let ctx: E2eContext;

  beforeAll(async () => {
    ctx = await createTestApp({ CORS_ORIGINS: `${APP}, http://localhost:5173` });
  });
  afterAll(() => ctx.close());

  it('should answer a listed origin’s preflight with the methods and headers the API takes', async () => {
    const res = await preflight(ctx, APP);
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe(APP);
    expect(res.headers['access-control-allow-methods']).toBe('GET,POST');
    expect(res.headers['access-control-allow-headers']).toBe(
      'authorization,content-type,x-request-id,x-pathways-organisation',
    );
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
    expect(res.headers.vary).toMatch(/origin/i);
  });

  it('should echo a listed origin on GraphQL and plain HTTP responses, never allowing credentials', async () => {
    const server = ctx.app.getHttpServer();
    const gql = await request(server).post('/graphql').set('origin', 'http://localhost:5173').send(QUERY);
    expect(gql.status).toBe(200);
    expect(gql.body.data).toEqual({ __typename: 'Query' });
    expect(gql.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    expect(gql.headers['access-control-expose-headers']).toMatch(/x-request-id/);
    expect(gql.headers['access-control-allow-credentials']).toBeUndefined();
    const plain = await request(server).get('/health/live').set('origin', APP);
    expect(plain.headers['access-control-allow-origin']).toBe(APP);
  });

  it.each([
    'https://evil.example',
    'https://app.example.org.evil.example',
    'http://app.example.org',
    'https://app.example.org:8443',
    'null',
  ])('should send %s no CORS headers at all', async (origin) => {
    const res = await request(ctx.app.getHttpServer()).post('/graphql').set('origin', origin).send(QUERY);
    expect(corsHeaders(res)).toEqual([]);
    const pre = await preflight(ctx, origin);
    expect(corsHeaders(pre)).toEqual([]);
    expect(pre.status).not.toBe(204);
  });

  it('should send no CORS headers without an Origin (same-origin and server-side callers)', async () => {
    const res = await request(ctx.app.getHttpServer()).post('/graphql').send(QUERY);
    expect(res.status).toBe(200);
    expect(corsHeaders(res)).toEqual([]);
  });
});

describe('CORS_ORIGINS=* (e2e)', () => {
  let ctx: E2eContext;

  beforeAll(async () => {
    ctx = await createTestApp({ CORS_ORIGINS: '*' });
  });
  afterAll(() => ctx.close());

  it('should allow any origin, without credentials', async () => {
    const res = await preflight(ctx, 'https://anyone.example');
    expect(res.status).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['access-control-allow-credentials']).toBeUndefined();
  });
});
