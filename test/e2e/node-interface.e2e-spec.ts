import pg from 'pg';
import { ROLES } from '#app/domain';
import { countStatements, createMember, errorCode, gql } from '#app/testing';
import { loginAs, seedAttackOrganisations, type OrganisationFixture } from './support/attack-fixtures.js';
import { createTestApp, type E2eContext } from './support/create-test-app.js';
import {
  globalIdOf,
  NODE,
  NODE_TYPES,
  NODES,
  randomGlobalId,
  type NodeResult,
  type NodeType,
} from './support/global-ids.js';
import { login, type Session } from './support/sessions.js';

/*
 * node(id:) and nodes(ids:): each main type fetched again by its global id, through the same access
 * rules as the type's own queries, and one answer (null) for every id that yields nothing.
 */

type Visible = Record<NodeType, Set<string>>;

describe('Node interface: node(id:) and nodes(ids:) with global ids (e2e)', () => {
  let ctx: E2eContext;
  let a: OrganisationFixture;
  let b: OrganisationFixture;
  let client: pg.Client;
  const readers: { who: string; session: Session }[] = [];

  beforeAll(async () => {
    ctx = await createTestApp();
    [a, b] = (await seedAttackOrganisations(ctx.app, ctx.databaseUrl, 2)) as [
      OrganisationFixture,
      OrganisationFixture,
    ];
    for (const who of ['practitioner', 'reviewer', 'psw', 'admin'])
      readers.push({ who, session: await loginAs(ctx.app, 1, who) });
    for (const role of ROLES) {
      const member = await createMember(ctx.dataSource, a.organisationId, [role]);
      readers.push({ who: `new ${role}`, session: await login(ctx.app, member.email) });
    }
    client = new pg.Client({ connectionString: ctx.databaseUrl });
    await client.connect();
  }, 90_000);
  afterAll(async () => {
    await client?.end();
    await ctx.close();
  });

  const idsOf = (fixture: OrganisationFixture, type: NodeType) => fixture.ids.get(NODE_TYPES[type]) ?? [];
  /** Every object of the main types the organisation has now, with its global id. */
  async function globalIdsOf(organisationId: string) {
    const all: { type: NodeType; id: string; globalId: string }[] = [];
    for (const [type, table] of Object.entries(NODE_TYPES) as [NodeType, string][]) {
      const { rows } = await client.query<{ id: string }>(
        `SELECT id::text AS id FROM "${table}" WHERE organisation_id = $1 ORDER BY id`,
        [organisationId],
      );
      all.push(...rows.map((r) => ({ type, id: r.id, globalId: globalIdOf(type, r.id) })));
    }
    return all;
  }
  const node = (id: string, as: Session) => gql<{ node: NodeResult | null }>(ctx.app, NODE, { id }, { as });
  const nodes = (ids: string[], as: Session) =>
    gql<{ nodes: (NodeResult | null)[] }>(ctx.app, NODES, { ids }, { as });

  /** What the types' own queries show this reader, by type. */
  async function visibleThroughOwnQueries(as: Session): Promise<Visible> {
    const seen: Visible = {
      Evidence: new Set(),
      EvidenceVersion: new Set(),
      Member: new Set(),
      Pathway: new Set(),
      PathwayVersion: new Set(),
      ProgressionApplication: new Set(),
    };
    for (const id of idsOf(a, 'Evidence')) {
      const res = await gql<{ evidence: { id: string; versions: { id: string }[] } }>(
        ctx.app,
        `query ($id: ID!) { evidence(id: $id) { id versions { id } } }`,
        { id },
        { as },
      );
      if (!res.data?.evidence) continue;
      seen.Evidence.add(res.data.evidence.id);
      for (const v of res.data.evidence.versions) seen.EvidenceVersion.add(v.id);
    }
    const { rows } = await client.query<{ user_id: string }>(
      `SELECT user_id FROM membership WHERE organisation_id = $1`,
      [a.organisationId],
    );
    for (const { user_id } of rows) {
      const res = await gql<{ member: { id: string } }>(
        ctx.app,
        `query ($userId: ID!) { member(userId: $userId) { id } }`,
        { userId: user_id },
        { as },
      );
      if (res.data?.member) seen.Member.add(res.data.member.id);
    }
    const pathways = await gql<{ pathways: { id: string; versions: { id: string }[] }[] }>(
      ctx.app,
      `query { pathways { id versions { id } } }`,
      {},
      { as },
    );
    for (const p of pathways.data?.pathways ?? []) {
      seen.Pathway.add(p.id);
      for (const v of p.versions) seen.PathwayVersion.add(v.id);
    }
    const applications = await gql<{ progressionApplications: { nodes: { id: string }[] } }>(
      ctx.app,
      `query { progressionApplications(first: 100) { nodes { id } } }`,
      {},
      { as },
    );
    for (const app of applications.data?.progressionApplications.nodes ?? [])
      seen.ProgressionApplication.add(app.id);
    return seen;
  }

  it('should give each main type a globalId that is base64url of "<TypeName>:<id>"', async () => {
    const psw = readers.find((r) => r.who === 'psw')!.session;
    const res = await gql<{
      evidence: { id: string; globalId: string; current: { id: string; globalId: string } };
      member: { id: string; globalId: string };
      pathways: { id: string; globalId: string; versions: { id: string; globalId: string }[] }[];
      progressionApplications: { nodes: { id: string; globalId: string }[] };
    }>(
      ctx.app,
      `query ($evidenceId: ID!, $userId: ID!) {
        evidence(id: $evidenceId) { id globalId current { id globalId } }
        member(userId: $userId) { id globalId }
        pathways { id globalId versions { id globalId } }
        progressionApplications(first: 5) { nodes { id globalId } }
      }`,
      { evidenceId: a.draftEvidenceId, userId: a.users.practitioner },
      { as: psw },
    );
    expect(res.errors).toBeUndefined();
    const d = res.data!;
    const pairs: [NodeType, { id: string; globalId: string }][] = [
      ['Evidence', d.evidence],
      ['EvidenceVersion', d.evidence.current],
      ['Member', d.member],
      ['Pathway', d.pathways[0]!],
      ['PathwayVersion', d.pathways[0]!.versions[0]!],
      ['ProgressionApplication', d.progressionApplications.nodes[0]!],
    ];
    for (const [type, object] of pairs) {
      expect({ type, globalId: object.globalId }).toEqual({ type, globalId: globalIdOf(type, object.id) });
      const again = await node(object.globalId, psw);
      expect(again.errors).toBeUndefined();
      expect(again.data!.node).toEqual({ __typename: type, globalId: object.globalId, id: object.id });
    }
  });

  it('should resolve, for every role, exactly the objects the types’ own queries show that reader', async () => {
    const all = await globalIdsOf(a.organisationId);
    expect(all.length).toBeLessThanOrEqual(100);
    const failures: string[] = [];
    const summary: string[] = [];
    for (const reader of readers) {
      const expected = await visibleThroughOwnQueries(reader.session);
      const res = await nodes(
        all.map((n) => n.globalId),
        reader.session,
      );
      expect(res.errors).toBeUndefined();
      const resolved: Visible = {
        Evidence: new Set(),
        EvidenceVersion: new Set(),
        Member: new Set(),
        Pathway: new Set(),
        PathwayVersion: new Set(),
        ProgressionApplication: new Set(),
      };
      res.data!.nodes.forEach((n, i) => {
        if (!n) return;
        expect(n).toEqual({ __typename: all[i]!.type, globalId: all[i]!.globalId, id: all[i]!.id });
        resolved[n.__typename].add(n.id);
      });
      summary.push(`${reader.who} ${res.data!.nodes.filter(Boolean).length}`);
      for (const type of Object.keys(NODE_TYPES) as NodeType[]) {
        const want = [...expected[type]].sort();
        const got = [...resolved[type]].sort();
        if (JSON.stringify(want) !== JSON.stringify(got))
          failures.push(
            `${reader.who} ${type}: own queries show ${want.length}, nodes resolved ${got.length}`,
          );
      }
    }
    expect(failures).toEqual([]);
    console.log(
      `node visibility: ${all.length} objects of ${readers.length} readers compared, ${summary.join('; ')}`,
    );
  }, 120_000);

  it('should answer null, exactly alike, for a malformed, unknown, random, foreign or forbidden id', async () => {
    const practitioner = readers.find((r) => r.who === 'practitioner')!.session;
    // Another practitioner's evidence in the same organisation: refused by the access policy.
    const { rows } = await client.query<{ id: string }>(
      `SELECT id FROM evidence WHERE organisation_id = $1 AND owner_user_id <> $2 LIMIT 1`,
      [a.organisationId, a.users.practitioner],
    );
    const forbidden = globalIdOf('Evidence', rows[0]!.id);
    expect((await node(forbidden, readers.find((r) => r.who === 'psw')!.session)).data!.node).not.toBeNull();
    const cases: Record<string, string> = {
      random: randomGlobalId('Evidence'),
      'random member': randomGlobalId('Member'),
      malformed: 'not a global id',
      'empty string': '',
      'padded base64': `${globalIdOf('Evidence', a.draftEvidenceId)}=`,
      'unknown type': globalIdOf('Organisation', a.organisationId),
      'raw uuid of own evidence': a.draftEvidenceId,
      'right uuid, wrong type': globalIdOf('Pathway', a.draftEvidenceId),
      'another organisation’s evidence': globalIdOf('Evidence', b.draftEvidenceId),
      'another organisation’s member': globalIdOf('Member', idsOf(b, 'Member')[0]!),
      'forbidden evidence': forbidden,
      'very long': 'QQ'.repeat(5_000),
    };
    const baseline = await node(cases.random!, practitioner);
    expect({ status: baseline.status, data: baseline.data, errors: baseline.errors }).toEqual({
      status: 200,
      data: { node: null },
      errors: undefined,
    });
    for (const [name, id] of Object.entries(cases)) {
      const res = await node(id, practitioner);
      expect({ name, status: res.status, data: res.data, errors: res.errors }).toEqual({
        name,
        status: 200,
        data: { node: null },
        errors: undefined,
      });
    }
    const many = await nodes(
      [globalIdOf('Evidence', a.draftEvidenceId), ...Object.values(cases)],
      practitioner,
    );
    expect(many.errors).toBeUndefined();
    expect(many.data!.nodes[0]).toMatchObject({ __typename: 'Evidence', id: a.draftEvidenceId });
    expect(many.data!.nodes.slice(1)).toEqual(Object.values(cases).map(() => null));
  });

  it('should keep the order and duplicates of the ids given', async () => {
    const psw = readers.find((r) => r.who === 'psw')!.session;
    const ids = [
      globalIdOf('Pathway', idsOf(a, 'Pathway')[0]!),
      randomGlobalId(),
      globalIdOf('Evidence', a.draftEvidenceId),
      globalIdOf('Pathway', idsOf(a, 'Pathway')[0]!),
    ];
    const res = await nodes(ids, psw);
    expect(res.data!.nodes.map((n) => n && `${n.__typename}:${n.id}`)).toEqual([
      `Pathway:${idsOf(a, 'Pathway')[0]}`,
      null,
      `Evidence:${a.draftEvidenceId}`,
      `Pathway:${idsOf(a, 'Pathway')[0]}`,
    ]);
  });

  it('should refuse more than 100 ids, naming the argument', async () => {
    const psw = readers.find((r) => r.who === 'psw')!.session;
    const ok = await nodes(
      Array.from({ length: 100 }, () => randomGlobalId()),
      psw,
    );
    expect(ok.errors).toBeUndefined();
    const res = await nodes(
      Array.from({ length: 101 }, () => randomGlobalId()),
      psw,
    );
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors![0]!.extensions?.fields?.[0]?.field).toBe('ids');
  });

  it('should read a practitioner’s evidence in the same number of statements whether 1 piece or all of them', async () => {
    const psw = readers.find((r) => r.who === 'psw')!.session;
    const { rows } = await client.query<{ id: string }>(
      `SELECT id FROM evidence WHERE organisation_id = $1 AND owner_user_id = $2`,
      [a.organisationId, a.users.practitioner],
    );
    expect(rows.length).toBeGreaterThan(1);
    const ids = rows.map((r) => globalIdOf('Evidence', r.id));
    const one = await countStatements(() => nodes(ids.slice(0, 1), psw));
    const all = await countStatements(() => nodes(ids, psw));
    expect(all.result.data!.nodes.every((n) => n !== null)).toBe(true);
    expect(all.statements.length).toBe(one.statements.length);
    console.log(
      `node batching: 1 piece ${one.statements.length} statements, ${ids.length} pieces ${all.statements.length}`,
    );
  });
});
