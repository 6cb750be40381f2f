import pg from 'pg';
import request from 'supertest';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import type { GraphQLSchema } from 'graphql';
import { createAssessorRelationship, createMember, gql, type GqlResult } from '#app/testing';
import { pickerFor, seedAttackOrganisations, type OrganisationFixture } from './support/attack-fixtures.js';
import { createTestApp, type E2eContext } from './support/create-test-app.js';
import { buildOperation, ECHOES_INPUT, listOperations } from './support/schema-operations.js';
import { login, type Session } from './support/sessions.js';

/*
 * BOLA inside one organisation: a practitioner, and a reviewer assigned to somebody else, go after
 * another practitioner's portfolio, evidence, files, progression, qualifications and audit trail.
 */

const REFUSED = ['FORBIDDEN', 'NOT_FOUND'];

describe('object-level authorisation between two practitioners of one organisation (e2e)', () => {
  let ctx: E2eContext;
  let schema: GraphQLSchema;
  let client: pg.Client;
  let org: OrganisationFixture;
  let victim: string;
  /** Ids of the victim's own objects: none may reach the attackers. */
  let privateIds: string[];
  let victimEvidence: string[];
  const attackers: { who: string; session: Session }[] = [];

  /** Every row that names the victim in a `…user_id` column, the victim's account and files. */
  async function victimFingerprint(): Promise<string> {
    const { rows: columns } = await client.query<{ table_name: string; column_name: string }>(
      `SELECT c.table_name, c.column_name FROM information_schema.columns c
         JOIN information_schema.tables t ON t.table_name = c.table_name AND t.table_schema = c.table_schema
        WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND c.data_type = 'uuid' AND c.column_name LIKE '%user_id'
        ORDER BY 1, 2`,
    );
    const parts = columns.map(
      (c) =>
        `(SELECT coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '') FROM "${c.table_name}" x WHERE x."${c.column_name}" = $1)`,
    );
    parts.push(`(SELECT md5(u::text) FROM app_user u WHERE u.id = $1)`);
    parts.push(
      `(SELECT coalesce(md5(string_agg(a::text, '|' ORDER BY a.id)), '') FROM attachment a
         JOIN evidence_version v ON v.id = a.evidence_version_id WHERE v.owner_user_id = $1)`,
      `(SELECT coalesce(md5(string_agg(m::text, '|' ORDER BY m.id)), '') FROM evidence_mapping m
         JOIN evidence_version v ON v.id = m.evidence_version_id WHERE v.owner_user_id = $1)`,
    );
    const { rows } = await client.query<{ f: string }>(
      `SELECT md5(concat_ws(',', ${parts.join(', ')})) AS f`,
      [victim],
    );
    return rows[0]!.f;
  }

  beforeAll(async () => {
    ctx = await createTestApp();
    schema = ctx.app.get(GraphQLSchemaHost).schema;
    [org] = (await seedAttackOrganisations(ctx.app, ctx.databaseUrl, 1)) as [OrganisationFixture];
    victim = org.users.practitioner;
    client = new pg.Client({ connectionString: ctx.databaseUrl });
    await client.connect();
    const { rows } = await client.query<{ id: string; kind: string }>(
      `SELECT id::text, 'evidence' AS kind FROM evidence WHERE owner_user_id = $1
       UNION ALL SELECT id::text, 'version' FROM evidence_version WHERE owner_user_id = $1
       UNION ALL SELECT m.id::text, 'mapping' FROM evidence_mapping m JOIN evidence_version v ON v.id = m.evidence_version_id WHERE v.owner_user_id = $1
       UNION ALL SELECT id::text, 'review' FROM evidence_review WHERE practitioner_user_id = $1
       UNION ALL SELECT a.id::text, 'attachment' FROM attachment a JOIN evidence_version v ON v.id = a.evidence_version_id WHERE v.owner_user_id = $1
       UNION ALL SELECT id::text, 'qualification' FROM qualification WHERE user_id = $1
       UNION ALL SELECT id::text, 'stage' FROM practitioner_stage WHERE user_id = $1`,
      [victim],
    );
    privateIds = rows.map((r) => r.id);
    victimEvidence = rows.filter((r) => r.kind === 'evidence').map((r) => r.id);
    expect(rows.filter((r) => r.kind === 'attachment')).toHaveLength(1);

    const practitioner = await createMember(ctx.dataSource, org.organisationId, ['PRACTITIONER']);
    const reviewer = await createMember(ctx.dataSource, org.organisationId, [
      'ASSESSOR',
      'SUPERVISOR',
      'PRACTITIONER',
    ]);
    const someoneElse = await createMember(ctx.dataSource, org.organisationId, ['PRACTITIONER']);
    await createAssessorRelationship(
      ctx.dataSource,
      org.organisationId,
      reviewer.user.id,
      someoneElse.user.id,
      'SUPERVISOR',
    );
    attackers.push(
      { who: 'another practitioner', session: await login(ctx.app, practitioner.email) },
      { who: 'a reviewer assigned to someone else', session: await login(ctx.app, reviewer.email) },
    );
  }, 60_000);
  afterAll(async () => {
    await client?.end();
    await ctx?.close();
  });

  const leakedIn = (res: GqlResult<unknown> | { text: string }) => {
    const body = 'text' in res ? res.text : JSON.stringify({ data: res.data, errors: res.errors });
    return privateIds.filter((id) => body.includes(id));
  };

  const READS: [string, string, () => Record<string, unknown>][] = [
    [
      'portfolio',
      `query ($p: ID) { portfolio(practitionerUserId: $p) { nodes { id current { id title } } } }`,
      () => ({ p: victim }),
    ],
    [
      'evidence',
      `query ($id: ID!) { evidence(id: $id) { id current { title attachments { id } } } }`,
      () => ({ id: org.draftEvidenceId }),
    ],
    [
      'coverage',
      `query ($p: ID) { coverage(practitionerUserId: $p) { cells { itemCode approved } } }`,
      () => ({ p: victim }),
    ],
    [
      'progression',
      `query ($p: ID) { progression(practitionerUserId: $p) { currentStages { key } routes { routeKey gaps } } }`,
      () => ({ p: victim }),
    ],
    [
      'eligibility',
      `query ($p: ID) { eligibility(practitionerUserId: $p, routeKey: "SOCIAL_WORKER_TO_EXPERIENCED") { eligible gaps } }`,
      () => ({ p: victim }),
    ],
    [
      'stageHistory',
      `query ($p: ID) { stageHistory(practitionerUserId: $p) { stageKey fromDate } }`,
      () => ({ p: victim }),
    ],
    [
      'qualifications',
      `query ($p: ID) { qualifications(userId: $p) { id type title } }`,
      () => ({ p: victim }),
    ],
    [
      'member',
      `query ($p: ID!) { member(userId: $p) { roles user { fullName registrationNumber } } }`,
      () => ({ p: victim }),
    ],
  ];

  it.each(READS)('should refuse %s of another practitioner', async (_name, query, variables) => {
    for (const { who, session } of attackers) {
      const res = await gql(ctx.app, query, variables(), { as: session });
      expect({ who, refused: REFUSED.includes(String(res.errors?.[0]?.extensions?.code)) }).toEqual({
        who,
        refused: true,
      });
      expect(leakedIn(res)).toEqual([]);
    }
  });

  it('should show another practitioner’s audit trail to nobody but its owner', async () => {
    for (const { session } of attackers) {
      for (const variables of [{ subjectUserId: victim }, { entityId: org.draftEvidenceId }, {}]) {
        const res = await gql(
          ctx.app,
          `query ($subjectUserId: ID, $entityId: ID) { auditTrail(subjectUserId: $subjectUserId, entityId: $entityId, first: 100) { nodes { action entityId changes } } }`,
          variables,
          { as: session },
        );
        if (res.errors) expect(REFUSED).toContain(res.errors[0]!.extensions?.code);
        expect(leakedIn(res)).toEqual([]);
        expect(JSON.stringify(res.data ?? {})).not.toContain(org.draftEvidenceId);
      }
    }
  });

  it('should not serve another practitioner’s attachment, nor take one onto their evidence', async () => {
    for (const { session } of attackers) {
      const download = await request(ctx.app.getHttpServer())
        .get(`/attachments/${org.attachmentId}`)
        .set('authorization', `Bearer ${session.accessToken}`);
      expect([403, 404]).toContain(download.status);
      expect(download.headers['content-disposition']).toBeUndefined();
      const upload = await request(ctx.app.getHttpServer())
        .post(`/evidence/${org.draftEvidenceId}/attachments`)
        .set('authorization', `Bearer ${session.accessToken}`)
        .set('x-file-name', 'planted.pdf')
        .set('content-type', 'application/octet-stream')
        .send(Buffer.from('%PDF-1.4\n%%EOF\n'));
      expect([403, 404]).toContain(upload.status);
    }
  });

  it('should refuse every change to another practitioner’s evidence and change none of their rows', async () => {
    const before = await victimFingerprint();
    const version = (
      await client.query<{ id: string }>(
        `SELECT id FROM evidence_version WHERE owner_user_id = $1 AND status = 'SUBMITTED' LIMIT 1`,
        [victim],
      )
    ).rows[0]?.id;
    const attempts: [string, Record<string, unknown>][] = [
      [
        `mutation ($input: UpdateEvidenceInput!) { updateEvidence(input: $input) { id } }`,
        { input: { evidenceId: org.draftEvidenceId, title: 'Hijacked' } },
      ],
      [
        `mutation ($input: SubmitEvidenceInput!) { submitEvidence(input: $input) { id } }`,
        { input: { evidenceId: org.draftEvidenceId, reviewerUserId: org.users.reviewer } },
      ],
      [
        `mutation ($input: WithdrawEvidenceInput!) { withdrawEvidence(input: $input) { id } }`,
        { input: { evidenceId: victimEvidence[0] } },
      ],
      [
        `mutation ($input: RemoveAttachmentInput!) { removeAttachment(input: $input) { id } }`,
        { input: { attachmentId: org.attachmentId } },
      ],
      ...(version
        ? ([
            [
              `mutation ($input: ReviewEvidenceInput!) { reviewEvidence(input: $input) { id } }`,
              {
                input: {
                  evidenceVersionId: version,
                  expectedRevision: 2,
                  outcome: 'APPROVE',
                  comment: 'x',
                  mappingDecisions: [],
                },
              },
            ],
          ] as [string, Record<string, unknown>][])
        : []),
    ];
    for (const { who, session } of attackers) {
      for (const [mutation, variables] of attempts) {
        const res = await gql(ctx.app, mutation, variables, { as: session });
        const code = String(res.errors?.[0]?.extensions?.code);
        expect({ who, mutation, refused: REFUSED.includes(code) }).toEqual({ who, mutation, refused: true });
      }
    }
    expect(await victimFingerprint()).toBe(before);
    // Control: the owner's own edit does change the fingerprint.
    const own = await gql(
      ctx.app,
      attempts[0]![0],
      { input: { evidenceId: org.draftEvidenceId, title: 'Edited by its owner' } },
      {
        as: await login(
          ctx.app,
          (await client.query<{ email: string }>(`SELECT email FROM app_user WHERE id = $1`, [victim]))
            .rows[0]!.email,
        ),
      },
    );
    expect(own.errors).toBeUndefined();
    expect(await victimFingerprint()).not.toBe(before);
  });

  it('should leak nothing of the victim’s through any operation given the victim’s ids, nor change their rows', async () => {
    const before = await victimFingerprint();
    const victimIds: OrganisationFixture = {
      ...org,
      users: { ...org.users, reviewer: victim, practitioner: victim },
    };
    const failures: string[] = [];
    for (const op of listOperations(schema)) {
      if (op.name === 'logout' || op.name === 'login' || op.name === 'refreshToken') continue;
      for (const { who, session } of attackers) {
        const built = buildOperation(schema, op, pickerFor(victimIds));
        const res = await gql(ctx.app, built.document, built.variables, { as: session });
        const codes = (res.errors ?? []).map((e) => String(e.extensions?.code));
        if (res.status >= 500 || codes.includes('INTERNAL_SERVER_ERROR'))
          failures.push(`${op.name} as ${who}: ${codes.join(', ')}`);
        const sent = op.name in ECHOES_INPUT ? JSON.stringify(built.variables) : '';
        const leaked = leakedIn(res).filter((id) => !sent.includes(id));
        if (leaked.length) failures.push(`${op.name} as ${who} returned the victim’s ${leaked[0]}`);
      }
    }
    expect(failures).toEqual([]);
    expect(await victimFingerprint()).toBe(before);
  }, 60_000);
});
