import request from 'supertest';
import { createMember, createOrganisation, gql } from '#app/testing';
import { createTestApp, type E2eContext } from './support/create-test-app.js';
import { FixedClock } from './support/fixed-clock.js';
import { login } from './support/sessions.js';

describe('leavers: own records only until the retention period ends (e2e)', () => {
  const clock = new FixedClock(new Date('2026-12-02T09:00:00Z'));
  let ctx: E2eContext;

  beforeAll(async () => {
    ctx = await createTestApp({}, { clock });
  });
  afterAll(() => ctx.close());
  afterEach(() => ctx.reset());

  it('should let a leaver sign in for their own portfolio PDF, refuse the rest, and refuse sign-in after the period', async () => {
    const org = await createOrganisation(ctx.dataSource, { leaverRetentionDays: 30 });
    const leaver = await createMember(ctx.dataSource, org.id, ['PRACTITIONER', 'ORG_ADMIN']);
    // The end date is set directly here: the endMembership mutation is not built yet.
    await ctx.dataSource.query(
      `UPDATE membership SET ends_on = '2026-12-01', active = false WHERE organisation_id = $1 AND user_id = $2`,
      [org.id, leaver.user.id],
    );
    const session = await login(ctx.app, leaver.email);
    const me = await gql<{ me: { roles: string[] } }>(ctx.app, `{ me { roles } }`, {}, { as: session });
    expect(me.data?.me.roles).toEqual([]);
    const teams = await gql(ctx.app, `{ teams { nodes { id } } }`, {}, { as: session });
    expect(teams.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      domainCode: 'LEAVER_ACCESS_ONLY',
    });
    const pdf = await request(ctx.app.getHttpServer())
      .get(`/practitioners/${leaver.user.id}/portfolio.pdf`)
      .set('authorization', `Bearer ${session.accessToken}`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');

    clock.set('2026-12-31T09:00:00Z'); // 30 days after the end date
    const later = await gql(ctx.app, `{ me { roles } }`, {}, { as: session });
    expect(later.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    await expect(login(ctx.app, leaver.email)).rejects.toThrow('login failed');
  });
});
