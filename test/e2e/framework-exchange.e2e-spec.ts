import { parseCasePackage } from '#app/domain';
import type { OrganisationEntity } from '#app/persistence';
import { createMember, createOrganisation, errorCode, gql, type CreatedMember } from '#app/testing';
import { createTestApp, type E2eContext } from './support/create-test-app.js';
import { CREATE_EVIDENCE } from './support/portfolio-operations.js';
import { ADVANCED_ROUTE, CREATE_FROM_TEMPLATE, PUT_ROUTE } from './support/progression-operations.js';
import { login, type Session } from './support/sessions.js';

const EXPORT = `query ($code: String!, $version: String!) { frameworkCasePackage(code: $code, version: $version) }`;
const IMPORT = `mutation ($input: ImportCaseFrameworkInput!) { importCaseFramework(input: $input) { id version status effectiveFrom } }`;
const FRAMEWORK = `query ($code: String!, $version: String) {
  framework(code: $code, version: $version) {
    version status effectiveFrom effectiveTo notes
    items { id code kind parentId ordinal title description confirmed }
    levels { code ordinal name groupName description confirmed pathways { code ordinal name description confirmed } }
  }
}`;

type Package = Record<string, any>;

describe('framework exchange as CASE (e2e)', () => {
  let ctx: E2eContext;
  let org: OrganisationEntity;
  let psw: CreatedMember;
  let admin: CreatedMember;
  let practitioner: CreatedMember;

  beforeAll(async () => {
    ctx = await createTestApp();
  });
  let sessions: Map<string, Session>;
  /** One sign-in per member and test: signing in hashes a password, which is slow on purpose. */
  const as = async (member: CreatedMember) => {
    if (!sessions.has(member.email)) sessions.set(member.email, await login(ctx.app, member.email));
    return sessions.get(member.email)!;
  };

  beforeEach(async () => {
    sessions = new Map();
    org = await createOrganisation(ctx.dataSource);
    psw = await createMember(ctx.dataSource, org.id, ['PRINCIPAL_SOCIAL_WORKER']);
    admin = await createMember(ctx.dataSource, org.id, ['ORG_ADMIN']);
    practitioner = await createMember(ctx.dataSource, org.id, ['PRACTITIONER']);
  });
  afterEach(() => ctx.reset());
  afterAll(() => ctx.close());

  async function exportPackage(member: CreatedMember, code: string, version: string): Promise<Package> {
    const res = await gql<{ frameworkCasePackage: Package }>(
      ctx.app,
      EXPORT,
      { code, version },
      { as: await as(member) },
    );
    expect(res.errors).toBeUndefined();
    return res.data!.frameworkCasePackage;
  }
  async function importPackage(member: CreatedMember, input: Record<string, unknown>) {
    return gql<{ importCaseFramework: { id: string; version: string } }>(
      ctx.app,
      IMPORT,
      { input },
      { as: await as(member) },
    );
  }
  /** A framework version as the API shows it, with ids replaced by codes (they differ between copies). */
  async function shown(member: CreatedMember, code: string, version: string) {
    const res = await gql<{ framework: any }>(
      ctx.app,
      FRAMEWORK,
      { code, version },
      { as: await as(member) },
    );
    expect(res.errors).toBeUndefined();
    const { items, ...rest } = res.data!.framework;
    const codeOf = new Map(items.map((i: any) => [i.id, i.code]));
    return {
      ...rest,
      items: items.map(({ id: _id, parentId, ...i }: any) => ({
        ...i,
        parent: parentId ? codeOf.get(parentId) : null,
      })),
    };
  }
  const invalid = (res: { errors?: any[] }) => ({
    code: res.errors?.[0]?.extensions?.code,
    domainCode: res.errors?.[0]?.extensions?.domainCode,
    field: res.errors?.[0]?.extensions?.field,
    reason: res.errors?.[0]?.extensions?.details?.reason,
  });

  it('should round-trip PCF 2018 through CASE without losing anything', async () => {
    const exported = await exportPackage(practitioner, 'PCF', '2018');
    expect(exported.CFDocument).toMatchObject({
      title: 'Professional Capabilities Framework',
      version: '2018',
      adoptionStatus: 'Adopted',
    });
    const types = exported.CFItems.map((i: any) => i.CFItemType);
    expect(types.filter((t: string) => t === 'DOMAIN')).toHaveLength(9);
    expect(types.filter((t: string) => t === 'Level')).toHaveLength(9);
    expect(types.filter((t: string) => t === 'Level pathway')).toHaveLength(6);
    expect(exported.CFAssociations.every((a: any) => a.associationType === 'isChildOf')).toBe(true);
    expect(exported.CFAssociations).toHaveLength(exported.CFItems.length);
    expect(await exportPackage(practitioner, 'PCF', '2018')).toEqual(exported);

    const imported = await importPackage(psw, {
      caseJson: JSON.stringify(exported),
      frameworkCode: 'PCF_LOCAL',
    });
    expect(imported.errors).toBeUndefined();
    expect(imported.data!.importCaseFramework).toMatchObject({
      version: '2018',
      status: 'CURRENT',
      effectiveFrom: '2018-06-01',
    });

    // As stored and shown: codes, titles, descriptions, order, hierarchy, levels and pathways.
    expect(await shown(psw, 'PCF_LOCAL', '2018')).toEqual(await shown(psw, 'PCF', '2018'));
    // As exchanged: everything, attributes and notes included, apart from the code it was imported under.
    const again = await exportPackage(psw, 'PCF_LOCAL', '2018');
    const read = (p: Package) =>
      parseCasePackage(JSON.stringify(p), { today: '2026-01-01', field: 'x' }).content;
    const original = read(exported);
    expect(read(again)).toEqual({ ...original, framework: { ...original.framework, code: 'PCF_LOCAL' } });

    const audit = await ctx.dataSource.query(
      `SELECT action, actor_role FROM audit_event WHERE organisation_id = $1`,
      [org.id],
    );
    expect(audit).toEqual([{ action: 'FRAMEWORK_IMPORTED', actor_role: 'PRINCIPAL_SOCIAL_WORKER' }]);

    // Only the importing organisation sees it.
    const otherOrg = await createOrganisation(ctx.dataSource);
    const outsider = await createMember(ctx.dataSource, otherOrg.id, ['PRINCIPAL_SOCIAL_WORKER']);
    const hidden = await gql(
      ctx.app,
      FRAMEWORK,
      { code: 'PCF_LOCAL' },
      { as: await login(ctx.app, outsider.email) },
    );
    expect(errorCode(hidden)).toBe('NOT_FOUND');
    const list = await gql<{ frameworks: { code: string }[] }>(
      ctx.app,
      `{ frameworks { code organisationId } }`,
      {},
      { as: await login(ctx.app, outsider.email) },
    );
    expect(list.data!.frameworks.map((f) => f.code)).not.toContain('PCF_LOCAL');
  });

  it('should load a new framework without extensions, aligned to the PCF, as a new version each time', async () => {
    const doc = 'a3c5e7f9-0000-4000-8000-000000000001';
    const standard = (n: number) => `a3c5e7f9-0000-4000-8000-00000000010${n}`;
    const ecs = {
      CFDocument: {
        identifier: doc,
        uri: 'https://example.invalid/ecs',
        title: 'Early Career Standards',
        creator: 'DfE',
        version: '2027',
        statusStartDate: '2027-04-01',
      },
      CFItems: [1, 2].map((n) => ({
        identifier: standard(n),
        fullStatement: `Standard ${n} in full.`,
        humanCodingScheme: `ECS.${n}`,
        CFItemType: 'Standard',
      })),
      CFAssociations: [
        ...[1, 2].map((n) => ({
          identifier: `a3c5e7f9-0000-4000-8000-00000000020${n}`,
          associationType: 'isChildOf',
          sequenceNumber: 3 - n,
          originNodeURI: { identifier: standard(n) },
          destinationNodeURI: { identifier: doc },
        })),
        {
          identifier: 'a3c5e7f9-0000-4000-8000-000000000301',
          associationType: 'exactMatchOf',
          originNodeURI: { identifier: standard(1) },
          destinationNodeURI: { title: 'Knowledge', uri: 'urn:pathways:framework:PCF:2018:item:KNOWLEDGE' },
        },
      ],
    };
    const res = await importPackage(admin, { caseJson: JSON.stringify(ecs), frameworkCode: 'CF_ECS' });
    expect(res.errors).toBeUndefined();
    const view = await shown(admin, 'CF_ECS', '2027');
    expect(view.items.map((i: any) => [i.code, i.ordinal, i.kind])).toEqual([
      ['ECS.2', 1, 'Standard'],
      ['ECS.1', 2, 'Standard'],
    ]);
    const out = await exportPackage(admin, 'CF_ECS', '2027');
    expect(
      out.CFAssociations.find((a: any) => a.associationType === 'exactMatchOf').destinationNodeURI.uri,
    ).toBe('urn:pathways:framework:PCF:2018:item:KNOWLEDGE');

    // Practitioners of the organisation map evidence to it; another organisation cannot.
    const mapping = { frameworkCode: 'CF_ECS', version: '2027', itemCode: 'ECS.1', rationale: 'Shown.' };
    const evidence = {
      kind: 'CRITICAL_REFLECTION',
      title: 'Reflection',
      dateFrom: '2026-06-01',
      description: 'd',
      learning: 'l',
      impact: 'i',
      mappings: [mapping],
    };
    const mapped = await gql(ctx.app, CREATE_EVIDENCE, { input: evidence }, { as: await as(practitioner) });
    expect(mapped.errors).toBeUndefined();
    const outsider = await createMember(ctx.dataSource, (await createOrganisation(ctx.dataSource)).id, [
      'PRACTITIONER',
    ]);
    const elsewhere = await gql(ctx.app, CREATE_EVIDENCE, { input: evidence }, { as: await as(outsider) });
    expect(elsewhere.errors?.[0]?.extensions).toMatchObject({
      domainCode: 'FRAMEWORK_NOT_FOUND',
      field: 'input.mappings[0].version',
    });

    // The PSW can use it in a pathway at once, say as a coverage criterion; another organisation's cannot.
    const coverage = { type: 'FRAMEWORK_COVERAGE', frameworkCode: 'CF_ECS', version: '2027', minShare: 0.5 };
    const addCoverageRoute = async (member: CreatedMember) => {
      const session = await as(member);
      const created = await gql<{
        createPathwayFromTemplate: { versions: { id: string; revision: number }[] };
      }>(ctx.app, CREATE_FROM_TEMPLATE, { input: { name: 'Pathway' } }, { as: session });
      expect(created.errors).toBeUndefined();
      const [draft] = created.data!.createPathwayFromTemplate.versions;
      return gql(
        ctx.app,
        PUT_ROUTE,
        {
          input: {
            versionId: draft!.id,
            expectedRevision: draft!.revision,
            route: { ...ADVANCED_ROUTE, criteria: coverage },
          },
        },
        { as: session },
      );
    };
    expect((await addCoverageRoute(psw)).errors).toBeUndefined();
    const otherPsw = await createMember(ctx.dataSource, (await createOrganisation(ctx.dataSource)).id, [
      'PRINCIPAL_SOCIAL_WORKER',
    ]);
    expect(invalid(await addCoverageRoute(otherPsw))).toMatchObject({
      domainCode: 'CRITERION_INVALID',
      field: 'input.route.criteria.version',
    });

    const twice = await importPackage(admin, { caseJson: JSON.stringify(ecs), frameworkCode: 'CF_ECS' });
    expect(invalid(twice)).toMatchObject({
      code: 'CONFLICT',
      domainCode: 'FRAMEWORK_VERSION_EXISTS',
      field: 'input.caseJson.CFDocument.version',
    });
    const next = await importPackage(admin, {
      caseJson: JSON.stringify(ecs),
      frameworkCode: 'CF_ECS',
      version: '2028',
    });
    expect(next.errors).toBeUndefined();
    const versions = await ctx.dataSource.query(
      `SELECT v.version FROM framework_version v JOIN framework f ON f.id = v.framework_id WHERE f.code = 'CF_ECS' ORDER BY v.version`,
    );
    expect(versions).toEqual([{ version: '2027' }, { version: '2028' }]);
  });

  it('should refuse bad files with an error naming the field, writing nothing', async () => {
    const pcf = await exportPackage(psw, 'PCF', '2018');
    const edit = (change: (p: Package) => void) => {
      const copy = structuredClone(pcf);
      change(copy);
      return JSON.stringify(copy);
    };
    const cases: [string, Record<string, unknown>, Record<string, unknown>][] = [
      [
        'malformed JSON',
        { caseJson: '{"CFDocument": {', frameworkCode: 'X_1' },
        { field: 'input.caseJson', reason: 'MALFORMED_JSON' },
      ],
      [
        'not a package',
        { caseJson: '[1, 2]', frameworkCode: 'X_1' },
        { field: 'input.caseJson', reason: 'NOT_AN_OBJECT' },
      ],
      [
        'an association from an unknown item',
        {
          caseJson: edit(
            (p) => (p.CFAssociations[3].originNodeURI = { identifier: 'nope', uri: 'urn:nope' }),
          ),
          frameworkCode: 'X_1',
        },
        { field: 'input.caseJson.CFAssociations[3].originNodeURI', reason: 'UNKNOWN_ITEM' },
      ],
      [
        'a parent that is not in the package',
        {
          caseJson: edit((p) => (p.CFAssociations[1].destinationNodeURI = { identifier: 'elsewhere' })),
          frameworkCode: 'X_1',
        },
        { field: 'input.caseJson.CFAssociations[1].destinationNodeURI', reason: 'UNKNOWN_ITEM' },
      ],
      [
        'a duplicate identifier',
        { caseJson: edit((p) => (p.CFItems[2].identifier = p.CFItems[1].identifier)), frameworkCode: 'X_1' },
        { field: 'input.caseJson.CFItems[2].identifier', reason: 'DUPLICATE_IDENTIFIER' },
      ],
      [
        'a duplicate code',
        {
          caseJson: edit((p) => (p.CFItems[2].humanCodingScheme = p.CFItems[1].humanCodingScheme)),
          frameworkCode: 'X_1',
        },
        { field: 'input.caseJson.CFItems[2].humanCodingScheme', reason: 'DUPLICATE_CODE' },
      ],
      [
        'an item without a statement',
        { caseJson: edit((p) => delete p.CFItems[0].fullStatement), frameworkCode: 'X_1' },
        { field: 'input.caseJson.CFItems[0].fullStatement', reason: 'MISSING' },
      ],
      [
        'an unknown association type',
        { caseJson: edit((p) => (p.CFAssociations[0].associationType = 'isCousinOf')), frameworkCode: 'X_1' },
        { field: 'input.caseJson.CFAssociations[0].associationType', reason: 'UNKNOWN_ASSOCIATION_TYPE' },
      ],
      [
        'an alignment to an item the PCF does not have',
        {
          caseJson: edit((p) =>
            p.CFAssociations.push({
              identifier: 'extra',
              associationType: 'isRelatedTo',
              originNodeURI: { identifier: p.CFItems[1].identifier },
              destinationNodeURI: { uri: 'urn:pathways:framework:PCF:2018:item:NO_SUCH_DOMAIN' },
            }),
          ),
          frameworkCode: 'X_1',
        },
        {
          field: `input.caseJson.CFAssociations[${pcf.CFAssociations.length}].destinationNodeURI`,
          reason: 'UNKNOWN_ITEM',
        },
      ],
      [
        'no framework code',
        { caseJson: edit((p) => delete p.CFDocument.extensions) },
        { field: 'input.caseJson.CFDocument.extensions.pathways.frameworkCode', reason: 'INVALID_VALUE' },
      ],
    ];
    for (const [name, input, expected] of cases) {
      expect({ name, ...invalid(await importPackage(psw, input)) }).toEqual({
        name,
        code: 'BAD_USER_INPUT',
        domainCode: 'CASE_DOCUMENT_INVALID',
        ...expected,
      });
    }
    const reserved = await importPackage(psw, { caseJson: JSON.stringify(pcf) });
    expect(invalid(reserved)).toMatchObject({
      code: 'CONFLICT',
      domainCode: 'FRAMEWORK_CODE_RESERVED',
      field: 'input.caseJson.CFDocument.extensions.pathways.frameworkCode',
    });
    expect(
      errorCode(await importPackage(practitioner, { caseJson: JSON.stringify(pcf), frameworkCode: 'X_1' })),
    ).toBe('FORBIDDEN');
    expect(
      errorCode(await importPackage(psw, { caseJson: JSON.stringify(pcf), frameworkCode: 'lower' })),
    ).toBe('BAD_USER_INPUT');

    const [{ n }] = await ctx.dataSource.query(
      `SELECT count(*)::int AS n FROM framework WHERE organisation_id IS NOT NULL`,
    );
    expect(n).toBe(0);
    const [{ a }] = await ctx.dataSource.query(`SELECT count(*)::int AS a FROM audit_event`);
    expect(a).toBe(0);
  });
});
