import {
  createAssessorRelationship,
  createMember,
  createOrganisation,
  createTeam,
  errorCode,
  gql,
  type CreatedMember,
} from '#app/testing';
import type { OrganisationEntity } from '#app/persistence';
import { createTestApp, type E2eContext } from './support/create-test-app.js';
import { login, type Session } from './support/sessions.js';

const CREATE_USER = `mutation C($input: CreateUserInput!) {
  createUser(input: $input) { id userId roles active user { email fullName registrationNumber } team { name } }
}`;
const UPDATE_ROLES = `mutation U($input: UpdateMemberRolesInput!) { updateMemberRoles(input: $input) { roles } }`;
const MEMBERS = `query M($first: Int, $after: String, $role: Role) {
  members(first: $first, after: $after, role: $role) { nodes { userId roles user { fullName } } pageInfo { hasNextPage endCursor } }
}`;

const newUser = (overrides: Record<string, unknown> = {}) => ({
  email: 'alex.morgan@test.example',
  fullName: 'Alex Morgan',
  password: 'a long enough passphrase',
  roles: ['PRACTITIONER'],
  regulator: 'SOCIAL_WORK_ENGLAND',
  registrationNumber: 'SW123456',
  dateQualified: '2026-06-30',
  ...overrides,
});

describe('organisation, members and teams (e2e)', () => {
  let ctx: E2eContext;
  let org: OrganisationEntity;
  let admin: CreatedMember;
  let adminSession: Session;

  const countUsers = async () =>
    Number((await ctx.dataSource.query(`SELECT count(*) AS n FROM app_user`))[0].n);

  beforeAll(async () => {
    ctx = await createTestApp();
  });
  beforeEach(async () => {
    org = await createOrganisation(ctx.dataSource);
    admin = await createMember(ctx.dataSource, org.id, ['ORG_ADMIN']);
    adminSession = await login(ctx.app, admin.email);
  });
  afterEach(() => ctx.reset());
  afterAll(() => ctx.close());

  it('should let an ORG_ADMIN add a person with roles and a team, and audit it', async () => {
    const team = await createTeam(ctx.dataSource, org.id, 'Adults East');
    const res = await gql<{ createUser: { userId: string } }>(
      ctx.app,
      CREATE_USER,
      { input: newUser({ teamId: team.id }) },
      { as: adminSession },
    );

    expect(res.errors).toBeUndefined();
    expect(res.data?.createUser).toMatchObject({
      roles: ['PRACTITIONER'],
      active: true,
      user: { email: 'alex.morgan@test.example', fullName: 'Alex Morgan', registrationNumber: 'SW123456' },
      team: { name: 'Adults East' },
    });
    const audit = await ctx.dataSource.query(
      `SELECT action, actor_role, subject_user_id FROM audit_event WHERE organisation_id = $1`,
      [org.id],
    );
    expect(audit).toEqual([
      { action: 'MEMBER_ADDED', actor_role: 'ORG_ADMIN', subject_user_id: res.data!.createUser.userId },
    ]);
    // The new person can sign in with the password they were given.
    await expect(
      gql(
        ctx.app,
        `mutation { login(input: { email: "alex.morgan@test.example", password: "a long enough passphrase" }) { accessToken } }`,
      ),
    ).resolves.toMatchObject({ errors: undefined });
  });

  it.each([
    ['an invalid email', { email: 'alex@' }, 'BAD_USER_INPUT', 'input.email'],
    ['a weak password', { password: 'password123' }, 'BAD_USER_INPUT', 'input.password'],
    ['no roles', { roles: [] }, 'BAD_USER_INPUT', 'input.roles'],
    [
      'a date qualified that is not a date',
      { dateQualified: '30/06/2026' },
      'BAD_USER_INPUT',
      'input.dateQualified',
    ],
    ['an unknown team', { teamId: '00000000-0000-4000-8000-000000000000' }, 'NOT_FOUND', 'input.teamId'],
    ['an unexpected field', { isAdmin: true }, 'BAD_USER_INPUT', undefined],
  ])('should refuse %s with a typed error and write nothing', async (_, overrides, code, field) => {
    const before = await countUsers();
    const res = await gql(ctx.app, CREATE_USER, { input: newUser(overrides) }, { as: adminSession });
    expect(errorCode(res)).toBe(code);
    if (field) expect(res.errors?.[0]?.extensions?.field).toBe(field);
    expect(await countUsers()).toBe(before);
  });

  it('should refuse a duplicate email in the same organisation with CONFLICT', async () => {
    const res = await gql(
      ctx.app,
      CREATE_USER,
      { input: newUser({ email: admin.email }) },
      { as: adminSession },
    );
    expect(errorCode(res)).toBe('CONFLICT');
    expect(res.errors?.[0]?.extensions?.field).toBe('input.email');
  });

  it('should let a PSW appoint practice roles but not administrators', async () => {
    const psw = await createMember(ctx.dataSource, org.id, ['PRINCIPAL_SOCIAL_WORKER']);
    const session = await login(ctx.app, psw.email);
    const ok = await gql(
      ctx.app,
      CREATE_USER,
      { input: newUser({ roles: ['PRACTITIONER', 'ASSESSOR'] }) },
      { as: session },
    );
    expect(ok.errors).toBeUndefined();

    const before = await countUsers();
    const refused = await gql(
      ctx.app,
      CREATE_USER,
      { input: newUser({ email: 'other@test.example', roles: ['ORG_ADMIN'] }) },
      { as: session },
    );
    expect(errorCode(refused)).toBe('FORBIDDEN');
    expect(refused.errors?.[0]?.extensions?.domainCode).toBe('ROLE_NOT_GRANTABLE');
    expect(await countUsers()).toBe(before);
  });

  it.each([['PRACTITIONER'], ['ASSESSOR'], ['SUPERVISOR'], ['PRACTICE_EDUCATOR']] as const)(
    'should refuse a %s who tries to add people or list members',
    async (role) => {
      const person = await createMember(ctx.dataSource, org.id, [role]);
      const session = await login(ctx.app, person.email);
      expect(errorCode(await gql(ctx.app, CREATE_USER, { input: newUser() }, { as: session }))).toBe(
        'FORBIDDEN',
      );
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
