import request from 'supertest';
import { createMember, createOrganisation, gql, startLoopbackSmtp } from '#app/testing';
import { createTestApp, type E2eContext } from './support/create-test-app.js';
import { login } from './support/sessions.js';

/** The value of one series in a Prometheus text exposition, or undefined when it is absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('metrics (e2e)', () => {
  describe('from an allowed address', () => {
    let ctx: E2eContext;

    beforeAll(async () => {
      ctx = await createTestApp({ JOBS_ENABLED: 'true' });
    });
    afterAll(() => ctx.close());

    it('should count GraphQL operations by name, errors by code, and report the pool, the queue and email', async () => {
      const server = ctx.app.getHttpServer();
      const gql = (body: object) => request(server).post('/graphql').send(body).expect(200);
      await gql({ query: 'query MetricsProbe { __typename }' });
      await gql({ query: 'query MetricsProbe { __typename }' });
      const refused = await gql({ query: 'query WhoAmI { me { userId } }' });
      expect(refused.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
      await gql({ query: '{ __typename }' });
      await request(server).post('/graphql').send({ query: 'query Broken {' });

      const res = await request(server).get('/metrics').expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
      const text = res.text;
      expect(sample(text, 'pathways_graphql_requests_total{operation="MetricsProbe"}')).toBe(2);
      expect(sample(text, 'pathways_graphql_requests_total{operation="WhoAmI"}')).toBe(1);
      expect(sample(text, 'pathways_graphql_requests_total{operation="anonymous"}')).toBe(1);
      // A syntax error never resolves to an operation, whatever name the text claims.
      expect(sample(text, 'pathways_graphql_requests_total{operation="other"}')).toBe(1);
      expect(sample(text, 'pathways_graphql_request_duration_seconds_count{operation="MetricsProbe"}')).toBe(
        2,
      );
      expect(
        sample(text, 'pathways_graphql_request_duration_seconds_bucket{le="+Inf",operation="MetricsProbe"}'),
      ).toBe(2);
      expect(sample(text, 'pathways_graphql_errors_total{operation="WhoAmI",code="UNAUTHENTICATED"}')).toBe(
        1,
      );
      expect(
        sample(text, 'pathways_graphql_errors_total{operation="other",code="GRAPHQL_PARSE_FAILED"}'),
      ).toBe(1);
      expect(text).not.toMatch(/pathways_graphql_errors_total\{operation="MetricsProbe"/);
      expect(sample(text, 'pathways_db_pool_connections{state="in_use"}')).toBeGreaterThanOrEqual(0);
      expect(sample(text, 'pathways_db_pool_connections{state="idle"}')).toBeGreaterThanOrEqual(1);
      expect(sample(text, 'pathways_db_pool_waiting')).toBe(0);
      expect(sample(text, 'pathways_job_queue_depth{queue="reminder-scan"}')).toBeGreaterThanOrEqual(0);
      expect(sample(text, 'pathways_emails_sent_total')).toBe(0);
      expect(sample(text, 'pathways_emails_failed_total')).toBe(0);
      expect(text).toMatch(/^process_resident_memory_bytes \d+/m);
    });

    it('should keep client-chosen operation names from growing the series without bound', async () => {
      const server = ctx.app.getHttpServer();
      for (let i = 0; i < 120; i++)
        await request(server)
          .post('/graphql')
          .send({ query: `query Flood${i} { __typename }` })
          .expect(200);
      const text = (await request(server).get('/metrics').expect(200)).text;
      const names = new Set(
        [...text.matchAll(/^pathways_graphql_requests_total\{operation="([^"]+)"\}/gm)].map((m) => m[1]),
      );
      expect(names.size).toBeLessThanOrEqual(102);
      expect(sample(text, 'pathways_graphql_requests_total{operation="other"}')).toBeGreaterThan(1);
    });

    it('should refuse a request that came through a proxy, whatever it claims', async () => {
      await request(ctx.app.getHttpServer()).get('/metrics').set('x-forwarded-for', '127.0.0.1').expect(404);
    });
  });

  describe('from an address not in METRICS_ALLOW', () => {
    let ctx: E2eContext;

    beforeAll(async () => {
      ctx = await createTestApp({ METRICS_ALLOW: '192.0.2.10, 2001:db8::/32' });
    });
    afterAll(() => ctx.close());

    it('should answer 404 and no metrics', async () => {
      const res = await request(ctx.app.getHttpServer()).get('/metrics').expect(404);
      expect(res.text).not.toMatch(/pathways_/);
    });
  });

  describe('email', () => {
    let ctx: E2eContext;
    let smtp: Awaited<ReturnType<typeof startLoopbackSmtp>>;

    beforeAll(async () => {
      smtp = await startLoopbackSmtp();
      ctx = await createTestApp({ SMTP_URL: smtp.url, MAIL_FROM: 'pathways@test.example' });
    });
    afterAll(async () => {
      await ctx.close();
      await smtp.close().catch(() => undefined);
    });

    it('should count emails the SMTP server accepted and those it did not', async () => {
      const org = await createOrganisation(ctx.dataSource);
      const admin = await createMember(ctx.dataSource, org.id, ['ORG_ADMIN']);
      const asAdmin = await login(ctx.app, admin.email);
      const invite = (email: string) =>
        gql(
          ctx.app,
          `mutation ($input: InviteMemberInput!) { inviteMember(input: $input) { id } }`,
          { input: { email, fullName: 'Nia New', roles: ['PRACTITIONER'] } },
          { as: asAdmin },
        );
      expect((await invite('first@test.example')).errors).toBeUndefined();
      await smtp.close();
      await invite('second@test.example');

      const text = (await request(ctx.app.getHttpServer()).get('/metrics').expect(200)).text;
      expect(sample(text, 'pathways_emails_sent_total')).toBe(1);
      expect(sample(text, 'pathways_emails_failed_total')).toBe(1);
    });
  });
});
