import request from 'supertest';
import type { OrganisationEntity } from '#app/persistence';
import {
  createMember,
  createOrganisation,
  createQualification,
  errorCode,
  gql,
  type CreatedMember,
} from '#app/testing';
import { createTestApp, type E2eContext } from './support/create-test-app.js';
import { FixedClock } from './support/fixed-clock.js';
import { login, type Session } from './support/sessions.js';
import { insertPiece, insertPublishedPathway, insertStage } from './support/sharing-fixtures.js';

const ISSUE = `mutation ($input: IssueCredentialInput!) {
  issueCredential(input: $input) { id kind sourceId verificationCode verifyUrl jwt keyId issuedAt validUntil credential }
}`;
const ROTATE = `mutation { rotateCredentialSigningKey { keyId retiredKeyId algorithm } }`;
const CREDENTIALS = `query ($practitionerUserId: ID) { credentials(practitionerUserId: $practitionerUserId) { kind verificationCode } }`;

interface Issued {
  id: string;
  verificationCode: string;
  verifyUrl: string;
  jwt: string;
  keyId: string;
  credential: Record<string, any>;
}

describe('verifiable sign-offs (e2e)', () => {
  const clock = new FixedClock(new Date('2026-07-01T10:00:00Z'));
  let ctx: E2eContext;
  let org: OrganisationEntity;
  let practitioner: CreatedMember;
  let assessor: CreatedMember;
  let psw: CreatedMember;
  let admin: CreatedMember;

  beforeAll(async () => {
    ctx = await createTestApp({}, { clock });
  });
  let sessions: Map<string, Session>;
  /** One sign-in per member and test (password hashing is slow on purpose). */
  const sessionOf = async (member: CreatedMember) => {
    if (!sessions.has(member.email)) sessions.set(member.email, await login(ctx.app, member.email));
    return sessions.get(member.email)!;
  };

  beforeEach(async () => {
    sessions = new Map();
    clock.set('2026-07-01T10:00:00Z');
    org = await createOrganisation(ctx.dataSource, { name: 'Northshire Council' });
    practitioner = await createMember(ctx.dataSource, org.id, ['PRACTITIONER'], {
      fullName: 'Jo Bloggs',
      registrationNumber: 'SW100001',
    });
    assessor = await createMember(ctx.dataSource, org.id, ['ASSESSOR', 'PRACTITIONER'], {
      fullName: 'Sam Assessor',
    });
    psw = await createMember(ctx.dataSource, org.id, ['PRINCIPAL_SOCIAL_WORKER'], {
      fullName: 'Pat Principal',
    });
    admin = await createMember(ctx.dataSource, org.id, ['ORG_ADMIN']);
  });
  afterEach(() => ctx.reset());
  afterAll(() => ctx.close());

  const verifyCode = (code: string) => request(ctx.app.getHttpServer()).get(`/verify/${code}`);
  const verifyJwt = (credential: string) =>
    request(ctx.app.getHttpServer()).post('/verify').send({ credential });

  async function issue(as: CreatedMember, kind: string, sourceId: string) {
    return gql<{ issueCredential: Issued }>(
      ctx.app,
      ISSUE,
      { input: { kind, sourceId } },
      { as: await sessionOf(as) },
    );
  }

  async function signOff() {
    return insertPiece(ctx.dataSource, org.id, practitioner.user.id, assessor.user.id, {
      title: 'Home visit with a confidential detail',
      description: 'Private evidence text that must never leave the portfolio.',
      itemCodes: ['PROFESSIONALISM', 'KNOWLEDGE'],
      standing: {
        regulator: 'SOCIAL_WORK_ENGLAND',
        registrationNumber: 'SW200002',
        qualification: 'PEPS_STAGE_2',
      },
    });
  }

  it('should issue a sign-off credential that anyone can verify by code, without the evidence text', async () => {
    const piece = await signOff();
    const res = await issue(practitioner, 'EVIDENCE_SIGN_OFF', piece.reviewId!);
    expect(res.errors).toBeUndefined();
    const issued = res.data!.issueCredential;
    expect(issued.verificationCode).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(issued.verifyUrl).toMatch(new RegExp(`/verify/${issued.verificationCode}$`));
    expect(issued.credential.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);

    const again = await issue(practitioner, 'EVIDENCE_SIGN_OFF', piece.reviewId!);
    expect(again.data!.issueCredential.id).toBe(issued.id);

    const verified = await verifyCode(issued.verificationCode.toLowerCase());
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({
      verified: true,
      outcome: 'VERIFIED',
      credential: {
        issuer: { name: 'Northshire Council' },
        subject: { name: 'Jo Bloggs', registrationNumber: 'SW100001' },
        signedBy: {
          name: 'Sam Assessor',
          capacity: 'ASYE_ASSESSOR',
          qualification: 'PEPS_STAGE_2',
          registrationNumber: 'SW200002',
        },
        decidedOn: '2026-06-10',
        keyId: issued.keyId,
      },
    });
    expect(verified.body.credential.achievement.alignments.map((a: any) => a.targetCode).sort()).toEqual([
      'KNOWLEDGE',
      'PROFESSIONALISM',
    ]);
    const text = JSON.stringify(verified.body) + JSON.stringify(issued.credential);
    expect(text).not.toContain('Private evidence text');
    expect(text).not.toContain('confidential detail');

    const audit = await ctx.dataSource.query(`SELECT action FROM audit_event WHERE organisation_id = $1`, [
      org.id,
    ]);
    expect(audit.map((a: { action: string }) => a.action)).toContain('CREDENTIAL_ISSUED');
  });

  it('should say why a tampered, foreign-key, malformed or unknown credential fails', async () => {
    const piece = await signOff();
    const { jwt } = (await issue(practitioner, 'EVIDENCE_SIGN_OFF', piece.reviewId!)).data!.issueCredential;
    const [header, payload, signature] = jwt.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    claims.vc.credentialSubject.identifier[0].identityHash = 'Someone Else';
    const tampered = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
    const foreignHeader = Buffer.from(
      JSON.stringify({ alg: 'EdDSA', kid: 'not-a-key-here', typ: 'JWT' }),
    ).toString('base64url');

    const cases: [string, string][] = [
      [tampered, 'SIGNATURE_INVALID'],
      [`${foreignHeader}.${payload}.${signature}`, 'UNKNOWN_KEY'],
      ['not a credential', 'MALFORMED'],
    ];
    for (const [credential, outcome] of cases) {
      const res = await verifyJwt(credential);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ verified: false, outcome });
      expect(res.body.credential).toBeUndefined();
    }
    expect((await verifyCode('ZZZZ-ZZZZ-ZZZZ')).body).toMatchObject({
      verified: false,
      outcome: 'UNKNOWN_CODE',
    });
    expect((await verifyJwt(jwt)).body).toMatchObject({ verified: true });
  });

  it('should keep old credentials verifying after the key is rotated, and publish both keys', async () => {
    const piece = await signOff();
    const before = (await issue(practitioner, 'EVIDENCE_SIGN_OFF', piece.reviewId!)).data!.issueCredential;

    const denied = await gql(ctx.app, ROTATE, {}, { as: await sessionOf(psw) });
    expect(errorCode(denied)).toBe('FORBIDDEN');
    const rotated = await gql<{ rotateCredentialSigningKey: { keyId: string; retiredKeyId: string } }>(
      ctx.app,
      ROTATE,
      {},
      { as: await sessionOf(admin) },
    );
    expect(rotated.errors).toBeUndefined();
    expect(rotated.data!.rotateCredentialSigningKey.retiredKeyId).toBe(before.keyId);

    const qualificationId = await createQualification(
      ctx.dataSource,
      org.id,
      practitioner.user.id,
      'PEPS_STAGE_1',
      {
        verifiedByUserId: psw.user.id,
      },
    );
    const after = (await issue(practitioner, 'QUALIFICATION', qualificationId)).data!.issueCredential;
    expect(after.keyId).toBe(rotated.data!.rotateCredentialSigningKey.keyId);

    expect((await verifyCode(before.verificationCode)).body).toMatchObject({
      verified: true,
      credential: { keyId: before.keyId },
    });
    expect((await verifyCode(after.verificationCode)).body).toMatchObject({
      verified: true,
      credential: { signedBy: { name: 'Pat Principal', capacity: 'QUALIFICATION_VERIFIER' } },
    });
    const jwks = await request(ctx.app.getHttpServer()).get(`/issuers/${org.id}/jwks.json`);
    expect(jwks.body.keys.map((k: { kid: string }) => k.kid).sort()).toEqual(
      [before.keyId, after.keyId].sort(),
    );
    expect(JSON.stringify(jwks.body)).not.toContain('"d"');
  });

  it('should report an expired qualification credential as expired, with what it said', async () => {
    const [row] = await ctx.dataSource.query(
      `INSERT INTO qualification (organisation_id, user_id, type, title, awarded_on, expires_on, verified_by_user_id, verified_at, recorded_by_user_id)
       VALUES ($1, $2, 'AMHP', 'Approved Mental Health Professional', '2024-01-01', '2026-12-31', $3, now(), $2) RETURNING id`,
      [org.id, practitioner.user.id, psw.user.id],
    );
    const issued = (await issue(practitioner, 'QUALIFICATION', row.id)).data!.issueCredential;
    expect((await verifyCode(issued.verificationCode)).body).toMatchObject({ verified: true });
    clock.set('2027-01-02T00:00:00Z');
    expect((await verifyCode(issued.verificationCode)).body).toMatchObject({
      verified: false,
      outcome: 'EXPIRED',
      credential: { achievement: { name: 'Approved Mental Health Professional' } },
    });
  });

  it('should issue a stage awarded through an approved application, naming who decided', async () => {
    const pathway = await insertPublishedPathway(ctx.dataSource, org.id, psw.user.id);
    const { stageId } = await insertStage(
      ctx.dataSource,
      org.id,
      practitioner.user.id,
      pathway,
      'SOCIAL_WORKER',
      '2026-05-01',
      {
        recordedByUserId: psw.user.id,
        application: { routeKey: 'NQSW_TO_SOCIAL_WORKER', decidedByUserId: psw.user.id },
      },
    );
    const res = await issue(psw, 'STAGE_AWARD', stageId);
    expect(res.errors).toBeUndefined();
    const body = (await verifyCode(res.data!.issueCredential.verificationCode)).body;
    expect(body).toMatchObject({
      verified: true,
      credential: { signedBy: { name: 'Pat Principal', capacity: 'PANEL' } },
    });
    expect(body.credential.achievement.name).toMatch(/Social worker/i);
  });

  it('should refuse what cannot be attested or is not the caller’s, writing nothing', async () => {
    const other = await createMember(ctx.dataSource, org.id, ['PRACTITIONER']);
    const approved = await signOff();
    const sentBack = await insertPiece(ctx.dataSource, org.id, practitioner.user.id, assessor.user.id, {
      status: 'CHANGES_REQUESTED',
    });
    const unverified = await createQualification(ctx.dataSource, org.id, practitioner.user.id, 'BIA');
    const pathway = await insertPublishedPathway(ctx.dataSource, org.id, psw.user.id);
    const recorded = await insertStage(
      ctx.dataSource,
      org.id,
      practitioner.user.id,
      pathway,
      'NQSW',
      '2025-09-01',
      {
        recordedByUserId: psw.user.id,
      },
    );

    const cases: [CreatedMember, string, string, string, string][] = [
      [other, 'EVIDENCE_SIGN_OFF', approved.reviewId!, 'FORBIDDEN', 'ACCESS_DENIED'],
      [assessor, 'EVIDENCE_SIGN_OFF', approved.reviewId!, 'FORBIDDEN', 'ACCESS_DENIED'],
      [practitioner, 'EVIDENCE_SIGN_OFF', sentBack.reviewId!, 'BAD_USER_INPUT', 'CREDENTIAL_NOT_ISSUABLE'],
      [practitioner, 'QUALIFICATION', unverified, 'BAD_USER_INPUT', 'CREDENTIAL_NOT_ISSUABLE'],
      [practitioner, 'STAGE_AWARD', recorded.stageId, 'NOT_FOUND', 'CREDENTIAL_SOURCE_NOT_FOUND'],
      [practitioner, 'EVIDENCE_SIGN_OFF', approved.versionId, 'NOT_FOUND', 'CREDENTIAL_SOURCE_NOT_FOUND'],
    ];
    for (const [as, kind, sourceId, code, domainCode] of cases) {
      const res = await issue(as, kind, sourceId);
      expect({ kind, code: errorCode(res), domainCode: res.errors?.[0]?.extensions?.domainCode }).toEqual({
        kind,
        code,
        domainCode,
      });
      expect(res.errors![0]!.extensions!.field).toBe('input.sourceId');
    }
    const invalid = await issue(practitioner, 'EVIDENCE_SIGN_OFF', 'not-a-uuid');
    expect(errorCode(invalid)).toBe('BAD_USER_INPUT');
    const [{ n }] = await ctx.dataSource.query(`SELECT count(*)::int AS n FROM issued_credential`);
    expect(n).toBe(0);
    const [{ keys }] = await ctx.dataSource.query(`SELECT count(*)::int AS keys FROM signing_key`);
    expect(keys).toBe(0);

    const listed = await gql(
      ctx.app,
      CREDENTIALS,
      { practitionerUserId: practitioner.user.id },
      { as: await sessionOf(other) },
    );
    expect(errorCode(listed)).toBe('FORBIDDEN');
  });
});
