import { unzipSync, strFromU8 } from 'fflate';
import { createHash } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { OrganisationEntity } from '#app/persistence';
import {
  createAssessorRelationship,
  createMember,
  createOrganisation,
  createQualification,
  errorCode,
  gql,
  type CreatedMember,
} from '#app/testing';
import { AttachmentStorage } from '../../apps/api/src/modules/attachments/attachment-storage.js';
import { createTestApp, type E2eContext } from './support/create-test-app.js';
import { FixedClock } from './support/fixed-clock.js';
import { login, type Session } from './support/sessions.js';
import { insertPiece, insertPublishedPathway, insertStage } from './support/sharing-fixtures.js';

const REQUEST = `mutation ($input: RequestSubjectAccessExportInput!) {
  requestSubjectAccessExport(input: $input) { id status subjectUserId downloadPath }
}`;
const EXPORTS = `query ($userId: ID) { subjectAccessExports(userId: $userId) { id status contents sizeBytes sha256 downloadPath } }`;
const ERASE = `mutation ($input: ErasePersonInput!) { erasePerson(input: $input) { userId profilePseudonymised deleted retained } }`;
const ISSUE = `mutation ($input: IssueCredentialInput!) { issueCredential(input: $input) { id } }`;

const KINDS = [
  'profile',
  'memberships',
  'evidence',
  'evidenceVersions',
  'evidenceMappings',
  'derivedEvidenceMappings',
  'attachments',
  'reviews',
  'contributionRequests',
  'signOffReconciliations',
  'qualifications',
  'assessorRelationships',
  'stages',
  'applications',
  'supervision',
  'asyeProgrammes',
  'cpdDeclarations',
  'notifications',
  'credentials',
  'auditEvents',
  'signInSessions',
];

const zipBody = (res: request.Response, callback: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};

describe('subject access export and erasure (e2e)', () => {
  let ctx: E2eContext;
  let org: OrganisationEntity;
  let person: CreatedMember;
  let colleague: CreatedMember;
  let assessor: CreatedMember;
  let admin: CreatedMember;
  let sessions: Map<string, Session>;
  // The real time, moved on by the erasure test past the retention period.
  const clock = new FixedClock(new Date());
  const FILE = Buffer.from('%PDF-1.4\n% a private reflection\n%%EOF\n');
  const FILE_SHA = createHash('sha256').update(FILE).digest('hex');

  beforeAll(async () => {
    ctx = await createTestApp(
      {
        JOBS_ENABLED: 'true',
        ATTACHMENTS_DIR: await mkdtemp(join(tmpdir(), 'pathways-attachments-')),
        EXPORTS_DIR: await mkdtemp(join(tmpdir(), 'pathways-exports-')),
      },
      { clock },
    );
  });
  beforeEach(async () => {
    clock.set(new Date());
    sessions = new Map();
    const ds = ctx.dataSource;
    org = await createOrganisation(ds);
    person = await createMember(ds, org.id, ['PRACTITIONER', 'SUPERVISOR'], { fullName: 'Riley Private' });
    colleague = await createMember(ds, org.id, ['PRACTITIONER'], { fullName: 'Casey Colleague' });
    assessor = await createMember(ds, org.id, ['ASSESSOR', 'SUPERVISOR'], { fullName: 'Sam Assessor' });
    admin = await createMember(ds, org.id, ['ORG_ADMIN']);

    // The person's own records of every kind.
    await createAssessorRelationship(ds, org.id, assessor.user.id, person.user.id, 'ASYE_ASSESSOR');
    const mine = await insertPiece(ds, org.id, person.user.id, assessor.user.id, {
      title: 'My observed visit',
      description: 'Private reflection text.',
      standing: {
        regulator: 'SOCIAL_WORK_ENGLAND',
        registrationNumber: 'SW9',
        qualification: 'PEPS_STAGE_2',
      },
    });
    const key = await ctx.app.get(AttachmentStorage).put(org.id, FILE_SHA, FILE);
    await ds.query(
      `INSERT INTO attachment (organisation_id, evidence_version_id, file_name, content_type, size_bytes, sha256, storage_key, uploaded_by_user_id)
       VALUES ($1, $2, 'reflection.pdf', 'application/pdf', $3, $4, $5, $6)`,
      [org.id, mine.versionId, FILE.length, FILE_SHA, key, person.user.id],
    );
    await ds.query(
      `INSERT INTO contribution_request (organisation_id, practitioner_user_id, evidence_id, evidence_version_id, purpose,
                                         token_hash, contributor_name, contributor_email, contributor_role, expires_at)
       VALUES ($1, $2, $3, $4, 'COUNTERSIGNATURE', $5, 'Olu Offsite', 'olu@example.org', 'PRACTICE_EDUCATOR', now() + interval '14 days')`,
      [org.id, person.user.id, mine.evidenceId, mine.versionId, 'f'.repeat(64)],
    );
    await ds.query(
      `INSERT INTO sign_off_reconciliation (organisation_id, review_id, practitioner_user_id, outcome, reason, reconciled_by_user_id, reconciled_at)
       VALUES ($1, $2, $3, 'UPHOLD', 'The observation was sound.', $4, now())`,
      [org.id, mine.reviewId, person.user.id, admin.user.id],
    );
    await createQualification(ds, org.id, person.user.id, 'PEPS_STAGE_1', {
      verifiedByUserId: admin.user.id,
    });
    const pathway = await insertPublishedPathway(ds, org.id, admin.user.id);
    await insertStage(ds, org.id, person.user.id, pathway, 'SOCIAL_WORKER', '2026-05-01', {
      recordedByUserId: admin.user.id,
      application: { routeKey: 'NQSW_TO_SOCIAL_WORKER', decidedByUserId: admin.user.id },
    });
    await ds.query(
      `INSERT INTO supervision (organisation_id, supervisor_user_id, supervisee_user_id, held_on, minutes, kind, notes, recorded_by_user_id)
       VALUES ($1, $2, $3, '2026-06-01', 90, 'REFLECTIVE', 'Notes about the person.', $2),
              ($1, $3, $4, '2026-06-02', 60, 'REFLECTIVE', 'Notes about the colleague.', $3)`,
      [org.id, assessor.user.id, person.user.id, colleague.user.id],
    );
    await ds.query(
      `INSERT INTO asye_programme (organisation_id, practitioner_user_id, assessor_user_id, line_manager_user_id, start_date,
                                   protected_time_percent, created_by_user_id)
       VALUES ($1, $2, $3, $3, '2025-09-01', 10, $3)`,
      [org.id, person.user.id, assessor.user.id],
    );
    await ds.query(
      `INSERT INTO cpd_declaration (organisation_id, user_id, regulator, made_on, rule_set_id) VALUES ($1, $2, 'SSSC', '2026-06-01', 'SSSC_2024_ANNUAL_DECLARATION')`,
      [org.id, person.user.id],
    );
    await ds.query(
      `INSERT INTO notification (organisation_id, recipient_user_id, kind, title, body, dedupe_key)
       VALUES ($1, $2, 'CPD_DEADLINE', 'CPD due', 'Record your CPD.', 'cpd:2026')`,
      [org.id, person.user.id],
    );
    // A remap derived a mapping of theirs onto another framework version (PCF 2012's Knowledge, say).
    await ds.query(
      `WITH run AS (
         INSERT INTO framework_remap_run (organisation_id, from_version_id, to_version_id, run_by_user_id,
                                          derived_count, already_derived_count, already_mapped_count, unmapped_count)
         SELECT $1, fv.id, (SELECT v12.id FROM framework_version v12 JOIN framework f12 ON f12.id = v12.framework_id
                             WHERE f12.code = 'PCF' AND v12.version = '2012'), $3, 1, 0, 0, 0
           FROM framework_version fv JOIN framework f ON f.id = fv.framework_id WHERE f.code = 'PCF' AND fv.version = '2018'
         RETURNING id)
       INSERT INTO derived_evidence_mapping (organisation_id, source_mapping_id, framework_item_id, via, remap_run_id)
       SELECT $1, m.id, i.id, 'exactMatchOf', run.id
         FROM run, evidence_mapping m JOIN evidence_version v ON v.organisation_id = m.organisation_id AND v.id = m.evidence_version_id,
              framework_item i JOIN framework_version iv ON iv.id = i.framework_version_id JOIN framework fi ON fi.id = iv.framework_id
        WHERE m.organisation_id = $1 AND v.owner_user_id = $2 AND fi.code = 'PCF' AND iv.version = '2012' AND i.code = 'KNOWLEDGE'`,
      [org.id, person.user.id, admin.user.id],
    );
    // A sign-off the person gave (the organisation keeps it after erasure).
    await createAssessorRelationship(ds, org.id, person.user.id, colleague.user.id, 'SUPERVISOR');
    await insertPiece(ds, org.id, colleague.user.id, person.user.id, {
      title: 'Colleague’s piece',
      capacity: 'SUPERVISOR',
    });
    const issued = await gql(
      ctx.app,
      ISSUE,
      { input: { kind: 'EVIDENCE_SIGN_OFF', sourceId: mine.reviewId } },
      { as: await as(person) },
    );
    expect(issued.errors).toBeUndefined();
  });
  afterEach(() => ctx.reset());
  afterAll(() => ctx.close());

  async function as(member: CreatedMember): Promise<Session> {
    if (!sessions.has(member.email)) sessions.set(member.email, await login(ctx.app, member.email));
    return sessions.get(member.email)!;
  }

  async function waitUntilReady(session: Session, userId: string) {
    for (let i = 0; i < 100; i++) {
      const res = await gql<{ subjectAccessExports: any[] }>(ctx.app, EXPORTS, { userId }, { as: session });
      const [latest] = res.data!.subjectAccessExports;
      if (latest?.status === 'READY' || latest?.status === 'FAILED') return latest;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the export did not finish');
  }

  const download = async (path: string, member: CreatedMember) =>
    request(ctx.app.getHttpServer())
      .get(path)
      .set('authorization', `Bearer ${(await as(member)).accessToken}`)
      .buffer(true)
      .parse(zipBody);

  it('should make, through the job queue, a zip holding every kind of record and the attachment files', async () => {
    const requested = await gql<{ requestSubjectAccessExport: any }>(
      ctx.app,
      REQUEST,
      { input: {} },
      { as: await as(person) },
    );
    expect(requested.errors).toBeUndefined();
    expect(requested.data!.requestSubjectAccessExport).toMatchObject({
      status: 'QUEUED',
      subjectUserId: person.user.id,
      downloadPath: null,
    });

    const ready = await waitUntilReady(await as(person), person.user.id);
    expect(ready.status).toBe('READY');
    const res = await download(ready.downloadPath, person);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    const body = res.body as Buffer;
    expect(createHash('sha256').update(body).digest('hex')).toBe(ready.sha256);

    const files = unzipSync(new Uint8Array(body));
    const records = (kind: string) =>
      JSON.parse(strFromU8(files[`records/${kind}.json`]!)) as Record<string, any>[];
    for (const kind of KINDS) {
      expect({ kind, present: records(kind).length > 0 }).toEqual({ kind, present: true });
      expect(ready.contents[kind]).toBe(records(kind).length);
    }
    expect(records('profile')[0]).toMatchObject({ full_name: 'Riley Private', email: person.email });
    expect(records('evidenceVersions').map((v) => v.description)).toContain('Private reflection text.');
    expect(
      records('reviews')
        .map((r) => r.party)
        .sort(),
    ).toEqual(['ABOUT_THEM', 'GIVEN_BY_THEM']);
    expect(records('reviews').find((r) => r.party === 'GIVEN_BY_THEM')!.comment).toBeNull();
    expect(
      records('supervision')
        .map((s) => [s.party, s.notes])
        .sort(),
    ).toEqual([
      ['SUPERVISEE', 'Notes about the person.'],
      ['SUPERVISOR', null],
    ]);
    expect(records('contributionRequests')[0]).toMatchObject({
      purpose: 'COUNTERSIGNATURE',
      contributor_name: 'Olu Offsite',
      evidence_version_id: expect.any(String),
    });
    expect(records('auditEvents').map((a) => a.action)).toEqual(
      expect.arrayContaining(['CREDENTIAL_ISSUED', 'SUBJECT_ACCESS_REQUESTED']),
    );
    const attachment = records('attachments')[0]!;
    expect(Buffer.from(files[`attachments/${attachment.id}-reflection.pdf`]!)).toEqual(FILE);
    const manifest = JSON.parse(strFromU8(files['subject-access-export.json']!));
    expect(manifest).toMatchObject({ subjectUserId: person.user.id, missingAttachmentFiles: [] });
    const everything = Object.values(files)
      .map((f) => Buffer.from(f).toString('latin1'))
      .join('\n');
    expect(everything).not.toContain('password_hash');
    expect(everything).not.toContain('token_hash');
    expect(everything).not.toContain('Notes about the colleague.');

    // Who else may download or ask.
    expect((await download(ready.downloadPath, admin)).status).toBe(200);
    const refused = await download(ready.downloadPath, colleague);
    expect(refused.status).toBe(404);
    expect(JSON.parse((refused.body as Buffer).toString()).error).toMatchObject({
      domainCode: 'SUBJECT_ACCESS_EXPORT_NOT_FOUND',
    });
    const forSomeoneElse = await gql(
      ctx.app,
      REQUEST,
      { input: { userId: person.user.id } },
      { as: await as(colleague) },
    );
    expect(forSomeoneElse.errors?.[0]?.extensions).toMatchObject({
      domainCode: 'ACCESS_DENIED',
      field: 'input.userId',
    });
    const byAdmin = await gql(
      ctx.app,
      REQUEST,
      { input: { userId: person.user.id } },
      { as: await as(admin) },
    );
    expect(byAdmin.errors).toBeUndefined();
  });

  it('should erase a person who has left, keeping the sign-offs they gave and the audit trail, pseudonymised', async () => {
    const stillHere = await gql(
      ctx.app,
      ERASE,
      { input: { userId: person.user.id, confirm: true } },
      { as: await as(admin) },
    );
    expect(stillHere.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      domainCode: 'ERASURE_NOT_ALLOWED',
      field: 'input.userId',
    });
    expect(
      errorCode(
        await gql(
          ctx.app,
          ERASE,
          { input: { userId: person.user.id, confirm: false } },
          { as: await as(admin) },
        ),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(
      errorCode(
        await gql(
          ctx.app,
          ERASE,
          { input: { userId: person.user.id, confirm: true } },
          { as: await as(colleague) },
        ),
      ),
    ).toBe('FORBIDDEN');
    const [{ n: untouched }] = await ctx.dataSource.query(
      `SELECT count(*)::int AS n FROM evidence WHERE owner_user_id = $1`,
      [person.user.id],
    );
    expect(untouched).toBe(1);

    const ended = await gql(
      ctx.app,
      `mutation ($input: EndMembershipInput!) { endMembership(input: $input) { active } }`,
      { input: { userId: person.user.id, endsOn: clock.today() } },
      { as: await as(admin) },
    );
    expect(ended.errors).toBeUndefined();
    expect(
      (
        await gql(
          ctx.app,
          ERASE,
          { input: { userId: person.user.id, confirm: true } },
          { as: await as(admin) },
        )
      ).errors?.[0]?.extensions,
    ).toMatchObject({ code: 'CONFLICT', domainCode: 'RETENTION_NOT_ENDED', field: 'input.userId' });
    const [{ n: auditBefore }] = await ctx.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE organisation_id = $1 AND (subject_user_id = $2 OR actor_user_id = $2)`,
      [org.id, person.user.id],
    );
    clock.set(new Date(clock.now().getTime() + 90 * 86_400_000)); // the default retention period
    const erased = await gql<{ erasePerson: any }>(
      ctx.app,
      ERASE,
      { input: { userId: person.user.id, confirm: true } },
      { as: await as(admin) },
    );
    expect(erased.errors).toBeUndefined();
    expect(erased.data!.erasePerson).toMatchObject({
      profilePseudonymised: true,
      deleted: {
        evidence: 1,
        evidenceVersions: 1,
        derivedEvidenceMappings: 1,
        attachments: 1,
        credentials: 1,
        qualifications: 1,
        stages: 1,
        applications: 1,
        supervision: 1,
        asyeProgrammes: 1,
        cpdDeclarations: 1,
        notifications: 1,
        contributionRequests: 1,
        signOffReconciliations: 1,
      },
      retained: { signOffsGiven: 1, supervisionGiven: 1, auditEvents: auditBefore },
    });

    const [user] = await ctx.dataSource.query(
      `SELECT full_name, email, password_hash, registration_number FROM app_user WHERE id = $1`,
      [person.user.id],
    );
    expect(user.full_name).toMatch(/^Former member [0-9a-f]{8}$/);
    expect(user).toMatchObject({
      email: `erased-${person.user.id}@erased.invalid`,
      password_hash: null,
      registration_number: null,
    });
    const [{ n: left }] = await ctx.dataSource.query(
      `SELECT count(*)::int AS n FROM evidence WHERE owner_user_id = $1`,
      [person.user.id],
    );
    expect(left).toBe(0);
    const [given] = await ctx.dataSource.query(
      `SELECT reviewer_user_id FROM evidence_review WHERE practitioner_user_id = $1`,
      [colleague.user.id],
    );
    expect(given.reviewer_user_id).toBe(person.user.id);
    const [{ n: auditAfter }] = await ctx.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE organisation_id = $1 AND (subject_user_id = $2 OR actor_user_id = $2)`,
      [org.id, person.user.id],
    );
    expect(auditAfter).toBe(auditBefore + 1);
    await expect(
      ctx.app.get(AttachmentStorage).open(`${org.id}/${FILE_SHA.slice(0, 2)}/${FILE_SHA}`),
    ).rejects.toThrow();
    // The erased person can no longer sign in.
    expect(
      (
        await gql(
          ctx.app,
          `mutation { login(input: { email: "${person.email}", password: "x" }) { accessToken } }`,
        )
      ).errors,
    ).toBeDefined();
  });
});
