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
import { login, type Session } from './support/sessions.js';

const ALIGNMENT_FIELDS = `id origin type confirmed source addedByUserId addedAt addedBy { id fullName }
  target { frameworkCode version itemCode itemId title }`;
const FRAMEWORK = `query ($code: String!, $version: String) {
  framework(code: $code, version: $version) { items { id code alignments { ${ALIGNMENT_FIELDS} } } }
}`;
const ADD = `mutation ($input: AddFrameworkAlignmentInput!) { addFrameworkAlignment(input: $input) { ${ALIGNMENT_FIELDS} } }`;
const REMOVE = `mutation ($input: RemoveFrameworkAlignmentInput!) { removeFrameworkAlignment(input: $input) { id type source } }`;
const COVERAGE = `query ($practitionerUserId: ID, $frameworkCode: String!, $version: String!, $through: Boolean!) {
  coverage(practitionerUserId: $practitionerUserId, frameworkCode: $frameworkCode, version: $version, throughAlignments: $through) {
    itemsWithoutApprovedEvidence cells { itemCode approved } throughAlignments { itemCode itemTitle approved }
  }
}`;
const IMPORT = `mutation ($input: ImportCaseFrameworkInput!) { importCaseFramework(input: $input) { id } }`;

type Alignment = {
  id: string | null;
  origin: string;
  type: string;
  confirmed: boolean;
  source: string;
  addedByUserId: string | null;
  addedAt: string | null;
  addedBy: { id: string; fullName: string } | null;
  target: {
    frameworkCode: string;
    version: string;
    itemCode: string;
    itemId: string | null;
    title: string | null;
  };
};
type Item = { id: string; code: string; alignments: Alignment[] };

const CITATION = 'Test citation: a mapping document that states this link';

/** A one-standard framework as a CASE package, its standard aligned (exactMatchOf) to PCF 2018 Knowledge. */
function casePackage(title: string) {
  const doc = 'b4d6e8fa-0000-4000-8000-000000000001';
  const standard = 'b4d6e8fa-0000-4000-8000-000000000101';
  return JSON.stringify({
    CFDocument: { identifier: doc, title, creator: 'Test', version: '2027', statusStartDate: '2027-04-01' },
    CFItems: [
      {
        identifier: standard,
        fullStatement: 'Standard 1 in full.',
        humanCodingScheme: 'ECS.1',
        CFItemType: 'Standard',
      },
    ],
    CFAssociations: [
      {
        identifier: 'b4d6e8fa-0000-4000-8000-000000000201',
        associationType: 'isChildOf',
        sequenceNumber: 1,
        originNodeURI: { identifier: standard },
        destinationNodeURI: { identifier: doc },
      },
      {
        identifier: 'b4d6e8fa-0000-4000-8000-000000000301',
        associationType: 'exactMatchOf',
        originNodeURI: { identifier: standard },
        destinationNodeURI: { title: 'Knowledge', uri: 'urn:pathways:framework:PCF:2018:item:KNOWLEDGE' },
      },
    ],
  });
}

describe('links between framework items (e2e)', () => {
  let ctx: E2eContext;
  let org: OrganisationEntity;
  let psw: CreatedMember;
  let practitioner: CreatedMember;
  let otherPsw: CreatedMember;
  let sessions: Map<string, Session>;
  const as = async (member: CreatedMember) => {
    if (!sessions.has(member.email)) sessions.set(member.email, await login(ctx.app, member.email));
    return sessions.get(member.email)!;
  };
  /** Reference item ids by "FRAMEWORK VERSION CODE". */
  let item: (key: string) => string;

  beforeAll(async () => {
    ctx = await createTestApp();
    const rows: { key: string; id: string }[] = await ctx.dataSource.query(
      `SELECT f.code || ' ' || v.version || ' ' || i.code AS key, i.id
         FROM framework_item i JOIN framework_version v ON v.id = i.framework_version_id
         JOIN framework f ON f.id = v.framework_id WHERE f.organisation_id IS NULL`,
    );
    const ids = new Map(rows.map((r) => [r.key, r.id]));
    item = (key) => {
      const id = ids.get(key);
      if (!id) throw new Error(`no reference item ${key}`);
      return id;
    };
  });
  beforeEach(async () => {
    sessions = new Map();
    org = await createOrganisation(ctx.dataSource);
    psw = await createMember(ctx.dataSource, org.id, ['PRINCIPAL_SOCIAL_WORKER'], {
      fullName: 'Pat Principal',
    });
    practitioner = await createMember(ctx.dataSource, org.id, ['PRACTITIONER']);
    const other = await createOrganisation(ctx.dataSource);
    otherPsw = await createMember(ctx.dataSource, other.id, ['PRINCIPAL_SOCIAL_WORKER']);
  });
  afterEach(() => ctx.reset());
  afterAll(() => ctx.close());

  const add = async (member: CreatedMember, input: Record<string, unknown>) =>
    gql<{ addFrameworkAlignment: Alignment }>(ctx.app, ADD, { input }, { as: await as(member) });
  const remove = async (member: CreatedMember, alignmentId: string) =>
    gql<{ removeFrameworkAlignment: { id: string } }>(
      ctx.app,
      REMOVE,
      { input: { alignmentId } },
      { as: await as(member) },
    );
  const itemsOf = async (member: CreatedMember, code: string, version: string) => {
    const res = await gql<{ framework: { items: Item[] } }>(
      ctx.app,
      FRAMEWORK,
      { code, version },
      { as: await as(member) },
    );
    expect(res.errors).toBeUndefined();
    return res.data!.framework.items;
  };
  const alignmentsOf = async (member: CreatedMember, code: string, version: string, itemCode: string) =>
    (await itemsOf(member, code, version)).find((i) => i.code === itemCode)!.alignments;
  const rowCounts = async () => {
    const [counts] = await ctx.dataSource.query(
      `SELECT (SELECT count(*) FROM framework_alignment)::int AS links,
              (SELECT count(*) FROM audit_event)::int AS audit`,
    );
    return counts as { links: number; audit: number };
  };
  const refusal = (res: { errors?: any[] }) => ({
    code: res.errors?.[0]?.extensions?.code,
    field: res.errors?.[0]?.extensions?.field,
  });
  const toKss = () => ({
    fromItemId: item('PCF 2018 KNOWLEDGE'),
    toItemId: item('KSS_CHILD_AND_FAMILY 2018 1'),
    type: 'isRelatedTo',
    confirmed: true,
    source: CITATION,
  });

  it('should let a PSW link a PCF 2018 domain to a KSS statement and an SWE standard, shown to their organisation only', async () => {
    const kss = await add(psw, toKss());
    expect(kss.errors).toBeUndefined();
    const swe = await add(psw, {
      fromItemId: item('PCF 2018 KNOWLEDGE'),
      toItemId: item('SWE_PROFESSIONAL_STANDARDS 2019 4.1'),
      type: 'isRelatedTo',
      confirmed: false,
      source: '  PSW judgement, to be checked against the standards guidance  ',
    });
    expect(swe.errors).toBeUndefined();
    expect(swe.data!.addFrameworkAlignment).toMatchObject({
      origin: 'ORGANISATION',
      confirmed: false,
      source: 'PSW judgement, to be checked against the standards guidance',
      target: { frameworkCode: 'SWE_PROFESSIONAL_STANDARDS', version: '2019', itemCode: '4.1' },
    });

    const shown = await alignmentsOf(psw, 'PCF', '2018', 'KNOWLEDGE');
    expect(shown).toEqual([
      {
        id: kss.data!.addFrameworkAlignment.id,
        origin: 'ORGANISATION',
        type: 'isRelatedTo',
        confirmed: true,
        source: CITATION,
        addedByUserId: psw.user.id,
        addedAt: expect.any(String),
        addedBy: { id: psw.user.id, fullName: 'Pat Principal' },
        target: {
          frameworkCode: 'KSS_CHILD_AND_FAMILY',
          version: '2018',
          itemCode: '1',
          itemId: item('KSS_CHILD_AND_FAMILY 2018 1'),
          title: 'Relationships and effective direct work',
        },
      },
      expect.objectContaining({
        id: swe.data!.addFrameworkAlignment.id,
        target: expect.objectContaining({ itemId: item('SWE_PROFESSIONAL_STANDARDS 2019 4.1') }),
      }),
    ]);
    // The practitioner of the organisation reads them, but cannot add one.
    expect(await alignmentsOf(practitioner, 'PCF', '2018', 'KNOWLEDGE')).toEqual(shown);
    const before = await rowCounts();
    const refused = await add(practitioner, { ...toKss(), type: 'exactMatchOf' });
    expect(errorCode(refused)).toBe('FORBIDDEN');
    expect(errorCode(await remove(practitioner, kss.data!.addFrameworkAlignment.id!))).toBe('FORBIDDEN');
    expect(await rowCounts()).toEqual(before);
    // Another organisation sees none of them, on any item.
    const elsewhere = await itemsOf(otherPsw, 'PCF', '2018');
    expect(elsewhere.flatMap((i) => i.alignments)).toEqual([]);
  });

  it('should read the links of every item of a version in one statement, however many there are', async () => {
    const statementsFor = async () => {
      const session = await as(psw);
      const { result, statements } = await countStatements(() =>
        gql(ctx.app, FRAMEWORK, { code: 'PCF', version: '2018' }, { as: session }),
      );
      expect(result.errors).toBeUndefined();
      return statements.filter((s) => /framework_alignment/.test(s)).length;
    };
    expect(await statementsFor()).toBe(1);
    for (const code of ['KNOWLEDGE', 'PROFESSIONALISM', 'VALUES_AND_ETHICS', 'CONTEXTS_AND_ORGANISATIONS']) {
      for (const kss of ['1', '2', '9']) {
        const res = await add(psw, {
          ...toKss(),
          fromItemId: item(`PCF 2018 ${code}`),
          toItemId: item(`KSS_CHILD_AND_FAMILY 2018 ${kss}`),
        });
        expect(res.errors).toBeUndefined();
      }
    }
    expect(await statementsFor()).toBe(1);
    const items = await itemsOf(psw, 'PCF', '2018');
    expect(items.flatMap((i) => i.alignments)).toHaveLength(12);
  });

  it('should show the alignments an imported CASE package brought, and let the PSW link its own imported items', async () => {
    const imported = await gql(
      ctx.app,
      IMPORT,
      { input: { caseJson: casePackage('Early Career Standards'), frameworkCode: 'CF_ECS' } },
      { as: await as(psw) },
    );
    expect(imported.errors).toBeUndefined();
    const [ecs] = await alignmentsOf(practitioner, 'CF_ECS', '2027', 'ECS.1');
    expect(ecs).toEqual({
      id: null,
      origin: 'IMPORTED',
      type: 'exactMatchOf',
      confirmed: true,
      source: 'the CASE package it was imported from',
      addedByUserId: null,
      addedAt: null,
      addedBy: null,
      target: {
        frameworkCode: 'PCF',
        version: '2018',
        itemCode: 'KNOWLEDGE',
        itemId: item('PCF 2018 KNOWLEDGE'),
        title: 'Knowledge',
      },
    });
    const ownItem = (await itemsOf(psw, 'CF_ECS', '2027'))[0]!.id;
    const linked = await add(psw, {
      ...toKss(),
      fromItemId: ownItem,
      confirmed: false,
      source: 'Draft crosswalk',
    });
    expect(linked.errors).toBeUndefined();
    expect((await alignmentsOf(psw, 'CF_ECS', '2027', 'ECS.1')).map((a) => a.origin)).toEqual([
      'IMPORTED',
      'ORGANISATION',
    ]);
  });

  it('should refuse bad links naming the field, writing nothing', async () => {
    // Another organisation's imported item.
    const foreign = await gql(
      ctx.app,
      IMPORT,
      { input: { caseJson: casePackage('Their standards'), frameworkCode: 'THEIR_ECS' } },
      { as: await as(otherPsw) },
    );
    expect(foreign.errors).toBeUndefined();
    const [{ id: foreignItem }] = await ctx.dataSource.query(
      `SELECT i.id FROM framework_item i JOIN framework_version v ON v.id = i.framework_version_id
         JOIN framework f ON f.id = v.framework_id WHERE f.code = 'THEIR_ECS'`,
    );
    const unknownItem = '0b7c2a8e-1d3f-4a5b-9c6d-7e8f9a0b1c2d';
    const before = await rowCounts();
    const cases: [string, Record<string, unknown>, string, string][] = [
      [
        'the same item',
        { toItemId: item('PCF 2018 KNOWLEDGE') },
        'input.toItemId',
        'FRAMEWORK_ALIGNMENT_TO_ITSELF',
      ],
      ['an unknown item', { toItemId: unknownItem }, 'input.toItemId', 'FRAMEWORK_ITEM_NOT_FOUND'],
      ['an unknown from item', { fromItemId: unknownItem }, 'input.fromItemId', 'FRAMEWORK_ITEM_NOT_FOUND'],
      [
        'another organisation’s imported item',
        { toItemId: foreignItem },
        'input.toItemId',
        'FRAMEWORK_ITEM_NOT_FOUND',
      ],
      [
        'a confirmed link without a source',
        { source: '   ' },
        'input.source',
        'FRAMEWORK_ALIGNMENT_SOURCE_REQUIRED',
      ],
      ['a source too long', { source: 'x'.repeat(501) }, 'input.source', ''],
      ['an id that is not a uuid', { fromItemId: 'PCF-KNOWLEDGE' }, 'input.fromItemId', ''],
    ];
    const messages = new Map<string, string>();
    for (const [what, change, field, domainCode] of cases) {
      const res = await add(psw, { ...toKss(), ...change });
      expect({ what, ...refusal(res) }).toEqual({ what, code: 'BAD_USER_INPUT', field });
      if (domainCode)
        expect({ what, domainCode: res.errors![0]!.extensions!.domainCode }).toEqual({ what, domainCode });
      messages.set(what, res.errors![0]!.message);
    }
    // Another organisation's item is answered exactly as an unknown one.
    expect(messages.get('another organisation’s imported item')).toBe(messages.get('an unknown item'));
    const wrongType = await add(psw, { ...toKss(), type: 'isChildOf' });
    expect(errorCode(wrongType)).toBe('BAD_USER_INPUT');
    expect(await rowCounts()).toEqual(before);
  });

  it('should answer a duplicate CONFLICT, remove a link with audit records, and treat another organisation’s link as unknown', async () => {
    const added = await add(psw, toKss());
    expect(added.errors).toBeUndefined();
    const id = added.data!.addFrameworkAlignment.id!;
    const before = await rowCounts();
    const duplicate = await add(psw, { ...toKss(), confirmed: false, source: 'Again' });
    expect(refusal(duplicate)).toEqual({ code: 'CONFLICT', field: 'input.toItemId' });
    // The same items with another type is another link.
    expect((await add(psw, { ...toKss(), type: 'exactMatchOf' })).errors).toBeUndefined();
    expect((await rowCounts()).links).toBe(before.links + 1);

    // Another organisation's PSW: the link is as unknown as a made-up id, and stays.
    const theirs = await remove(otherPsw, id);
    const madeUp = await remove(otherPsw, '0b7c2a8e-1d3f-4a5b-9c6d-7e8f9a0b1c2d');
    expect(refusal(theirs)).toEqual({ code: 'NOT_FOUND', field: 'input.alignmentId' });
    expect(theirs.errors![0]!.message).toBe(madeUp.errors![0]!.message);
    expect(await ctx.dataSource.query(`SELECT id FROM framework_alignment WHERE id = $1`, [id])).toHaveLength(
      1,
    );

    const removed = await remove(psw, id);
    expect(removed.errors).toBeUndefined();
    expect(removed.data!.removeFrameworkAlignment).toEqual({ id, type: 'isRelatedTo', source: CITATION });
    expect((await alignmentsOf(psw, 'PCF', '2018', 'KNOWLEDGE')).map((a) => a.type)).toEqual([
      'exactMatchOf',
    ]);
    expect(refusal(await remove(psw, id))).toEqual({ code: 'NOT_FOUND', field: 'input.alignmentId' });

    const audit = await ctx.dataSource.query(
      `SELECT action, actor_user_id, actor_role, entity_type, entity_id, changes FROM audit_event
        WHERE organisation_id = $1 ORDER BY id`,
      [org.id],
    );
    expect(audit.map((a: any) => a.action)).toEqual([
      'FRAMEWORK_ALIGNMENT_ADDED',
      'FRAMEWORK_ALIGNMENT_ADDED',
      'FRAMEWORK_ALIGNMENT_REMOVED',
    ]);
    expect(audit[2]).toEqual({
      action: 'FRAMEWORK_ALIGNMENT_REMOVED',
      actor_user_id: psw.user.id,
      actor_role: 'PRINCIPAL_SOCIAL_WORKER',
      entity_type: 'FRAMEWORK_ALIGNMENT',
      entity_id: id,
      changes: {
        fromItemId: item('PCF 2018 KNOWLEDGE'),
        toItemId: item('KSS_CHILD_AND_FAMILY 2018 1'),
        type: 'isRelatedTo',
        confirmed: true,
        source: CITATION,
      },
    });
  });

  it('should count approved evidence through the organisation’s confirmed links when asked, and only then', async () => {
    const reviewer = await createMember(ctx.dataSource, org.id, ['SUPERVISOR']);
    // Accepted for Knowledge (twice) and for Values and ethics; nothing mapped to the KSS itself.
    await createApprovedEvidence(ctx.dataSource, org.id, practitioner.user.id, reviewer.user.id, [
      { itemCodes: ['KNOWLEDGE'], levelCode: 'ASYE' },
      { itemCodes: ['KNOWLEDGE', 'VALUES_AND_ETHICS'], levelCode: 'ASYE' },
    ]);
    const link = (from: string, to: string, confirmed: boolean) =>
      add(psw, {
        ...toKss(),
        fromItemId: item(`PCF 2018 ${from}`),
        toItemId: item(`KSS_CHILD_AND_FAMILY 2018 ${to}`),
        confirmed,
      });
    for (const res of [
      await link('KNOWLEDGE', '1', true),
      await link('VALUES_AND_ETHICS', '1', true),
      await link('VALUES_AND_ETHICS', '2', false),
    ])
      expect(res.errors).toBeUndefined();
    // Another organisation's confirmed link counts for nobody here.
    expect(
      (
        await add(otherPsw, {
          ...toKss(),
          fromItemId: item('PCF 2018 KNOWLEDGE'),
          toItemId: item('KSS_CHILD_AND_FAMILY 2018 3'),
        })
      ).errors,
    ).toBeUndefined();

    const coverage = async (member: CreatedMember, through: boolean) => {
      const res = await gql<{ coverage: any }>(
        ctx.app,
        COVERAGE,
        {
          practitionerUserId: practitioner.user.id,
          frameworkCode: 'KSS_CHILD_AND_FAMILY',
          version: '2018',
          through,
        },
        { as: await as(member) },
      );
      expect(res.errors).toBeUndefined();
      return res.data!.coverage;
    };
    const all = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'];
    expect(await coverage(practitioner, false)).toEqual({
      itemsWithoutApprovedEvidence: all,
      cells: [],
      throughAlignments: [],
    });
    const through = await coverage(psw, true);
    expect(through).toEqual({
      itemsWithoutApprovedEvidence: all.filter((c) => c !== '1'),
      cells: [],
      // Two pieces, each counted once, though the second reaches statement 1 through two links.
      throughAlignments: [
        { itemCode: '1', itemTitle: 'Relationships and effective direct work', approved: 2 },
      ],
    });
    expect(await coverage(practitioner, true)).toEqual(through);
  });
});
