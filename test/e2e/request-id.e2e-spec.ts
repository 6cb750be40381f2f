import request from 'supertest';
import { createTestApp, type E2eContext } from './support/create-test-app.js';

describe('request id', () => {
  let ctx: E2eContext;

  beforeAll(async () => {
    ctx = await createTestApp();
  });

  afterAll(async () => {
    await ctx.close();
  });

  it('should give every response an x-request-id', async () => {
    const res = await request(ctx.app.getHttpServer()).post('/graphql').send({ query: '{ __typename }' });
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("should echo the caller's id when it is sane and replace it otherwise", async () => {
    const server = ctx.app.getHttpServer();
    const kept = await request(server).get('/health/live').set('x-request-id', 'lb-7f3a9c21-0001');
    expect(kept.headers['x-request-id']).toBe('lb-7f3a9c21-0001');
    const replaced = await request(server).get('/health/live').set('x-request-id', 'x<script>');
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
