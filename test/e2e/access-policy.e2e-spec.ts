import type { OrganisationEntity } from '#app/persistence';
import {
  createAssessorRelationship,
  createMember,
  createOrganisation,
  gql,
  type CreatedMember,
} from '#app/testing';
import {
  COMPLIANCE_FIELDS,
  refusal,
  STATUS_FIELDS,
  SUPERVISION_FIELDS,
} from './support/compliance-operations.js';
import { createTestApp, type E2eContext } from './support/create-test-app.js';
import { FixedClock } from './support/fixed-clock.js';
import { login, type Session } from './support/sessions.js';

const RECORD = `mutation ($input: RecordSupervisionInput!) { recordSupervision(input: $input) { id } }`;
// Every read of one practitioner's records that an assessor relationship can open.
const READS: Record<string, string> = {
  cpdCompliance: `query ($id: ID) { cpdCompliance(practitionerUserId: $id) { ${COMPLIANCE_FIELDS} } }`,
  supervisionStatus: `query ($id: ID) { supervisionStatus(practitionerUserId: $id) { ${STATUS_FIELDS} } }`,
  supervisions: `query ($id: ID) { supervisions(practitionerUserId: $id) { ${SUPERVISION_FIELDS} } }`,
  portfolio: `query ($id: ID) { portfolio(practitionerUserId: $id, first: 10) { nodes { id } } }`,
  stageHistory: `query ($id: ID) { stageHistory(practitionerUserId: $id) { id } }`,
};

/**
 * The access policy from outside: findings 1 (forged supervision) and 2 (ended or future
 * relationships) of the access-policy issue, each through the GraphQL API only.
 */
describe('one access policy: supervision assignments and dated relationships (e2e)', () => {
  // Today is 2 March 2026 in every test here.
  const clock = new FixedClock(new Date('2026-03-02T10:00:00Z'));
  let ctx: E2eContext;
  let org: OrganisationEntity;
  let practitioner: CreatedMember;
  let as: Record<'practitioner' | 'forger' | 'supervisor' | 'ended' | 'future' | 'current', Session>;
  let ids: Record<'forger' | 'supervisor', string>;

  const sessions = async () =>
    Number(
      (
        await ctx.dataSource.query(
          `SELECT count(*)::int AS n FROM supervision WHERE supervisee_user_id = $1`,
          [practitioner.user.id],
        )
      )[0].n,
    );
  const session = (overrides: Record<string, unknown> = {}) => ({
    superviseeId: practitioner.user.id,
    date: '2026-02-20',
    durationMinutes: 90,
    kind: 'REFLECTIVE',
    notes: '',
    ...overrides,
  });

  beforeAll(async () => {
    ctx = await createTestApp({}, { clock });
    org = await createOrganisation(ctx.dataSource);
    practitioner = await createMember(ctx.dataSource, org.id, ['PRACTITIONER']);
    const member = (roles: Parameters<typeof createMember>[2]) => createMember(ctx.dataSource, org.id, roles);
    const forger = await member(['PRACTITIONER', 'SUPERVISOR']);
    const supervisor = await member(['SUPERVISOR']);
    const ended = await member(['ASSESSOR', 'SUPERVISOR']);
    const future = await member(['ASSESSOR', 'SUPERVISOR']);
    const current = await member(['ASSESSOR']);
    const relate = (
      who: CreatedMember,
      capacity: 'SUPERVISOR' | 'ASYE_ASSESSOR',
      from: string,
      to: string | null,
    ) =>
      createAssessorRelationship(
        ctx.dataSource,
        org.id,
        who.user.id,
        practitioner.user.id,
        capacity,
        from,
        to,
      );
    // The assigned supervisor, since the start of February 2026.
    await relate(supervisor, 'SUPERVISOR', '2026-02-01', null);
    // Relationships that ended last year, or start in 2028, in every capacity that opens reads.
    for (const capacity of ['SUPERVISOR', 'ASYE_ASSESSOR'] as const) {
      await relate(ended, capacity, '2024-01-01', '2025-12-31');
      await relate(future, capacity, '2028-01-01', null);
    }
    await relate(current, 'ASYE_ASSESSOR', '2026-01-01', null);
    as = {
      practitioner: await login(ctx.app, practitioner.email),
      forger: await login(ctx.app, forger.email),
      supervisor: await login(ctx.app, supervisor.email),
      ended: await login(ctx.app, ended.email),
      future: await login(ctx.app, future.email),
      current: await login(ctx.app, current.email),
    };
    ids = { forger: forger.user.id, supervisor: supervisor.user.id };
  });
  afterAll(() => ctx.close());

  describe('finding 1: recording supervision needs an assignment on the session date', () => {
    it('refuses a member naming a colleague as their supervisee, writes nothing, and opens no reads', async () => {
      const before = await sessions();
      const forged = await gql(ctx.app, RECORD, { input: session() }, { as: as.forger });
      expect(refusal(forged)).toEqual({
        code: 'FORBIDDEN',
        domainCode: 'SUPERVISOR_NOT_ASSIGNED',
        field: 'input.supervisorId',
      });
      expect(await sessions()).toBe(before);
      for (const name of ['supervisions', 'supervisionStatus']) {
        const res = await gql(ctx.app, READS[name]!, { id: practitioner.user.id }, { as: as.forger });
        expect(refusal(res)).toEqual({
          code: 'FORBIDDEN',
          domainCode: 'ACCESS_DENIED',
          field: 'practitionerUserId',
        });
      }
    });

    it('refuses the supervisee naming someone not assigned to supervise them', async () => {
      const before = await sessions();
      const res = await gql(
        ctx.app,
        RECORD,
        { input: session({ supervisorId: ids.forger }) },
        { as: as.practitioner },
      );
      expect(refusal(res)).toMatchObject({
        domainCode: 'SUPERVISOR_NOT_ASSIGNED',
        field: 'input.supervisorId',
      });
      expect(await sessions()).toBe(before);
    });

    it('refuses a session dated before the assignment began, naming the date', async () => {
      const before = await sessions();
      const res = await gql(
        ctx.app,
        RECORD,
        { input: session({ date: '2026-01-20' }) },
        { as: as.supervisor },
      );
      expect(refusal(res)).toEqual({
        code: 'FORBIDDEN',
        domainCode: 'SUPERVISOR_NOT_ASSIGNED',
        field: 'input.date',
      });
      expect(await sessions()).toBe(before);
    });

    it('records the assigned supervisor’s session, and the supervisee’s naming them', async () => {
      const before = await sessions();
      const bySupervisor = await gql(ctx.app, RECORD, { input: session() }, { as: as.supervisor });
      expect(bySupervisor.errors).toBeUndefined();
      const bySupervisee = await gql(
        ctx.app,
        RECORD,
        { input: session({ date: '2026-02-27', supervisorId: ids.supervisor }) },
        { as: as.practitioner },
      );
      expect(bySupervisee.errors).toBeUndefined();
      expect(await sessions()).toBe(before + 2);
      const status = await gql<{ supervisionStatus: { supervisorUserId: string } }>(
        ctx.app,
        READS.supervisionStatus!,
        { id: practitioner.user.id },
        { as: as.supervisor },
      );
      expect(status.data?.supervisionStatus.supervisorUserId).toBe(ids.supervisor);
    });
  });

  describe('finding 2: only relationships in force today open a practitioner’s records', () => {
    it.each(Object.keys(READS))(
      'refuses %s to assessors whose relationship ended or has not begun',
      async (name) => {
        for (const who of ['ended', 'future'] as const) {
          const res = await gql(ctx.app, READS[name]!, { id: practitioner.user.id }, { as: as[who] });
          expect({ who, ...refusal(res) }).toEqual({
            who,
            code: 'FORBIDDEN',
            domainCode: 'ACCESS_DENIED',
            field: 'practitionerUserId',
          });
          expect(res.data).toBeNull();
        }
      },
    );

    it.each(Object.keys(READS))('answers %s to the assessor whose relationship is in force', async (name) => {
      const res = await gql(ctx.app, READS[name]!, { id: practitioner.user.id }, { as: as.current });
      expect(res.errors).toBeUndefined();
    });
  });
});
