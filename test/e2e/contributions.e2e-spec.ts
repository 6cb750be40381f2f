import { SubjectAccessRepository, type OrganisationEntity } from '#app/persistence';
import { createMember, createOrganisation, gql, startLoopbackSmtp, type CreatedMember } from '#app/testing';
import {
  BY_TOKEN,
  CONTRIBUTION_REQUESTS,
  contributionTokenIn,
  REQUEST_CONTRIBUTION,
  REVOKE_CONTRIBUTION,
  SUBMIT_CONTRIBUTION,
} from './support/contribution-operations.js';
import { createTestApp, type E2eContext } from './support/create-test-app.js';
import { FixedClock } from './support/fixed-clock.js';
import { AUDIT_TRAIL, CREATE_EVIDENCE } from './support/portfolio-operations.js';
import { login, type Session } from './support/sessions.js';

interface Requested {
  requestContribution: {
    emailed: boolean;
    link: string | null;
    qrCodeSvg: string | null;
    request: { id: string; evidenceId: string; state: string; expiresAt: string };
  };
}

const EVIDENCE_WITH_ORIGIN = `query ($id: ID!) {
  evidence(id: $id) { id current { kind status title description dateFrom
    contribution { requestId contributorName contributorRole relationship regulator registrationNumber receivedAt aboutEvidenceVersionId } } }
}`;

const STATEMENT = {
  name: 'Pat Carer',
  role: 'CARER',
  relationship: 'I care for my father, whom she supported',
  feedback: 'She listened to us and explained each decision.',
};

describe('contributions: feedback by one-time link, without an account (e2e)', () => {
  let ctx: E2eContext;
  let smtp: Awaited<ReturnType<typeof startLoopbackSmtp>>;
  const clock = new FixedClock(new Date('2026-12-01T10:00:00Z'));
  let org: OrganisationEntity;
  let nqsw: CreatedMember;
  let asNqsw: Session;
  let asOther: Session;
  let observation: { id: string; evidenceId: string };

  beforeAll(async () => {
    smtp = await startLoopbackSmtp();
    ctx = await createTestApp({ SMTP_URL: smtp.url, MAIL_FROM: 'pathways@test.example' }, { clock });
  });
  afterAll(async () => {
    await ctx.close();
    await smtp.close();
  });
  beforeEach(async () => {
    clock.set('2026-12-01T10:00:00Z');
    org = await createOrganisation(ctx.dataSource);
    nqsw = await createMember(ctx.dataSource, org.id, ['PRACTITIONER'], { fullName: 'Nia Jones' });
    asNqsw = await login(ctx.app, nqsw.email);
    asOther = await login(ctx.app, (await createMember(ctx.dataSource, org.id, ['PRACTITIONER'])).email);
    const created = await gql<{ createEvidence: { id: string; evidenceId: string } }>(
      ctx.app,
      CREATE_EVIDENCE,
      {
        input: {
          kind: 'DIRECT_OBSERVATION',
          title: 'Home visit observed',
          dateFrom: '2026-11-20',
          description: 'A planned visit.',
          learning: 'Pace.',
          impact: 'Better plans.',
          mappings: [],
        },
      },
      { as: asNqsw },
    );
    expect(created.errors).toBeUndefined();
    observation = created.data!.createEvidence;
  });
  afterEach(() => ctx.reset());

  const ask = (as: Session, input: Record<string, unknown>) =>
    gql<Requested>(
      ctx.app,
      REQUEST_CONTRIBUTION,
      {
        input: {
          evidenceVersionId: observation.id,
          contributorName: 'Pat Carer',
          contributorRole: 'CARER',
          ...input,
        },
      },
      { as },
    );
  const askByEmail = async () => {
    const sent = smtp.messages.length;
    const res = await ask(asNqsw, { contributorEmail: 'Pat.Carer@test.example' });
    expect(res.errors).toBeUndefined();
    const message = smtp.messages[sent]!;
    return { request: res.data!.requestContribution.request, message, token: contributionTokenIn(message)! };
  };
  const submit = (token: string, statement: Record<string, unknown> = {}) =>
    gql<{ submitContribution: { practitionerFirstName: string } }>(ctx.app, SUBMIT_CONTRIBUTION, {
      input: { token, ...STATEMENT, ...statement },
    });
  const counts = async () => {
    const [row] = await ctx.dataSource.query(
      `SELECT (SELECT count(*) FROM evidence)::int AS evidence,
              (SELECT count(*) FROM contribution_request WHERE used_at IS NOT NULL)::int AS used,
              (SELECT count(*) FROM audit_event WHERE action = 'CONTRIBUTION_RECEIVED')::int AS received`,
    );
    return row as { evidence: number; used: number; received: number };
  };

  it('should email the link, take the feedback once, and put it in the portfolio with its origin, audited', async () => {
    const { request, message, token } = await askByEmail();
    expect(message).toContain('To: pat.carer@test.example');
    expect(message).toContain('Nia Jones asks for your feedback');
    expect(request).toMatchObject({ state: 'PENDING', expiresAt: '2026-12-15T10:00:00.000Z' });
    const stored: { token_hash: string }[] = await ctx.dataSource.query(
      `SELECT token_hash FROM contribution_request`,
    );
    expect(stored[0]!.token_hash).toHaveLength(64);
    expect(stored[0]!.token_hash).not.toContain(token);

    const page = await gql(ctx.app, BY_TOKEN, { token });
    expect(page.data).toEqual({
      contributionRequestByToken: {
        practitionerFirstName: 'Nia',
        evidenceTitle: 'Home visit observed',
        contributorName: 'Pat Carer',
        contributorRole: 'CARER',
        expiresAt: '2026-12-15T10:00:00.000Z',
      },
    });

    clock.set('2026-12-03T09:00:00Z');
    const given = await submit(token);
    expect(given.errors).toBeUndefined();
    expect(given.data!.submitContribution.practitionerFirstName).toBe('Nia');

    const listed = await gql<{ contributionRequests: { state: string; resultingEvidenceId: string }[] }>(
      ctx.app,
      CONTRIBUTION_REQUESTS,
      { evidenceId: observation.evidenceId },
      { as: asNqsw },
    );
    const [used] = listed.data!.contributionRequests;
    expect(used!.state).toBe('USED');
    const feedback = await gql(
      ctx.app,
      EVIDENCE_WITH_ORIGIN,
      { id: used!.resultingEvidenceId },
      { as: asNqsw },
    );
    expect(feedback.data).toEqual({
      evidence: {
        id: used!.resultingEvidenceId,
        current: {
          kind: 'SERVICE_USER_FEEDBACK',
          status: 'DRAFT',
          title: 'Feedback from Pat Carer',
          description: STATEMENT.feedback,
          dateFrom: '2026-12-03',
          contribution: {
            requestId: request.id,
            contributorName: 'Pat Carer',
            contributorRole: 'CARER',
            relationship: STATEMENT.relationship,
            regulator: null,
            registrationNumber: null,
            receivedAt: '2026-12-03T09:00:00.000Z',
            aboutEvidenceVersionId: observation.id,
          },
        },
      },
    });
    const trail = await gql<{ auditTrail: { nodes: { action: string; actorRole: string }[] } }>(
      ctx.app,
      AUDIT_TRAIL,
      { entityId: request.id },
      { as: await login(ctx.app, (await createMember(ctx.dataSource, org.id, ['ORG_ADMIN'])).email) },
    );
    expect(trail.data!.auditTrail.nodes.map((n) => [n.action, n.actorRole])).toEqual(
      expect.arrayContaining([
        ['CONTRIBUTION_REQUESTED', 'PRACTITIONER'],
        ['CONTRIBUTION_RECEIVED', 'CONTRIBUTOR'],
      ]),
    );

    const again = await submit(token);
    expect(again.errors?.[0]?.extensions).toMatchObject({ domainCode: 'CONTRIBUTION_LINK_INVALID' });
    expect(await counts()).toEqual({ evidence: 2, used: 1, received: 1 });
  });

  it('should give a printable link and QR code once when there is no email, and send nothing', async () => {
    const sent = smtp.messages.length;
    const res = await ask(asNqsw, { contributorName: 'Sam', contributorRole: 'PERSON_WHO_USES_SERVICES' });
    expect(res.errors).toBeUndefined();
    const { emailed, link, qrCodeSvg, request } = res.data!.requestContribution;
    expect(emailed).toBe(false);
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:3000\/contribute\/[A-Za-z0-9_-]{43}$/);
    expect(qrCodeSvg).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(smtp.messages.length).toBe(sent);
    const token = link!.split('/').pop()!;
    const given = await submit(token, { name: 'Sam', role: 'PERSON_WHO_USES_SERVICES' });
    expect(given.errors).toBeUndefined();
    const listed = await gql<{ contributionRequests: { id: string; state: string }[] }>(
      ctx.app,
      CONTRIBUTION_REQUESTS,
      { evidenceId: observation.evidenceId },
      { as: asNqsw },
    );
    expect(listed.data!.contributionRequests).toEqual([
      expect.objectContaining({ id: request.id, state: 'USED' }),
    ]);
  });

  it('should keep an off-site practice educator’s registration, and refuse one of the wrong form naming the field, writing nothing', async () => {
    const { token } = await askByEmail();
    const before = await counts();
    const wrong = await submit(token, {
      role: 'PRACTICE_EDUCATOR',
      regulator: 'SOCIAL_WORK_ENGLAND',
      registrationNumber: '123456',
    });
    expect(wrong.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      domainCode: 'REGISTRATION_NUMBER_INVALID',
      field: 'input.registrationNumber',
    });
    const blank = await submit(token, { feedback: '   ' });
    expect(blank.errors?.[0]?.extensions).toMatchObject({ field: 'input.feedback' });
    expect(await counts()).toEqual(before);

    const right = await submit(token, {
      role: 'PRACTICE_EDUCATOR',
      regulator: 'SOCIAL_WORK_ENGLAND',
      registrationNumber: 'sw 123456',
    });
    expect(right.errors).toBeUndefined();
    const [row] = await ctx.dataSource.query(
      `SELECT r.stated_registration_number, v.kind FROM contribution_request r
       JOIN evidence_version v ON v.evidence_id = r.resulting_evidence_id`,
    );
    expect(row).toEqual({ stated_registration_number: 'SW123456', kind: 'PROFESSIONAL_FEEDBACK' });
  });

  it('should answer expired, revoked, used, unknown and tampered links alike, and write nothing', async () => {
    const expired = await askByEmail();
    const revoked = await askByEmail();
    const used = await askByEmail();
    expect((await submit(used.token)).errors).toBeUndefined();
    const revokedRes = await gql(
      ctx.app,
      REVOKE_CONTRIBUTION,
      { input: { requestId: revoked.request.id } },
      { as: asNqsw },
    );
    expect(revokedRes.data).toMatchObject({ revokeContributionRequest: { state: 'REVOKED' } });
    clock.set('2026-12-15T10:00:00Z');
    const before = await counts();

    const tampered = `${expired.token.slice(0, -1)}${expired.token.endsWith('A') ? 'B' : 'A'}`;
    const answers = [];
    for (const token of [expired.token, revoked.token, used.token, tampered, 'not-a-token', 'x'.repeat(43)]) {
      const page = await gql(ctx.app, BY_TOKEN, { token });
      const given = await submit(token);
      expect(page.data).toBeNull();
      answers.push(
        JSON.stringify(page.errors?.[0]?.extensions),
        JSON.stringify(given.errors?.[0]?.extensions),
      );
      answers.push(page.errors?.[0]?.message, given.errors?.[0]?.message);
    }
    expect(new Set(answers.filter((_, i) => i % 4 < 2)).size).toBe(1);
    expect(new Set(answers.filter((_, i) => i % 4 >= 2)).size).toBe(1);
    expect(JSON.parse(answers[0]!)).toMatchObject({
      code: 'NOT_FOUND',
      domainCode: 'CONTRIBUTION_LINK_INVALID',
    });
    expect(answers.join(' ')).not.toMatch(/Nia|Jones|Home visit/);
    expect(await counts()).toEqual(before);

    // Revoking again, or revoking a used request, is refused and changes nothing.
    for (const id of [revoked.request.id, used.request.id]) {
      const res = await gql(ctx.app, REVOKE_CONTRIBUTION, { input: { requestId: id } }, { as: asNqsw });
      expect(res.errors?.[0]?.extensions).toMatchObject({ domainCode: 'CONTRIBUTION_REQUEST_CLOSED' });
    }
  });

  it('should refuse to ask about someone else’s evidence, and let only the owner list or revoke', async () => {
    const theirs = await ask(asOther, { contributorEmail: 'x@test.example' });
    expect(theirs.errors?.[0]?.extensions).toMatchObject({
      domainCode: 'EVIDENCE_NOT_FOUND',
      field: 'input.evidenceVersionId',
    });
    const { request } = await askByEmail();
    const list = await gql(
      ctx.app,
      CONTRIBUTION_REQUESTS,
      { evidenceId: observation.evidenceId },
      { as: asOther },
    );
    expect(list.errors?.[0]?.extensions).toMatchObject({ domainCode: 'EVIDENCE_NOT_FOUND' });
    const revoke = await gql(
      ctx.app,
      REVOKE_CONTRIBUTION,
      { input: { requestId: request.id } },
      { as: asOther },
    );
    expect(revoke.errors?.[0]?.extensions).toMatchObject({ domainCode: 'CONTRIBUTION_REQUEST_NOT_FOUND' });

    const rows = await ctx.dataSource.query(`SELECT count(*)::int AS n FROM contribution_request`);
    expect(rows[0].n).toBe(1);
    expect(await gql(ctx.app, BY_TOKEN, { token: 'y'.repeat(43) })).toMatchObject({ data: null });
  });

  it('should let the practitioner be erased with their requests and the feedback they made', async () => {
    const { token } = await askByEmail();
    expect((await submit(token)).errors).toBeUndefined();
    await askByEmail();
    const counts = await ctx.dataSource.transaction((manager) =>
      ctx.app
        .get(SubjectAccessRepository)
        .erase(org.id, nqsw.user.id, { fullName: 'Former member', email: 'former@test.example' }, manager),
    );
    expect(counts.deleted).toMatchObject({ contributionRequests: 2, evidence: 2 });
    expect(await ctx.dataSource.query(`SELECT 1 FROM contribution_request`)).toEqual([]);
  });

  it('should refuse the link once the practitioner has left, as any bad link', async () => {
    const { token } = await askByEmail();
    await ctx.dataSource.query(`UPDATE membership SET active = false WHERE user_id = $1`, [nqsw.user.id]);
    const given = await submit(token);
    expect(given.errors?.[0]?.extensions).toMatchObject({ domainCode: 'CONTRIBUTION_LINK_INVALID' });
  });
});

describe('contributions: the public link endpoints are limited per address (e2e)', () => {
  let ctx: E2eContext;
  beforeAll(async () => {
    ctx = await createTestApp({ CONTRIBUTION_RATE_LIMIT_PER_MINUTE: '3' });
  });
  afterAll(() => ctx.close());

  it('should refuse an address past its budget with RATE_LIMITED, whatever the token', async () => {
    const codes = [];
    for (let n = 0; n < 5; n++) {
      const res = await gql(ctx.app, BY_TOKEN, { token: `${'z'.repeat(42)}${n}` });
      codes.push(res.errors?.[0]?.extensions?.code);
    }
    expect(codes).toEqual(['NOT_FOUND', 'NOT_FOUND', 'NOT_FOUND', 'RATE_LIMITED', 'RATE_LIMITED']);
  });
});
