import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { randomUUID } from 'node:crypto';
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
const REVOKE = `mutation ($input: RevokeCredentialInput!) {
  revokeCredential(input: $input) { id revokedAt revocationReason revocationNote credential }
}`;

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

  async function revoke(as: CreatedMember, input: Record<string, unknown>) {
    return gql<{
      revokeCredential: {
        id: string;
        revokedAt: string;
        revocationReason: string;
        revocationNote: string | null;
      };
    }>(ctx.app, REVOKE, { input: { reason: 'APPROVAL_OVERTURNED', ...input } }, { as: await sessionOf(as) });
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

  describe('revocation', () => {
    it('should let a PSW revoke with a reason; /verify then says revoked, with the date and never the reason', async () => {
      const piece = await signOff();
      const issued = (await issue(practitioner, 'EVIDENCE_SIGN_OFF', piece.reviewId!)).data!.issueCredential;
      expect(issued.credential.credentialStatus).toMatchObject({
        type: 'BitstringStatusListEntry',
        statusPurpose: 'revocation',
      });
      clock.set('2026-07-02T09:30:00Z');

      const note = 'The sign-off was recorded against the wrong piece.';
      const res = await revoke(psw, { credentialId: issued.id, note });
      expect(res.errors).toBeUndefined();
      expect(res.data!.revokeCredential).toMatchObject({
        id: issued.id,
        revokedAt: '2026-07-02T09:30:00.000Z',
        revocationReason: 'APPROVAL_OVERTURNED',
        revocationNote: note,
      });

      for (const answer of [await verifyCode(issued.verificationCode), await verifyJwt(issued.jwt)]) {
        expect(answer.status).toBe(200);
        expect(answer.body).toMatchObject({
          verified: false,
          outcome: 'REVOKED',
          revokedAt: '2026-07-02T09:30:00.000Z',
          credential: { subject: { name: 'Jo Bloggs' } },
        });
        expect(JSON.stringify(answer.body)).not.toMatch(/APPROVAL_OVERTURNED|wrong piece/);
      }
      const page = await verifyCode(issued.verificationCode).set('accept', 'text/html');
      expect(page.text).toContain('<h1>Credential not verified</h1>');
      expect(page.text).toContain('<dt>Revoked on</dt><dd>2026-07-02T09:30:00.000Z</dd>');
      expect(page.text).not.toContain('wrong piece');

      const [audit] = await ctx.dataSource.query(
        `SELECT actor_user_id, actor_role, occurred_at, changes FROM audit_event
          WHERE organisation_id = $1 AND action = 'CREDENTIAL_REVOKED' AND entity_id = $2`,
        [org.id, issued.id],
      );
      expect(audit).toMatchObject({
        actor_user_id: psw.user.id,
        actor_role: 'PRINCIPAL_SOCIAL_WORKER',
        changes: { reason: 'APPROVAL_OVERTURNED', withNote: true, kind: 'EVIDENCE_SIGN_OFF' },
      });
      expect(JSON.stringify(audit.changes)).not.toContain('wrong piece');

      const again = await revoke(psw, { credentialId: issued.id, reason: 'ISSUED_IN_ERROR' });
      expect(errorCode(again)).toBe('CONFLICT');
      expect(again.errors![0]!.extensions).toMatchObject({
        domainCode: 'CREDENTIAL_ALREADY_REVOKED',
        field: 'input.credentialId',
      });
    });

    it('should let the reviewer who signed off revoke, and nobody else but a PSW', async () => {
      const otherAssessor = await createMember(ctx.dataSource, org.id, ['ASSESSOR', 'PRACTITIONER']);
      const colleague = await createMember(ctx.dataSource, org.id, ['PRACTITIONER']);
      const piece = await signOff();
      const issued = (await issue(practitioner, 'EVIDENCE_SIGN_OFF', piece.reviewId!)).data!.issueCredential;

      for (const as of [practitioner, colleague, otherAssessor, admin]) {
        const refused = await revoke(as, { credentialId: issued.id });
        expect({ who: as.email, code: errorCode(refused) }).toEqual({ who: as.email, code: 'FORBIDDEN' });
      }
      const [{ revoked }] = await ctx.dataSource.query(
        `SELECT count(*)::int AS revoked FROM issued_credential WHERE revoked_at IS NOT NULL`,
      );
      expect(revoked).toBe(0);

      const byReviewer = await revoke(assessor, { credentialId: issued.id, reason: 'ISSUED_IN_ERROR' });
      expect(byReviewer.errors).toBeUndefined();
      expect(byReviewer.data!.revokeCredential.revocationReason).toBe('ISSUED_IN_ERROR');
      const listed = await gql<{ credentials: { revokedAt: string | null }[] }>(
        ctx.app,
        `query { credentials { revokedAt revocationReason } }`,
        {},
        { as: await sessionOf(practitioner) },
      );
      expect(listed.data!.credentials).toEqual([
        { revokedAt: '2026-07-01T10:00:00.000Z', revocationReason: 'ISSUED_IN_ERROR' },
      ]);
    });

    it('should answer NOT_FOUND for another organisation’s credential as for a random id, and check its input', async () => {
      const piece = await signOff();
      const issued = (await issue(practitioner, 'EVIDENCE_SIGN_OFF', piece.reviewId!)).data!.issueCredential;
      const elsewhere = await createOrganisation(ctx.dataSource, { name: 'Southshire Council' });
      const foreignPsw = await createMember(ctx.dataSource, elsewhere.id, ['PRINCIPAL_SOCIAL_WORKER']);

      for (const credentialId of [issued.id, randomUUID()]) {
        const res = await revoke(credentialId === issued.id ? foreignPsw : psw, { credentialId });
        expect(errorCode(res)).toBe('NOT_FOUND');
        expect(res.errors![0]!.extensions).toMatchObject({ domainCode: 'CREDENTIAL_NOT_FOUND' });
      }
      expect(errorCode(await revoke(psw, { credentialId: 'not-a-uuid' }))).toBe('BAD_USER_INPUT');
      expect(errorCode(await revoke(psw, { credentialId: issued.id, reason: 'BORED' }))).toBe(
        'BAD_USER_INPUT',
      );
      expect(errorCode(await revoke(psw, { credentialId: issued.id, note: 'x'.repeat(2001) }))).toBe(
        'BAD_USER_INPUT',
      );

      const note = 'Spoke to her at home, SW1A 1AA.';
      const flagged = await revoke(psw, { credentialId: issued.id, note });
      expect(flagged.errors![0]!.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        domainCode: 'IDENTIFIERS_DETECTED',
        field: 'input.note',
      });
      const confirmed = await revoke(psw, { credentialId: issued.id, note, confirmNoIdentifiers: true });
      expect(confirmed.errors).toBeUndefined();
    });

    it('should keep a credential issued before status lists verifying, and report its revocation on /verify', async () => {
      // As credentials were signed before revocation: no credentialStatus, a bare key id, a urn issuer.
      const { publicKey, privateKey } = await generateKeyPair('EdDSA', { extractable: true });
      const kid = `older-${randomUUID()}`.slice(0, 40);
      await ctx.dataSource.query(
        `INSERT INTO signing_key (kid, organisation_id, algorithm, public_jwk, encrypted_private_key, retired_at)
         VALUES ($1, $2, 'EdDSA', $3, 'v1.retired', now())`,
        [kid, org.id, await exportJWK(publicKey)],
      );
      const qualificationId = await createQualification(ctx.dataSource, org.id, practitioner.user.id, 'BIA', {
        verifiedByUserId: psw.user.id,
      });
      const id = randomUUID();
      const vc = {
        '@context': ['https://www.w3.org/ns/credentials/v2'],
        id: `urn:uuid:${id}`,
        type: ['VerifiableCredential', 'OpenBadgeCredential'],
        issuer: { id: `urn:uuid:${org.id}`, type: ['Profile'], name: 'Northshire Council' },
        validFrom: '2026-06-01T10:00:00.000Z',
        credentialSubject: {
          type: ['AchievementSubject'],
          achievement: {
            type: ['Achievement'],
            name: 'Best Interests Assessor',
            description: 'd',
            achievementType: 'Certificate',
          },
        },
      };
      const jwt = await new SignJWT({ vc })
        .setProtectedHeader({ alg: 'EdDSA', kid, typ: 'JWT' })
        .setIssuer(`urn:uuid:${org.id}`)
        .setJti(`urn:uuid:${id}`)
        .setIssuedAt(new Date('2026-06-01T10:00:00Z'))
        .sign(privateKey);
      await ctx.dataSource.query(
        `INSERT INTO issued_credential (organisation_id, id, kind, source_id, subject_user_id, verification_code, kid, jwt, issued_at, issued_by_user_id)
         VALUES ($1, $2, 'QUALIFICATION', $3, $4, '0000-0000-0042', $5, $6, '2026-06-01T10:00:00Z', $4)`,
        [org.id, id, qualificationId, practitioner.user.id, kid, jwt],
      );
      expect((await verifyCode('0000-0000-0042')).body).toMatchObject({
        verified: true,
        outcome: 'VERIFIED',
      });

      const res = await revoke(psw, { credentialId: id, reason: 'QUALIFICATION_WITHDRAWN' });
      expect(res.errors).toBeUndefined();
      expect((await verifyJwt(jwt)).body).toMatchObject({
        verified: false,
        outcome: 'REVOKED',
        revokedAt: '2026-07-01T10:00:00.000Z',
      });
      const [{ lists }] = await ctx.dataSource.query(
        `SELECT count(*)::int AS lists FROM credential_status_list`,
      );
      expect(lists).toBe(0);
    });
  });
});
