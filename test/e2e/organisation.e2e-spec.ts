import {
  createAssessorRelationship,
  createMember,
  createOrganisation,
  createTeam,
  errorCode,
  gql,
  startLoopbackSmtp,
  type CreatedMember,
} from '#app/testing';
import type { OrganisationEntity } from '#app/persistence';
import { createTestApp, type E2eContext } from './support/create-test-app.js';
import { ACCEPT, INVITE, latestTokenFor } from './support/invitation-links.js';
import { login, type Session } from './support/sessions.js';

const UPDATE_ROLES = `mutation U($input: UpdateMemberRolesInput!) { updateMemberRoles(input: $input) { roles } }`;
const MEMBERS = `query M($first: Int, $after: String, $role: Role) {
  members(first: $first, after: $after, role: $role) { nodes { userId roles user { fullName } } pageInfo { hasNextPage endCursor } }
}`;

const invitee = (overrides: Record<string, unknown> = {}) => ({
  email: 'Alex.Morgan@test.example',
  fullName: 'Alex Morgan',
  roles: ['PRACTITIONER'],
  ...overrides,
});
const MEMBER = `query ($userId: ID!) {
  member(userId: $userId) { userId roles active user { email fullName regulator registrationNumber dateQualified } team { name } }
}`;

describe('organisation, members and teams (e2e)', () => {
  let ctx: E2eContext;
  let org: OrganisationEntity;
  let admin: CreatedMember;
  let adminSession: Session;
  let smtp: Awaited<ReturnType<typeof startLoopbackSmtp>>;

  /** People, memberships and invitations: what adding someone could write. */
  const countWritten = async () =>
    (
      await ctx.dataSource.query(
        `SELECT (SELECT count(*) FROM app_user) AS users, (SELECT count(*) FROM membership) AS memberships,
                (SELECT count(*) FROM invitation) AS invitations`,
      )
    )[0];

  beforeAll(async () => {
    smtp = await startLoopbackSmtp();
    ctx = await createTestApp({ SMTP_URL: smtp.url, MAIL_FROM: 'pathways@test.example' });
  });
  beforeEach(async () => {
    org = await createOrganisation(ctx.dataSource);
    admin = await createMember(ctx.dataSource, org.id, ['ORG_ADMIN']);
    adminSession = await login(ctx.app, admin.email);
  });
  afterEach(() => ctx.reset());
  afterAll(async () => {
    await ctx.close();
    await smtp.close();
  });

  it('should let an ORG_ADMIN invite a person with roles and a team, who joins as such on accepting, audited', async () => {
    const team = await createTeam(ctx.dataSource, org.id, 'Adults East');
    const invited = await gql(ctx.app, INVITE, { input: invitee({ teamId: team.id }) }, { as: adminSession });
    expect(invited.errors).toBeUndefined();
    expect(invited.data?.inviteMember).toMatchObject({
      email: 'alex.morgan@test.example',
      fullName: 'Alex Morgan',
      roles: ['PRACTITIONER'],
      teamId: team.id,
      status: 'PENDING',
    });

    // The person chooses their own password and records their own registration.
    const accepted = await gql<{ acceptInvitation: { userId: string } }>(ctx.app, ACCEPT, {
      input: {
        token: latestTokenFor(smtp.messages, 'alex.morgan@test.example'),
        password: 'a long enough passphrase',
        regulator: 'SOCIAL_WORK_ENGLAND',
        registrationNumber: 'SW123456',
        dateQualified: '2026-06-30',
      },
    });
    expect(accepted.errors).toBeUndefined();
    const userId = accepted.data!.acceptInvitation.userId;
    const member = await gql(ctx.app, MEMBER, { userId }, { as: adminSession });
    expect(member.data?.member).toMatchObject({
      roles: ['PRACTITIONER'],
      active: true,
      user: {
        email: 'alex.morgan@test.example',
        fullName: 'Alex Morgan',
        regulator: 'SOCIAL_WORK_ENGLAND',
        registrationNumber: 'SW123456',
        dateQualified: '2026-06-30',
      },
      team: { name: 'Adults East' },
    });
    const audit = await ctx.dataSource.query(
      `SELECT action, actor_role, actor_user_id, subject_user_id FROM audit_event WHERE organisation_id = $1 ORDER BY id`,
      [org.id],
    );
    expect(audit).toEqual([
      {
        action: 'INVITATION_SENT',
        actor_role: 'ORG_ADMIN',
        actor_user_id: admin.user.id,
        subject_user_id: null,
      },
      {
        action: 'INVITATION_ACCEPTED',
        actor_role: 'PRACTITIONER',
        actor_user_id: userId,
        subject_user_id: userId,
      },
    ]);
    await expect(
      gql(
        ctx.app,
        `mutation { login(input: { email: "alex.morgan@test.example", password: "a long enough passphrase" }) { accessToken } }`,
      ),
    ).resolves.toMatchObject({ errors: undefined });
  });

  it.each([
    ['an invalid email', { email: 'alex@' }, 'BAD_USER_INPUT', 'input.email'],
    [
      'a password chosen for the person',
      { password: 'a long enough passphrase' },
      'BAD_USER_INPUT',
      undefined,
    ],
    ['no roles', { roles: [] }, 'BAD_USER_INPUT', 'input.roles'],
    ['an unknown role', { roles: ['SUPERUSER'] }, 'BAD_USER_INPUT', undefined],
    ['an empty name', { fullName: '   ' }, 'BAD_USER_INPUT', 'input.fullName'],
    ['an unknown team', { teamId: '00000000-0000-4000-8000-000000000000' }, 'NOT_FOUND', 'input.teamId'],
    ['an unexpected field', { isAdmin: true }, 'BAD_USER_INPUT', undefined],
  ])(
    'should refuse an invitation with %s with a typed error and write nothing',
    async (_, overrides, code, field) => {
      const before = await countWritten();
      const sent = smtp.messages.length;
      const res = await gql(ctx.app, INVITE, { input: invitee(overrides) }, { as: adminSession });
      expect(errorCode(res)).toBe(code);
      if (field) expect(res.errors?.[0]?.extensions?.field).toBe(field);
      expect(await countWritten()).toEqual(before);
      expect(smtp.messages.length).toBe(sent);
    },
  );

  it.each([
    ['a weak password', { password: 'password123' }, 'input.password'],
    ['a date qualified that is not a date', { dateQualified: '30/06/2026' }, 'input.dateQualified'],
    ['a registration number without its regulator', { registrationNumber: 'SW123456' }, 'input.regulator'],
  ])(
    'should refuse an acceptance with %s with a typed error and write nothing',
    async (_, overrides, field) => {
      await gql(ctx.app, INVITE, { input: invitee() }, { as: adminSession });
      const before = await countWritten();
      const token = latestTokenFor(smtp.messages, 'alex.morgan@test.example');
      const res = await gql(ctx.app, ACCEPT, {
        input: { token, password: 'a long enough passphrase', ...overrides },
      });
      expect(errorCode(res)).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.extensions?.field).toBe(field);
      expect(await countWritten()).toEqual(before);
    },
  );

  it('should refuse to invite someone already a member of the organisation with CONFLICT', async () => {
    const before = await countWritten();
    const res = await gql(ctx.app, INVITE, { input: invitee({ email: admin.email }) }, { as: adminSession });
    expect(errorCode(res)).toBe('CONFLICT');
    expect(res.errors?.[0]?.extensions).toMatchObject({ domainCode: 'MEMBER_EXISTS', field: 'input.email' });
    expect(await countWritten()).toEqual(before);
  });

  it('should let a PSW invite people to practice roles but not as administrators', async () => {
    const psw = await createMember(ctx.dataSource, org.id, ['PRINCIPAL_SOCIAL_WORKER']);
    const session = await login(ctx.app, psw.email);
    const ok = await gql(
      ctx.app,
      INVITE,
      { input: invitee({ roles: ['PRACTITIONER', 'ASSESSOR'] }) },
      { as: session },
    );
    expect(ok.errors).toBeUndefined();

    const before = await countWritten();
    const refused = await gql(
      ctx.app,
      INVITE,
      { input: invitee({ email: 'other@test.example', roles: ['ORG_ADMIN'] }) },
      { as: session },
    );
    expect(errorCode(refused)).toBe('FORBIDDEN');
    expect(refused.errors?.[0]?.extensions?.domainCode).toBe('ROLE_NOT_GRANTABLE');
    expect(await countWritten()).toEqual(before);
  });

  it.each([['PRACTITIONER'], ['ASSESSOR'], ['SUPERVISOR'], ['PRACTICE_EDUCATOR']] as const)(
    'should refuse a %s who tries to invite people or list members',
    async (role) => {
      const person = await createMember(ctx.dataSource, org.id, [role]);
      const session = await login(ctx.app, person.email);
      const before = await countWritten();
      expect(errorCode(await gql(ctx.app, INVITE, { input: invitee() }, { as: session }))).toBe('FORBIDDEN');
      expect(await countWritten()).toEqual(before);
      expect(errorCode(await gql(ctx.app, MEMBERS, {}, { as: session }))).toBe('FORBIDDEN');
    },
  );

  it('should keep at least one administrator', async () => {
    const res = await gql(
      ctx.app,
      UPDATE_ROLES,
      { input: { userId: admin.user.id, roles: ['PRACTITIONER'] } },
      { as: adminSession },
    );
    expect(errorCode(res)).toBe('CONFLICT');
    expect(res.errors?.[0]?.extensions?.domainCode).toBe('LAST_ORG_ADMIN');
  });

  it('should apply a role change at once, without a new sign-in', async () => {
    const sam = await createMember(ctx.dataSource, org.id, ['PRACTITIONER']);
    const samSession = await login(ctx.app, sam.email);
    expect(errorCode(await gql(ctx.app, MEMBERS, {}, { as: samSession }))).toBe('FORBIDDEN');
    await gql(
      ctx.app,
      UPDATE_ROLES,
      { input: { userId: sam.user.id, roles: ['PRACTITIONER', 'PRINCIPAL_SOCIAL_WORKER'] } },
      { as: adminSession },
    );
    expect((await gql(ctx.app, MEMBERS, {}, { as: samSession })).errors).toBeUndefined();
  });

  it('should page through members with keyset cursors, each member once', async () => {
    for (let i = 0; i < 4; i++)
      await createMember(ctx.dataSource, org.id, ['PRACTITIONER'], { fullName: `Practitioner ${i}` });
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const res: Awaited<
        ReturnType<
          typeof gql<{
            members: {
              nodes: { userId: string }[];
              pageInfo: { hasNextPage: boolean; endCursor: string | null };
            };
          }>
        >
      > = await gql(ctx.app, MEMBERS, { first: 2, after }, { as: adminSession });
      expect(res.errors).toBeUndefined();
      seen.push(...res.data!.members.nodes.map((n) => n.userId));
      after = res.data!.members.pageInfo.hasNextPage ? res.data!.members.pageInfo.endCursor : null;
      pages++;
    } while (after);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(5);

    const bad = await gql(ctx.app, MEMBERS, { first: 2, after: 'garbage' }, { as: adminSession });
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect(errorCode(await gql(ctx.app, MEMBERS, { first: 1000 }, { as: adminSession }))).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('should say where each page of members sits: nothing before the first, something before the next', async () => {
    for (let i = 0; i < 2; i++)
      await createMember(ctx.dataSource, org.id, ['PRACTITIONER'], { fullName: `Practitioner ${i}` });
    const PAGE = `query M($first: Int, $after: String) {
      members(first: $first, after: $after) {
        edges { cursor }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      }
    }`;
    type MembersPage = {
      members: {
        edges: { cursor: string }[];
        pageInfo: {
          hasNextPage: boolean;
          hasPreviousPage: boolean;
          startCursor: string | null;
          endCursor: string | null;
        };
      };
    };
    const first = await gql<MembersPage>(ctx.app, PAGE, { first: 2 }, { as: adminSession });
    expect(first.errors).toBeUndefined();
    const { edges, pageInfo } = first.data!.members;
    expect(pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: edges[0]!.cursor,
      endCursor: edges[1]!.cursor,
    });

    const next = await gql<MembersPage>(
      ctx.app,
      PAGE,
      { first: 2, after: pageInfo.endCursor },
      { as: adminSession },
    );
    expect(next.errors).toBeUndefined();
    expect(next.data!.members.edges).toHaveLength(1);
    expect(next.data!.members.pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: true,
      startCursor: next.data!.members.edges[0]!.cursor,
      endCursor: next.data!.members.edges[0]!.cursor,
    });
  });

  describe('across organisations', () => {
    let other: OrganisationEntity;
    let outsider: CreatedMember;

    beforeEach(async () => {
      other = await createOrganisation(ctx.dataSource);
      outsider = await createMember(ctx.dataSource, other.id, ['PRACTITIONER']);
    });

    it('should not show or change a member of another organisation', async () => {
      const member = await gql(
        ctx.app,
        `query ($id: ID!) { member(userId: $id) { userId } }`,
        { id: outsider.user.id },
        { as: adminSession },
      );
      expect(errorCode(member)).toBe('NOT_FOUND');

      const roles = await gql(
        ctx.app,
        UPDATE_ROLES,
        { input: { userId: outsider.user.id, roles: ['ORG_ADMIN'] } },
        { as: adminSession },
      );
      expect(errorCode(roles)).toBe('NOT_FOUND');
      const [{ roles: stored }] = await ctx.dataSource.query(
        `SELECT roles::text[] AS roles FROM membership WHERE user_id = $1`,
        [outsider.user.id],
      );
      expect(stored).toEqual(['PRACTITIONER']);

      const list = await gql<{ members: { nodes: { userId: string }[] } }>(
        ctx.app,
        MEMBERS,
        {},
        { as: adminSession },
      );
      expect(list.data?.members.nodes.map((n) => n.userId)).toEqual([admin.user.id]);
    });

    it('should not place a member in another organisation’s team', async () => {
      const foreignTeam = await createTeam(ctx.dataSource, other.id);
      const res = await gql(
        ctx.app,
        `mutation ($input: SetMemberTeamInput!) { setMemberTeam(input: $input) { teamId } }`,
        { input: { userId: admin.user.id, teamId: foreignTeam.id } },
        { as: adminSession },
      );
      expect(errorCode(res)).toBe('NOT_FOUND');
    });

    it('should not invite a person into another organisation’s team', async () => {
      const foreignTeam = await createTeam(ctx.dataSource, other.id);
      const before = await countWritten();
      const res = await gql(
        ctx.app,
        INVITE,
        { input: invitee({ teamId: foreignTeam.id }) },
        { as: adminSession },
      );
      expect(errorCode(res)).toBe('NOT_FOUND');
      expect(res.errors?.[0]?.extensions?.field).toBe('input.teamId');
      expect(await countWritten()).toEqual(before);
    });

    it('should not link an assessor to a practitioner of another organisation', async () => {
      const assessor = await createMember(ctx.dataSource, org.id, ['ASSESSOR']);
      const res = await gql(
        ctx.app,
        `mutation ($input: CreateAssessorRelationshipInput!) { createAssessorRelationship(input: $input) { id } }`,
        {
          input: {
            assessorUserId: assessor.user.id,
            practitionerUserId: outsider.user.id,
            capacity: 'ASYE_ASSESSOR',
            startsOn: '2026-09-01',
          },
        },
        { as: adminSession },
      );
      expect(errorCode(res)).toBe('NOT_FOUND');
      expect(res.errors?.[0]?.extensions?.field).toBe('input.practitionerUserId');
    });

    it('should not list another organisation’s relationships', async () => {
      const otherAssessor = await createMember(ctx.dataSource, other.id, ['ASSESSOR']);
      await createAssessorRelationship(
        ctx.dataSource,
        other.id,
        otherAssessor.user.id,
        outsider.user.id,
        'ASYE_ASSESSOR',
      );
      const res = await gql<{ assessorRelationships: { nodes: unknown[] } }>(
        ctx.app,
        `{ assessorRelationships { nodes { id } } }`,
        {},
        { as: adminSession },
      );
      expect(res.data?.assessorRelationships.nodes).toEqual([]);
    });
  });
});
