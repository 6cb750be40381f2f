import request from 'supertest';
import { createTestApp, type E2eContext } from './support/create-test-app.js';

/** Public verification is limited per client address (VERIFY_RATE_LIMIT_PER_MINUTE), across instances. */
describe('public credential verification: rate limited per client address (e2e)', () => {
  let ctx: E2eContext;

  beforeAll(async () => {
    ctx = await createTestApp({ VERIFY_RATE_LIMIT_PER_MINUTE: '3' });
  });
  afterAll(() => ctx.close());

  // Requests come from the loopback interface, a trusted proxy: X-Forwarded-For names the client.
  const from = (address: string) => ({
    byCode: () =>
      request(ctx.app.getHttpServer()).get('/verify/NO-SUCH-CODE').set('x-forwarded-for', address),
    byCredential: () =>
      request(ctx.app.getHttpServer())
        .post('/verify')
        .set('x-forwarded-for', address)
        .send({ credential: 'not.a.credential' }),
    keys: () =>
      request(ctx.app.getHttpServer())
        .get('/issuers/00000000-0000-4000-8000-000000000000/jwks.json')
        .set('x-forwarded-for', address),
  });

  it('should answer 429 RATE_LIMITED with Retry-After once a client spends its budget, across the endpoints', async () => {
    const client = from('203.0.113.10');
    const allowed = [await client.byCode(), await client.byCredential(), await client.keys()];
    expect(allowed.map((r) => r.status)).not.toContain(429);

    const refused = await client.byCode();
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({
      error: {
        code: 'RATE_LIMITED',
        domainCode: 'RATE_LIMITED',
        field: null,
        message: 'Too many verification requests; try again later',
      },
    });
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect((await client.byCredential()).status).toBe(429);
    expect((await client.keys()).status).toBe(429);
  });

  it('should keep each client address to its own budget', async () => {
    for (let i = 0; i < 3; i++) await from('203.0.113.20').byCode();
    expect((await from('203.0.113.20').byCode()).status).toBe(429);

    const other = await from('203.0.113.21').byCode();
    expect(other.status).toBe(200);
    expect(other.body.verified).toBe(false);
  });

  it('should hold the budget across API instances', async () => {
    for (let i = 0; i < 3; i++) await from('203.0.113.30').byCode();
    const second = await createTestApp(
      { VERIFY_RATE_LIMIT_PER_MINUTE: '3' },
      { databaseUrl: ctx.databaseUrl },
    );
    try {
      const refused = await request(second.app.getHttpServer())
        .get('/verify/NO-SUCH-CODE')
        .set('x-forwarded-for', '203.0.113.30');
      expect(refused.status).toBe(429);
    } finally {
      await second.app.close();
    }
  });
});
