import type { OrganisationEntity } from '#app/persistence';
import {
  createAssessorRelationship,
  createMember,
  createOrganisation,
  gql,
  startLoopbackSmtp,
  type CreatedMember,
} from '#app/testing';
import {
  BY_TOKEN_WITH_DECISION,
  CONTRIBUTION_REQUESTS,
  contributionTokenIn,
  REQUEST_CONTRIBUTION,
  SUBMIT_CONTRIBUTION,
  SUBMIT_COUNTERSIGNATURE,
} from './support/contribution-operations.js';
import { createTestApp, type E2eContext } from './support/create-test-app.js';
import {
  approveHomeVisit,
  submitHomeVisit,
  type SubmittedVersion as Version,
} from './support/home-visit-piece.js';
import { FixedClock } from './support/fixed-clock.js';
import { AUDIT_TRAIL } from './support/portfolio-operations.js';
import { login, type Session } from './support/sessions.js';

const EVIDENCE_WITH_COUNTERSIGNATURES = `query ($id: ID!) {
  evidence(id: $id) { id current { id status
    review { outcome comment countersignatures { requestId name relationship regulator registrationNumber countersigns comment givenAt } } } }
}`;

const COUNTERSIGNATURE = {
  name: 'Priya Shah',
  relationship: 'Her off-site practice educator on her final placement',
  regulator: 'SOCIAL_WORK_ENGLAND',
  registrationNumber: 'SW 204611',
  countersigns: true,
};

describe('countersignatures: an off-site practice educator countersigns a decision by one-time link (e2e)', () => {
  let ctx: E2eContext;
  let smtp: Awaited<ReturnType<typeof startLoopbackSmtp>>;
  const clock = new FixedClock(new Date('2026-12-01T10:00:00Z'));
  let org: OrganisationEntity;
  let student: CreatedMember;
  let assessor: CreatedMember;
  let asStudent: Session;
  let asAssessor: Session;
  let asOther: Session;

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
    student = await createMember(ctx.dataSource, org.id, ['PRACTITIONER'], { fullName: 'Nia Jones' });
    assessor = await createMember(ctx.dataSource, org.id, ['ASSESSOR', 'PRACTITIONER'], {
      fullName: 'Alex Assessor',
    });
    await createAssessorRelationship(
      ctx.dataSource,
      org.id,
      assessor.user.id,
      student.user.id,
      'ASYE_ASSESSOR',
      '2026-09-01',
    );
    asStudent = await login(ctx.app, student.email);
    asAssessor = await login(ctx.app, assessor.email);
    asOther = await login(ctx.app, (await createMember(ctx.dataSource, org.id, ['PRACTITIONER'])).email);
  });
  afterEach(() => ctx.reset());

  /** A piece by the student mapped to two PCF domains, submitted to the assessor. */
  const submitted = (): Promise<Version> =>
    submitHomeVisit(ctx.app, asStudent, assessor.user.id, ['KNOWLEDGE', 'CRITICAL_REFLECTION_AND_ANALYSIS']);
  /** The same piece, approved by the assessor: knowledge accepted, reflection not. */
  const approved = async (): Promise<Version> => {
    const version = await submitted();
    await approveHomeVisit(ctx.app, asAssessor, version, [
      { decision: 'ACCEPTED' },
      { decision: 'NOT_ACCEPTED', comment: 'Say more.' },
    ]);
    return version;
  };
  const ask = (as: Session, evidenceVersionId: string, input: Record<string, unknown> = {}) =>
    gql<{ requestContribution: { link: string | null; request: { id: string; purpose: string } } }>(
      ctx.app,
      REQUEST_CONTRIBUTION,
      {
        input: {
          evidenceVersionId,
          purpose: 'COUNTERSIGNATURE',
          contributorName: 'Priya Shah',
          contributorRole: 'PRACTICE_EDUCATOR',
          ...input,
        },
      },
      { as },
    );
  const countersign = (token: string, statement: Record<string, unknown> = {}) =>
    gql<{ submitCountersignature: { practitionerFirstName: string } }>(ctx.app, SUBMIT_COUNTERSIGNATURE, {
      input: { token, ...COUNTERSIGNATURE, ...statement },
    });
  const counts = async () => {
    const [row] = await ctx.dataSource.query(
      `SELECT (SELECT count(*) FROM contribution_request)::int AS requests,
              (SELECT count(*) FROM contribution_request WHERE used_at IS NOT NULL)::int AS used,
              (SELECT count(*) FROM evidence)::int AS evidence,
              (SELECT count(*) FROM audit_event WHERE action LIKE 'REVIEW_COUNTERSIGN%')::int AS audited`,
    );
    return row as { requests: number; used: number; evidence: number; audited: number };
  };

  it('should email the request, show the decision to countersign, and keep the countersignature beside the review, audited', async () => {
    const version = await approved();
    const sent = smtp.messages.length;
    const asked = await ask(asStudent, version.id, { contributorEmail: 'priya.shah@university.test' });
    expect(asked.errors).toBeUndefined();
    expect(asked.data!.requestContribution.request.purpose).toBe('COUNTERSIGNATURE');
    const message = smtp.messages[sent]!;
    expect(message).toContain('Nia Jones asks you to countersign a decision');
    const token = contributionTokenIn(message)!;

    const page = await gql(ctx.app, BY_TOKEN_WITH_DECISION, { token });
    expect(page.errors).toBeUndefined();
    expect(page.data).toEqual({
      contributionRequestByToken: {
        practitionerFirstName: 'Nia',
        evidenceTitle: 'Home visit observed',
        purpose: 'COUNTERSIGNATURE',
        contributorName: 'Priya Shah',
        contributorRole: 'PRACTICE_EDUCATOR',
        decision: {
          description: 'A planned visit with a family.',
          learning: 'Pace the conversation.',
          impact: 'A plan the family agreed.',
          outcome: 'APPROVE',
          reviewerName: 'Alex Assessor',
          decidedOn: '2026-12-01',
          comment: 'Clear evidence of knowledge in practice.',
          mappings: [
            {
              item: expect.stringMatching(/^KNOWLEDGE: /),
              levelClaimed: expect.any(String),
              decision: 'Accepted',
              levelAccepted: expect.any(String),
            },
            {
              item: expect.stringMatching(/^CRITICAL_REFLECTION_AND_ANALYSIS: /),
              levelClaimed: expect.any(String),
              decision: 'Not accepted',
              levelAccepted: null,
            },
          ],
        },
      },
    });

    clock.set('2026-12-04T15:00:00Z');
    const given = await countersign(token, { comment: 'I observed this visit too.' });
    expect(given.errors).toBeUndefined();
    expect(given.data!.submitCountersignature.practitionerFirstName).toBe('Nia');

    // The practitioner and the assessor both see it with the decision; the decision itself is unchanged.
    for (const as of [asStudent, asAssessor]) {
      const seen = await gql<any>(
        ctx.app,
        EVIDENCE_WITH_COUNTERSIGNATURES,
        { id: version.evidenceId },
        { as },
      );
      expect(seen.errors).toBeUndefined();
      expect(seen.data.evidence.current).toMatchObject({
        status: 'APPROVED',
        review: {
          outcome: 'APPROVE',
          countersignatures: [
            {
              requestId: asked.data!.requestContribution.request.id,
              name: 'Priya Shah',
              relationship: 'Her off-site practice educator on her final placement',
              regulator: 'SOCIAL_WORK_ENGLAND',
              registrationNumber: 'SW204611',
              countersigns: true,
              comment: 'I observed this visit too.',
              givenAt: '2026-12-04T15:00:00.000Z',
            },
          ],
        },
      });
    }
    const requests = await gql<any>(
      ctx.app,
      CONTRIBUTION_REQUESTS,
      { evidenceId: version.evidenceId },
      { as: asStudent },
    );
    expect(requests.data.contributionRequests).toMatchObject([{ state: 'USED', resultingEvidenceId: null }]);
    expect(await counts()).toMatchObject({ requests: 1, used: 1, evidence: 1, audited: 1 });
    // The practitioner's own trail shows who countersigned, as a contributor without an account.
    const trail = await gql<any>(
      ctx.app,
      AUDIT_TRAIL,
      { subjectUserId: student.user.id, first: 50 },
      { as: asStudent },
    );
    expect(trail.errors).toBeUndefined();
    expect(trail.data.auditTrail.nodes.map((e: { action: string }) => e.action)).toContain(
      'REVIEW_COUNTERSIGNED',
    );

    // The link worked once.
    const again = await countersign(token);
    expect(again.errors?.[0]?.extensions).toMatchObject({ domainCode: 'CONTRIBUTION_LINK_INVALID' });
    expect(await counts()).toMatchObject({ used: 1, audited: 1 });
  });

  it('should keep a refusal to countersign with its reasons, refusing one without reasons and writing nothing', async () => {
    const version = await approved();
    const asked = await ask(asStudent, version.id);
    expect(asked.errors).toBeUndefined();
    const token = asked.data!.requestContribution.link!.split('/').pop()!;
    const before = await counts();

    const noReasons = await countersign(token, { countersigns: false, comment: '   ' });
    expect(noReasons.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.comment',
    });
    const wrongNumber = await countersign(token, { registrationNumber: '204611' });
    expect(wrongNumber.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.registrationNumber',
    });
    const noRegulator = await countersign(token, { regulator: null });
    expect(noRegulator.errors?.[0]?.extensions).toMatchObject({ field: 'input.regulator' });
    expect(await counts()).toEqual(before);

    const declined = await countersign(token, {
      countersigns: false,
      comment: 'The observation does not show the analysis the decision credits.',
    });
    expect(declined.errors).toBeUndefined();
    const seen = await gql<any>(
      ctx.app,
      EVIDENCE_WITH_COUNTERSIGNATURES,
      { id: version.evidenceId },
      { as: asStudent },
    );
    expect(seen.data.evidence.current.status).toBe('APPROVED');
    expect(seen.data.evidence.current.review.countersignatures).toMatchObject([
      { countersigns: false, comment: 'The observation does not show the analysis the decision credits.' },
    ]);
    const [audit] = await ctx.dataSource.query(
      `SELECT action, actor_user_id, subject_user_id FROM audit_event WHERE action LIKE 'REVIEW_COUNTERSIGN%'`,
    );
    expect(audit).toEqual({
      action: 'REVIEW_COUNTERSIGNATURE_DECLINED',
      actor_user_id: null,
      subject_user_id: student.user.id,
    });
  });

  it('should refuse to ask for a countersignature of a decision not made, of someone not a practice educator, or on another’s evidence, writing nothing', async () => {
    const waiting = await submitted();
    const before = await counts();
    const notDecided = await ask(asStudent, waiting.id);
    expect(notDecided.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      domainCode: 'COUNTERSIGNATURE_NOT_POSSIBLE',
      field: 'input.evidenceVersionId',
    });

    const version = await approved();
    const carer = await ask(asStudent, version.id, { contributorRole: 'CARER' });
    expect(carer.errors?.[0]?.extensions).toMatchObject({
      domainCode: 'COUNTERSIGNATURE_NOT_POSSIBLE',
      field: 'input.contributorRole',
    });
    const notTheirs = await ask(asOther, version.id);
    expect(notTheirs.errors?.[0]?.extensions).toMatchObject({
      code: 'NOT_FOUND',
      field: 'input.evidenceVersionId',
    });
    const byAssessor = await ask(asAssessor, version.id);
    expect(byAssessor.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND' });
    expect(await counts()).toMatchObject({ requests: before.requests, used: 0, audited: 0 });
  });

  it('should answer a link used for the other purpose as any bad link, writing nothing', async () => {
    const version = await approved();
    const forCountersigning = await ask(asStudent, version.id);
    const countersignToken = forCountersigning.data!.requestContribution.link!.split('/').pop()!;
    const forFeedback = await ask(asStudent, version.id, { purpose: 'FEEDBACK', contributorRole: 'CARER' });
    expect(forFeedback.errors).toBeUndefined();
    const feedbackToken = forFeedback.data!.requestContribution.link!.split('/').pop()!;
    const before = await counts();

    const feedbackOnCountersign = await gql(ctx.app, SUBMIT_CONTRIBUTION, {
      input: {
        token: countersignToken,
        name: 'Pat',
        role: 'CARER',
        relationship: 'Carer',
        feedback: 'Kind.',
      },
    });
    expect(feedbackOnCountersign.errors?.[0]?.extensions).toMatchObject({
      domainCode: 'CONTRIBUTION_LINK_INVALID',
    });
    const countersignOnFeedback = await countersign(feedbackToken);
    expect(countersignOnFeedback.errors?.[0]?.extensions).toMatchObject({
      domainCode: 'CONTRIBUTION_LINK_INVALID',
    });
    expect(await counts()).toEqual(before);
  });
});
