import type { OrganisationEntity } from '#app/persistence';
import {
  createAssessorRelationship,
  createMember,
  createOrganisation,
  gql,
  type CreatedMember,
} from '#app/testing';
import { ok, refusal, STATUS_FIELDS, SUPERVISION_FIELDS } from './support/compliance-operations.js';
import { createTestApp, type E2eContext } from './support/create-test-app.js';
import { FixedClock } from './support/fixed-clock.js';
import { login, type Session } from './support/sessions.js';
import { insertPublishedPathway, insertStage } from './support/sharing-fixtures.js';

const RECORD = `mutation ($input: RecordSupervisionInput!) { recordSupervision(input: $input) { ${SUPERVISION_FIELDS} } }`;
const LIST = `query ($id: ID) { supervisions(practitionerUserId: $id) { ${SUPERVISION_FIELDS} } }`;
const STATUS = `query ($id: ID) { supervisionStatus(practitionerUserId: $id) { ${STATUS_FIELDS} } }`;
const OVERDUE = `query ($scope: OverdueSupervisionScope) { overdueSupervisions(scope: $scope) { ${STATUS_FIELDS} supervisee { fullName } } }`;
const REFLECT = `mutation ($input: CreateEvidenceFromSupervisionInput!) {
  createEvidenceFromSupervision(input: $input) { id evidenceId kind status title dateFrom hours owner { fullName } }
}`;

interface Status {
  superviseeUserId: string;
  supervisorUserId: string | null;
  nextDueOn: string | null;
  overdue: boolean;
  daysOverdue: number;
  every: { unit: string; count: number };
}

describe('supervision: sessions, overdue detection, private notes (e2e)', () => {
  const clock = new FixedClock(new Date('2026-03-02T10:00:00Z'));
  let ctx: E2eContext;
  let org: OrganisationEntity;
  let supervisor: CreatedMember;
  let practitioner: CreatedMember;
  let colleague: CreatedMember;
  let as: Record<'supervisor' | 'practitioner' | 'colleague' | 'psw', Session>;

  const count = async () =>
    Number((await ctx.dataSource.query(`SELECT count(*)::int AS n FROM supervision`))[0].n);
  const session = (overrides: Record<string, unknown> = {}) => ({
    superviseeId: practitioner.user.id,
    date: '2026-01-10',
    durationMinutes: 90,
    kind: 'REFLECTIVE',
    notes: 'Talked through a hard week; plan to use the reflective model.',
    ...overrides,
  });

  beforeAll(async () => {
    ctx = await createTestApp({}, { clock });
    org = await createOrganisation(ctx.dataSource);
    supervisor = await createMember(ctx.dataSource, org.id, ['SUPERVISOR', 'PRACTITIONER'], {
      fullName: 'Sam Supervisor',
    });
    practitioner = await createMember(ctx.dataSource, org.id, ['PRACTITIONER'], {
      fullName: 'Priya Practitioner',
    });
    colleague = await createMember(ctx.dataSource, org.id, ['PRACTITIONER'], { fullName: 'Cal Colleague' });
    const psw = await createMember(ctx.dataSource, org.id, ['PRINCIPAL_SOCIAL_WORKER'], {
      fullName: 'Pat Principal',
    });
    // Sam is assigned to supervise Priya: only an assigned supervisor's sessions may be recorded.
    await createAssessorRelationship(
      ctx.dataSource,
      org.id,
      supervisor.user.id,
      practitioner.user.id,
      'SUPERVISOR',
      '2025-01-01',
    );
    // Everyone has been in post since the start of 2025: supervision is due monthly from then.
    await ctx.dataSource.query(
      `UPDATE membership SET created_at = '2025-01-01T09:00:00Z' WHERE organisation_id = $1`,
      [org.id],
    );
    as = {
      supervisor: await login(ctx.app, supervisor.email),
      practitioner: await login(ctx.app, practitioner.email),
      colleague: await login(ctx.app, colleague.email),
      psw: await login(ctx.app, psw.email),
    };
  });
  afterAll(() => ctx.close());

  it('should detect overdue supervision per practitioner, per supervisor and for the organisation', async () => {
    clock.set('2026-03-02T10:00:00Z');
    const recorded = await ok<{ recordSupervision: { id: string; notes: string } }>(
      ctx.app,
      RECORD,
      { input: session() },
      as.supervisor,
    );
    expect(recorded.recordSupervision.notes).toMatch(/hard week/);

    const { supervisionStatus } = await ok<{ supervisionStatus: Status }>(
      ctx.app,
      STATUS,
      {},
      as.practitioner,
    );
    expect(supervisionStatus).toMatchObject({
      supervisorUserId: supervisor.user.id,
      nextDueOn: '2026-02-10',
      overdue: true,
      daysOverdue: 20,
      every: { unit: 'MONTHS', count: 1 },
    });

    const mine = await ok<{ overdueSupervisions: Status[] }>(
      ctx.app,
      OVERDUE,
      { scope: 'MINE' },
      as.supervisor,
    );
    expect(mine.overdueSupervisions.map((s) => s.superviseeUserId)).toEqual([practitioner.user.id]);
    const all = await ok<{ overdueSupervisions: Status[] }>(
      ctx.app,
      OVERDUE,
      { scope: 'ORGANISATION' },
      as.psw,
    );
    expect(all.overdueSupervisions.map((s) => s.superviseeUserId).sort()).toEqual(
      [practitioner.user.id, colleague.user.id, supervisor.user.id].sort(),
    );
    expect(all.overdueSupervisions[0]!.daysOverdue).toBe(394); // due since 1 February 2025, never supervised
    const refused = await gql(ctx.app, OVERDUE, { scope: 'ORGANISATION' }, { as: as.colleague });
    expect(refusal(refused)).toMatchObject({ code: 'FORBIDDEN', domainCode: 'ROLE_REQUIRED' });

    // The supervisee records the next session herself: no longer overdue.
    await ok(
      ctx.app,
      RECORD,
      { input: session({ supervisorId: supervisor.user.id, date: '2026-03-01', notes: '' }) },
      as.practitioner,
    );
    const after = await ok<{ supervisionStatus: Status }>(
      ctx.app,
      STATUS,
      { id: practitioner.user.id },
      as.supervisor,
    );
    expect(after.supervisionStatus).toMatchObject({
      overdue: false,
      daysOverdue: 0,
      nextDueOn: '2026-04-01',
    });
  });

  it('should refuse a session in the future, longer than a working day, or with oneself, writing nothing', async () => {
    const before = await count();
    const cases: [Record<string, unknown>, string][] = [
      [{ date: '2026-03-03' }, 'input.date'],
      [{ durationMinutes: 481 }, 'input.durationMinutes'],
      [{ superviseeId: supervisor.user.id }, 'input.supervisorId'],
    ];
    for (const [overrides, field] of cases) {
      const res = await gql(ctx.app, RECORD, { input: session(overrides) }, { as: as.supervisor });
      expect(refusal(res)).toEqual({ code: 'BAD_USER_INPUT', domainCode: 'SUPERVISION_INVALID', field });
    }
    const zero = await gql(
      ctx.app,
      RECORD,
      { input: session({ durationMinutes: 0 }) },
      { as: as.supervisor },
    );
    expect(refusal(zero)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.durationMinutes' });
    const bystander = await gql(
      ctx.app,
      RECORD,
      { input: session({ supervisorId: supervisor.user.id }) },
      { as: as.colleague },
    );
    expect(refusal(bystander)).toEqual({
      code: 'FORBIDDEN',
      domainCode: 'ACCESS_DENIED',
      field: 'input.superviseeId',
    });
    expect(await count()).toBe(before);
  });

  it('should keep notes to the supervisor and supervisee: not a colleague, not a PSW, not another organisation', async () => {
    const own = await ok<{ supervisions: { notes: string | null }[] }>(ctx.app, LIST, {}, as.practitioner);
    expect(own.supervisions.some((s) => s.notes?.includes('hard week'))).toBe(true);
    const bySupervisor = await ok<{ supervisions: { notes: string | null }[] }>(
      ctx.app,
      LIST,
      { id: practitioner.user.id },
      as.supervisor,
    );
    expect(bySupervisor.supervisions.some((s) => s.notes?.includes('hard week'))).toBe(true);

    const byPsw = await ok<{ supervisions: { notes: string | null; durationMinutes: number }[] }>(
      ctx.app,
      LIST,
      { id: practitioner.user.id },
      as.psw,
    );
    expect(byPsw.supervisions).toHaveLength(2);
    expect(byPsw.supervisions.every((s) => s.notes === null)).toBe(true);

    for (const query of [LIST, STATUS]) {
      const res = await gql(ctx.app, query, { id: practitioner.user.id }, { as: as.colleague });
      expect(refusal(res)).toEqual({
        code: 'FORBIDDEN',
        domainCode: 'ACCESS_DENIED',
        field: 'practitionerUserId',
      });
      expect(res.data).toBeNull();
    }
    const elsewhere = await createOrganisation(ctx.dataSource);
    const outsider = await login(
      ctx.app,
      (await createMember(ctx.dataSource, elsewhere.id, ['PRINCIPAL_SOCIAL_WORKER'])).email,
    );
    const res = await gql(ctx.app, LIST, { id: practitioner.user.id }, { as: outsider });
    expect(refusal(res).domainCode).toBe('ACCESS_DENIED');
    const overdue = await ok<{ overdueSupervisions: unknown[] }>(
      ctx.app,
      OVERDUE,
      { scope: 'ORGANISATION' },
      outsider,
    );
    expect(overdue.overdueSupervisions).toEqual([]);
  });

  it('should turn a supervision into a supervision-reflection draft once, for the supervisee only', async () => {
    const [{ id }] = await ctx.dataSource.query(
      `SELECT id FROM supervision WHERE supervisee_user_id = $1 AND held_on = '2026-01-10'`,
      [practitioner.user.id],
    );
    const bySupervisor = await gql(ctx.app, REFLECT, { input: { supervisionId: id } }, { as: as.supervisor });
    expect(refusal(bySupervisor)).toEqual({
      code: 'NOT_FOUND',
      domainCode: 'SUPERVISION_NOT_FOUND',
      field: 'input.supervisionId',
    });

    const { createEvidenceFromSupervision: draft } = await ok<{
      createEvidenceFromSupervision: {
        evidenceId: string;
        kind: string;
        status: string;
        title: string;
        dateFrom: string;
        hours: number;
        owner: { fullName: string };
      };
    }>(
      ctx.app,
      REFLECT,
      {
        input: {
          supervisionId: id,
          learning: 'Slowing down helps me hear families.',
          impact: 'Better plans.',
        },
      },
      as.practitioner,
    );
    expect(draft).toMatchObject({
      kind: 'SUPERVISION_REFLECTION',
      status: 'DRAFT',
      title: 'Reflective supervision on 2026-01-10',
      dateFrom: '2026-01-10',
      hours: 1.5,
      owner: { fullName: 'Priya Practitioner' },
    });
    const [{ description }] = await ctx.dataSource.query(
      `SELECT description FROM evidence_version WHERE evidence_id = $1`,
      [draft.evidenceId],
    );
    expect(description).not.toMatch(/hard week/);

    const twice = await gql(ctx.app, REFLECT, { input: { supervisionId: id } }, { as: as.practitioner });
    expect(refusal(twice)).toEqual({
      code: 'CONFLICT',
      domainCode: 'SUPERVISION_REFLECTION_EXISTS',
      field: 'input.supervisionId',
    });
    const pieces = await ctx.dataSource.query(`SELECT id FROM evidence WHERE owner_user_id = $1`, [
      practitioner.user.id,
    ]);
    expect(pieces).toHaveLength(1);
    const trail: { action: string }[] = await ctx.dataSource.query(
      `SELECT action FROM audit_event WHERE entity_id IN ($1, $2) ORDER BY id`,
      [id, draft.evidenceId],
    );
    expect(trail.map((t) => t.action)).toEqual([
      'SUPERVISION_RECORDED',
      'EVIDENCE_CREATED',
      'SUPERVISION_REFLECTION_CREATED',
    ]);
  });
  it('should change the frequency when an NQSW moves on, without restarting the clock', async () => {
    clock.set('2026-03-02T10:00:00Z');
    // An organisation of its own, so the first test's organisation-wide list stays as it is.
    const council = await createOrganisation(ctx.dataSource);
    const psw = await createMember(ctx.dataSource, council.id, ['PRINCIPAL_SOCIAL_WORKER']);
    const assessor = await createMember(ctx.dataSource, council.id, ['ASSESSOR', 'PRACTITIONER']);
    const [late, early, still] = await Promise.all(
      ['Lee Late', 'Eve Early', 'Sol Still'].map((fullName) =>
        createMember(ctx.dataSource, council.id, ['PRACTITIONER'], { fullName }),
      ),
    );
    const pathway = await insertPublishedPathway(ctx.dataSource, council.id, psw.user.id);
    const stage = (m: CreatedMember, key: string, from: string) =>
      insertStage(ctx.dataSource, council.id, m.user.id, pathway, key, from, {
        recordedByUserId: psw.user.id,
      });
    const asye = (m: CreatedMember, start: string, confirmedOn: string | null = null) =>
      ctx.dataSource.query(
        `INSERT INTO asye_programme (organisation_id, practitioner_user_id, assessor_user_id, line_manager_user_id,
                                     start_date, protected_time_percent, created_by_user_id, recommended_outcome,
                                     recommendation_comment, recommended_on, recommended_by_user_id, confirmed_on,
                                     confirmed_by_user_id, confirmed_as)
         SELECT $1, $2, $3, $3, $4, 10, $3, o.outcome, o.comment, $5, o.recommender, $5, o.confirmer, o.capacity
           FROM (SELECT CASE WHEN $5::date IS NULL THEN NULL ELSE 'PASS'::asye_outcome END AS outcome,
                        CASE WHEN $5::date IS NULL THEN NULL ELSE 'Ready.' END AS comment,
                        CASE WHEN $5::date IS NULL THEN NULL ELSE $3::uuid END AS recommender,
                        CASE WHEN $5::date IS NULL THEN NULL ELSE $6::uuid END AS confirmer,
                        CASE WHEN $5::date IS NULL THEN NULL ELSE 'PRINCIPAL_SOCIAL_WORKER'::asye_confirmation_capacity END AS capacity) o`,
        [council.id, m.user.id, assessor.user.id, start, confirmedOn, psw.user.id],
      );
    const seen = (m: CreatedMember, on: string) =>
      ctx.dataSource.query(
        `INSERT INTO supervision (organisation_id, supervisor_user_id, supervisee_user_id, held_on, minutes, kind, recorded_by_user_id)
         VALUES ($1, $2, $3, $4, 90, 'REFLECTIVE', $2)`,
        [council.id, assessor.user.id, m.user.id, on],
      );
    await ctx.dataSource.query(
      `UPDATE membership SET created_at = '2025-06-01T09:00:00Z' WHERE organisation_id = $1`,
      [council.id],
    );

    // Lee: ASYE from 1 June 2025, seen once in its first week, promoted nine months later and the
    // ASYE confirmed: overdue since the weekly session that never came, not up to date.
    await asye(late!, '2025-06-01', '2026-02-27');
    await seen(late!, '2025-06-05');
    await stage(late!, 'NQSW', '2025-06-01');
    await stage(late!, 'SOCIAL_WORKER', '2026-03-01');
    // Eve: ASYE from 1 December 2025, seen on 10 February in the fortnightly phase, promoted on
    // 15 February: monthly from that session now, so due on 10 March, not overdue since 24 February.
    await asye(early!, '2025-12-01');
    await seen(early!, '2026-02-10');
    await stage(early!, 'NQSW', '2025-12-01');
    await stage(early!, 'SOCIAL_WORKER', '2026-02-15');
    // Sol: the same as Eve, still an NQSW: fortnightly, overdue.
    await asye(still!, '2025-12-01');
    await seen(still!, '2026-02-10');
    await stage(still!, 'NQSW', '2025-12-01');

    const as = await login(ctx.app, psw.email);
    const statusOf = async (m: CreatedMember) =>
      (await ok<{ supervisionStatus: Status & { nqsw: boolean } }>(ctx.app, STATUS, { id: m.user.id }, as))
        .supervisionStatus;

    expect(await statusOf(late!)).toMatchObject({
      nqsw: false,
      nextDueOn: '2025-06-12',
      overdue: true,
      daysOverdue: 263,
      every: { unit: 'MONTHS', count: 1 },
    });
    expect(await statusOf(early!)).toMatchObject({
      nqsw: false,
      nextDueOn: '2026-03-10',
      overdue: false,
      every: { unit: 'MONTHS', count: 1 },
    });
    expect(await statusOf(still!)).toMatchObject({
      nqsw: true,
      nextDueOn: '2026-02-24',
      overdue: true,
      daysOverdue: 6,
      every: { unit: 'DAYS', count: 14 },
    });
    const overdue = await ok<{ overdueSupervisions: Status[] }>(
      ctx.app,
      OVERDUE,
      { scope: 'ORGANISATION' },
      as,
    );
    expect(overdue.overdueSupervisions.map((s) => s.superviseeUserId)).toEqual(
      expect.arrayContaining([late!.user.id, still!.user.id]),
    );
    expect(overdue.overdueSupervisions.map((s) => s.superviseeUserId)).not.toContain(early!.user.id);
  });
});
