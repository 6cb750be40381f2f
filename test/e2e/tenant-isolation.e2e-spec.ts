import pg from 'pg';
import request from 'supertest';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import type { GraphQLSchema } from 'graphql';
import { ROLES, type Role } from '#app/domain';
import { createMember, gql } from '#app/testing';
import {
  loginAs,
  organisationFingerprint,
  pickerFor,
  seedAttackOrganisations,
  type OrganisationFixture,
} from './support/attack-fixtures.js';
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
import { buildOperation, ECHOES_INPUT, listOperations, problemsOf } from './support/schema-operations.js';
import { login, type Session } from './support/sessions.js';

/*
 * Every query and mutation in the schema (read from the schema, so new operations are covered
 * without listing them), called by each role of organisation A with the ids of organisation B's
 * objects: each is refused, or answers with nothing of B's, and no row of B's changes.
 */

const REFUSALS = new Set(['FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT', 'UNAUTHENTICATED']);

/**
 * Arguments an operation needs beyond "B's ids and placeholders" to reach its tenant check. Keep this
 * small: the default picker serves new operations.
 */
const ARGUMENTS: Record<string, (b: OrganisationFixture, callerEmail: string) => Record<string, unknown>> = {
  // Signing in to B with A's own account and password.
  login: (b, email) => ({
    input: { email, password: 'correct horse battery staple', organisationId: b.organisationId },
  }),
  framework: () => ({ code: 'PCF', version: '2018' }),
  // A valid design, so that the version lookup (not design validation) decides.
  updatePathwayDraft: (b) => ({
    input: {
      versionId: b.ids.get('pathway_version')![0],
      expectedRevision: 1,
      design: {
        pcfVersion: '2018',
        stages: [
          { key: 'SOCIAL_WORKER', name: 'Social worker' },
          { key: 'EXPERIENCED_SOCIAL_WORKER', name: 'Experienced social worker' },
        ],
        routes: [
          {
            key: 'SOCIAL_WORKER_TO_EXPERIENCED',
            fromStageKey: 'SOCIAL_WORKER',
            toStageKey: 'EXPERIENCED_SOCIAL_WORKER',
            mechanism: 'PANEL',
            criteria: { type: 'MIN_POST_QUALIFYING_MONTHS', months: 24 },
          },
        ],
      },
    },
  }),
};

/** Operations not run here, each with its reason. */
const NOT_RUN: Record<string, string> = {
  logout: 'ends the caller’s own session, which later calls need; it takes no ids',
};

describe('tenant isolation: every operation, every role of organisation A, organisation B’s ids (e2e)', () => {
  let ctx: E2eContext;
  let schema: GraphQLSchema;
  let b: OrganisationFixture;
  let client: pg.Client;
  const callers: { role: Role; email: string; session: Session }[] = [];

  beforeAll(async () => {
    ctx = await createTestApp();
    schema = ctx.app.get(GraphQLSchemaHost).schema;
    const [a, org2] = await seedAttackOrganisations(ctx.app, ctx.databaseUrl, 2);
    b = org2!;
    for (const role of ROLES) {
      const member = await createMember(ctx.dataSource, a!.organisationId, [role]);
      callers.push({ role, email: member.email, session: await login(ctx.app, member.email) });
    }
    client = new pg.Client({ connectionString: ctx.databaseUrl });
    await client.connect();
  }, 60_000);
  afterAll(async () => {
    await client?.end();
    await ctx.close();
  });

  it('should build a valid operation for every query and mutation of the schema', () => {
    const invalid = listOperations(schema)
      .filter((op) => !(op.name in NOT_RUN))
      .flatMap((op) => {
        const built = buildOperation(schema, op, pickerFor(b), {
          args: ARGUMENTS[op.name]?.(b, 'a@a.example'),
        });
        const problems = problemsOf(schema, built);
        return problems.length ? [`${op.name}: ${problems.join('; ')}`] : [];
      });
    expect(invalid).toEqual([]);
    expect(listOperations(schema).length).toBeGreaterThan(40);
  });

  it('should refuse, or answer with nothing of B’s, every operation for every role, and change nothing of B’s', async () => {
    const failures: string[] = [];
    const outcomes = new Map<string, Set<string>>();
    let before = await organisationFingerprint(client, b.organisationId);
    for (const op of listOperations(schema)) {
      if (op.name in NOT_RUN) continue;
      for (const caller of callers) {
        const built = buildOperation(schema, op, pickerFor(b), {
          args: ARGUMENTS[op.name]?.(b, caller.email),
        });
        const res = await gql(ctx.app, built.document, built.variables, { as: caller.session });
        const codes = (res.errors ?? []).map((e) => String(e.extensions?.code));
        const body = JSON.stringify({ data: res.data, errors: res.errors });
        const sent = op.name in ECHOES_INPUT ? JSON.stringify(built.variables) : '';
        const leaked = b.secrets.filter((s) => body.includes(s) && !sent.includes(s));
        const seen = outcomes.get(op.name) ?? new Set();
        seen.add(
          codes.length
            ? codes.join('+') +
                (codes.includes('BAD_USER_INPUT') && process.env.ATTACK_REPORT
                  ? ` (${res.errors![0]!.extensions?.domainCode ?? ''} ${res.errors![0]!.extensions?.field ?? ''} ${res.errors![0]!.message})`
                  : '')
            : 'data',
        );
        outcomes.set(op.name, seen);
        if (res.status >= 500 || codes.some((c) => !REFUSALS.has(c))) {
          failures.push(
            `${op.name} as ${caller.role}: HTTP ${res.status} ${codes.join(', ')} ${res.errors?.[0]?.message ?? ''} at ${res.errors?.[0]?.path?.join('.') ?? ''}`,
          );
        }
        if (leaked.length)
          failures.push(`${op.name} as ${caller.role} returned B’s ${leaked.slice(0, 3).join(', ')}`);
        if (op.kind === 'mutation') {
          const after = await organisationFingerprint(client, b.organisationId);
          if (after !== before) failures.push(`${op.name} as ${caller.role} changed B’s rows`);
          before = after;
        }
      }
    }
    if (process.env.ATTACK_REPORT) {
      for (const [name, seen] of outcomes) console.log(`${name}: ${[...seen].join(' | ')}`);
    }
    expect(failures).toEqual([]);
    // Control: B's own practitioner editing B's draft does change B's fingerprint.
    const own = await gql(
      ctx.app,
      `mutation ($input: UpdateEvidenceInput!) { updateEvidence(input: $input) { id } }`,
      { input: { evidenceId: b.draftEvidenceId, title: 'Edited in B by B' } },
      { as: await loginAs(ctx.app, 2, 'practitioner') },
    );
    expect(own.errors).toBeUndefined();
    expect(await organisationFingerprint(client, b.organisationId)).not.toBe(before);
  }, 120_000);

  it('should answer B’s own cursors, sent by A as before or after on every list that pages backward, with nothing of B’s', async () => {
    const lists = listOperations(schema).filter(
      (op) => op.kind === 'query' && op.field.args.some((a) => a.name === 'before'),
    );
    expect(lists.map((op) => op.name).sort()).toEqual(
      [
        'auditTrail',
        'members',
        'notifications',
        'portfolio',
        'progressionApplications',
        'reviewQueue',
      ].sort(),
    );
    const ofB = await Promise.all(
      ['practitioner', 'reviewer', 'psw', 'admin'].map((who) => loginAs(ctx.app, 2, who)),
    );
    const failures: string[] = [];
    const withCursor: string[] = [];
    let pagesOfA = 0;
    for (const op of lists) {
      // A cursor of B's: the first item of the list as the first of B's people who sees one reads it.
      let cursor: string | null = null;
      for (const session of ofB) {
        const res = await gql<Record<string, { pageInfo: { endCursor: string | null } }>>(
          ctx.app,
          `query { ${op.name}(first: 1) { pageInfo { endCursor } } }`,
          {},
          { as: session },
        );
        cursor = res.data?.[op.name]?.pageInfo.endCursor ?? null;
        if (cursor) break;
      }
      if (!cursor) continue;
      withCursor.push(op.name);
      for (const caller of callers) {
        for (const args of [{ last: 5, before: cursor }, { before: cursor }, { first: 5, after: cursor }]) {
          const built = buildOperation(schema, op, pickerFor(b), { args });
          const res = await gql(ctx.app, built.document, built.variables, { as: caller.session });
          const codes = (res.errors ?? []).map((e) => String(e.extensions?.code));
          const body = JSON.stringify({ data: res.data, errors: res.errors });
          const leaked = b.secrets.filter((s) => body.includes(s));
          const how = `${op.name}(${Object.keys(args).join(', ')}) as ${caller.role}`;
          if (res.status >= 500 || codes.some((c) => !REFUSALS.has(c)))
            failures.push(`${how}: HTTP ${res.status} ${codes.join(', ')}`);
          if (leaked.length) failures.push(`${how} returned B’s ${leaked.slice(0, 3).join(', ')}`);
          const page = (res.data as Record<string, { nodes?: unknown[] }> | null | undefined)?.[op.name];
          if (page?.nodes?.length) pagesOfA += 1;
        }
      }
    }
    // B's people have evidence, members and an audit trail, so those cursors at least were tried.
    expect(withCursor).toEqual(expect.arrayContaining(['portfolio', 'members', 'auditTrail']));
    expect(failures).toEqual([]);
    // Some of A's people were answered with pages of their own (B's cursor is only a place in the order).
    expect(pagesOfA).toBeGreaterThan(0);
  }, 120_000);

  it('should answer node(id:) and nodes(ids:) with the global id of each of B’s main objects exactly as with a random one, for every role', async () => {
    const answer = (res: { status: number; data: unknown; errors: unknown }) =>
      JSON.stringify({ status: res.status, data: res.data, errors: res.errors });
    const objects = (Object.entries(NODE_TYPES) as [NodeType, string][]).flatMap(([type, table]) =>
      (b.ids.get(table) ?? []).map((id) => ({ type, id, globalId: globalIdOf(type, id) })),
    );
    const types = new Set(objects.map((o) => o.type));
    expect([...types].sort()).toEqual(Object.keys(NODE_TYPES).sort());
    // Control: B's own PSW is shown an object of each type, so a null below is the tenant check's.
    const shownToB = await gql<{ nodes: (NodeResult | null)[] }>(
      ctx.app,
      NODES,
      { ids: objects.map((o) => o.globalId) },
      { as: await loginAs(ctx.app, 2, 'psw') },
    );
    expect(new Set(shownToB.data!.nodes.flatMap((n) => (n ? [n.__typename] : [])))).toEqual(types);

    const failures: string[] = [];
    for (const caller of callers) {
      const random = new Map<NodeType, string>();
      for (const type of types) {
        random.set(
          type,
          answer(await gql(ctx.app, NODE, { id: randomGlobalId(type) }, { as: caller.session })),
        );
      }
      for (const object of objects) {
        const res = await gql(ctx.app, NODE, { id: object.globalId }, { as: caller.session });
        if (answer(res) !== random.get(object.type))
          failures.push(`node(${object.type} of B) as ${caller.role}: ${answer(res).slice(0, 200)}`);
      }
      const many = await gql(ctx.app, NODES, { ids: objects.map((o) => o.globalId) }, { as: caller.session });
      const randoms = await gql(
        ctx.app,
        NODES,
        { ids: objects.map((o) => randomGlobalId(o.type)) },
        { as: caller.session },
      );
      if (answer(many) !== answer(randoms))
        failures.push(`nodes(B's ids) as ${caller.role}: ${answer(many).slice(0, 200)}`);
    }
    expect(failures).toEqual([]);
    expect(
      JSON.parse(answer(await gql(ctx.app, NODE, { id: randomGlobalId() }, { as: callers[0]!.session }))),
    ).toEqual({
      status: 200,
      data: { node: null },
    });
  }, 120_000);

  it('should refuse B’s files, and leak nothing of B’s, on every plain HTTP route with a parameter', async () => {
    const router = ctx.app.getHttpAdapter().getInstance().router as {
      stack: { route?: { path: string; methods: Record<string, boolean> } }[];
    };
    const routes = router.stack.flatMap((layer) =>
      layer.route && layer.route.path.includes(':')
        ? Object.keys(layer.route.methods).map((method) => ({ method, path: layer.route!.path }))
        : [],
    );
    expect(routes.map((r) => `${r.method} ${r.path}`)).toEqual(
      expect.arrayContaining(['get /attachments/:id', 'post /evidence/:evidenceId/attachments']),
    );
    const failures: string[] = [];
    const before = await organisationFingerprint(client, b.organisationId);
    for (const route of routes) {
      const path = route.path.replace(/:(\w+)/g, (_, name: string) =>
        name === 'id' && route.path.startsWith('/attachments')
          ? b.attachmentId
          : name === 'evidenceId'
            ? b.draftEvidenceId
            : b.organisationId,
      );
      for (const caller of callers) {
        const server = request(ctx.app.getHttpServer());
        const req = server[route.method as 'get' | 'post' | 'put' | 'patch' | 'delete'](path)
          .set('authorization', `Bearer ${caller.session.accessToken}`)
          .set('x-file-name', 'x.pdf')
          .set('content-type', 'application/octet-stream');
        const res = route.method === 'get' ? await req : await req.send(Buffer.from('%PDF-1.4\n%%EOF\n'));
        const body = `${res.text ?? ''}${JSON.stringify(res.headers)}`;
        const protectedRoute = /attachments/.test(route.path);
        if (res.status >= 500 || (protectedRoute && ![403, 404].includes(res.status))) {
          failures.push(`${route.method} ${route.path} as ${caller.role}: ${res.status}`);
        }
        const leaked = b.secrets.filter((s) => body.includes(s) && !path.includes(s));
        if (leaked.length)
          failures.push(`${route.method} ${route.path} as ${caller.role} returned ${leaked[0]}`);
      }
    }
    expect(failures).toEqual([]);
    expect(await organisationFingerprint(client, b.organisationId)).toBe(before);
  });
});
