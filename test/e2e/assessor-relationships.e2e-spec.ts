import { createMember, createOrganisation, errorCode, gql, type CreatedMember } from '#app/testing';
import type { OrganisationEntity } from '#app/persistence';
import { createTestApp, type E2eContext } from './support/create-test-app.js';
import { login, type Session } from './support/sessions.js';

const CREATE = `mutation ($input: CreateAssessorRelationshipInput!) {
  createAssessorRelationship(input: $input) { id capacity startsOn endsOn assessor { fullName } practitioner { fullName } }
}`;
const END = `mutation ($input: EndAssessorRelationshipInput!) { endAssessorRelationship(input: $input) { endsOn } }`;
const LIST = `query ($activeOn: LocalDate) { assessorRelationships(activeOn: $activeOn) { nodes { id capacity practitionerUserId } } }`;

describe('assessor relationships (e2e)', () => {
  let ctx: E2eContext;
  let org: OrganisationEntity;
  let psw: Session;
  let assessor: CreatedMember;
  let nqsw: CreatedMember;
  let colleague: CreatedMember;

  const count = async () =>
    Number((await ctx.dataSource.query(`SELECT count(*) AS n FROM assessor_relationship`))[0].n);

  beforeAll(async () => {
    ctx = await createTestApp();
  });
  beforeEach(async () => {
    org = await createOrganisation(ctx.dataSource);
    const pswMember = await createMember(ctx.dataSource, org.id, ['PRINCIPAL_SOCIAL_WORKER']);
    psw = await login(ctx.app, pswMember.email);
    assessor = await createMember(ctx.dataSource, org.id, ['ASSESSOR', 'PRACTITIONER'], {
      fullName: 'Asha Assessor',
    });
    nqsw = await createMember(ctx.dataSource, org.id, ['PRACTITIONER'], { fullName: 'Noel Newly-Qualified' });
    colleague = await createMember(ctx.dataSource, org.id, ['PRACTITIONER']);
  });
  afterEach(() => ctx.reset());
  afterAll(() => ctx.close());

  const input = (overrides: Record<string, unknown> = {}) => ({
    assessorUserId: assessor.user.id,
    practitionerUserId: nqsw.user.id,
    capacity: 'ASYE_ASSESSOR',
    startsOn: '2026-09-01',
    ...overrides,
  });

  it('should record an ASYE assessor for an NQSW, visible to both of them only', async () => {
    const res = await gql(ctx.app, CREATE, { input: input() }, { as: psw });
    expect(res.errors).toBeUndefined();
    expect(res.data).toMatchObject({
      createAssessorRelationship: {
        capacity: 'ASYE_ASSESSOR',
        startsOn: '2026-09-01',
        endsOn: null,
        assessor: { fullName: 'Asha Assessor' },
        practitioner: { fullName: 'Noel Newly-Qualified' },
      },
    });
    for (const person of [assessor, nqsw]) {
      const list = await gql<{ assessorRelationships: { nodes: unknown[] } }>(
        ctx.app,
        LIST,
        {},
        { as: await login(ctx.app, person.email) },
      );
      expect(list.data?.assessorRelationships.nodes).toHaveLength(1);
    }
    const outsiderView = await gql<{ assessorRelationships: { nodes: unknown[] } }>(
      ctx.app,
      LIST,
      {},
      { as: await login(ctx.app, colleague.email) },
    );
    expect(outsiderView.data?.assessorRelationships.nodes).toEqual([]);
  });

  it.each([
    [
      'the assessor is the practitioner',
      () => ({ assessorUserId: nqsw.user.id }),
      'BAD_USER_INPUT',
      'input.assessorUserId',
    ],
    [
      'the assessor lacks the role for the capacity',
      () => ({ capacity: 'PRACTICE_EDUCATOR' }),
      'BAD_USER_INPUT',
      'input.assessorUserId',
    ],
    ['the end is before the start', () => ({ endsOn: '2026-08-31' }), 'BAD_USER_INPUT', 'input.endsOn'],
    ['the date is not a date', () => ({ startsOn: '2026-13-01' }), 'BAD_USER_INPUT', 'input.startsOn'],
    [
      'the practitioner does not exist',
      () => ({ practitionerUserId: '00000000-0000-4000-8000-000000000001' }),
      'NOT_FOUND',
      'input.practitionerUserId',
    ],
  ])('should refuse when %s, and write nothing', async (_, overrides, code, field) => {
    const res = await gql(ctx.app, CREATE, { input: input(overrides()) }, { as: psw });
    expect(errorCode(res)).toBe(code);
    expect(res.errors?.[0]?.extensions?.field).toBe(field);
    expect(await count()).toBe(0);
  });

  it('should refuse practitioners and assessors who try to create relationships', async () => {
    for (const person of [nqsw, assessor]) {
      const res = await gql(ctx.app, CREATE, { input: input() }, { as: await login(ctx.app, person.email) });
      expect(errorCode(res)).toBe('FORBIDDEN');
    }
    expect(await count()).toBe(0);
  });

  it('should end a relationship on a date and keep it in the history', async () => {
    const created = await gql<{ createAssessorRelationship: { id: string } }>(
      ctx.app,
      CREATE,
      { input: input() },
      { as: psw },
    );
    const id = created.data!.createAssessorRelationship.id;
    const ended = await gql(ctx.app, END, { input: { id, endsOn: '2027-08-31' } }, { as: psw });
    expect(ended.data).toEqual({ endAssessorRelationship: { endsOn: '2027-08-31' } });

    const during = await gql<{ assessorRelationships: { nodes: unknown[] } }>(
      ctx.app,
      LIST,
      { activeOn: '2027-08-31' },
      { as: psw },
    );
    const after = await gql<{ assessorRelationships: { nodes: unknown[] } }>(
      ctx.app,
      LIST,
      { activeOn: '2027-09-01' },
      { as: psw },
    );
    expect(during.data?.assessorRelationships.nodes).toHaveLength(1);
    expect(after.data?.assessorRelationships.nodes).toHaveLength(0);
    const actions = await ctx.dataSource.query(
      `SELECT action FROM audit_event WHERE entity_id = $1 ORDER BY id`,
      [id],
    );
    expect(actions.map((a: { action: string }) => a.action)).toEqual([
      'ASSESSOR_RELATIONSHIP_CREATED',
      'ASSESSOR_RELATIONSHIP_ENDED',
    ]);
  });

  it('should refuse to rewrite the audit trail, even with direct SQL', async () => {
    await gql(ctx.app, CREATE, { input: input() }, { as: psw });
    await expect(ctx.dataSource.query(`UPDATE audit_event SET action = 'X'`)).rejects.toThrow(/append-only/);
    await expect(ctx.dataSource.query(`DELETE FROM audit_event`)).rejects.toThrow(/append-only/);
    await expect(ctx.dataSource.query(`TRUNCATE audit_event`)).rejects.toThrow(/append-only/);
  });
});
