import { PathwayRepository, type OrganisationEntity } from '#app/persistence';
import {
  countStatements,
  createApprovedEvidence,
  createAssessorRelationship,
  createMember,
  createOrganisation,
  createQualification,
  errorCode,
  gql,
  type CreatedMember,
} from '#app/testing';
import { EligibilityService } from '../../apps/api/src/modules/progression/eligibility.service.js';
import { createTestApp, type E2eContext } from './support/create-test-app.js';
import { FixedClock } from './support/fixed-clock.js';
import {
  CREATE_EVIDENCE,
  PCF_DOMAINS,
  pcf,
  REVIEW_EVIDENCE,
  SUBMIT_EVIDENCE,
} from './support/portfolio-operations.js';
import {
  ADVANCED_ROUTE,
  APPLY,
  CANDIDATES,
  CREATE_FROM_TEMPLATE,
  DECIDE,
  MY_PROGRESSION,
  PUBLISH,
  PUT_ROUTE,
  RECORD_STAGE,
  REPORT,
  STAGE_HISTORY,
  WHAT_IF,
  WHAT_IF_BY_NAME,
} from './support/progression-operations.js';
import { login, type Session } from './support/sessions.js';

interface RouteView {
  routeKey: string;
  eligible: boolean;
  closeness: number;
  gaps: string[];
  outcome: {
    children: {
      type: string;
      met: boolean;
      gap: string | null;
      progress: { current: number; required: number };
    }[];
  };
}

describe('progression: a PSW designs a route, a practitioner closes the gaps and is promoted by decision (e2e)', () => {
  let ctx: E2eContext;
  let org: OrganisationEntity;
  let psw: CreatedMember;
  let priya: CreatedMember;
  let sam: CreatedMember;
  let supervisor: CreatedMember;
  let asPsw: Session;
  let asPriya: Session;

  beforeAll(async () => {
    // Registration years and "months since" are judged on a fixed day, so the test means the same next year.
    ctx = await createTestApp({}, { clock: new FixedClock(new Date('2026-11-24T12:00:00Z')) });
  });
  beforeEach(async () => {
    org = await createOrganisation(ctx.dataSource);
    psw = await createMember(ctx.dataSource, org.id, ['PRINCIPAL_SOCIAL_WORKER'], { fullName: 'Pat PSW' });
    priya = await createMember(ctx.dataSource, org.id, ['PRACTITIONER'], {
      fullName: 'Priya Practitioner',
      dateQualified: '2022-07-01',
    });
    sam = await createMember(ctx.dataSource, org.id, ['PRACTITIONER'], {
      fullName: 'Sam Senior',
      dateQualified: '2015-07-01',
    });
    supervisor = await createMember(ctx.dataSource, org.id, ['SUPERVISOR', 'PRACTITIONER'], {
      fullName: 'Sue Supervisor',
    });
    await createAssessorRelationship(
      ctx.dataSource,
      org.id,
      supervisor.user.id,
      priya.user.id,
      'SUPERVISOR',
      '2025-01-01',
    );
    // Sam already meets the new route: advanced evidence in every domain and a verified PEPS Stage 2.
    await createApprovedEvidence(ctx.dataSource, org.id, sam.user.id, supervisor.user.id, [
      { itemCodes: PCF_DOMAINS, levelCode: 'ADVANCED' },
    ]);
    await createQualification(ctx.dataSource, org.id, sam.user.id, 'PEPS_STAGE_2', {
      verifiedByUserId: psw.user.id,
    });
    asPsw = await login(ctx.app, psw.email);
    asPriya = await login(ctx.app, priya.email);
  });
  afterEach(() => ctx.reset());
  afterAll(() => ctx.close());

  const ok = async <T>(query: string, variables: Record<string, unknown>, as: Session): Promise<T> => {
    const res = await gql<T>(ctx.app, query, variables, { as });
    expect(res.errors).toBeUndefined();
    return res.data!;
  };
  const advancedRoute = async (): Promise<RouteView> => {
    const data = await ok<{ myProgression: { routes: RouteView[] } }>(MY_PROGRESSION, {}, asPriya);
    return data.myProgression.routes.find((r) => r.routeKey === ADVANCED_ROUTE.key)!;
  };

  it('should take Priya from experienced social worker to advanced practitioner', async () => {
    // 1. The PSW starts from the template and sets the advanced practitioner route.
    const { createPathwayFromTemplate: pathway } = await ok<{
      createPathwayFromTemplate: { id: string; versions: { id: string; revision: number; status: string }[] };
    }>(CREATE_FROM_TEMPLATE, { input: { name: 'Children’s social work career pathway' } }, asPsw);
    const draft = pathway.versions[0]!;
    expect(draft.status).toBe('DRAFT');
    const { putPathwayRoute: edited } = await ok<{
      putPathwayRoute: {
        revision: number;
        routes: { key: string; criteria: { criteria: { type: string }[] } }[];
      };
    }>(
      PUT_ROUTE,
      { input: { versionId: draft.id, expectedRevision: draft.revision, route: ADVANCED_ROUTE } },
      asPsw,
    );
    expect(
      edited.routes.find((r) => r.key === ADVANCED_ROUTE.key)!.criteria.criteria.map((c) => c.type),
    ).toEqual(['MIN_POST_QUALIFYING_MONTHS', 'APPROVED_EVIDENCE', 'QUALIFICATION']);
    for (const person of [priya, sam]) {
      await ok(
        RECORD_STAGE,
        {
          input: {
            practitionerUserId: person.user.id,
            pathwayId: pathway.id,
            stageKey: 'EXPERIENCED_SOCIAL_WORKER',
            fromDate: '2025-01-01',
          },
        },
        asPsw,
      );
    }

    // 2. The what-if: under the draft, Sam is eligible; nothing is published yet to compare with.
    const { pathwayWhatIf } = await ok<{
      pathwayWhatIf: {
        practitioners: number;
        routes: { routeKey: string; eligibleUnderDraft: number; eligibleUnderPublished: number | null }[];
      };
    }>(WHAT_IF, { versionId: draft.id }, asPsw);
    expect(pathwayWhatIf.practitioners).toBe(3);
    expect(pathwayWhatIf.routes.find((r) => r.routeKey === ADVANCED_ROUTE.key)).toEqual({
      routeKey: ADVANCED_ROUTE.key,
      eligibleUnderDraft: 1,
      eligibleUnderPublished: null,
    });
    // By name: on a route nothing published has yet, everyone eligible under the draft gains.
    const byName = await ok<{
      pathwayWhatIf: { routes: { routeKey: string; gained: { fullName: string }[]; lost: unknown[] }[] };
    }>(WHAT_IF_BY_NAME, { versionId: draft.id }, asPsw);
    expect(byName.pathwayWhatIf.routes.find((r) => r.routeKey === ADVANCED_ROUTE.key)).toMatchObject({
      gained: [{ fullName: 'Sam Senior' }],
      lost: [],
    });
    expect(
      (
        await ok<{ publishPathwayVersion: { status: string } }>(
          PUBLISH,
          { input: { versionId: draft.id } },
          asPsw,
        )
      ).publishPathwayVersion.status,
    ).toBe('PUBLISHED');

    // 3. Priya sees exactly what is missing: advanced evidence in all nine domains and PEPS Stage 2.
    let route = await advancedRoute();
    expect(route.eligible).toBe(false);
    expect(route.outcome.children.map((c) => [c.type, c.met])).toEqual([
      ['MIN_POST_QUALIFYING_MONTHS', true],
      ['APPROVED_EVIDENCE', false],
      ['QUALIFICATION', false],
    ]);
    expect(route.outcome.children[1]!.progress).toEqual({ current: 0, required: 9, unit: 'PIECES' });
    expect(route.gaps).toHaveLength(2);
    expect(route.gaps[0]).toMatch(/Advanced/);
    expect(route.gaps[1]).toMatch(/PEPS Stage 2/i);
    const early = await gql(ctx.app, APPLY, { input: { routeKey: ADVANCED_ROUTE.key } }, { as: asPriya });
    expect(early.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      domainCode: 'NOT_ELIGIBLE',
      field: 'input.routeKey',
    });

    // 4. She closes the gaps: a piece of advanced practice across the nine domains, signed off by her
    //    supervisor, and her PEPS Stage 2, verified by the PSW.
    const { createEvidence: piece } = await ok<{ createEvidence: { evidenceId: string } }>(
      CREATE_EVIDENCE,
      {
        input: {
          kind: 'WRITTEN_REPORT',
          title: 'Leading a complex multi-agency review',
          dateFrom: '2026-10-15',
          description: 'I led the review and wrote the report.',
          learning: 'Holding the system together.',
          impact: 'The family had one plan.',
          mappings: PCF_DOMAINS.map((d) => pcf(d, 'ADVANCED')),
        },
      },
      asPriya,
    );
    const { submitEvidence: sent } = await ok<{
      submitEvidence: { id: string; revision: number; mappings: { id: string }[] };
    }>(
      SUBMIT_EVIDENCE,
      { input: { evidenceId: piece.evidenceId, reviewerUserId: supervisor.user.id } },
      asPriya,
    );
    await ok(
      REVIEW_EVIDENCE,
      {
        input: {
          evidenceVersionId: sent.id,
          expectedRevision: sent.revision,
          outcome: 'APPROVE',
          mappingDecisions: sent.mappings.map((m) => ({ mappingId: m.id, decision: 'ACCEPTED' })),
        },
      },
      await login(ctx.app, supervisor.email),
    );
    route = await advancedRoute();
    expect(route.gaps).toEqual([expect.stringMatching(/PEPS Stage 2/i)]);
    const { recordQualification } = await ok<{ recordQualification: { id: string } }>(
      `mutation ($input: RecordQualificationInput!) { recordQualification(input: $input) { id } }`,
      { input: { type: 'PEPS_STAGE_2', title: 'PEPS Stage 2', awardedOn: '2026-07-01' } },
      asPriya,
    );
    await ok(
      `mutation ($input: VerifyQualificationInput!) { verifyQualification(input: $input) { id } }`,
      { input: { qualificationId: recordQualification.id } },
      asPsw,
    );
    route = await advancedRoute();
    expect(route).toMatchObject({ eligible: true, closeness: 1, gaps: [] });

    // 5. She applies; the application keeps the eligibility and evidence it was made on.
    const { applyForRoute: application } = await ok<{
      applyForRoute: {
        id: string;
        status: string;
        evidenceIds: string[];
        eligibilitySnapshot: { eligible: boolean };
      };
    }>(APPLY, { input: { routeKey: ADVANCED_ROUTE.key, statement: 'I am ready for the panel.' } }, asPriya);
    expect(application).toMatchObject({
      status: 'OPEN',
      evidenceIds: [piece.evidenceId],
      eligibilitySnapshot: { eligible: true },
    });

    // 6. The PSW sees both eligible, closest first, and the organisation's picture.
    const { candidates } = await ok<{
      candidates: {
        eligibleCount: number;
        nodes: { practitioner: { fullName: string }; eligible: boolean }[];
      };
    }>(CANDIDATES, { routeKey: ADVANCED_ROUTE.key }, asPsw);
    expect(candidates.eligibleCount).toBe(2);
    expect(candidates.nodes.map((n) => n.practitioner.fullName).sort()).toEqual([
      'Priya Practitioner',
      'Sam Senior',
    ]);
    // A page at a time: the second page, asked for after the first, knows it has candidates before it.
    type CandidatePage = {
      candidates: {
        nodes: { practitioner: { fullName: string } }[];
        hasNextPage: boolean;
        hasPreviousPage: boolean;
        startCursor: string | null;
        endCursor: string | null;
      };
    };
    const page1 = (await ok<CandidatePage>(CANDIDATES, { routeKey: ADVANCED_ROUTE.key, first: 1 }, asPsw))
      .candidates;
    expect(page1).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(page1.startCursor).toBe(page1.endCursor);
    const page2 = (
      await ok<CandidatePage>(
        CANDIDATES,
        { routeKey: ADVANCED_ROUTE.key, first: 1, after: page1.endCursor },
        asPsw,
      )
    ).candidates;
    expect(page2).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect(page2.startCursor).not.toBe(page1.startCursor);
    expect([...page1.nodes, ...page2.nodes].map((n) => n.practitioner.fullName).sort()).toEqual([
      'Priya Practitioner',
      'Sam Senior',
    ]);
    const { progressionReport } = await ok<{
      progressionReport: {
        practitioners: number;
        stages: { stage: { key: string }; people: number }[];
        routes: {
          routeKey: string;
          considered: number;
          eligible: number;
          nearlyEligible: number;
          openApplications: number;
        }[];
      };
    }>(REPORT, {}, asPsw);
    expect(progressionReport.practitioners).toBe(3);
    expect(progressionReport.stages.find((s) => s.stage.key === 'EXPERIENCED_SOCIAL_WORKER')!.people).toBe(2);
    expect(progressionReport.routes.find((r) => r.routeKey === ADVANCED_ROUTE.key)).toEqual({
      routeKey: ADVANCED_ROUTE.key,
      considered: 2,
      eligible: 2,
      nearlyEligible: 0,
      openApplications: 1,
    });
    // Organisation-wide evaluations asked for at once share one run: the approved evidence is read once.
    const eligibility = ctx.app.get(EligibilityService);
    const [published] = await ctx.app.get(PathwayRepository).findPublished(org.id, pathway.id);
    const readsDerived = (sql: string) => sql.includes('derived_evidence_mapping');
    const readsEvidence = (sql: string) =>
      sql.includes('evidence_mapping') && sql.includes('APPROVED') && !readsDerived(sql);
    const { result: runs, statements } = await countStatements(() =>
      Promise.all([1, 2, 3].map(() => eligibility.evaluate(org.id, published!, null))),
    );
    expect(runs[1]).toBe(runs[0]);
    expect(runs[2]).toBe(runs[0]);
    expect(statements.filter(readsEvidence)).toHaveLength(1);
    expect(statements.filter(readsDerived)).toHaveLength(1);

    // 7. The PSW approves; Priya's stage changes and the decision is on the record.
    const { decideProgressionApplication: decided } = await ok<{
      decideProgressionApplication: { status: string; decidedBy: { fullName: string } };
    }>(DECIDE, { input: { applicationId: application.id, decision: 'APPROVE' } }, asPsw);
    expect(decided).toMatchObject({ status: 'APPROVED', decidedBy: { fullName: 'Pat PSW' } });
    const { stageHistory } = await ok<{
      stageHistory: {
        stageKey: string;
        toDate: string | null;
        howDecided: string;
        applicationId: string | null;
      }[];
    }>(STAGE_HISTORY, {}, asPriya);
    expect(stageHistory.map((s) => [s.stageKey, s.toDate === null, s.howDecided])).toEqual([
      ['EXPERIENCED_SOCIAL_WORKER', false, 'RECORDED'],
      ['ADVANCED_PRACTITIONER', true, 'PANEL'],
    ]);
    const now = await ok<{ myProgression: { currentStages: { key: string }[] } }>(
      MY_PROGRESSION,
      {},
      asPriya,
    );
    expect(now.myProgression.currentStages).toEqual([{ key: 'ADVANCED_PRACTITIONER' }]);
    const again = await gql(
      ctx.app,
      DECIDE,
      { input: { applicationId: application.id, decision: 'DECLINE', reasons: 'x' } },
      { as: asPsw },
    );
    expect(errorCode(again)).toBe('CONFLICT');
  });

  it('should judge the CPD compliance criterion on the regulator’s rules for the last registration years', async () => {
    const ravi = await createMember(ctx.dataSource, org.id, ['PRACTITIONER'], {
      fullName: 'Ravi',
      dateQualified: '2012-07-01',
    });
    const asRavi = await login(ctx.app, ravi.email);
    const { createPathwayFromTemplate: pathway } = await ok<{
      createPathwayFromTemplate: { id: string; versions: { id: string }[] };
    }>(CREATE_FROM_TEMPLATE, { input: { name: 'Pathway' } }, asPsw);
    await ok(PUBLISH, { input: { versionId: pathway.versions[0]!.id } }, asPsw);
    await ok(
      RECORD_STAGE,
      {
        input: {
          practitionerUserId: ravi.user.id,
          pathwayId: pathway.id,
          stageKey: 'ADVANCED_PRACTITIONER',
          fromDate: '2022-01-01',
        },
      },
      asPsw,
    );
    const teamManagerRoute = async () =>
      (
        await ok<{ myProgression: { routes: RouteView[] } }>(MY_PROGRESSION, {}, asRavi)
      ).myProgression.routes.find((r) => r.routeKey === 'ADVANCED_PRACTITIONER_TO_TEAM_MANAGER')!;

    let route = await teamManagerRoute();
    expect(route.eligible).toBe(false);
    expect(route.gaps).toEqual([expect.stringMatching(/CPD/)]);

    // Two different pieces in each of the last two completed SWE years, one with a peer reflection.
    for (const [date, peer] of [
      ['2023-12-10', true],
      ['2024-02-10', false],
      ['2024-12-10', true],
      ['2025-02-10', false],
    ] as const) {
      await ok(
        CREATE_EVIDENCE,
        {
          input: {
            kind: 'CPD_ACTIVITY',
            cpdActivityType: 'TRAINING',
            title: `Training on ${date}`,
            dateFrom: date,
            description: 'A course.',
            learning: 'Something new.',
            impact: 'Better practice.',
            ...(peer ? { peerReflection: { text: 'Discussed with my manager.', peerRole: 'Manager' } } : {}),
          },
        },
        asRavi,
      );
    }
    route = await teamManagerRoute();
    expect(route.eligible).toBe(true);
    expect(route.outcome.children[0]!.progress).toEqual({
      current: 2,
      required: 2,
      unit: 'REGISTRATION_YEARS',
    });
  });
});
