import type { OrganisationEntity } from '#app/persistence';
import { createMember, createOrganisation, errorCode, gql, type CreatedMember } from '#app/testing';
import { createTestApp, type E2eContext } from './support/create-test-app.js';
import {
  ADVANCED_ROUTE,
  APPLY,
  CREATE_DRAFT,
  CREATE_FROM_TEMPLATE,
  DECIDE,
  PUBLISH,
  PUT_ROUTE,
  RECORD_STAGE,
  UPDATE_DRAFT,
} from './support/progression-operations.js';
import { login, type Session } from './support/sessions.js';

interface Draft {
  pathwayId: string;
  versionId: string;
  revision: number;
}

describe('progression: bad designs and forbidden moves are refused and change nothing (e2e)', () => {
  let ctx: E2eContext;
  let org: OrganisationEntity;
  let psw: CreatedMember;
  let asPsw: Session;

  beforeAll(async () => {
    ctx = await createTestApp();
  });
  beforeEach(async () => {
    org = await createOrganisation(ctx.dataSource);
    psw = await createMember(ctx.dataSource, org.id, ['PRINCIPAL_SOCIAL_WORKER', 'PRACTITIONER'], {
      dateQualified: '2010-07-01',
    });
    asPsw = await login(ctx.app, psw.email);
  });
  afterEach(() => ctx.reset());
  afterAll(() => ctx.close());

  const snapshot = async () =>
    (
      await ctx.dataSource.query(
        `SELECT (SELECT json_agg(json_build_object('id', id, 'status', status, 'revision', revision, 'design', design) ORDER BY id)
                 FROM pathway_version) AS versions,
              (SELECT count(*)::int FROM progression_application) AS applications,
              (SELECT count(*)::int FROM audit_event) AS audit`,
      )
    )[0];
  const draft = async (): Promise<Draft> => {
    const res = await gql<{
      createPathwayFromTemplate: { id: string; versions: { id: string; revision: number }[] };
    }>(ctx.app, CREATE_FROM_TEMPLATE, { input: { name: 'Pathway' } }, { as: asPsw });
    expect(res.errors).toBeUndefined();
    const p = res.data!.createPathwayFromTemplate;
    return { pathwayId: p.id, versionId: p.versions[0]!.id, revision: p.versions[0]!.revision };
  };
  const putRoute = (
    d: Draft,
    route: Record<string, unknown>,
    stage?: Record<string, unknown>,
    headers?: Record<string, string>,
  ) =>
    gql(
      ctx.app,
      PUT_ROUTE,
      { input: { versionId: d.versionId, expectedRevision: d.revision, route, ...(stage ? { stage } : {}) } },
      { as: asPsw, headers },
    );
  const withCriteria = (criteria: Record<string, unknown>) => ({ ...ADVANCED_ROUTE, criteria });

  it.each([
    [
      'a route that closes a cycle',
      () => ({
        ...ADVANCED_ROUTE,
        key: 'BACK_TO_SOCIAL_WORKER',
        fromStageKey: 'PRINCIPAL_SOCIAL_WORKER',
        toStageKey: 'SOCIAL_WORKER',
      }),
      'ROUTE_CREATES_CYCLE',
      'input.route',
    ],
    [
      'a criterion naming a domain the PCF does not have',
      () =>
        withCriteria({
          type: 'APPROVED_EVIDENCE',
          minLevelCode: 'ADVANCED',
          domainCodes: ['COURAGE'],
          minPiecesPerDomain: 1,
        }),
      'CRITERION_INVALID',
      'input.route.criteria.domainCodes',
    ],
    [
      'a criterion naming a level the PCF does not have',
      () =>
        withCriteria({
          type: 'APPROVED_EVIDENCE',
          minLevelCode: 'GRANDMASTER',
          allDomains: true,
          minPiecesPerDomain: 1,
        }),
      'CRITERION_INVALID',
      'input.route.criteria.minLevelCode',
    ],
    [
      'a coverage criterion of a framework version that does not exist',
      () =>
        withCriteria({
          type: 'FRAMEWORK_COVERAGE',
          frameworkCode: 'KSS_CHILD_AND_FAMILY',
          version: '2031',
          minShare: 0.5,
        }),
      'CRITERION_INVALID',
      'input.route.criteria.version',
    ],
    [
      'a route to a stage that does not exist',
      () => ({ ...ADVANCED_ROUTE, toStageKey: 'ASTRONAUT' }),
      'STAGE_NOT_FOUND',
      'input.route.toStageKey',
    ],
  ])('should refuse %s, naming the field', async (_label, route, domainCode, fieldPrefix) => {
    const d = await draft();
    const before = await snapshot();
    const res = await putRoute(d, route());
    expect(res.errors?.[0]?.extensions?.domainCode).toBe(domainCode);
    expect(String(res.errors?.[0]?.extensions?.field)).toMatch(
      new RegExp(`^${fieldPrefix.replace(/[.[\]]/g, '\\$&')}`),
    );
    expect(await snapshot()).toEqual(before);
  });

  it('should refuse a negative count before the domain sees it', async () => {
    const d = await draft();
    const before = await snapshot();
    const res = await putRoute(d, withCriteria({ type: 'MIN_POST_QUALIFYING_MONTHS', months: -3 }));
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.route.criteria.months',
    });
    expect(await snapshot()).toEqual(before);
  });

  // One leaf wrapped in `levels` ALL_OF groups: depth `levels + 1`.
  const nested = (levels: number): Record<string, unknown> => {
    let criterion: Record<string, unknown> = { type: 'MIN_POST_QUALIFYING_MONTHS', months: 24 };
    for (let i = 0; i < levels; i += 1) criterion = { type: 'ALL_OF', criteria: [criterion] };
    return criterion;
  };
  const groups = (count: number, leaves: number) => ({
    type: 'ANY_OF',
    criteria: Array.from({ length: count }, () => ({
      type: 'ALL_OF',
      criteria: Array.from({ length: leaves }, () => ({ type: 'MIN_POST_QUALIFYING_MONTHS', months: 1 })),
    })),
  });

  it('should refuse criteria nested 800 deep as bad input naming the field, with no server error', async () => {
    const d = await draft();
    const before = await snapshot();
    const deep = withCriteria(nested(800));
    // Refused like variables that do not coerce: 400 as application/graphql-response+json, 200 as
    // application/json (the GraphQL over HTTP spec), the same error either way.
    for (const [accept, status] of [
      ['application/graphql-response+json', 400],
      ['application/json', 200],
    ] as const) {
      const put = await putRoute(d, deep, undefined, { accept });
      expect(put.status).toBe(status);
      expect(put.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(String(put.errors?.[0]?.extensions?.field)).toMatch(/^input\.route\.criteria\.criteria\[0\]/);
    }
    const design = { pcfVersion: '2018', stages: [], routes: [deep] };
    const update = await gql(
      ctx.app,
      UPDATE_DRAFT,
      { input: { versionId: d.versionId, expectedRevision: d.revision, design } },
      { as: asPsw },
    );
    expect(update.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(String(update.errors?.[0]?.extensions?.field)).toMatch(/^input\.design\.routes\[0\]\.criteria/);
    // Written into the query instead, nesting is bounded by the parser's token limit: as deep as it
    // allows reaches the domain's rule, and deeper is not parsed.
    const literal = (levels: number) =>
      `mutation { putPathwayRoute(input: { versionId: "${d.versionId}", expectedRevision: ${d.revision},
      route: { key: "${ADVANCED_ROUTE.key}", fromStageKey: "${ADVANCED_ROUTE.fromStageKey}",
      toStageKey: "${ADVANCED_ROUTE.toStageKey}", mechanism: PANEL, criteria:
      ${'{ type: ALL_OF, criteria: ['.repeat(levels)}{ type: CPD_COMPLIANCE, registrationYears: 1 }${'] }'.repeat(levels)}
      } }) { id } }`;
    expect((await gql(ctx.app, literal(200), {}, { as: asPsw })).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      domainCode: 'CRITERION_INVALID',
      details: { reason: 'TOO_DEEP' },
    });
    expect(errorCode(await gql(ctx.app, literal(300), {}, { as: asPsw }))).toBe('GRAPHQL_PARSE_FAILED');
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    ['nested 9 deep', () => nested(8), 'TOO_DEEP', `input.route.criteria${'.criteria[0]'.repeat(8)}`],
    ['201 in all, within the depth limit', () => groups(40, 4), 'TOO_LARGE', 'input.route.criteria'],
  ])(
    'should refuse criteria %s, naming the field and changing nothing',
    async (_l, criteria, reason, field) => {
      const d = await draft();
      const before = await snapshot();
      const res = await putRoute(d, withCriteria(criteria()));
      expect(res.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        domainCode: 'CRITERION_INVALID',
        field,
        details: { reason },
      });
      expect(await snapshot()).toEqual(before);
    },
  );

  it('should save criteria at the depth and size limits', async () => {
    const d = await draft();
    const deepest = await putRoute(d, withCriteria(nested(7)));
    expect(deepest.errors).toBeUndefined();
    const most = groups(40, 4); // 201 criteria: one leaf fewer is the most allowed
    most.criteria[0]!.criteria.pop();
    const largest = await putRoute({ ...d, revision: d.revision + 1 }, withCriteria(most));
    expect(largest.errors).toBeUndefined();
  });

  it('should refuse editing a published version, and a stale draft revision', async () => {
    const d = await draft();
    expect(
      (await gql(ctx.app, PUBLISH, { input: { versionId: d.versionId } }, { as: asPsw })).errors,
    ).toBeUndefined();
    const before = await snapshot();
    const edit = await putRoute({ ...d, revision: d.revision }, ADVANCED_ROUTE);
    expect(edit.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      domainCode: 'PATHWAY_VERSION_NOT_EDITABLE',
    });
    expect(await snapshot()).toEqual(before);

    const next = await gql<{ createPathwayDraft: { id: string; revision: number } }>(
      ctx.app,
      CREATE_DRAFT,
      { input: { pathwayId: d.pathwayId } },
      { as: asPsw },
    );
    const nextDraft = {
      ...d,
      versionId: next.data!.createPathwayDraft.id,
      revision: next.data!.createPathwayDraft.revision,
    };
    expect((await putRoute(nextDraft, ADVANCED_ROUTE)).errors).toBeUndefined();
    const stale = await putRoute(nextDraft, ADVANCED_ROUTE);
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', domainCode: 'STALE_VERSION' });
    const second = await gql(ctx.app, CREATE_DRAFT, { input: { pathwayId: d.pathwayId } }, { as: asPsw });
    expect(second.errors?.[0]?.extensions?.domainCode).toBe('PATHWAY_DRAFT_EXISTS');
  });

  it('should refuse a second pathway of the same name, saying so on the name, and write nothing', async () => {
    await draft();
    const before = await snapshot();
    const res = await gql(ctx.app, CREATE_FROM_TEMPLATE, { input: { name: ' Pathway ' } }, { as: asPsw });
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      domainCode: 'PATHWAY_NAME_TAKEN',
      field: 'input.name',
    });
    expect(res.errors?.[0]?.message).toBe(
      'Your organisation already has a pathway called Pathway: choose another name',
    );
    expect(await snapshot()).toEqual(before);
    // Another organisation may use the name.
    const other = await createOrganisation(ctx.dataSource);
    const theirPsw = await createMember(ctx.dataSource, other.id, ['PRINCIPAL_SOCIAL_WORKER']);
    const theirs = await gql(
      ctx.app,
      CREATE_FROM_TEMPLATE,
      { input: { name: 'Pathway' } },
      { as: await login(ctx.app, theirPsw.email) },
    );
    expect(theirs.errors).toBeUndefined();
  });

  it('should refuse publishing an empty pathway', async () => {
    const d = await draft();
    const emptied = await gql<{ updatePathwayDraft: { revision: number } }>(
      ctx.app,
      UPDATE_DRAFT,
      {
        input: {
          versionId: d.versionId,
          expectedRevision: d.revision,
          design: { pcfVersion: '2018', stages: [], routes: [] },
        },
      },
      { as: asPsw },
    );
    expect(emptied.errors).toBeUndefined();
    const before = await snapshot();
    const res = await gql(ctx.app, PUBLISH, { input: { versionId: d.versionId } }, { as: asPsw });
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      domainCode: 'PATHWAY_EMPTY',
    });
    expect(await snapshot()).toEqual(before);
  });

  it('should refuse a published design being rewritten even by SQL', async () => {
    const d = await draft();
    await gql(ctx.app, PUBLISH, { input: { versionId: d.versionId } }, { as: asPsw });
    await expect(
      ctx.dataSource.query(
        `UPDATE pathway_version SET design = '{"pcfVersion":"2018","stages":[],"routes":[]}' WHERE id = $1`,
        [d.versionId],
      ),
    ).rejects.toThrow(/cannot be edited/);
  });

  it('should refuse applying when not eligible, and deciding one’s own application', async () => {
    const d = await draft();
    await gql(ctx.app, PUBLISH, { input: { versionId: d.versionId } }, { as: asPsw });
    // The PSW is also a practitioner on the pathway, eligible for the automatic NQSW route by an ASYE.
    const nqswPsw = psw;
    await gql(
      ctx.app,
      RECORD_STAGE,
      {
        input: {
          practitionerUserId: nqswPsw.user.id,
          pathwayId: d.pathwayId,
          stageKey: 'NQSW',
          fromDate: '2025-09-01',
        },
      },
      { as: asPsw },
    );
    const notYet = await gql(ctx.app, APPLY, { input: { routeKey: 'NQSW_TO_SOCIAL_WORKER' } }, { as: asPsw });
    expect(notYet.errors?.[0]?.extensions).toMatchObject({
      domainCode: 'NOT_ELIGIBLE',
      field: 'input.routeKey',
    });

    const admin = await createMember(ctx.dataSource, org.id, ['ORG_ADMIN']);
    await ctx.dataSource.query(
      `INSERT INTO qualification (organisation_id, user_id, type, title, awarded_on, verified_by_user_id, verified_at, recorded_by_user_id)
       VALUES ($1, $2, 'ASYE_COMPLETED', 'ASYE', '2026-08-31', $3, now(), $3)`,
      [org.id, nqswPsw.user.id, admin.user.id],
    );
    const applied = await gql<{ applyForRoute: { id: string } }>(
      ctx.app,
      APPLY,
      { input: { routeKey: 'NQSW_TO_SOCIAL_WORKER' } },
      { as: asPsw },
    );
    expect(applied.errors).toBeUndefined();
    const twice = await gql(ctx.app, APPLY, { input: { routeKey: 'NQSW_TO_SOCIAL_WORKER' } }, { as: asPsw });
    expect(twice.errors?.[0]?.extensions?.domainCode).toBe('APPLICATION_ALREADY_OPEN');
    const before = await snapshot();
    const own = await gql(
      ctx.app,
      DECIDE,
      { input: { applicationId: applied.data!.applyForRoute.id, decision: 'APPROVE' } },
      { as: asPsw },
    );
    expect(own.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', domainCode: 'SELF_DECISION' });
    const unexplained = await gql(
      ctx.app,
      DECIDE,
      { input: { applicationId: applied.data!.applyForRoute.id, decision: 'DECLINE' } },
      { as: await login(ctx.app, admin.email) },
    );
    expect(unexplained.errors?.[0]?.extensions).toMatchObject({
      domainCode: 'REASONS_REQUIRED',
      field: 'input.reasons',
    });
    expect(await snapshot()).toEqual(before);
  });

  it('should let only PSWs design pathways and see candidates, and keep organisations apart', async () => {
    const practitioner = await createMember(ctx.dataSource, org.id, ['PRACTITIONER']);
    const asPractitioner = await login(ctx.app, practitioner.email);
    expect(
      errorCode(
        await gql(ctx.app, CREATE_FROM_TEMPLATE, { input: { name: 'Mine' } }, { as: asPractitioner }),
      ),
    ).toBe('FORBIDDEN');
    expect(
      errorCode(
        await gql(
          ctx.app,
          `query { candidates(routeKey: "X") { eligibleCount } }`,
          {},
          { as: asPractitioner },
        ),
      ),
    ).toBe('FORBIDDEN');

    const d = await draft();
    const other = await createOrganisation(ctx.dataSource);
    const otherPsw = await createMember(ctx.dataSource, other.id, ['PRINCIPAL_SOCIAL_WORKER']);
    const asOther = await login(ctx.app, otherPsw.email);
    expect(
      errorCode(await gql(ctx.app, PUBLISH, { input: { versionId: d.versionId } }, { as: asOther })),
    ).toBe('NOT_FOUND');
    expect(
      errorCode(
        await gql(
          ctx.app,
          `query ($id: ID!) { pathway(id: $id) { id } }`,
          { id: d.pathwayId },
          { as: asOther },
        ),
      ),
    ).toBe('NOT_FOUND');
    const foreignStage = await gql(
      ctx.app,
      RECORD_STAGE,
      {
        input: {
          practitionerUserId: practitioner.user.id,
          pathwayId: d.pathwayId,
          stageKey: 'SOCIAL_WORKER',
          fromDate: '2025-01-01',
        },
      },
      { as: asOther },
    );
    expect(errorCode(foreignStage)).toBe('NOT_FOUND');
  });
});
