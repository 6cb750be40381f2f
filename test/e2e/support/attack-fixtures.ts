import argon2 from 'argon2';
import { createHash } from 'node:crypto';
import pg from 'pg';
import request from 'supertest';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createMember, createQualification, gql, TEST_PASSWORD } from '#app/testing';
import { seedSyntheticData, syntheticEmail } from '../../../scripts/synthetic/seed-synthetic-data.js';
import type { LeafPicker } from './schema-operations.js';
import { CREATE_EVIDENCE, pcf, TINY_PDF } from './portfolio-operations.js';
import { login, type Session } from './sessions.js';

/*
 * Organisations full of objects for the attack suites: synthetic organisations (people, a published
 * pathway, stages, qualifications, relationships, evidence with reviews), plus what the generator does
 * not make (an attachment with its bytes, audit records, an open application), and helpers to list an
 * organisation's ids, its identifying strings, and a fingerprint of all its rows.
 */

export interface OrganisationFixture {
  organisationId: string;
  /** uuid ids of the organisation's rows, by table. */
  ids: Map<string, string[]>;
  /** Strings that identify the organisation's data: ids, emails, registration numbers, its name. */
  secrets: string[];
  users: { practitioner: string; reviewer: string; psw: string; admin: string };
  /** A draft piece of the practitioner's, created through the API, with one attachment. */
  draftEvidenceId: string;
  attachmentId: string;
  versionIds: { submitted: string | null; approved: string | null };
}

export const MARKER = 'ORG-SECRET-MARKER';

/** Tables with an `organisation_id` column and a uuid `id`, read from the catalogue (new tables included). */
export async function tenantTables(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ table_name: string }>(
    `SELECT c.table_name FROM information_schema.columns c
      WHERE c.table_schema = 'public' AND c.column_name = 'organisation_id'
        AND EXISTS (SELECT 1 FROM information_schema.columns i WHERE i.table_schema = 'public'
                     AND i.table_name = c.table_name AND i.column_name = 'id' AND i.data_type = 'uuid')
        AND c.table_name IN (SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE')
      ORDER BY 1`,
  );
  return rows.map((r) => r.table_name);
}

/** All rows of the organisation (every table with `organisation_id`) and of its members' accounts. */
export async function organisationFingerprint(
  client: pg.ClientBase,
  organisationId: string,
): Promise<string> {
  const { rows: tables } = await client.query<{ table_name: string }>(
    `SELECT DISTINCT table_name FROM information_schema.columns
      WHERE table_schema = 'public' AND column_name = 'organisation_id'
        AND table_name IN (SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE')
      ORDER BY 1`,
  );
  const parts = tables.map(
    (t) =>
      `(SELECT coalesce(md5(string_agg(x::text, '|' ORDER BY x::text)), '') FROM "${t.table_name}" x WHERE x.organisation_id = $1)`,
  );
  parts.push(
    `(SELECT coalesce(md5(string_agg(u::text, '|' ORDER BY u.id)), '') FROM app_user u
       WHERE u.id IN (SELECT user_id FROM membership WHERE organisation_id = $1))`,
  );
  const { rows } = await client.query<{ f: string }>(`SELECT md5(concat_ws(',', ${parts.join(', ')})) AS f`, [
    organisationId,
  ]);
  return rows[0]!.f;
}

async function describeOrganisation(
  client: pg.ClientBase,
  organisationId: string,
  marker: string,
): Promise<Pick<OrganisationFixture, 'ids' | 'secrets'>> {
  const ids = new Map<string, string[]>();
  for (const table of await tenantTables(client)) {
    const { rows } = await client.query<{ id: string }>(
      `SELECT id::text AS id FROM "${table}" WHERE organisation_id = $1 ORDER BY id`,
      [organisationId],
    );
    if (rows.length)
      ids.set(
        table,
        rows.map((r) => r.id),
      );
  }
  const { rows: users } = await client.query<{
    id: string;
    email: string;
    registration_number: string | null;
  }>(
    `SELECT u.id, u.email, u.registration_number FROM app_user u JOIN membership m ON m.user_id = u.id
      WHERE m.organisation_id = $1 ORDER BY u.email`,
    [organisationId],
  );
  ids.set(
    'app_user',
    users.map((u) => u.id),
  );
  const { rows: org } = await client.query<{ name: string; slug: string }>(
    `SELECT name, slug FROM organisation WHERE id = $1`,
    [organisationId],
  );
  ids.set('organisation', [organisationId]);
  const secrets = [
    marker,
    organisationId,
    org[0]!.slug,
    ...[...ids.values()].flat(),
    ...users.flatMap((u) => [u.email, ...(u.registration_number ? [u.registration_number] : [])]),
  ];
  return { ids, secrets: [...new Set(secrets)] };
}

/**
 * Synthetic organisations 1..`orgs` (four practitioners each, three pieces of evidence each), every
 * login with the test password; then, through the API, a draft with an attachment and audit records
 * for each organisation's practitioner, and an open application.
 */
export async function seedAttackOrganisations(
  app: INestApplication,
  databaseUrl: string,
  orgs: number,
): Promise<OrganisationFixture[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await seedSyntheticData(client, {
      orgs,
      practitionersPerOrg: 4,
      evidencePerPractitioner: 3,
      seed: 99,
      asOf: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10),
      passwordHash: await argon2.hash(TEST_PASSWORD, { type: argon2.argon2id }),
    });
    const fixtures: OrganisationFixture[] = [];
    for (let n = 1; n <= orgs; n++) {
      const { rows } = await client.query<{ email: string; id: string; organisation_id: string }>(
        `SELECT u.email, u.id, m.organisation_id FROM app_user u JOIN membership m ON m.user_id = u.id
          WHERE u.email = ANY($1)`,
        [['practitioner', 'reviewer', 'psw', 'admin'].map((k) => syntheticEmail(n, k))],
      );
      const idOf = (k: string) => rows.find((r) => r.email === syntheticEmail(n, k))!.id;
      const organisationId = rows[0]!.organisation_id;
      const marker = `${MARKER}-${n}`;
      const session = await login(app, syntheticEmail(n, 'practitioner'));
      const created = await gql<{ createEvidence: { id: string; evidenceId: string } }>(
        app,
        CREATE_EVIDENCE,
        {
          input: {
            kind: 'WRITTEN_REPORT',
            title: `${marker} report of organisation ${n}`,
            dateFrom: '2026-01-15',
            description: `${marker} description`,
            learning: 'Learning.',
            impact: 'Impact.',
            peerReflection: {
              text: `${marker} peer reflection`,
              peerRole: 'Team manager',
              discussedOn: '2026-01-20',
            },
            mappings: [pcf('KNOWLEDGE', 'SOCIAL_WORKER')],
          },
        },
        { as: session },
      );
      if (!created.data) throw new Error(`fixture evidence: ${JSON.stringify(created.errors)}`);
      const draftEvidenceId = created.data.createEvidence.evidenceId;
      const upload = await request(app.getHttpServer())
        .post(`/evidence/${draftEvidenceId}/attachments`)
        .set('authorization', `Bearer ${session.accessToken}`)
        .set('x-file-name', `${marker}.pdf`)
        .set('content-type', 'application/octet-stream')
        .send(TINY_PDF);
      if (upload.status !== 201) throw new Error(`fixture attachment: ${upload.status} ${upload.text}`);
      // A request for feedback by one-time link (printed: no email), so its id is one of the organisation's.
      const asked = await gql(
        app,
        `mutation ($input: RequestContributionInput!) { requestContribution(input: $input) { request { id } } }`,
        {
          input: {
            evidenceVersionId: created.data.createEvidence.id,
            contributorName: `${marker} contributor`,
            contributorRole: 'PROFESSIONAL',
          },
        },
        { as: session },
      );
      if (!asked.data) throw new Error(`fixture contribution request: ${JSON.stringify(asked.errors)}`);
      const { rows: versions } = await client.query<{ status: string; id: string }>(
        `SELECT DISTINCT ON (status) status, id FROM evidence_version WHERE organisation_id = $1 ORDER BY status, id`,
        [organisationId],
      );
      // An application made through the API: a newly qualified member with a verified ASYE applies.
      const ds = app.get(DataSource);
      const applicant = await createMember(ds, organisationId, ['PRACTITIONER'], {
        fullName: `${marker} applicant`,
        dateQualified: '2025-07-01',
      });
      await client.query(
        `INSERT INTO practitioner_stage (organisation_id, user_id, pathway_id, stage_key, from_date, how_decided, recorded_by_user_id)
         SELECT $1, $2, pathway_id, 'NQSW', DATE '2025-08-01', 'RECORDED', $3
           FROM pathway_version WHERE organisation_id = $1 AND status = 'PUBLISHED'`,
        [organisationId, applicant.user.id, idOf('psw')],
      );
      await createQualification(ds, organisationId, applicant.user.id, 'ASYE_COMPLETED', {
        awardedOn: '2026-07-01',
        verifiedByUserId: idOf('psw'),
      });
      const applied = await gql(
        app,
        `mutation ($input: ApplyForRouteInput!) { applyForRoute(input: $input) { id } }`,
        { input: { routeKey: 'NQSW_TO_SOCIAL_WORKER', statement: `${marker} statement` } },
        { as: await login(app, applicant.email) },
      );
      if (!applied.data) throw new Error(`fixture application: ${JSON.stringify(applied.errors)}`);
      // A link between two reference items, added by the organisation's PSW through the API.
      const { rows: items } = await client.query<{ id: string }>(
        `SELECT i.id FROM framework_item i JOIN framework_version v ON v.id = i.framework_version_id
           JOIN framework f ON f.id = v.framework_id
          WHERE (f.code, v.version, i.code) IN (('PCF', '2018', 'KNOWLEDGE'), ('KSS_CHILD_AND_FAMILY', '2018', '1'))
          ORDER BY f.code DESC`,
      );
      const linked = await gql(
        app,
        `mutation ($input: AddFrameworkAlignmentInput!) { addFrameworkAlignment(input: $input) { id } }`,
        {
          input: {
            fromItemId: items[0]!.id,
            toItemId: items[1]!.id,
            type: 'isRelatedTo',
            confirmed: false,
            source: `${marker} link note`,
          },
        },
        { as: await login(app, syntheticEmail(n, 'psw')) },
      );
      if (!linked.data) throw new Error(`fixture framework link: ${JSON.stringify(linked.errors)}`);
      fixtures.push({
        organisationId,
        ...(await describeOrganisation(client, organisationId, marker)),
        users: {
          practitioner: idOf('practitioner'),
          reviewer: idOf('reviewer'),
          psw: idOf('psw'),
          admin: idOf('admin'),
        },
        draftEvidenceId,
        attachmentId: upload.body.id as string,
        versionIds: {
          submitted: versions.find((v) => v.status === 'SUBMITTED')?.id ?? null,
          approved: versions.find((v) => v.status === 'APPROVED')?.id ?? null,
        },
      });
    }
    return fixtures;
  } finally {
    await client.end();
  }
}

export async function loginAs(app: INestApplication, orgNo: number, who: string): Promise<Session> {
  return login(app, syntheticEmail(orgNo, who));
}

const snake = (camel: string) => camel.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Which of the organisation's ids an ID argument or input field named `name` should carry. */
export function idFor(fixture: OrganisationFixture, name: string, operation: string): string {
  const first = (table: string) => fixture.ids.get(table)?.[0];
  const lower = name.toLowerCase();
  const person =
    /(user|member|practitioner|assessor|reviewer|supervisor|supervisee|countersigner|verifier|lineManager|owner|subject|recipient|nqsw)(User)?Ids?$/i;
  if (person.test(name)) {
    if (/assessor|reviewer|supervisor(?!e)|countersigner|verifier|lineManager/i.test(name))
      return fixture.users.reviewer;
    return fixture.users.practitioner;
  }
  if (lower === 'evidenceid') return fixture.draftEvidenceId;
  if (lower === 'attachmentid') return fixture.attachmentId;
  if (lower === 'organisationid') return fixture.organisationId;
  if (lower === 'versionid' || lower === 'evidenceversionid') {
    if (/pathway/i.test(operation)) return first('pathway_version')!;
    return fixture.versionIds.submitted ?? first('evidence_version')!;
  }
  if (lower === 'relationshipid' || lower === 'assessorrelationshipid')
    return first('assessor_relationship')!;
  if (lower === 'programmeid') return first('asye_programme') ?? randomish(name);
  // `fooId` → table `foo`, or a table ending in `_foo`; a bare `id` → the table the operation names.
  const stem = lower === 'id' ? null : snake(name.replace(/Ids?$/, ''));
  const tables = [...fixture.ids.keys()];
  const table = stem
    ? (tables.find((t) => t === stem) ?? tables.find((t) => t.endsWith(`_${stem}`)))
    : tables.filter((t) => snake(operation).includes(t)).sort((a, b) => b.length - a.length)[0];
  if (table === 'evidence') return fixture.draftEvidenceId;
  return (table && first(table)) ?? randomish(name);
}

/** A well-formed id that belongs to nobody. */
function randomish(seed: string): string {
  return `00000000-0000-4000-8000-${createHash('md5').update(seed).digest('hex').slice(0, 12)}`;
}

/** Valid-looking values for every other leaf, by name and type. */
export function placeholder(leaf: { name: string; typeName: string; path: string[] }): unknown {
  const { name, typeName } = leaf;
  switch (typeName) {
    case 'Int':
      if (/first|last|limit/i.test(name)) return 5;
      if (/year/i.test(name)) return 2025;
      if (/minutes/i.test(name)) return 60;
      if (/percent/i.test(name)) return 10;
      if (/months/i.test(name)) return 12;
      if (/revision/i.test(name)) return 1;
      return 1;
    case 'Float':
      return /share/i.test(name) ? 0.5 : 1.5;
    case 'Boolean':
      return /confirm/i.test(name);
    case 'DateTime':
      return '2026-01-15T10:00:00.000Z';
    case 'LocalDate':
      return /^(dateTo|endsOn|to|until|endDate)$/i.test(name) ? '2026-02-15' : '2026-01-15';
    case 'JSON':
    case 'JSONObject':
      return {};
    case 'String':
      break;
    default:
      return null; // enums take their first value; other scalars are filled by the caller
  }
  if (/email/i.test(name)) return 'attacker-placeholder@attack.example';
  if (/password/i.test(name)) return TEST_PASSWORD;
  if (/token/i.test(name)) return 'not-a-token-but-long-enough-to-be-checked';
  if (/registrationYear/i.test(name)) return '2025-26';
  if (/routeKey/i.test(name)) return 'SOCIAL_WORKER_TO_EXPERIENCED';
  if (/stageKey|fromStageKey/i.test(name)) return 'SOCIAL_WORKER';
  if (/toStageKey/i.test(name)) return 'EXPERIENCED_SOCIAL_WORKER';
  if (/frameworkCode/i.test(name) || name === 'code') return 'PCF';
  if (/version/i.test(name)) return '2018';
  if (/itemCode/i.test(name)) return 'KNOWLEDGE';
  if (/levelCode/i.test(name)) return 'SOCIAL_WORKER';
  if (/pathwayCode/i.test(name)) return null;
  if (/cursor|after|before/i.test(name)) return null;
  if (/key$/i.test(name)) return 'ATTACK_KEY';
  return 'Placeholder from the attack suite';
}

/** Ids from `fixture` for ID leaves, placeholders for the rest. */
export function pickerFor(fixture: OrganisationFixture): LeafPicker {
  return (leaf) => (leaf.typeName === 'ID' ? idFor(fixture, leaf.name, leaf.operation) : placeholder(leaf));
}
