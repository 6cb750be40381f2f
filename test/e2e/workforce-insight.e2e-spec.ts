import type { OrganisationEntity } from '#app/persistence';
import {
  createMember,
  createOrganisation,
  createTeam,
  errorCode,
  gql,
  type CreatedMember,
} from '#app/testing';
import { createTestApp, type E2eContext } from './support/create-test-app.js';
import { FixedClock } from './support/fixed-clock.js';
import { login, type Session } from './support/sessions.js';
import { insertPiece, insertPublishedPathway, insertStage } from './support/sharing-fixtures.js';

const INSIGHT = `query ($teamId: ID, $from: LocalDate, $to: LocalDate) {
  workforceInsight(teamId: $teamId, from: $from, to: $to) {
    scope { teamId teamName from to practitioners minGroupSize suppressed individualsVisible }
    coverageHeatMap { frameworkCode version approvedPieces suppressed
      cells { itemCode levelCode pieces people } domains { itemCode pieces people } }
    reviewTurnaround { decisions medianDays p90Days waiting
      byReviewer { reviewerName decisions medianDays p90Days }
      byTeam { teamName suppressed decisions medianDays p90Days }
      backlog { label minDays maxDays waiting } }
    stageDistribution { asOf suppressed people stages { stageKey people } levels { pcfLevelCode people }
      movements { month fromStageKey toStageKey people } }
    progressionPipeline { suppressed routes { routeKey eligible nearlyEligible submitted open approved deferred declined withdrawn } }
  }
}`;

/**
 * A council with a team of six practitioners (A) and one of three (B, under the default minimum of
 * five), two reviewers, and evidence, stages and applications whose figures are worked out by hand
 * in the comments below. The clock stands at 2026-07-01 12:00 UTC, so the default range is
 * 2025-07-02 to 2026-07-01.
 */
describe('workforce insight (e2e)', () => {
  const clock = new FixedClock(new Date('2026-07-01T12:00:00Z'));
  let ctx: E2eContext;
  let org: OrganisationEntity;
  let teamA: string;
  let teamB: string;
  let psw: Session;
  let admin: Session;
  let practitionerSession: Session;
  let ids: Record<string, string>;

  beforeAll(async () => {
    ctx = await createTestApp({}, { clock });
    const ds = ctx.dataSource;
    org = await createOrganisation(ds);
    teamA = (await createTeam(ds, org.id, 'Team A')).id;
    teamB = (await createTeam(ds, org.id, 'Team B')).id;
    const member = (team: string, name: string) =>
      createMember(ds, org.id, ['PRACTITIONER'], { teamId: team, fullName: name });
    const [a1, a2, a3, a4, a5, a6] = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => member(teamA, `A${n}`)));
    const [b1, b2] = await Promise.all([1, 2, 3].map((n) => member(teamB, `B${n}`)));
    const r1 = await createMember(ds, org.id, ['ASSESSOR'], { fullName: 'Reviewer One' });
    const r2 = await createMember(ds, org.id, ['ASSESSOR'], { fullName: 'Reviewer Two' });
    const pswMember = await createMember(ds, org.id, ['PRINCIPAL_SOCIAL_WORKER']);
    const adminMember = await createMember(ds, org.id, ['ORG_ADMIN']);
    const piece = (owner: CreatedMember, reviewer: CreatedMember, p: Parameters<typeof insertPiece>[4]) =>
      insertPiece(ds, org.id, owner.user.id, reviewer.user.id, p);

    // Coverage and turnaround. Decisions in range: 9, 4, 20 and 2 days.
    await piece(a1!, r1, {
      itemCodes: ['PROFESSIONALISM', 'KNOWLEDGE'],
      levelCode: 'ASYE',
      submittedAt: '2026-03-01T12:00:00Z',
      decidedOn: '2026-03-10',
    });
    await piece(a2!, r2, {
      itemCodes: ['PROFESSIONALISM'],
      levelCode: 'SOCIAL_WORKER',
      submittedAt: '2026-04-06T12:00:00Z',
      decidedOn: '2026-04-10',
    });
    await piece(b1!, r1, {
      itemCodes: ['VALUES_AND_ETHICS'],
      levelCode: 'ASYE',
      submittedAt: '2026-04-11T12:00:00Z',
      decidedOn: '2026-05-01',
    });
    await piece(a4!, r2, {
      status: 'CHANGES_REQUESTED',
      submittedAt: '2026-06-01T12:00:00Z',
      decidedOn: '2026-06-03',
    });
    // Decided before the range: counted nowhere.
    await piece(a3!, r1, {
      itemCodes: ['KNOWLEDGE'],
      submittedAt: '2024-12-20T12:00:00Z',
      decidedOn: '2025-01-01',
    });
    // Waiting 3, 11 and 61 days.
    await piece(a5!, r1, { status: 'SUBMITTED', submittedAt: '2026-06-28T12:00:00Z' });
    await piece(a6!, r1, { status: 'SUBMITTED', submittedAt: '2026-06-20T12:00:00Z' });
    await piece(b2!, r2, { status: 'SUBMITTED', submittedAt: '2026-05-01T12:00:00Z' });

    // Stages on 2026-07-01: NQSW a3, b1; SOCIAL_WORKER a1 (moved in May), a2.
    const pathway = await insertPublishedPathway(ds, org.id, pswMember.user.id);
    const stage = (
      m: CreatedMember,
      key: string,
      from: string,
      options: Partial<Parameters<typeof insertStage>[6]> = {},
    ) =>
      insertStage(ds, org.id, m.user.id, pathway, key, from, {
        recordedByUserId: pswMember.user.id,
        ...options,
      });
    await stage(a1!, 'NQSW', '2025-09-01', { toDate: '2026-04-30' });
    await stage(a1!, 'SOCIAL_WORKER', '2026-05-01', {
      application: { routeKey: 'NQSW_TO_SOCIAL_WORKER', decidedByUserId: pswMember.user.id },
    });
    await stage(a2!, 'SOCIAL_WORKER', '2024-01-01');
    await stage(a3!, 'NQSW', '2026-01-15');
    await stage(b1!, 'NQSW', '2025-10-01');
    // Applications on the same route: one open (a3), one declined (b1).
    await ds.query(
      `INSERT INTO progression_application (organisation_id, user_id, pathway_version_id, route_key, status, submitted_by_user_id,
                                            submitted_at, eligibility_snapshot, evidence_ids, decided_by_user_id, decided_at)
       VALUES ($1, $2, $4, 'NQSW_TO_SOCIAL_WORKER', 'OPEN', $2, '2026-06-15T09:00:00Z', '{}', '{}', NULL, NULL),
              ($1, $3, $4, 'NQSW_TO_SOCIAL_WORKER', 'DECLINED', $3, '2026-05-15T09:00:00Z', '{}', '{}', $5, '2026-06-01T09:00:00Z')`,
      [org.id, a3!.user.id, b1!.user.id, pathway.versionId, pswMember.user.id],
    );

    // CPD (2025-26): a1 and a2 meet SWE's two pieces with a peer reflection; nobody else records any.
    for (const m of [a1!, a2!]) {
      for (const [title, peerReflection] of [
        ['Course', 'Talked it over with my manager.'],
        ['Reading', null],
      ] as const) {
        await piece(m, r1, {
          kind: 'CPD_ACTIVITY',
          status: 'DRAFT',
          itemCodes: [],
          title,
          peerReflection,
          date: '2026-02-01',
        });
      }
    }
    // Supervision: everyone in post since 2024; a1 last seen on 20 June, a2 on 25 September; a3 and a5
    // are NQSWs in an ASYE.
    await ds.query(`UPDATE membership SET created_at = '2024-01-01T00:00:00Z' WHERE organisation_id = $1`, [
      org.id,
    ]);
    await ds.query(
      `INSERT INTO supervision (organisation_id, supervisor_user_id, supervisee_user_id, held_on, minutes, kind, recorded_by_user_id)
       VALUES ($1, $2, $3, '2026-06-20', 90, 'REFLECTIVE', $2), ($1, $2, $4, '2026-09-25', 90, 'REFLECTIVE', $2)`,
      [org.id, r1.user.id, a1!.user.id, a2!.user.id],
    );
    await ds.query(
      `INSERT INTO asye_programme (organisation_id, practitioner_user_id, assessor_user_id, line_manager_user_id, start_date,
                                   protected_time_percent, created_by_user_id)
       VALUES ($1, $2, $4, $4, '2026-06-01', 10, $4), ($1, $3, $4, $4, '2026-09-01', 10, $4)`,
      [org.id, a3!.user.id, a5!.user.id, r1.user.id],
    );
    ids = { a3: a3!.user.id, a5: a5!.user.id };

    psw = await login(ctx.app, pswMember.email);
    admin = await login(ctx.app, adminMember.email);
    practitionerSession = await login(ctx.app, a1!.email);
  });
  afterAll(() => ctx.close());

  const insight = (as: Session, variables: Record<string, unknown> = {}) =>
    gql<{ workforceInsight: any }>(ctx.app, INSIGHT, variables, { as });

  it('should answer for the organisation with the figures worked out by hand', async () => {
    const started = performance.now();
    const res = await insight(psw);
    console.log(
      `workforce insight (all fields, small organisation): ${(performance.now() - started).toFixed(0)} ms`,
    );
    expect(res.errors).toBeUndefined();
    const w = res.data!.workforceInsight;
    expect(w.scope).toEqual({
      teamId: null,
      teamName: null,
      from: '2025-07-02',
      to: '2026-07-01',
      practitioners: 9,
      minGroupSize: 5,
      suppressed: false,
      individualsVisible: true,
    });

    const heat = w.coverageHeatMap;
    expect(heat).toMatchObject({
      frameworkCode: 'PCF',
      version: '2018',
      approvedPieces: 3,
      suppressed: false,
    });
    expect(heat.cells).toHaveLength(9 * 9);
    expect(heat.cells.filter((c: any) => c.pieces > 0)).toEqual([
      { itemCode: 'PROFESSIONALISM', levelCode: 'ASYE', pieces: 1, people: 1 },
      { itemCode: 'PROFESSIONALISM', levelCode: 'SOCIAL_WORKER', pieces: 1, people: 1 },
      { itemCode: 'VALUES_AND_ETHICS', levelCode: 'ASYE', pieces: 1, people: 1 },
      { itemCode: 'KNOWLEDGE', levelCode: 'ASYE', pieces: 1, people: 1 },
    ]);
    expect(heat.domains.slice(-3)).toEqual([
      { itemCode: 'KNOWLEDGE', pieces: 1, people: 1 },
      { itemCode: 'VALUES_AND_ETHICS', pieces: 1, people: 1 },
      { itemCode: 'PROFESSIONALISM', pieces: 2, people: 2 },
    ]);
    expect(heat.domains[0]).toEqual({ itemCode: 'CONTEXTS_AND_ORGANISATIONS', pieces: 0, people: 0 });

    // Days 2, 4, 9, 20: median 6.5; 90th percentile 9 + 0.7 × 11 = 16.7.
    const t = w.reviewTurnaround;
    expect(t).toMatchObject({ decisions: 4, medianDays: 6.5, p90Days: 16.7, waiting: 3 });
    expect(t.byReviewer).toEqual([
      { reviewerName: 'Reviewer One', decisions: 2, medianDays: 14.5, p90Days: 18.9 },
      { reviewerName: 'Reviewer Two', decisions: 2, medianDays: 3, p90Days: 3.8 },
    ]);
    expect(t.byTeam).toEqual(
      expect.arrayContaining([
        { teamName: 'Team A', suppressed: false, decisions: 3, medianDays: 4, p90Days: 8 },
        { teamName: 'Team B', suppressed: true, decisions: null, medianDays: null, p90Days: null },
      ]),
    );
    expect(t.backlog.map((b: any) => [b.label, b.waiting])).toEqual([
      ['0–7 days', 1],
      ['8–14 days', 1],
      ['15–28 days', 0],
      ['29+ days', 1],
    ]);

    const s = w.stageDistribution;
    expect(s).toMatchObject({ asOf: '2026-07-01', suppressed: false, people: 4 });
    expect(s.stages.filter((x: any) => x.people > 0)).toEqual([
      { stageKey: 'NQSW', people: 2 },
      { stageKey: 'SOCIAL_WORKER', people: 2 },
    ]);
    expect(s.levels).toEqual([
      { pcfLevelCode: 'ASYE', people: 2 },
      { pcfLevelCode: 'SOCIAL_WORKER', people: 2 },
    ]);
    expect(s.movements).toEqual([
      { month: '2026-05', fromStageKey: 'NQSW', toStageKey: 'SOCIAL_WORKER', people: 1 },
    ]);

    const route = w.progressionPipeline.routes.find((r: any) => r.routeKey === 'NQSW_TO_SOCIAL_WORKER');
    expect(route).toMatchObject({
      submitted: 3,
      open: 1,
      approved: 1,
      declined: 1,
      deferred: 0,
      withdrawn: 0,
    });
    const report = await gql<{
      progressionReport: { routes: { routeKey: string; eligible: number; nearlyEligible: number }[] };
    }>(ctx.app, `{ progressionReport { routes { routeKey eligible nearlyEligible } } }`, {}, { as: psw });
    const expected = report.data!.progressionReport.routes.find(
      (r) => r.routeKey === 'NQSW_TO_SOCIAL_WORKER',
    )!;
    expect(route).toMatchObject({ eligible: expected.eligible, nearlyEligible: expected.nearlyEligible });
  });

  it('should narrow to a team and a date range', async () => {
    const res = await insight(psw, { teamId: teamA, from: '2026-04-01', to: '2026-06-30' });
    expect(res.errors).toBeUndefined();
    const w = res.data!.workforceInsight;
    expect(w.scope).toMatchObject({ teamName: 'Team A', practitioners: 6, suppressed: false });
    expect(w.coverageHeatMap.approvedPieces).toBe(1);
    // Team A decisions in April to June: 4 and 2 days.
    expect(w.reviewTurnaround).toMatchObject({ decisions: 2, medianDays: 3, waiting: 2 });
    expect(w.stageDistribution.people).toBe(3);
    expect(w.stageDistribution.movements).toHaveLength(1);
    const route = w.progressionPipeline.routes.find((r: any) => r.routeKey === 'NQSW_TO_SOCIAL_WORKER');
    expect(route).toMatchObject({
      eligible: null,
      nearlyEligible: null,
      submitted: 2,
      open: 1,
      approved: 1,
      declined: 0,
    });
  });

  it('should show a team below the minimum size without breakdowns', async () => {
    const res = await insight(psw, { teamId: teamB });
    expect(res.errors).toBeUndefined();
    const w = res.data!.workforceInsight;
    expect(w.scope).toMatchObject({ teamName: 'Team B', practitioners: 3, suppressed: true });
    expect(w.coverageHeatMap).toMatchObject({ approvedPieces: 1, suppressed: true, cells: [], domains: [] });
    expect(w.reviewTurnaround.byReviewer).toEqual([]);
    expect(w.stageDistribution).toMatchObject({
      suppressed: true,
      people: 1,
      stages: [],
      levels: [],
      movements: [],
    });
    expect(w.progressionPipeline).toEqual({ suppressed: true, routes: [] });
  });

  it('should keep names from administrators and refuse practitioners and bad scopes', async () => {
    const res = await insight(admin);
    expect(res.errors).toBeUndefined();
    expect(res.data!.workforceInsight.scope.individualsVisible).toBe(false);
    expect(res.data!.workforceInsight.reviewTurnaround.byReviewer).toEqual([]);
    expect(res.data!.workforceInsight.reviewTurnaround.decisions).toBe(4);

    expect(errorCode(await insight(practitionerSession))).toBe('FORBIDDEN');
    const otherTeam = await createTeam(ctx.dataSource, (await createOrganisation(ctx.dataSource)).id);
    const foreign = await insight(psw, { teamId: otherTeam.id });
    expect(foreign.errors?.[0]?.extensions).toMatchObject({
      code: 'NOT_FOUND',
      domainCode: 'TEAM_NOT_FOUND',
      field: 'teamId',
    });
    const backwards = await insight(psw, { from: '2026-06-01', to: '2026-05-01' });
    expect(backwards.errors?.[0]?.extensions).toMatchObject({
      domainCode: 'INVALID_DATE_RANGE',
      field: 'from',
    });
    expect(errorCode(await insight(psw, { from: '1 May 2026' }))).toBe('BAD_USER_INPUT');
  });

  it('should count CPD compliance, supervision and the ASYE cohort per team, naming people only to PSWs', async () => {
    clock.set('2026-10-01T12:00:00Z');
    try {
      const query = `{ workforceInsight {
        cpdCompliance { practitioners evaluated met atRisk rate byTeam { teamName suppressed evaluated met atRisk rate } peopleAtRisk { name teamName daysLeft periodEnd } }
        supervision { practitioners supervisedAsRequired share overdue dueSoon neverSupervised byTeam { teamName suppressed supervisedAsRequired overdue share } overduePeople { name nqsw daysOverdue } }
        earlyCareerCohort { programmes paused withReviewOverdue evidenceComplete protectedTimeMet suppressed members { name startDate nextReviewPoint nextReviewDueOn reviewPointsOverdue evidenceRequired evidenceApproved } }
      } }`;
      const res = await gql<{ workforceInsight: any }>(ctx.app, query, {}, { as: psw });
      expect(res.errors).toBeUndefined();
      const { cpdCompliance: cpd, supervision, earlyCareerCohort: cohort } = res.data!.workforceInsight;
      // 30 November is 60 days away: everyone who has not met the requirements is at risk.
      expect(cpd).toMatchObject({ practitioners: 9, evaluated: 9, met: 2, atRisk: 7, rate: 0.222 });
      expect(cpd.byTeam).toEqual(
        expect.arrayContaining([
          { teamName: 'Team A', suppressed: false, evaluated: 6, met: 2, atRisk: 4, rate: 0.333 },
          { teamName: 'Team B', suppressed: true, evaluated: null, met: null, atRisk: null, rate: null },
        ]),
      );
      expect(cpd.peopleAtRisk).toHaveLength(7);
      expect(cpd.peopleAtRisk[0]).toMatchObject({ daysLeft: 60, periodEnd: '2026-11-30' });
      expect(cpd.peopleAtRisk.map((p: any) => p.name).sort()).toEqual([
        'A3',
        'A4',
        'A5',
        'A6',
        'B1',
        'B2',
        'B3',
      ]);

      // Monthly for everyone but the NQSWs: only a2 is supervised as required; a1 has been due since
      // 20 July (73 days), the people never seen since February 2024, a3 weekly since 8 June (115 days).
      expect(supervision).toMatchObject({
        practitioners: 9,
        supervisedAsRequired: 1,
        share: 0.111,
        overdue: 8,
        neverSupervised: 7,
      });
      expect(supervision.byTeam).toEqual(
        expect.arrayContaining([
          { teamName: 'Team A', suppressed: false, supervisedAsRequired: 1, overdue: 5, share: 0.167 },
          { teamName: 'Team B', suppressed: true, supervisedAsRequired: null, overdue: null, share: null },
        ]),
      );
      expect(supervision.overduePeople).toHaveLength(8);
      expect(supervision.overduePeople.find((p: any) => p.name === 'A1')).toEqual({
        name: 'A1',
        nqsw: false,
        daysOverdue: 73,
      });
      expect(supervision.overduePeople.find((p: any) => p.name === 'A3')).toEqual({
        name: 'A3',
        nqsw: true,
        daysOverdue: 115,
      });
      expect(cohort).toMatchObject({
        programmes: 2,
        withReviewOverdue: 1,
        evidenceComplete: 0,
        suppressed: false,
      });
      expect(cohort.members.map((m: any) => m.name)).toEqual(['A3', 'A5']);
      expect(cohort.members[0]).toMatchObject({
        startDate: '2026-06-01',
        nextReviewPoint: 'THREE_MONTH',
        reviewPointsOverdue: 1,
      });

      const asAdmin = await gql<{ workforceInsight: any }>(ctx.app, query, {}, { as: admin });
      expect(asAdmin.errors).toBeUndefined();
      expect(asAdmin.data!.workforceInsight.cpdCompliance).toMatchObject({ atRisk: 7, peopleAtRisk: [] });
      expect(asAdmin.data!.workforceInsight.supervision.overduePeople).toEqual([]);
      expect(asAdmin.data!.workforceInsight.earlyCareerCohort).toMatchObject({ programmes: 2, members: [] });
      expect(ids.a3).toBeDefined();
    } finally {
      clock.set('2026-07-01T12:00:00Z');
    }
  });
});
