import { randomUUID } from 'node:crypto';
import type { OrganisationEntity } from '#app/persistence';
import {
  createAssessorRelationship,
  createMember,
  createOrganisation,
  gql,
  type CreatedMember,
} from '#app/testing';
import {
  CONTRIBUTION_REQUESTS,
  REQUEST_CONTRIBUTION,
  SUBMIT_COUNTERSIGNATURE,
} from './support/contribution-operations.js';
import { createTestApp, type E2eContext } from './support/create-test-app.js';
import { approveHomeVisit, submitHomeVisit } from './support/home-visit-piece.js';
import { FixedClock } from './support/fixed-clock.js';
import { AUDIT_TRAIL } from './support/portfolio-operations.js';
import { login, type Session } from './support/sessions.js';

const RECONCILE = `mutation ($input: ReconcileSignOffInput!) {
  reconcileSignOff(input: $input) { id status review { id agreement } }
}`;
const TO_RECONCILE = `query ($first: Int, $after: String) {
  signOffsToReconcile(first: $first, after: $after) {
    nodes { disputedAt evidenceVersion { id owner { fullName } review { id countersignatures { countersigns } } } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const SIDE_BY_SIDE = `query ($id: ID!) {
  evidence(id: $id) { current { id status
    review { id outcome comment agreement
      countersignatures { countersigns comment }
      reconciliation { outcome reason reconciledAt reconciledBy { fullName } } } } }
}`;
const ISSUE = `mutation ($input: IssueCredentialInput!) { issueCredential(input: $input) { id } }`;

describe('reconciling a sign-off that a countersignature disagreed with (e2e)', () => {
  let ctx: E2eContext;
  const clock = new FixedClock(new Date('2026-12-01T10:00:00Z'));
  let org: OrganisationEntity;
  let student: CreatedMember;
  let assessor: CreatedMember;
  let as: Record<'student' | 'assessor' | 'psw' | 'otherPsw', Session>;

  beforeAll(async () => {
    ctx = await createTestApp({}, { clock });
  });
  afterAll(() => ctx.close());
  beforeEach(async () => {
    clock.set('2026-12-01T10:00:00Z');
    org = await createOrganisation(ctx.dataSource);
    student = await createMember(ctx.dataSource, org.id, ['PRACTITIONER'], { fullName: 'Nia Jones' });
    assessor = await createMember(ctx.dataSource, org.id, ['ASSESSOR', 'PRACTITIONER'], {
      fullName: 'Alex Assessor',
    });
    const psw = await createMember(ctx.dataSource, org.id, ['PRINCIPAL_SOCIAL_WORKER'], {
      fullName: 'Pat Principal',
    });
    const otherOrg = await createOrganisation(ctx.dataSource, { name: 'Southshire Council' });
    const otherPsw = await createMember(ctx.dataSource, otherOrg.id, ['PRINCIPAL_SOCIAL_WORKER']);
    await createAssessorRelationship(
      ctx.dataSource,
      org.id,
      assessor.user.id,
      student.user.id,
      'ASYE_ASSESSOR',
      '2026-09-01',
    );
    as = {
      student: await login(ctx.app, student.email),
      assessor: await login(ctx.app, assessor.email),
      psw: await login(ctx.app, psw.email),
      otherPsw: await login(ctx.app, otherPsw.email),
    };
  });
  afterEach(() => ctx.reset());

  /** A piece approved by the assessor, its review's id, and an off-site educator's countersignature on it. */
  const disputed = async (countersigns = false) => {
    const version = await submitHomeVisit(ctx.app, as.student, assessor.user.id, ['KNOWLEDGE']);
    const evidenceId = version.evidenceId;
    await approveHomeVisit(ctx.app, as.assessor, version, [{ decision: 'ACCEPTED' }]);
    const link = async () => {
      const asked = await gql<{ requestContribution: { link: string } }>(
        ctx.app,
        REQUEST_CONTRIBUTION,
        {
          input: {
            evidenceVersionId: version.id,
            purpose: 'COUNTERSIGNATURE',
            contributorName: 'Priya Shah',
            contributorRole: 'PRACTICE_EDUCATOR',
          },
        },
        { as: as.student },
      );
      expect(asked.errors).toBeUndefined();
      return new URL(asked.data!.requestContribution.link).pathname.split('/').pop()!;
    };
    const given = await gql(ctx.app, SUBMIT_COUNTERSIGNATURE, {
      input: {
        token: await link(),
        name: 'Priya Shah',
        relationship: 'Her off-site practice educator',
        regulator: 'SOCIAL_WORK_ENGLAND',
        registrationNumber: 'SW 204611',
        countersigns,
        comment: countersigns ? '' : 'The visit showed no critical reflection on the risks.',
      },
    });
    expect(given.errors).toBeUndefined();
    const seen = await gql<any>(ctx.app, SIDE_BY_SIDE, { id: evidenceId }, { as: as.student });
    return {
      evidenceId,
      versionId: version.id,
      reviewId: seen.data.evidence.current.review.id as string,
      link,
    };
  };
  const reconcile = (input: Record<string, unknown>, session: Session = as.psw) =>
    gql<{ reconcileSignOff: { id: string; status: string; review: { agreement: string } } }>(
      ctx.app,
      RECONCILE,
      { input },
      { as: session },
    );
  const written = async () => {
    const [row] = await ctx.dataSource.query(
      `SELECT (SELECT count(*) FROM sign_off_reconciliation)::int AS reconciliations,
              (SELECT count(*) FROM audit_event WHERE action = 'SIGN_OFF_RECONCILED')::int AS audited,
              (SELECT count(*) FROM evidence_version WHERE status = 'APPROVED')::int AS approved`,
    );
    return row as { reconciliations: number; audited: number; approved: number };
  };

  it('should list the disputed sign-off for the PSW, who upholds it with a reason: all three judgements side by side and in the trail', async () => {
    const { evidenceId, reviewId } = await disputed();
    const listed = await gql<any>(ctx.app, TO_RECONCILE, { first: 10 }, { as: as.psw });
    expect(listed.errors).toBeUndefined();
    expect(listed.data.signOffsToReconcile.nodes).toEqual([
      {
        disputedAt: '2026-12-01T10:00:00.000Z',
        evidenceVersion: expect.objectContaining({
          owner: { fullName: 'Nia Jones' },
          review: { id: reviewId, countersignatures: [{ countersigns: false }] },
        }),
      },
    ]);
    expect(
      (await gql<any>(ctx.app, TO_RECONCILE, {}, { as: as.assessor })).errors?.[0]?.extensions,
    ).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(
      (await gql<any>(ctx.app, TO_RECONCILE, {}, { as: as.otherPsw })).data.signOffsToReconcile.nodes,
    ).toEqual([]);

    clock.set('2026-12-03T09:30:00Z');
    const upheld = await reconcile({
      reviewId,
      outcome: 'UPHOLD',
      reason: '  The observation notes show the reflection the educator missed.  ',
    });
    expect(upheld.errors).toBeUndefined();
    expect(upheld.data!.reconcileSignOff).toMatchObject({
      status: 'APPROVED',
      review: { agreement: 'RECONCILED' },
    });

    for (const session of [as.student, as.assessor, as.psw]) {
      const seen = await gql<any>(ctx.app, SIDE_BY_SIDE, { id: evidenceId }, { as: session });
      expect(seen.data.evidence.current).toMatchObject({
        status: 'APPROVED',
        review: {
          outcome: 'APPROVE',
          comment: 'Clear evidence of knowledge in practice.',
          agreement: 'RECONCILED',
          countersignatures: [
            { countersigns: false, comment: 'The visit showed no critical reflection on the risks.' },
          ],
          reconciliation: {
            outcome: 'UPHOLD',
            reason: 'The observation notes show the reflection the educator missed.',
            reconciledAt: '2026-12-03T09:30:00.000Z',
            reconciledBy: { fullName: 'Pat Principal' },
          },
        },
      });
    }
    expect(
      (await gql<any>(ctx.app, TO_RECONCILE, {}, { as: as.psw })).data.signOffsToReconcile.nodes,
    ).toEqual([]);
    const trail = await gql<any>(
      ctx.app,
      AUDIT_TRAIL,
      { subjectUserId: student.user.id, first: 50 },
      { as: as.student },
    );
    const actions = trail.data.auditTrail.nodes.map((n: { action: string }) => n.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'EVIDENCE_APPROVED',
        'REVIEW_COUNTERSIGNATURE_DECLINED',
        'SIGN_OFF_RECONCILED',
      ]),
    );
    const reconciled = trail.data.auditTrail.nodes.find(
      (n: { action: string }) => n.action === 'SIGN_OFF_RECONCILED',
    );
    expect(reconciled).toMatchObject({
      actorRole: 'PRINCIPAL_SOCIAL_WORKER',
      entityId: evidenceId,
      actor: { fullName: 'Pat Principal' },
      changes: { reviewId, outcome: 'UPHOLD', sentBackForChanges: false, credentialsRevoked: 0 },
    });
    expect(JSON.stringify(reconciled.changes)).not.toContain('reflection the educator missed');
  });

  it('should overturn: the version goes back for changes, its credential is revoked and the countersignature links still open are withdrawn', async () => {
    const { evidenceId, versionId, reviewId, link } = await disputed();
    const issued = await gql<{ issueCredential: { id: string } }>(
      ctx.app,
      ISSUE,
      { input: { kind: 'EVIDENCE_SIGN_OFF', sourceId: reviewId } },
      { as: as.student },
    );
    expect(issued.errors).toBeUndefined();
    await link(); // a second countersigner asked, not yet answered

    const overturned = await reconcile({
      reviewId,
      outcome: 'OVERTURN',
      reason: 'I agree with the practice educator: the reflection is not there yet.',
    });
    expect(overturned.errors).toBeUndefined();
    expect(overturned.data!.reconcileSignOff).toMatchObject({
      id: versionId,
      status: 'CHANGES_REQUESTED',
      review: { agreement: 'RECONCILED' },
    });
    const [credential] = await ctx.dataSource.query(
      `SELECT revoked_at IS NOT NULL AS revoked, revocation_reason FROM issued_credential WHERE id = $1`,
      [issued.data!.issueCredential.id],
    );
    expect(credential).toEqual({ revoked: true, revocation_reason: 'APPROVAL_OVERTURNED' });
    const requests = await gql<any>(ctx.app, CONTRIBUTION_REQUESTS, { evidenceId }, { as: as.student });
    expect(requests.data.contributionRequests.map((r: { state: string }) => r.state).sort()).toEqual([
      'REVOKED',
      'USED',
    ]);
    // The approval no longer counts: the knowledge domain is not evidenced.
    const coverage = await gql<any>(
      ctx.app,
      `{ coverage(frameworkCode: "PCF") { itemsWithoutApprovedEvidence } }`,
      {},
      { as: as.student },
    );
    expect(coverage.errors).toBeUndefined();
    expect(coverage.data.coverage.itemsWithoutApprovedEvidence).toContain('KNOWLEDGE');
    const trail = await gql<any>(
      ctx.app,
      AUDIT_TRAIL,
      { subjectUserId: student.user.id, first: 50 },
      { as: as.psw },
    );
    expect(trail.data.auditTrail.nodes.map((n: { action: string }) => n.action)).toEqual(
      expect.arrayContaining(['SIGN_OFF_RECONCILED', 'CREDENTIAL_REVOKED']),
    );
    expect(
      trail.data.auditTrail.nodes.find((n: { action: string }) => n.action === 'SIGN_OFF_RECONCILED').changes,
    ).toMatchObject({
      outcome: 'OVERTURN',
      sentBackForChanges: true,
      linksWithdrawn: 1,
      credentialsRevoked: 1,
    });
  });

  it('should refuse what is not a disagreement, a second reconciliation, a missing reason and the wrong people, naming the field and writing nothing', async () => {
    const agreed = await disputed(true);
    const { reviewId } = await disputed(false);
    const before = await written();
    const refusals: [Record<string, unknown>, Session, Record<string, unknown>][] = [
      [
        { reviewId: agreed.reviewId, outcome: 'UPHOLD', reason: 'x' },
        as.psw,
        { code: 'CONFLICT', domainCode: 'SIGN_OFF_NOT_DISPUTED', field: 'input.reviewId' },
      ],
      [
        { reviewId, outcome: 'OVERTURN', reason: '   ' },
        as.psw,
        { code: 'BAD_USER_INPUT', domainCode: 'REASONS_REQUIRED', field: 'input.reason' },
      ],
      [{ reviewId, outcome: 'UPHOLD', reason: 'Mine.' }, as.assessor, { code: 'FORBIDDEN' }],
      [{ reviewId, outcome: 'UPHOLD', reason: 'Mine.' }, as.student, { code: 'FORBIDDEN' }],
      [
        { reviewId, outcome: 'UPHOLD', reason: 'Theirs.' },
        as.otherPsw,
        { code: 'NOT_FOUND', domainCode: 'SIGN_OFF_NOT_FOUND', field: 'input.reviewId' },
      ],
      [
        { reviewId: randomUUID(), outcome: 'UPHOLD', reason: 'x' },
        as.psw,
        { code: 'NOT_FOUND', domainCode: 'SIGN_OFF_NOT_FOUND', field: 'input.reviewId' },
      ],
      [
        { reviewId: 'not-a-review', outcome: 'UPHOLD', reason: 'x' },
        as.psw,
        { code: 'BAD_USER_INPUT', field: 'input.reviewId' },
      ],
      [{ reviewId, outcome: 'MAYBE', reason: 'x' }, as.psw, { code: 'BAD_USER_INPUT' }],
    ];
    for (const [input, session, expected] of refusals) {
      const res = await reconcile(input, session);
      expect({ input, extensions: res.errors?.[0]?.extensions }).toEqual({
        input,
        extensions: expect.objectContaining(expected),
      });
    }
    expect(await written()).toEqual(before);

    expect((await reconcile({ reviewId, outcome: 'UPHOLD', reason: 'Sound.' })).errors).toBeUndefined();
    const again = await reconcile({ reviewId, outcome: 'OVERTURN', reason: 'Changed my mind.' });
    expect(again.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      domainCode: 'SIGN_OFF_RECONCILED',
      field: 'input.reviewId',
    });
    expect(await written()).toEqual({ ...before, reconciliations: 1, audited: 1 });
  });
});
