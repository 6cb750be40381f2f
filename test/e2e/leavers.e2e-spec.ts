import request from 'supertest';
import type { OrganisationEntity } from '#app/persistence';
import { createMember, createOrganisation, gql, type CreatedMember } from '#app/testing';
import { ok, refusal } from './support/compliance-operations.js';
import { createTestApp, type E2eContext } from './support/create-test-app.js';
import { FixedClock } from './support/fixed-clock.js';
import { login, type Session } from './support/sessions.js';

const END = `mutation ($input: EndMembershipInput!) { endMembership(input: $input) { userId active endsOn revision roles } }`;
const RETENTION = `mutation ($input: SetLeaverRetentionInput!) { setLeaverRetention(input: $input) { leaverRetentionDays } }`;
const HOLD = `mutation ($input: PlaceLegalHoldInput!) { placeLegalHold(input: $input) { userId legalHoldReason revision } }`;
const RELEASE = `mutation ($input: ReleaseLegalHoldInput!) { releaseLegalHold(input: $input) { userId legalHoldReason } }`;
const ERASE = `mutation ($input: ErasePersonInput!) { erasePerson(input: $input) { userId profilePseudonymised } }`;
const MEMBER = `query ($userId: ID!) { member(userId: $userId) { active endsOn revision legalHoldReason } }`;
const SCAN = `mutation { runReminderScan { status } }`;

type MemberShape = {
  active: boolean;
  endsOn: string | null;
  revision: number;
  legalHoldReason: string | null;
};

describe('leavers: ending memberships, retention, legal holds and erasure (e2e)', () => {
  const clock = new FixedClock(new Date('2026-12-02T09:00:00Z'));
  let ctx: E2eContext;
  let org: OrganisationEntity;
  let admin: CreatedMember;
  let asAdmin: Session;

  beforeAll(async () => {
    ctx = await createTestApp({}, { clock });
  });
  beforeEach(async () => {
    clock.set('2026-12-02T09:00:00Z');
    org = await createOrganisation(ctx.dataSource, { leaverRetentionDays: 30 });
    admin = await createMember(ctx.dataSource, org.id, ['ORG_ADMIN']);
    asAdmin = await login(ctx.app, admin.email);
  });
  afterAll(() => ctx.close());
  afterEach(() => ctx.reset());

  const end = (userId: string, endsOn: string, as: Session = asAdmin, expectedRevision?: number) =>
    gql<{ endMembership: MemberShape & { roles: string[] } }>(
      ctx.app,
      END,
      { input: { userId, endsOn, expectedRevision } },
      { as },
    );
  const memberRow = async (userId: string) =>
    (await ok<{ member: MemberShape }>(ctx.app, MEMBER, { userId }, asAdmin)).member;
  const download = (path: string, session: Session) =>
    request(ctx.app.getHttpServer()).get(path).set('authorization', `Bearer ${session.accessToken}`);

  it('should take a member’s roles at once when ended today, leave their own PDF and CPD log until the retention period ends, then refuse sign-in', async () => {
    const leaver = await createMember(ctx.dataSource, org.id, ['PRACTITIONER', 'ORG_ADMIN']);
    const session = await login(ctx.app, leaver.email); // signed in before, still signed in after

    const ended = await end(leaver.user.id, '2026-12-02');
    expect(ended.errors).toBeUndefined();
    expect(ended.data!.endMembership).toMatchObject({ active: false, endsOn: '2026-12-02' });

    const me = await gql<{ me: { roles: string[] } }>(ctx.app, `{ me { roles } }`, {}, { as: session });
    expect(me.data?.me.roles).toEqual([]);
    const teams = await gql(ctx.app, `{ teams { nodes { id } } }`, {}, { as: session });
    expect(teams.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      domainCode: 'LEAVER_ACCESS_ONLY',
    });
    // The ORG_ADMIN role they held no longer works either.
    expect(refusal(await end(admin.user.id, '2026-12-03', session)).domainCode).toBe('LEAVER_ACCESS_ONLY');

    const pdf = await download(`/practitioners/${leaver.user.id}/portfolio.pdf`, session);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    const cpdLog = await download(`/practitioners/${leaver.user.id}/cpd-log.csv`, session);
    expect(cpdLog.status).toBe(200);
    expect(cpdLog.headers['content-type']).toContain('text/csv');
    // Only their own: not a colleague's.
    const colleague = await createMember(ctx.dataSource, org.id, ['PRACTITIONER']);
    expect((await download(`/practitioners/${colleague.user.id}/portfolio.pdf`, session)).status).toBe(403);

    clock.set('2026-12-31T09:00:00Z'); // the last day of the 30
    expect((await download(`/practitioners/${leaver.user.id}/cpd-log.csv`, session)).status).toBe(200);
    clock.set('2027-01-01T09:00:00Z'); // 30 days after the end date
    const later = await gql(ctx.app, `{ me { roles } }`, {}, { as: session });
    expect(later.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await download(`/practitioners/${leaver.user.id}/portfolio.pdf`, session)).status).toBe(401);
    await expect(login(ctx.app, leaver.email)).rejects.toThrow('login failed');

    const [audit] = await ctx.dataSource.query(
      `SELECT actor_user_id, actor_role, changes FROM audit_event WHERE action = 'MEMBERSHIP_ENDED' AND subject_user_id = $1`,
      [leaver.user.id],
    );
    expect(audit).toMatchObject({
      actor_user_id: admin.user.id,
      actor_role: 'ORG_ADMIN',
      changes: { endsOn: { from: null, to: '2026-12-02' } },
    });
  });

  it('should keep an end set ahead a current membership until its day, when the reminder scan closes it', async () => {
    const member = await createMember(ctx.dataSource, org.id, ['PRACTITIONER']);
    const session = await login(ctx.app, member.email);
    const ended = await end(member.user.id, '2026-12-10');
    expect(ended.data!.endMembership).toMatchObject({ active: true, endsOn: '2026-12-10' });
    // Moved: an end still ahead may change.
    const moved = await end(member.user.id, '2026-12-11', asAdmin, ended.data!.endMembership.revision);
    expect(moved.data!.endMembership).toMatchObject({ active: true, endsOn: '2026-12-11' });
    expect(
      (await gql<{ me: { roles: string[] } }>(ctx.app, `{ me { roles } }`, {}, { as: session })).data?.me
        .roles,
    ).toEqual(['PRACTITIONER']);

    clock.set('2026-12-11T00:30:00Z');
    expect(
      (await gql<{ me: { roles: string[] } }>(ctx.app, `{ me { roles } }`, {}, { as: session })).data?.me
        .roles,
    ).toEqual([]);
    expect((await memberRow(member.user.id)).active).toBe(true);
    await ok(ctx.app, SCAN, {}, asAdmin);
    expect(await memberRow(member.user.id)).toMatchObject({ active: false, endsOn: '2026-12-11' });
    expect(refusal(await end(member.user.id, '2026-12-20'))).toEqual({
      code: 'CONFLICT',
      domainCode: 'MEMBERSHIP_ALREADY_ENDED',
      field: 'input.userId',
    });
  });

  it('should refuse endMembership to non-administrators, for other organisations’ people, for yourself, the last administrator, bad dates and stale revisions, changing nothing', async () => {
    const member = await createMember(ctx.dataSource, org.id, ['PRACTITIONER']);
    const psw = await createMember(ctx.dataSource, org.id, ['PRINCIPAL_SOCIAL_WORKER']);
    const otherOrg = await createOrganisation(ctx.dataSource);
    const stranger = await createMember(ctx.dataSource, otherOrg.id, ['PRACTITIONER']);
    const otherAdmin = await createMember(ctx.dataSource, org.id, ['ORG_ADMIN']);
    const before = await memberRow(member.user.id);

    for (const who of [member, psw]) {
      expect(refusal(await end(member.user.id, '2026-12-02', await login(ctx.app, who.email))).code).toBe(
        'FORBIDDEN',
      );
    }
    expect(refusal(await end(stranger.user.id, '2026-12-02'))).toEqual({
      code: 'NOT_FOUND',
      domainCode: 'USER_NOT_FOUND',
      field: 'input.userId',
    });
    expect(refusal(await end(admin.user.id, '2026-12-02'))).toEqual({
      code: 'FORBIDDEN',
      domainCode: 'SELF_END_NOT_ALLOWED',
      field: 'input.userId',
    });
    for (const endsOn of ['2026-12-01', '2027-12-04']) {
      expect(refusal(await end(member.user.id, endsOn))).toEqual({
        code: 'BAD_USER_INPUT',
        domainCode: 'END_DATE_OUT_OF_RANGE',
        field: 'input.endsOn',
      });
    }
    expect(refusal(await end(member.user.id, '2026-02-30')).field).toBe('input.endsOn');
    expect(refusal(await end(member.user.id, '2026-12-05', asAdmin, before.revision + 1))).toEqual({
      code: 'CONFLICT',
      domainCode: 'STALE_VERSION',
      field: 'input.expectedRevision',
    });
    expect(await memberRow(member.user.id)).toEqual(before);

    // Two administrators: one leaving on the 10th cannot then end the other after that.
    expect((await end(otherAdmin.user.id, '2026-12-10')).errors).toBeUndefined();
    const asOtherAdmin = await login(ctx.app, otherAdmin.email);
    expect(refusal(await end(admin.user.id, '2026-12-20', asOtherAdmin))).toEqual({
      code: 'CONFLICT',
      domainCode: 'LAST_ORG_ADMIN',
      field: 'input.userId',
    });
    expect((await memberRow(admin.user.id)).endsOn).toBeNull();
    const [{ n }] = await ctx.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'MEMBERSHIP_ENDED' AND organisation_id = $1`,
      [org.id],
    );
    expect(n).toBe(1);
  });

  it('should keep an administrator when two end each other’s memberships at once', async () => {
    const second = await createMember(ctx.dataSource, org.id, ['ORG_ADMIN']);
    const asSecond = await login(ctx.app, second.email);
    const results = await Promise.all([
      end(second.user.id, '2026-12-02', asAdmin),
      end(admin.user.id, '2026-12-02', asSecond),
    ]);
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.map((r) => refusal(r).domainCode).filter(Boolean)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^(LAST_ORG_ADMIN|LEAVER_ACCESS_ONLY)$/)]),
    );
    const [{ n }] = await ctx.dataSource.query(
      `SELECT count(*)::int AS n FROM membership WHERE organisation_id = $1 AND active AND 'ORG_ADMIN' = ANY(roles)`,
      [org.id],
    );
    expect(n).toBe(1);
  });

  it('should refuse erasure until the retention period has ended and while a legal hold is in place, and erase after', async () => {
    const leaver = await createMember(ctx.dataSource, org.id, ['PRACTITIONER']);
    const psw = await createMember(ctx.dataSource, org.id, ['PRINCIPAL_SOCIAL_WORKER']);
    const asPsw = await login(ctx.app, psw.email);
    const erase = (userId = leaver.user.id) =>
      gql(ctx.app, ERASE, { input: { userId, confirm: true } }, { as: asAdmin });

    // The retention period: bounds, administrators only.
    for (const days of [29, 3651, 0]) {
      expect(refusal(await gql(ctx.app, RETENTION, { input: { days } }, { as: asAdmin }))).toEqual({
        code: 'BAD_USER_INPUT',
        domainCode: 'RETENTION_OUT_OF_RANGE',
        field: 'input.days',
      });
    }
    expect(refusal(await gql(ctx.app, RETENTION, { input: { days: 45 } }, { as: asPsw })).code).toBe(
      'FORBIDDEN',
    );
    expect(await ok(ctx.app, RETENTION, { input: { days: 45 } }, asAdmin)).toEqual({
      setLeaverRetention: { leaverRetentionDays: 45 },
    });

    expect(refusal(await erase())).toMatchObject({ domainCode: 'ERASURE_NOT_ALLOWED' });
    await ok(ctx.app, END, { input: { userId: leaver.user.id, endsOn: '2026-12-02' } }, asAdmin);
    const early = await erase();
    expect(refusal(early)).toEqual({
      code: 'CONFLICT',
      domainCode: 'RETENTION_NOT_ENDED',
      field: 'input.userId',
    });
    expect(early.errors?.[0]?.extensions).toMatchObject({ details: { erasableFrom: '2027-01-16' } });

    // A legal hold: administrators only, a reason needed, people of this organisation only.
    const hold = (input: Record<string, unknown>, as: Session = asAdmin) =>
      gql<{ placeLegalHold: MemberShape }>(ctx.app, HOLD, { input }, { as });
    expect(refusal(await hold({ userId: leaver.user.id, reason: 'Tribunal' }, asPsw)).code).toBe('FORBIDDEN');
    expect(refusal(await hold({ userId: leaver.user.id, reason: '   ' }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.reason',
    });
    const otherOrg = await createOrganisation(ctx.dataSource);
    const stranger = await createMember(ctx.dataSource, otherOrg.id, ['PRACTITIONER']);
    expect(refusal(await hold({ userId: stranger.user.id, reason: 'Tribunal' }))).toMatchObject({
      code: 'NOT_FOUND',
      domainCode: 'USER_NOT_FOUND',
    });
    expect(refusal(await erase(stranger.user.id))).toMatchObject({
      code: 'NOT_FOUND',
      domainCode: 'USER_NOT_FOUND',
    });
    const held = await hold({ userId: leaver.user.id, reason: 'Employment tribunal claim' });
    expect(held.data!.placeLegalHold.legalHoldReason).toBe('Employment tribunal claim');
    // Administrators see the reason; a PSW, who sees members, does not.
    expect((await memberRow(leaver.user.id)).legalHoldReason).toBe('Employment tribunal claim');
    const seenByPsw = await ok<{ member: MemberShape }>(ctx.app, MEMBER, { userId: leaver.user.id }, asPsw);
    expect(seenByPsw.member.legalHoldReason).toBeNull();

    clock.set('2027-01-16T09:00:00Z'); // 45 days on: the retention period is over
    expect(refusal(await erase())).toEqual({
      code: 'CONFLICT',
      domainCode: 'LEGAL_HOLD',
      field: 'input.userId',
    });
    expect(
      refusal(await gql(ctx.app, RELEASE, { input: { userId: leaver.user.id } }, { as: asPsw })).code,
    ).toBe('FORBIDDEN');
    const released = await gql<{ releaseLegalHold: MemberShape }>(
      ctx.app,
      RELEASE,
      { input: { userId: leaver.user.id } },
      { as: asAdmin },
    );
    expect(released.data!.releaseLegalHold.legalHoldReason).toBeNull();
    expect(
      refusal(await gql(ctx.app, RELEASE, { input: { userId: leaver.user.id } }, { as: asAdmin })),
    ).toEqual({
      code: 'CONFLICT',
      domainCode: 'LEGAL_HOLD_NOT_PLACED',
      field: 'input.userId',
    });
    const erased = await erase();
    expect(erased.errors).toBeUndefined();
    expect(erased.data).toEqual({ erasePerson: { userId: leaver.user.id, profilePseudonymised: true } });

    const actions: { action: string }[] = await ctx.dataSource.query(
      `SELECT action FROM audit_event WHERE organisation_id = $1 AND action IN
         ('LEAVER_RETENTION_CHANGED', 'MEMBERSHIP_ENDED', 'LEGAL_HOLD_PLACED', 'LEGAL_HOLD_RELEASED', 'PERSON_ERASED')
       ORDER BY id`,
      [org.id],
    );
    expect(actions.map((a) => a.action)).toEqual([
      'LEAVER_RETENTION_CHANGED',
      'MEMBERSHIP_ENDED',
      'LEGAL_HOLD_PLACED',
      'LEGAL_HOLD_RELEASED',
      'PERSON_ERASED',
    ]);
  });
});
