import type { OrganisationEntity } from '#app/persistence';
import {
  createMember,
  createOrganisation,
  createQualification,
  errorCode,
  gql,
  type CreatedMember,
} from '#app/testing';
import { createTestApp, type E2eContext } from './support/create-test-app.js';
import { login, type Session } from './support/sessions.js';
import { insertPublishedPathway, insertStage } from './support/sharing-fixtures.js';

const TO_VERIFY = `query ($first: Int!, $after: String) {
  qualificationsToVerify(first: $first, after: $after) {
    nodes { type awardedOn holder { fullName } }
    pageInfo { hasNextPage hasPreviousPage endCursor }
  }
}`;
const APPLICATION = `query ($id: ID!) { progressionApplication(id: $id) { id routeKey status practitioner { fullName } } }`;

describe('progression look-ups: qualifications to verify, one application (e2e)', () => {
  let ctx: E2eContext;
  let org: OrganisationEntity;
  let psw: CreatedMember;
  let priya: CreatedMember;
  let sam: CreatedMember;
  let as: Record<'psw' | 'admin' | 'priya' | 'sam' | 'otherPsw', Session>;

  beforeAll(async () => {
    ctx = await createTestApp();
    org = await createOrganisation(ctx.dataSource);
    psw = await createMember(ctx.dataSource, org.id, ['PRINCIPAL_SOCIAL_WORKER'], {
      fullName: 'Pat Principal',
    });
    const admin = await createMember(ctx.dataSource, org.id, ['ORG_ADMIN']);
    priya = await createMember(ctx.dataSource, org.id, ['PRACTITIONER'], { fullName: 'Priya Patel' });
    sam = await createMember(ctx.dataSource, org.id, ['PRACTITIONER'], { fullName: 'Sam Shah' });
    const leaver = await createMember(ctx.dataSource, org.id, ['PRACTITIONER'], { fullName: 'Lee Leaver' });
    const other = await createOrganisation(ctx.dataSource);
    const otherPsw = await createMember(ctx.dataSource, other.id, ['PRINCIPAL_SOCIAL_WORKER']);
    const outsider = await createMember(ctx.dataSource, other.id, ['PRACTITIONER']);

    await createQualification(ctx.dataSource, org.id, sam.user.id, 'BIA', { awardedOn: '2022-05-01' });
    await createQualification(ctx.dataSource, org.id, priya.user.id, 'AMHP', { awardedOn: '2020-03-01' });
    await createQualification(ctx.dataSource, org.id, priya.user.id, 'PEPS_STAGE_1', {
      awardedOn: '2018-01-01',
      verifiedByUserId: psw.user.id,
    });
    await createQualification(ctx.dataSource, org.id, leaver.user.id, 'AMHP', { awardedOn: '2019-01-01' });
    await ctx.dataSource.query(`UPDATE membership SET active = false WHERE user_id = $1`, [leaver.user.id]);
    await createQualification(ctx.dataSource, other.id, outsider.user.id, 'BIA', { awardedOn: '2017-01-01' });

    as = {
      psw: await login(ctx.app, psw.email),
      admin: await login(ctx.app, admin.email),
      priya: await login(ctx.app, priya.email),
      sam: await login(ctx.app, sam.email),
      otherPsw: await login(ctx.app, otherPsw.email),
    };
  });
  afterAll(() => ctx.close());

  it('should list the qualifications waiting to be verified, longest waiting first, a page at a time', async () => {
    const first = await gql<any>(ctx.app, TO_VERIFY, { first: 1 }, { as: as.psw });
    expect(first.errors).toBeUndefined();
    expect(first.data.qualificationsToVerify.nodes).toEqual([
      { type: 'AMHP', awardedOn: '2020-03-01', holder: { fullName: 'Priya Patel' } },
    ]);
    expect(first.data.qualificationsToVerify.pageInfo).toMatchObject({
      hasNextPage: true,
      hasPreviousPage: false,
    });

    const next = await gql<any>(
      ctx.app,
      TO_VERIFY,
      { first: 1, after: first.data.qualificationsToVerify.pageInfo.endCursor },
      { as: as.admin },
    );
    // The verified one, the leaver's and another organisation's are not there.
    expect(next.data.qualificationsToVerify.nodes).toEqual([
      { type: 'BIA', awardedOn: '2022-05-01', holder: { fullName: 'Sam Shah' } },
    ]);
    expect(next.data.qualificationsToVerify.pageInfo).toMatchObject({
      hasNextPage: false,
      hasPreviousPage: true,
    });

    const theirs = await gql<any>(ctx.app, TO_VERIFY, { first: 20 }, { as: as.otherPsw });
    expect(theirs.data.qualificationsToVerify.nodes).toEqual([
      { type: 'BIA', awardedOn: '2017-01-01', holder: expect.any(Object) },
    ]);
  });

  it('should keep the list to PSWs and administrators', async () => {
    expect(errorCode(await gql(ctx.app, TO_VERIFY, { first: 5 }, { as: as.priya }))).toBe('FORBIDDEN');
  });

  it('should give one application to a PSW and to the applicant, and null to anyone else', async () => {
    const pathway = await insertPublishedPathway(ctx.dataSource, org.id, psw.user.id);
    const { applicationId } = await insertStage(
      ctx.dataSource,
      org.id,
      priya.user.id,
      pathway,
      'SOCIAL_WORKER',
      '2026-05-01',
      {
        recordedByUserId: psw.user.id,
        application: { routeKey: 'NQSW_TO_SOCIAL_WORKER', decidedByUserId: psw.user.id },
      },
    );
    const expected = {
      id: applicationId,
      routeKey: 'NQSW_TO_SOCIAL_WORKER',
      status: 'APPROVED',
      practitioner: { fullName: 'Priya Patel' },
    };
    for (const who of ['psw', 'admin', 'priya'] as const) {
      const res = await gql<any>(ctx.app, APPLICATION, { id: applicationId }, { as: as[who] });
      expect(res.data.progressionApplication).toEqual(expected);
    }
    // A colleague, another organisation's PSW and an id that is nobody's get the same answer.
    for (const [who, id] of [
      ['sam', applicationId],
      ['otherPsw', applicationId],
      ['psw', '00000000-0000-4000-8000-000000000000'],
    ] as const) {
      const res = await gql<any>(ctx.app, APPLICATION, { id }, { as: as[who] });
      expect(res.errors).toBeUndefined();
      expect(res.data).toEqual({ progressionApplication: null });
    }
    const bad = await gql(ctx.app, APPLICATION, { id: 'not-an-id' }, { as: as.psw });
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0]?.extensions?.field).toBe('id');
  });
});
