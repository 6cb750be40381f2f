import pg from 'pg';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { getNamedType, isInputObjectType, type GraphQLInputType, type GraphQLSchema } from 'graphql';
import { createMember, createQualification, gql, type GqlResult } from '#app/testing';
import {
  loginAs,
  pickerFor,
  seedAttackOrganisations,
  type OrganisationFixture,
} from './support/attack-fixtures.js';
import { createTestApp, type E2eContext } from './support/create-test-app.js';
import { pcf } from './support/portfolio-operations.js';
import { buildOperation, listOperations, selectionFor } from './support/schema-operations.js';
import { login, type Session } from './support/sessions.js';

/*
 * SQL-injection strings in every free-text field of every mutation that stores text: each is stored
 * and returned exactly as sent. Every String argument of every query takes them too without an
 * internal error. New mutations with free text must be added below (a test lists any that are not).
 */

const PAYLOADS = [
  "'; DROP TABLE evidence; --",
  "Robert'); DROP TABLE app_user;--",
  "' OR '1'='1' --",
  '1; SELECT pg_sleep(5); --',
  '$$; DROP SCHEMA public CASCADE; $$',
  "\\'; DELETE FROM membership; --",
  "%' AND 1=1 --",
  '") OR ("1"="1',
  "E'\\x27' || chr(39)",
  '{"$gt": ""} /* */ -- #',
];

/** Free text, as opposed to codes, keys, dates, emails and the like (which are validated and refused). */
const isFreeText = (name: string) =>
  !/(^|[a-z])(Code|Key|Version|Year|Email|Password|Token|Url|Slug|Hash|Json|Cron|Date|On|From|To|At)$/.test(
    name,
  ) &&
  !/^(code|key|version|email|password|token|search|after|before|cursor|date|registrationNumber)$/.test(
    name,
  ) &&
  !/^date/.test(name);

function freeTextPaths(type: GraphQLInputType, path: string[] = [], depth = 0): string[] {
  const named = getNamedType(type);
  if (isInputObjectType(named)) {
    if (depth > 4) return [];
    return Object.values(named.getFields()).flatMap((f) =>
      freeTextPaths(f.type, [...path, f.name], depth + 1),
    );
  }
  return named.name === 'String' && isFreeText(path.at(-1)!) ? [path.join('.')] : [];
}

/** Sets a payload at every free-text path present in `value` (lists: every element). */
function inject(value: unknown, paths: string[], used: string[]): unknown {
  const set = (target: unknown, keys: string[]): void => {
    if (target === null || typeof target !== 'object') return;
    if (Array.isArray(target)) return target.forEach((t) => set(t, keys));
    const [key, ...rest] = keys as [string, ...string[]];
    const record = target as Record<string, unknown>;
    if (rest.length === 0) {
      if (key in record) {
        record[key] = `${PAYLOADS[used.length % PAYLOADS.length]} [${used.length}]`;
        used.push(record[key] as string);
      }
    } else set(record[key], rest);
  };
  const copy = structuredClone(value);
  for (const path of paths) set({ root: copy }, ['root', ...path.split('.').slice(1)]);
  return copy;
}

describe('SQL-injection strings in every text field (e2e)', () => {
  let ctx: E2eContext;
  let schema: GraphQLSchema;
  let client: pg.Client;
  let org: OrganisationFixture;
  const as: Record<string, Session> = {};

  /** True when some text or jsonb column of some table holds exactly this string. */
  async function storedVerbatim(value: string): Promise<boolean> {
    const { rows: columns } = await client.query<{
      table_name: string;
      column_name: string;
      data_type: string;
    }>(
      `SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c
         JOIN information_schema.tables t ON t.table_name = c.table_name AND t.table_schema = c.table_schema
        WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
          AND c.data_type IN ('text', 'character varying', 'jsonb')`,
    );
    const probes = columns.map((c) =>
      c.data_type === 'jsonb'
        ? `SELECT 1 FROM "${c.table_name}" WHERE position(substr(to_json($1::text)::text, 2, length(to_json($1::text)::text) - 2) in "${c.column_name}"::text) > 0`
        : `SELECT 1 FROM "${c.table_name}" WHERE "${c.column_name}" = $1`,
    );
    const { rows } = await client.query(`SELECT EXISTS (${probes.join(' UNION ALL ')}) AS found`, [value]);
    return rows[0].found as boolean;
  }

  async function newNqsw(): Promise<{ id: string; session: Session }> {
    const member = await createMember(ctx.dataSource, org.organisationId, ['PRACTITIONER'], {
      dateQualified: '2025-07-01',
    });
    await client.query(
      `INSERT INTO practitioner_stage (organisation_id, user_id, pathway_id, stage_key, from_date, how_decided, recorded_by_user_id)
       SELECT $1, $2, pathway_id, 'NQSW', DATE '2025-08-01', 'RECORDED', $3 FROM pathway_version
        WHERE organisation_id = $1 AND status = 'PUBLISHED'`,
      [org.organisationId, member.user.id, org.users.psw],
    );
    await createQualification(ctx.dataSource, org.organisationId, member.user.id, 'ASYE_COMPLETED', {
      awardedOn: '2026-07-01',
      verifiedByUserId: org.users.psw,
    });
    return { id: member.user.id, session: await login(ctx.app, member.email) };
  }

  beforeAll(async () => {
    ctx = await createTestApp();
    schema = ctx.app.get(GraphQLSchemaHost).schema;
    [org] = (await seedAttackOrganisations(ctx.app, ctx.databaseUrl, 1)) as [OrganisationFixture];
    client = new pg.Client({ connectionString: ctx.databaseUrl });
    await client.connect();
    for (const who of ['practitioner', 'reviewer', 'psw', 'admin']) as[who] = await loginAs(ctx.app, 1, who);
  }, 60_000);
  afterAll(async () => {
    await client?.end();
    await ctx?.close();
  });

  /**
   * A valid input for each mutation that stores free text, and who sends it. Each builder may create
   * what it needs first. The text fields themselves are found in the schema and filled by the test.
   */
  /** Each case: who calls, the input, and (where the text comes back deeper than usual) how deep to select. */
  const CASES: Record<
    string,
    () => Promise<{ as: Session; input: Record<string, unknown>; depth?: number }>
  > = {
    requestContribution: async () => {
      const made = await gql<{ createEvidence: { id: string } }>(
        ctx.app,
        `mutation ($input: CreateEvidenceInput!) { createEvidence(input: $input) { id } }`,
        { input: { kind: 'DIRECT_OBSERVATION', title: 'Observed', dateFrom: '2026-01-10', mappings: [] } },
        { as: as.practitioner },
      );
      if (!made.data) throw new Error(JSON.stringify(made.errors));
      return {
        as: as.practitioner!,
        input: {
          evidenceVersionId: made.data.createEvidence.id,
          contributorName: 'c',
          contributorRole: 'PROFESSIONAL',
        },
      };
    },
    createEvidence: async () => ({
      as: as.practitioner!,
      input: {
        kind: 'WRITTEN_REPORT',
        title: 't',
        dateFrom: '2026-01-15',
        description: 'd',
        learning: 'l',
        impact: 'i',
        peerReflection: { text: 'p', peerRole: 'r', discussedOn: '2026-01-20' },
        mappings: [pcf('KNOWLEDGE', 'SOCIAL_WORKER', 'r')],
      },
    }),
    updateEvidence: async () => ({
      as: as.practitioner!,
      input: {
        evidenceId: org.draftEvidenceId,
        title: 't',
        description: 'd',
        learning: 'l',
        impact: 'i',
        peerReflection: { text: 'p', peerRole: 'r', discussedOn: '2026-01-20' },
        mappings: [pcf('VALUES_AND_ETHICS', 'SOCIAL_WORKER', 'r')],
      },
    }),
    createTeam: async () => ({ as: as.admin!, input: { name: 'n' } }),
    revokeCredential: async () => {
      const member = await createMember(ctx.dataSource, org.organisationId, ['PRACTITIONER']);
      const qualificationId = await createQualification(
        ctx.dataSource,
        org.organisationId,
        member.user.id,
        'ASYE_COMPLETED',
        { awardedOn: '2026-07-01', verifiedByUserId: org.users.psw },
      );
      const issued = await gql<{ issueCredential: { id: string } }>(
        ctx.app,
        `mutation ($input: IssueCredentialInput!) { issueCredential(input: $input) { id } }`,
        { input: { kind: 'QUALIFICATION', sourceId: qualificationId } },
        { as: await login(ctx.app, member.email) },
      );
      if (!issued.data) throw new Error(JSON.stringify(issued.errors));
      return {
        as: as.psw!,
        input: { credentialId: issued.data.issueCredential.id, reason: 'ISSUED_IN_ERROR', note: 'n' },
      };
    },
    placeLegalHold: async () => ({ as: as.admin!, input: { userId: org.users.practitioner, reason: 'r' } }),
    inviteMember: async () => ({
      as: as.admin!,
      input: { email: 'injected.person@test.example', fullName: 'f', roles: ['PRACTITIONER'] },
    }),
    recordQualification: async () => ({
      as: as.practitioner!,
      input: { type: 'OTHER', title: 't', awardedOn: '2025-01-10' },
    }),
    createPathwayFromTemplate: async () => ({ as: as.psw!, input: { name: 'n', description: 'd' } }),
    updatePathwayDraft: async () => {
      const { rows } = await client.query<{ id: string; revision: number }>(
        `SELECT id, revision FROM pathway_version WHERE organisation_id = $1 AND status = 'DRAFT' ORDER BY created_at DESC LIMIT 1`,
        [org.organisationId],
      );
      return {
        as: as.psw!,
        input: {
          versionId: rows[0]!.id,
          expectedRevision: rows[0]!.revision,
          design: {
            pcfVersion: '2018',
            stages: [
              { key: 'SOCIAL_WORKER', name: 'n', description: 'd', typicalGrade: 'g' },
              { key: 'EXPERIENCED_SOCIAL_WORKER', name: 'n', description: 'd', typicalGrade: 'g' },
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
      };
    },
    putPathwayRoute: async () => {
      const { rows } = await client.query<{ id: string; revision: number }>(
        `SELECT id, revision FROM pathway_version WHERE organisation_id = $1 AND status = 'DRAFT' ORDER BY created_at DESC LIMIT 1`,
        [org.organisationId],
      );
      return {
        as: as.psw!,
        input: {
          versionId: rows[0]!.id,
          expectedRevision: rows[0]!.revision,
          stage: { key: 'CONSULTANT_SOCIAL_WORKER', name: 'n', description: 'd', typicalGrade: 'g' },
          route: {
            key: 'EXPERIENCED_TO_CONSULTANT_INJECTED',
            fromStageKey: 'SOCIAL_WORKER',
            toStageKey: 'CONSULTANT_SOCIAL_WORKER',
            mechanism: 'PANEL',
            criteria: { type: 'MIN_POST_QUALIFYING_MONTHS', months: 36 },
          },
        },
      };
    },
    reviewEvidence: async () => {
      const { rows } = await client.query<{ id: string; revision: number }>(
        `SELECT id, revision FROM evidence_version WHERE organisation_id = $1 AND reviewer_user_id = $2 AND status = 'SUBMITTED' LIMIT 1`,
        [org.organisationId, org.users.reviewer],
      );
      const version = rows[0] ?? (await submittedToReviewer());
      const { rows: mappings } = await client.query<{ id: string }>(
        `SELECT id FROM evidence_mapping WHERE evidence_version_id = $1 ORDER BY position`,
        [version.id],
      );
      return {
        as: as.reviewer!,
        input: {
          evidenceVersionId: version.id,
          expectedRevision: version.revision,
          outcome: 'REQUEST_CHANGES',
          comment: 'c',
          mappingDecisions: mappings.map((m) => ({
            mappingId: m.id,
            decision: 'NOT_ACCEPTED',
            comment: 'c',
          })),
        },
      };
    },
    // Each piece's text as a single review's: one piece, its own submission.
    reviewEvidenceBatch: async () => {
      const version = await submittedToReviewer();
      const { rows: mappings } = await client.query<{ id: string }>(
        `SELECT id FROM evidence_mapping WHERE evidence_version_id = $1 ORDER BY position`,
        [version.id],
      );
      return {
        as: as.reviewer!,
        // The comments come back on each entry's version's review and mappings.
        depth: 4,
        input: {
          reviews: [
            {
              evidenceVersionId: version.id,
              expectedRevision: version.revision,
              outcome: 'REQUEST_CHANGES',
              comment: 'c',
              mappingDecisions: mappings.map((m) => ({
                mappingId: m.id,
                decision: 'NOT_ACCEPTED',
                comment: 'c',
              })),
            },
          ],
        },
      };
    },
    applyForRoute: async () => ({
      as: (await newNqsw()).session,
      input: { routeKey: 'NQSW_TO_SOCIAL_WORKER', statement: 's' },
    }),
    putForwardForRoute: async () => ({
      as: as.psw!,
      input: { practitionerUserId: (await newNqsw()).id, routeKey: 'NQSW_TO_SOCIAL_WORKER', statement: 's' },
    }),
    addFrameworkAlignment: async () => {
      const { rows } = await client.query<{ id: string }>(
        `SELECT i.id FROM framework_item i JOIN framework_version v ON v.id = i.framework_version_id
           JOIN framework f ON f.id = v.framework_id
          WHERE (f.code, v.version, i.code) IN (('PCF', '2018', 'VALUES_AND_ETHICS'), ('KSS_CHILD_AND_FAMILY', '2018', '2'))
          ORDER BY f.code DESC`,
      );
      return {
        as: as.psw!,
        input: {
          fromItemId: rows[0]!.id,
          toItemId: rows[1]!.id,
          type: 'isRelatedTo',
          confirmed: false,
          source: 's',
        },
      };
    },
    updateFrameworkAlignment: async () => {
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO framework_alignment (organisation_id, from_item_id, to_item_id, type, confirmed, source, created_by_user_id)
         SELECT $1, a.id, b.id, 'replacedBy', false, 's', $2
           FROM framework_item a, framework_item b
           JOIN framework_version v ON v.id = b.framework_version_id JOIN framework f ON f.id = v.framework_id
          WHERE a.id = (SELECT i.id FROM framework_item i JOIN framework_version iv ON iv.id = i.framework_version_id
                          JOIN framework fi ON fi.id = iv.framework_id
                         WHERE fi.code = 'PCF' AND iv.version = '2012' AND i.code = 'KNOWLEDGE')
            AND f.code = 'PCF' AND v.version = '2018' AND b.code = 'KNOWLEDGE'
         RETURNING id`,
        [org.organisationId, org.users.psw],
      );
      return { as: as.psw!, input: { alignmentId: rows[0]!.id, confirmed: true, source: 's' } };
    },
    decideProgressionApplication: async () => {
      const { rows } = await client.query<{ id: string }>(
        `SELECT id FROM progression_application WHERE organisation_id = $1 AND status = 'OPEN' LIMIT 1`,
        [org.organisationId],
      );
      return { as: as.psw!, input: { applicationId: rows[0]!.id, decision: 'DEFER', reasons: 'r' } };
    },
    recordSupervision: async () => ({
      as: as.reviewer!,
      input: {
        superviseeId: org.users.practitioner,
        date: '2026-01-20',
        durationMinutes: 60,
        kind: 'REFLECTIVE',
        notes: 'n',
      },
    }),
    createEvidenceFromSupervision: async () => {
      const made = await gql<{ recordSupervision: { id: string } }>(
        ctx.app,
        `mutation ($input: RecordSupervisionInput!) { recordSupervision(input: $input) { id } }`,
        {
          input: {
            superviseeId: org.users.practitioner,
            date: '2026-01-21',
            durationMinutes: 45,
            kind: 'REFLECTIVE',
            notes: 'n',
          },
        },
        { as: as.reviewer },
      );
      if (!made.data) throw new Error(JSON.stringify(made.errors));
      return {
        as: as.practitioner!,
        input: {
          supervisionId: made.data.recordSupervision.id,
          title: 't',
          description: 'd',
          learning: 'l',
          impact: 'i',
        },
      };
    },
  };

  /** Mutations with free text not run here, each with its reason. */
  const NOT_RUN: Record<string, string> = {
    recordAsyeReviewPoint:
      'needs an ASYE a year old; its refusals and text are covered by asye-journey.e2e-spec.ts',
    recommendAsyeOutcome: 'as recordAsyeReviewPoint',
    confirmAsyeOutcome: 'as recordAsyeReviewPoint',
    acceptInvitation: 'needs the emailed token; covered by invitations.e2e-spec.ts',
    submitContribution:
      'its answer (a receipt) repeats none of the text; what it stores is checked by contributions.e2e-spec.ts',
    submitCountersignature:
      'its answer (a receipt) repeats none of the text; what it stores is read back verbatim by countersignatures.e2e-spec.ts',
    recordAsyeSecondOpinion:
      'as recordAsyeReviewPoint, and a named second assessor; its reasons are read back by asye-second-opinions.e2e-spec.ts',
    reconcileSignOff:
      'needs a countersignature that disagreed, given by one-time link; its reason is read back by sign-off-reconciliation.e2e-spec.ts',
  };

  async function submittedToReviewer(): Promise<{ id: string; revision: number }> {
    const created = await gql<{ createEvidence: { evidenceId: string } }>(
      ctx.app,
      `mutation ($input: CreateEvidenceInput!) { createEvidence(input: $input) { evidenceId } }`,
      {
        input: {
          kind: 'CRITICAL_REFLECTION',
          title: 'To review',
          dateFrom: '2026-01-10',
          mappings: [pcf('KNOWLEDGE', 'SOCIAL_WORKER')],
        },
      },
      { as: as.practitioner },
    );
    const submitted = await gql<{ submitEvidence: { id: string; revision: number } }>(
      ctx.app,
      `mutation ($input: SubmitEvidenceInput!) { submitEvidence(input: $input) { id revision } }`,
      { input: { evidenceId: created.data!.createEvidence.evidenceId, reviewerUserId: org.users.reviewer } },
      { as: as.practitioner },
    );
    if (!submitted.data) throw new Error(JSON.stringify(submitted.errors));
    return submitted.data.submitEvidence;
  }

  it('should have a case for every mutation that stores free text', () => {
    const withText = listOperations(schema)
      .filter(
        (op) => op.kind === 'mutation' && op.field.args.some((a) => freeTextPaths(a.type, [a.name]).length),
      )
      .map((op) => op.name);
    expect(withText.filter((name) => !(name in CASES) && !(name in NOT_RUN))).toEqual([]);
  });

  it.each(Object.keys(CASES))('should store and return every text field of %s verbatim', async (name) => {
    const op = listOperations(schema).find((o) => o.name === name && o.kind === 'mutation');
    if (!op) return; // the mutation is gone from the schema
    const { as: caller, input, depth = 2 } = await CASES[name]!();
    const paths = op.field.args.flatMap((a) => freeTextPaths(a.type, [a.name]));
    const used: string[] = [];
    const injected = inject(input, paths, used);
    expect(used.length).toBeGreaterThan(0);
    const document = `mutation ($input: ${String(op.field.args.find((a) => a.name === 'input')!.type)}) { ${name}(input: $input) ${selectionFor(op.field.type, depth)} }`;
    const res = await gql(ctx.app, document, { input: injected }, { as: caller });
    expect(res.errors).toBeUndefined();
    const body = JSON.stringify(res.data);
    const notStored: string[] = [];
    for (const value of used) if (!(await storedVerbatim(value))) notStored.push(value);
    expect(notStored).toEqual([]);
    // Returned verbatim wherever the answer shows the field.
    const shown = used.filter((v) => body.includes(JSON.stringify(v).slice(1, -1)));
    expect(shown.length).toBeGreaterThan(0);
  });

  it('should take every string argument of every query without an internal error', async () => {
    const failures: string[] = [];
    for (const op of listOperations(schema).filter((o) => o.kind === 'query')) {
      const strings = op.field.args.filter((a) => getNamedType(a.type).name === 'String');
      for (const arg of strings) {
        for (const payload of [...PAYLOADS, 'a\u0000b', '1e-7']) {
          const built = buildOperation(schema, op, pickerFor(org), {
            args: { [arg.name]: payload },
            depth: 1,
          });
          const res: GqlResult<unknown> = await gql(ctx.app, built.document, built.variables, { as: as.psw });
          const codes = (res.errors ?? []).map((e) => String(e.extensions?.code));
          if (res.status >= 500 || codes.includes('INTERNAL_SERVER_ERROR'))
            failures.push(`${op.name}(${arg.name}: ${payload})`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
