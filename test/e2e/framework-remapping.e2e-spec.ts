import type { OrganisationEntity } from '#app/persistence';
import {
  countStatements,
  createApprovedEvidence,
  createMember,
  createOrganisation,
  errorCode,
  gql,
  type CreatedMember,
} from '#app/testing';
import { createTestApp, type E2eContext } from './support/create-test-app.js';
import { FixedClock } from './support/fixed-clock.js';
import { CREATE_FROM_TEMPLATE, PUBLISH, PUT_ROUTE, RECORD_STAGE } from './support/progression-operations.js';
import { login, type Session } from './support/sessions.js';

const IMPORT = `mutation ($input: ImportCaseFrameworkInput!) { importCaseFramework(input: $input) { id } }`;
const ADD_LINK = `mutation ($input: AddFrameworkAlignmentInput!) { addFrameworkAlignment(input: $input) { id } }`;
const UPDATE_LINK = `mutation ($input: UpdateFrameworkAlignmentInput!) { updateFrameworkAlignment(input: $input) { id confirmed source } }`;
const LINKS = `query { framework(code: "PCF", version: "2018") { items { code alignments { id origin type confirmed target { itemCode } } } } }`;
const ITEMS = `query ($code: String!, $version: String) { framework(code: $code, version: $version) { items { id code } } }`;
const PREVIEW = `query ($from: String!, $fromVersion: String!, $to: String!, $toVersion: String!, $first: Int, $after: String) {
  frameworkRemapPreview(fromFrameworkCode: $from, fromVersion: $fromVersion, toFrameworkCode: $to, toVersion: $toVersion, first: $first, after: $after) {
    from { frameworkCode version } to { frameworkCode version }
    links { from { code } to { code } via }
    sourceMappings derivedMappings alreadyDerivedMappings alreadyMappedMappings unmappedMappings
    itemsWithoutTarget { code }
    practitioners { totalCount hasNextPage endCursor
      nodes { fullName itemsApprovedBefore itemsApprovedAfter itemsUnjudgedAfter itemsGained newDerivedMappings routesGained routesLost } }
    eligibility { routes { routeKey eligibleBefore eligibleAfter gained { fullName } lost { fullName } } }
  }
}`;
const APPLY = `mutation ($input: ApplyFrameworkRemapInput!) {
  applyFrameworkRemap(input: $input) {
    id from { frameworkCode version } to { frameworkCode version }
    derivedCount alreadyDerivedCount alreadyMappedCount unmappedCount runByUserId
  }
}`;
const EVIDENCE = `query ($id: ID!) {
  evidence(id: $id) {
    current {
      status
      mappings { id decision item { code } acceptedLevel { code } }
      derivedMappings {
        derivedFromMappingId via standing remapRunId item { code frameworkCode version }
        derivedFrom { id decision item { code } acceptedLevel { code } }
      }
    }
  }
}`;
const COVERAGE = `query ($practitionerUserId: ID, $code: String!, $version: String!) {
  coverage(practitionerUserId: $practitionerUserId, frameworkCode: $code, version: $version) {
    cells { itemCode levelCode approved } itemsWithoutApprovedEvidence
    derived { itemCode carried unjudged }
  }
}`;

const PROGRESSION = `query ($practitionerUserId: ID) { progression(practitionerUserId: $practitionerUserId) { routes { routeKey eligible } } }`;
const ROUTE_KEY = 'EXPERIENCED_TO_ADVANCED_PRACTITIONER';
const FROM = { fromFrameworkCode: 'PCF', fromVersion: '2018' };
const TO = { toFrameworkCode: 'PCF_NEXT', toVersion: '2026' };

/**
 * A refreshed PCF as a CASE package: three items, the first stating itself exactMatchOf PCF 2018
 * Knowledge (a package can state links from its own items only).
 */
function refreshedPcf() {
  const doc = 'c5e7f9ab-0000-4000-8000-000000000001';
  const item = (n: number) => `c5e7f9ab-0000-4000-8000-00000000010${n}`;
  const codes = ['NEXT.KNOWLEDGE', 'NEXT.VALUES', 'NEXT.PROFESSIONALISM'];
  return JSON.stringify({
    CFDocument: {
      identifier: doc,
      title: 'PCF refreshed',
      creator: 'Test',
      version: '2026',
      statusStartDate: '2026-09-01',
    },
    CFItems: codes.map((code, n) => ({
      identifier: item(n),
      fullStatement: `${code} in full.`,
      humanCodingScheme: code,
      CFItemType: 'Domain',
    })),
    CFAssociations: [
      ...codes.map((_code, n) => ({
        identifier: `c5e7f9ab-0000-4000-8000-00000000020${n}`,
        associationType: 'isChildOf',
        sequenceNumber: n + 1,
        originNodeURI: { identifier: item(n) },
        destinationNodeURI: { identifier: doc },
      })),
      {
        identifier: 'c5e7f9ab-0000-4000-8000-000000000301',
        associationType: 'exactMatchOf',
        originNodeURI: { identifier: item(0) },
        destinationNodeURI: { title: 'Knowledge', uri: 'urn:pathways:framework:PCF:2018:item:KNOWLEDGE' },
      },
    ],
  });
}

type Preview = {
  links: { from: { code: string }; to: { code: string }; via: string }[];
  sourceMappings: number;
  derivedMappings: number;
  alreadyDerivedMappings: number;
  alreadyMappedMappings: number;
  unmappedMappings: number;
  itemsWithoutTarget: { code: string }[];
  practitioners: {
    totalCount: number;
    hasNextPage: boolean;
    endCursor: string | null;
    nodes: {
      fullName: string;
      itemsApprovedBefore: number;
      itemsApprovedAfter: number;
      itemsUnjudgedAfter: number;
      itemsGained: string[];
      newDerivedMappings: number;
      routesGained: string[];
      routesLost: string[];
    }[];
  };
  eligibility: {
    routes: {
      routeKey: string;
      eligibleBefore: number;
      eligibleAfter: number;
      gained: { fullName: string }[];
      lost: { fullName: string }[];
    }[];
  } | null;
};

describe('remapping evidence to another framework version (e2e)', () => {
  let ctx: E2eContext;
  let org: OrganisationEntity;
  let psw: CreatedMember;
  let ann: CreatedMember;
  let ben: CreatedMember;
  let cat: CreatedMember;
  let sessions: Map<string, Session>;
  const as = async (member: CreatedMember) => {
    if (!sessions.has(member.email)) sessions.set(member.email, await login(ctx.app, member.email));
    return sessions.get(member.email)!;
  };
  const ok = async <T>(
    query: string,
    variables: Record<string, unknown>,
    member: CreatedMember,
  ): Promise<T> => {
    const res = await gql<T>(ctx.app, query, variables, { as: await as(member) });
    expect(res.errors).toBeUndefined();
    return res.data!;
  };
  const preview = async (member: CreatedMember, extra: Record<string, unknown> = {}) =>
    gql<{ frameworkRemapPreview: Preview }>(
      ctx.app,
      PREVIEW,
      { from: 'PCF', fromVersion: '2018', to: 'PCF_NEXT', toVersion: '2026', ...extra },
      { as: await as(member) },
    );
  const apply = async (member: CreatedMember, input: Record<string, unknown>) =>
    gql<{ applyFrameworkRemap: Record<string, unknown> }>(
      ctx.app,
      APPLY,
      { input },
      { as: await as(member) },
    );
  /** Rows a remap could write, and the originals it must leave alone. */
  const written = async () => {
    const [counts] = await ctx.dataSource.query(
      `SELECT (SELECT count(*)::int FROM derived_evidence_mapping) AS derived,
              (SELECT count(*)::int FROM framework_remap_run) AS runs,
              (SELECT count(*)::int FROM audit_event WHERE action = 'FRAMEWORK_REMAP_APPLIED') AS audited`,
    );
    return counts as { derived: number; runs: number; audited: number };
  };
  const originals = () =>
    ctx.dataSource.query(
      `SELECT m.*, r.outcome, r.decided_on FROM evidence_mapping m
         JOIN evidence_review r ON r.organisation_id = m.organisation_id AND r.evidence_version_id = m.evidence_version_id
        ORDER BY m.id`,
    );

  let annPiece: string;
  let benJudged: string;

  beforeAll(async () => {
    ctx = await createTestApp({}, { clock: new FixedClock(new Date('2026-11-24T12:00:00Z')) });
  });
  beforeEach(async () => {
    sessions = new Map();
    org = await createOrganisation(ctx.dataSource);
    psw = await createMember(ctx.dataSource, org.id, ['PRINCIPAL_SOCIAL_WORKER'], {
      fullName: 'Pat Principal',
    });
    const reviewer = await createMember(ctx.dataSource, org.id, ['SUPERVISOR'], {
      fullName: 'Sam Supervisor',
    });
    const practitioner = (fullName: string) =>
      createMember(ctx.dataSource, org.id, ['PRACTITIONER'], { fullName, dateQualified: '2020-07-01' });
    ann = await practitioner('Ann Archer');
    ben = await practitioner('Ben Baker');
    cat = await practitioner('Cat Cole');

    await ok(IMPORT, { input: { caseJson: refreshedPcf(), frameworkCode: 'PCF_NEXT' } }, psw);
    const ids = async (code: string, version: string) => {
      const { framework } = await ok<{ framework: { items: { id: string; code: string }[] } }>(
        ITEMS,
        { code, version },
        psw,
      );
      return new Map(framework.items.map((i) => [i.code, i.id]));
    };
    const pcf = await ids('PCF', '2018');
    const next = await ids('PCF_NEXT', '2026');
    // The PSW's mapping table: a confirmed replacedBy, and an unconfirmed exactMatchOf the remap leaves alone.
    await ok(
      ADD_LINK,
      {
        input: {
          fromItemId: pcf.get('VALUES_AND_ETHICS'),
          toItemId: next.get('NEXT.VALUES'),
          type: 'replacedBy',
          confirmed: true,
          source: 'Refresh mapping table, row 2',
        },
      },
      psw,
    );
    await ok(
      ADD_LINK,
      {
        input: {
          fromItemId: pcf.get('PROFESSIONALISM'),
          toItemId: next.get('NEXT.PROFESSIONALISM'),
          type: 'exactMatchOf',
          confirmed: false,
          source: 'Looks the same; to check with the refresh team',
        },
      },
      psw,
    );

    [annPiece] = await createApprovedEvidence(ctx.dataSource, org.id, ann.user.id, reviewer.user.id, [
      { itemCodes: ['KNOWLEDGE', 'VALUES_AND_ETHICS'], levelCode: 'ASYE' },
    ]);
    [, benJudged] = await createApprovedEvidence(ctx.dataSource, org.id, ben.user.id, reviewer.user.id, [
      { itemCodes: ['PROFESSIONALISM'], levelCode: 'ASYE' },
      { itemCodes: ['KNOWLEDGE', 'PROFESSIONALISM'], levelCode: 'ASYE' },
    ]);
    // The reviewer did not accept Ben's second piece for Knowledge.
    await ctx.dataSource.query(
      `UPDATE evidence_mapping m SET decision = 'NOT_ACCEPTED', accepted_level_id = NULL
         FROM evidence_version v, framework_item i
        WHERE v.id = m.evidence_version_id AND v.evidence_id = $1 AND i.id = m.framework_item_id AND i.code = 'KNOWLEDGE'`,
      [benJudged],
    );

    // A published route that asks for approved evidence of a third of the refreshed PCF.
    const { createPathwayFromTemplate: pathway } = await ok<{
      createPathwayFromTemplate: { id: string; versions: { id: string; revision: number }[] };
    }>(CREATE_FROM_TEMPLATE, { input: { name: 'Children’s pathway' } }, psw);
    const draft = pathway.versions[0]!;
    await ok(
      PUT_ROUTE,
      {
        input: {
          versionId: draft.id,
          expectedRevision: draft.revision,
          route: {
            key: ROUTE_KEY,
            fromStageKey: 'EXPERIENCED_SOCIAL_WORKER',
            toStageKey: 'ADVANCED_PRACTITIONER',
            mechanism: 'PANEL',
            criteria: {
              type: 'FRAMEWORK_COVERAGE',
              frameworkCode: 'PCF_NEXT',
              version: '2026',
              minShare: 0.3,
            },
          },
        },
      },
      psw,
    );
    await ok(PUBLISH, { input: { versionId: draft.id } }, psw);
    for (const member of [ann, ben, cat]) {
      await ok(
        RECORD_STAGE,
        {
          input: {
            practitionerUserId: member.user.id,
            pathwayId: pathway.id,
            stageKey: 'EXPERIENCED_SOCIAL_WORKER',
            fromDate: '2024-01-01',
          },
        },
        psw,
      );
    }
  });
  afterEach(() => ctx.reset());
  afterAll(() => ctx.close());

  const route = (p: Preview) => p.eligibility!.routes.find((r) => r.routeKey === ROUTE_KEY)!;
  const byName = (p: Preview) => Object.fromEntries(p.practitioners.nodes.map((n) => [n.fullName, n]));

  it('should preview who gains coverage and eligibility, writing nothing', async () => {
    const before = await written();
    const res = await preview(psw);
    expect(res.errors).toBeUndefined();
    const p = res.data!.frameworkRemapPreview;
    // Knowledge along the package's exactMatchOf, Values along the PSW's replacedBy; not the unconfirmed link.
    expect(p.links).toEqual([
      { from: { code: 'VALUES_AND_ETHICS' }, to: { code: 'NEXT.VALUES' }, via: 'replacedBy' },
      { from: { code: 'KNOWLEDGE' }, to: { code: 'NEXT.KNOWLEDGE' }, via: 'exactMatchOf' },
    ]);
    expect(p).toMatchObject({
      sourceMappings: 5,
      derivedMappings: 3,
      alreadyDerivedMappings: 0,
      alreadyMappedMappings: 0,
      unmappedMappings: 2,
    });
    expect(p.itemsWithoutTarget.map((i) => i.code)).toContain('PROFESSIONALISM');
    expect(p.itemsWithoutTarget).toHaveLength(10);
    expect(byName(p)).toEqual({
      // Knowledge carried (exactMatchOf, accepted); Values shown but unjudged (replacedBy).
      'Ann Archer': {
        fullName: 'Ann Archer',
        itemsApprovedBefore: 0,
        itemsApprovedAfter: 1,
        itemsUnjudgedAfter: 1,
        itemsGained: ['NEXT.KNOWLEDGE'],
        newDerivedMappings: 2,
        routesGained: [ROUTE_KEY],
        routesLost: [],
      },
      // A mapping the reviewer did not accept carries nothing.
      'Ben Baker': {
        fullName: 'Ben Baker',
        itemsApprovedBefore: 0,
        itemsApprovedAfter: 0,
        itemsUnjudgedAfter: 1,
        itemsGained: [],
        newDerivedMappings: 1,
        routesGained: [],
        routesLost: [],
      },
      'Cat Cole': {
        fullName: 'Cat Cole',
        itemsApprovedBefore: 0,
        itemsApprovedAfter: 0,
        itemsUnjudgedAfter: 0,
        itemsGained: [],
        newDerivedMappings: 0,
        routesGained: [],
        routesLost: [],
      },
    });
    expect(route(p)).toEqual({
      routeKey: ROUTE_KEY,
      eligibleBefore: 0,
      eligibleAfter: 1,
      gained: [{ fullName: 'Ann Archer' }],
      lost: [],
    });
    expect(await written()).toEqual(before);

    // Paged by practitioner: two, then the last one.
    const first = (await preview(psw, { first: 2 })).data!.frameworkRemapPreview.practitioners;
    expect(first).toMatchObject({ totalCount: 3, hasNextPage: true });
    const rest = (await preview(psw, { first: 2, after: first.endCursor })).data!.frameworkRemapPreview
      .practitioners;
    expect(rest.hasNextPage).toBe(false);
    expect([...first.nodes, ...rest.nodes].map((n) => n.fullName).sort()).toEqual([
      'Ann Archer',
      'Ben Baker',
      'Cat Cole',
    ]);
  });

  it('should read the same number of statements for twice the practitioners', async () => {
    const sessionFirst = await as(psw);
    const run = () =>
      gql<{ frameworkRemapPreview: Preview }>(
        ctx.app,
        PREVIEW,
        { from: 'PCF', fromVersion: '2018', to: 'PCF_NEXT', toVersion: '2026' },
        { as: sessionFirst },
      );
    await run(); // the organisation's framework catalogue is read once, then served from memory
    const small = await countStatements(run);
    const reviewer = await createMember(ctx.dataSource, org.id, ['SUPERVISOR']);
    for (const name of ['Dee Dunn', 'Eve Ellis', 'Fay Ford']) {
      const member = await createMember(ctx.dataSource, org.id, ['PRACTITIONER'], { fullName: name });
      await createApprovedEvidence(ctx.dataSource, org.id, member.user.id, reviewer.user.id, [
        { itemCodes: ['KNOWLEDGE'], levelCode: 'ASYE' },
        { itemCodes: ['VALUES_AND_ETHICS', 'PROFESSIONALISM'], levelCode: 'ASYE' },
      ]);
    }
    const large = await countStatements(run);
    expect(large.result.data!.frameworkRemapPreview.practitioners.totalCount).toBe(6);
    expect(small.statements.length).toBeGreaterThan(0);
    expect(large.statements.length).toBe(small.statements.length);
  });

  it('should apply once, add nothing the second time, audit each run in counts, and leave the originals as they were', async () => {
    const untouched = await originals();
    const input = { ...FROM, ...TO };
    const first = await apply(psw, input);
    expect(first.errors).toBeUndefined();
    expect(first.data!.applyFrameworkRemap).toMatchObject({
      from: { frameworkCode: 'PCF', version: '2018' },
      to: { frameworkCode: 'PCF_NEXT', version: '2026' },
      derivedCount: 3,
      alreadyDerivedCount: 0,
      alreadyMappedCount: 0,
      unmappedCount: 2,
      runByUserId: psw.user.id,
    });
    const again = await apply(psw, input);
    expect(again.data!.applyFrameworkRemap).toMatchObject({ derivedCount: 0, alreadyDerivedCount: 3 });
    expect(await written()).toEqual({ derived: 3, runs: 2, audited: 2 });
    expect(await originals()).toEqual(untouched);

    const events: { subject_user_id: string | null; changes: Record<string, unknown> }[] =
      await ctx.dataSource.query(
        `SELECT subject_user_id, changes FROM audit_event WHERE action = 'FRAMEWORK_REMAP_APPLIED' ORDER BY id`,
      );
    expect(events.map((e) => e.subject_user_id)).toEqual([null, null]);
    expect(events[0]!.changes).toEqual({
      from: 'PCF 2018',
      to: 'PCF_NEXT 2026',
      links: 2,
      derived: 3,
      alreadyDerived: 0,
      alreadyMapped: 0,
      unmapped: 2,
      itemsWithoutTarget: 10,
    });

    // The original mappings and their sign-off read as before; the derived ones say where they come from.
    const { evidence } = await ok<{ evidence: { current: any } }>(EVIDENCE, { id: annPiece }, psw);
    expect(evidence.current.status).toBe('APPROVED');
    expect(
      evidence.current.mappings.map((m: any) => [m.item.code, m.decision, m.acceptedLevel?.code]).sort(),
    ).toEqual([
      ['KNOWLEDGE', 'ACCEPTED', 'ASYE'],
      ['VALUES_AND_ETHICS', 'ACCEPTED', 'ASYE'],
    ]);
    const knowledge = evidence.current.mappings.find((m: any) => m.item.code === 'KNOWLEDGE').id;
    const derived = [...evidence.current.derivedMappings].sort((a: any, b: any) =>
      a.item.code.localeCompare(b.item.code),
    );
    expect(
      derived.map((d: any) => ({
        item: d.item.code,
        version: `${d.item.frameworkCode} ${d.item.version}`,
        via: d.via,
        standing: d.standing,
        from: d.derivedFrom.item.code,
        sameAsFrom: d.derivedFromMappingId === d.derivedFrom.id,
        run: d.remapRunId,
      })),
    ).toEqual([
      {
        item: 'NEXT.KNOWLEDGE',
        version: 'PCF_NEXT 2026',
        via: 'exactMatchOf',
        standing: 'CARRIED',
        from: 'KNOWLEDGE',
        sameAsFrom: true,
        run: first.data!.applyFrameworkRemap.id,
      },
      {
        item: 'NEXT.VALUES',
        version: 'PCF_NEXT 2026',
        via: 'replacedBy',
        standing: 'UNJUDGED',
        from: 'VALUES_AND_ETHICS',
        sameAsFrom: true,
        run: first.data!.applyFrameworkRemap.id,
      },
    ]);
    expect(derived[0].derivedFromMappingId).toBe(knowledge);

    // Coverage counts what was judged at a level only from the originals: the derived ones are apart, at no level.
    const { coverage } = await ok<{ coverage: any }>(
      COVERAGE,
      { practitionerUserId: ann.user.id, code: 'PCF_NEXT', version: '2026' },
      psw,
    );
    expect(coverage.cells).toEqual([]);
    expect(coverage.derived).toEqual([
      { itemCode: 'NEXT.KNOWLEDGE', carried: 1, unjudged: 0 },
      { itemCode: 'NEXT.VALUES', carried: 0, unjudged: 1 },
    ]);
    expect(coverage.itemsWithoutApprovedEvidence).toEqual(['NEXT.VALUES', 'NEXT.PROFESSIONALISM']);
    const pcf = (
      await ok<{ coverage: any }>(
        COVERAGE,
        { practitionerUserId: ann.user.id, code: 'PCF', version: '2018' },
        psw,
      )
    ).coverage;
    expect(pcf.cells).toEqual([
      { itemCode: 'VALUES_AND_ETHICS', levelCode: 'ASYE', approved: 1 },
      { itemCode: 'KNOWLEDGE', levelCode: 'ASYE', approved: 1 },
    ]);

    // Now the carried mapping counts for eligibility, and the preview has nothing new to add.
    const after = (await preview(psw)).data!.frameworkRemapPreview;
    expect(after).toMatchObject({ derivedMappings: 3, alreadyDerivedMappings: 3 });
    expect(byName(after)['Ann Archer']).toMatchObject({
      itemsApprovedBefore: 1,
      itemsApprovedAfter: 1,
      itemsGained: [],
      newDerivedMappings: 0,
    });
    expect(route(after)).toMatchObject({ eligibleBefore: 1, eligibleAfter: 1, gained: [], lost: [] });
    const eligibleFor = async (member: CreatedMember) => {
      const { progression } = await ok<{
        progression: { routes: { routeKey: string; eligible: boolean }[] };
      }>(PROGRESSION, { practitionerUserId: member.user.id }, psw);
      return progression.routes.find((r) => r.routeKey === ROUTE_KEY)?.eligible;
    };
    expect(await eligibleFor(ann)).toBe(true);
    expect(await eligibleFor(ben)).toBe(false);
  });

  it('should write each derived mapping once when two PSWs apply at the same moment', async () => {
    const colleague = await createMember(ctx.dataSource, org.id, ['PRINCIPAL_SOCIAL_WORKER']);
    const runs = await Promise.all([psw, colleague].map((member) => apply(member, { ...FROM, ...TO })));
    const counts = runs.map(
      (r) => r.data!.applyFrameworkRemap as { derivedCount: number; alreadyDerivedCount: number },
    );
    expect(counts.map((c) => c.derivedCount).sort()).toEqual([0, 3]);
    expect(counts.map((c) => c.alreadyDerivedCount).sort()).toEqual([0, 3]);
    expect(await written()).toEqual({ derived: 3, runs: 2, audited: 2 });
  });

  it.each<[string, Record<string, unknown>, { code: string; domainCode?: string; field?: string }]>([
    [
      'the same version on both sides',
      { ...FROM, toFrameworkCode: 'PCF', toVersion: '2018' },
      { code: 'BAD_USER_INPUT', domainCode: 'FRAMEWORK_REMAP_SAME_VERSION', field: 'input.toVersion' },
    ],
    [
      'an unknown version',
      { ...FROM, fromVersion: '2099', ...TO },
      { code: 'NOT_FOUND', domainCode: 'FRAMEWORK_NOT_FOUND', field: 'input.fromVersion' },
    ],
    [
      'another organisation’s framework version',
      { ...FROM, toFrameworkCode: 'THEIR_FRAMEWORK', toVersion: '2026' },
      { code: 'NOT_FOUND', domainCode: 'FRAMEWORK_NOT_FOUND', field: 'input.toVersion' },
    ],
    [
      'versions no link joins',
      { ...FROM, toFrameworkCode: 'KSS_ADULTS', toVersion: '2015' },
      { code: 'BAD_USER_INPUT', domainCode: 'FRAMEWORK_REMAP_NO_LINKS', field: 'input.toVersion' },
    ],
    [
      'an empty version',
      { ...FROM, ...TO, toVersion: '' },
      { code: 'BAD_USER_INPUT', field: 'input.toVersion' },
    ],
  ])('should refuse %s with a typed error and write nothing', async (_name, input, expected) => {
    const other = await createOrganisation(ctx.dataSource);
    const theirPsw = await createMember(ctx.dataSource, other.id, ['PRINCIPAL_SOCIAL_WORKER']);
    await ok(IMPORT, { input: { caseJson: refreshedPcf(), frameworkCode: 'THEIR_FRAMEWORK' } }, theirPsw);
    const before = await written();
    const res = await apply(psw, input);
    expect(res.errors?.[0]?.extensions).toMatchObject(
      expected.domainCode ? expected : { code: expected.code },
    );
    if (!expected.domainCode) {
      expect(JSON.stringify(res.errors?.[0]?.extensions)).toContain(expected.field!);
    }
    expect(await written()).toEqual(before);
    // The preview refuses the same input on the argument itself.
    const previewed = await gql<{ frameworkRemapPreview: Preview }>(
      ctx.app,
      PREVIEW,
      {
        from: input.fromFrameworkCode,
        fromVersion: input.fromVersion,
        to: input.toFrameworkCode,
        toVersion: input.toVersion,
      },
      { as: await as(psw) },
    );
    expect(previewed.errors?.[0]?.extensions?.code).toBe(expected.code);
    if (expected.domainCode) {
      expect(previewed.errors?.[0]?.extensions).toMatchObject({
        domainCode: expected.domainCode,
        field: expected.field!.replace('input.', ''),
      });
    }
  });

  it('should follow a link once the PSW confirms it in the mapping table, and refuse a bad edit writing nothing', async () => {
    const { framework } = await ok<{
      framework: {
        items: {
          code: string;
          alignments: { id: string; confirmed: boolean; target: { itemCode: string } }[];
        }[];
      };
    }>(LINKS, {}, psw);
    const unconfirmed = framework.items
      .find((i) => i.code === 'PROFESSIONALISM')!
      .alignments.find((a) => a.target.itemCode === 'NEXT.PROFESSIONALISM')!;
    expect(unconfirmed.confirmed).toBe(false);
    const edit = async (member: CreatedMember, input: Record<string, unknown>) =>
      gql(ctx.app, UPDATE_LINK, { input }, { as: await as(member) });
    const audited = async () =>
      (
        await ctx.dataSource.query(
          `SELECT count(*)::int AS n FROM audit_event WHERE action = 'FRAMEWORK_ALIGNMENT_UPDATED'`,
        )
      )[0].n as number;

    const refusals: [CreatedMember, Record<string, unknown>, Record<string, unknown>][] = [
      [
        psw,
        { alignmentId: unconfirmed.id, confirmed: true, source: '   ' },
        { domainCode: 'FRAMEWORK_ALIGNMENT_SOURCE_REQUIRED', field: 'input.source' },
      ],
      [
        psw,
        { alignmentId: '00000000-0000-4000-8000-000000000000', confirmed: true, source: 'x' },
        { code: 'NOT_FOUND', field: 'input.alignmentId' },
      ],
      [ann, { alignmentId: unconfirmed.id, confirmed: true, source: 'x' }, { code: 'FORBIDDEN' }],
    ];
    const elsewhere = await createMember(ctx.dataSource, (await createOrganisation(ctx.dataSource)).id, [
      'PRINCIPAL_SOCIAL_WORKER',
    ]);
    refusals.push([
      elsewhere,
      { alignmentId: unconfirmed.id, confirmed: true, source: 'x' },
      { code: 'NOT_FOUND', domainCode: 'FRAMEWORK_ALIGNMENT_NOT_FOUND', field: 'input.alignmentId' },
    ]);
    for (const [member, input, expected] of refusals) {
      expect((await edit(member, input)).errors?.[0]?.extensions).toMatchObject(expected);
    }
    expect(await audited()).toBe(0);

    const confirmed = await edit(psw, {
      alignmentId: unconfirmed.id,
      confirmed: true,
      source: ' Refresh mapping table, row 3 ',
    });
    expect(confirmed.data).toEqual({
      updateFrameworkAlignment: {
        id: unconfirmed.id,
        confirmed: true,
        source: 'Refresh mapping table, row 3',
      },
    });
    expect(await audited()).toBe(1);
    const p = (await preview(psw)).data!.frameworkRemapPreview;
    expect(p.links.map((l) => `${l.from.code} ${l.via} ${l.to.code}`)).toEqual([
      'PROFESSIONALISM exactMatchOf NEXT.PROFESSIONALISM',
      'VALUES_AND_ETHICS replacedBy NEXT.VALUES',
      'KNOWLEDGE exactMatchOf NEXT.KNOWLEDGE',
    ]);
    expect(p).toMatchObject({ derivedMappings: 5, unmappedMappings: 0 });
    // Ben's Professionalism, accepted twice, is now carried: approved evidence of one more item.
    expect(byName(p)['Ben Baker']).toMatchObject({
      itemsApprovedAfter: 1,
      itemsGained: ['NEXT.PROFESSIONALISM'],
    });
  });

  it('should refuse anyone but a PSW, writing nothing', async () => {
    const admin = await createMember(ctx.dataSource, org.id, ['ORG_ADMIN']);
    const before = await written();
    for (const member of [ann, admin]) {
      expect(errorCode(await apply(member, { ...FROM, ...TO }))).toBe('FORBIDDEN');
      expect(errorCode(await preview(member))).toBe('FORBIDDEN');
    }
    // An administrator reaches the preview, but the access policy gives the role nobody's portfolio.
    expect((await preview(admin)).errors?.[0]?.extensions).toMatchObject({ domainCode: 'ACCESS_DENIED' });
    expect(await written()).toEqual(before);
    // Practitioners see their own evidence's derived mappings once a PSW applies the remap.
    await ok(APPLY, { input: { ...FROM, ...TO } }, psw);
    const { evidence } = await ok<{ evidence: { current: any } }>(EVIDENCE, { id: annPiece }, ann);
    expect(evidence.current.derivedMappings.map((d: any) => d.standing).sort()).toEqual([
      'CARRIED',
      'UNJUDGED',
    ]);
  });
});
