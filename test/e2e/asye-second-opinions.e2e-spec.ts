import type { OrganisationEntity } from '#app/persistence';
import {
  createApprovedEvidence,
  createMember,
  createOrganisation,
  gql,
  type CreatedMember,
} from '#app/testing';
import { asyeMutation, asyeYearEvidence, ok, refusal } from './support/compliance-operations.js';
import { createTestApp, type E2eContext } from './support/create-test-app.js';
import { FixedClock } from './support/fixed-clock.js';
import { login, type Session } from './support/sessions.js';

interface Asye {
  id: string;
  status: string;
  agreement: string;
  recommendation: { outcome: string; comment: string; recommendedOn: string; recommendedByUserId: string };
  secondOpinion: {
    secondAssessorUserId: string;
    requestedOn: string;
    requestedByUserId: string;
    outcome: string | null;
    reasons: string | null;
    recordedOn: string | null;
  } | null;
  secondAssessor: { fullName: string } | null;
  confirmation: {
    confirmedOn: string;
    confirmedByUserId: string;
    confirmedAs: string;
    outcome: string;
    reconciled: boolean;
    comment: string | null;
  } | null;
  completionQualificationId: string | null;
}

const FIELDS = /* GraphQL */ `
  id status agreement
  recommendation { outcome comment recommendedOn recommendedByUserId }
  secondOpinion { secondAssessorUserId requestedOn requestedByUserId outcome reasons recordedOn }
  secondAssessor { fullName }
  confirmation { confirmedOn confirmedByUserId confirmedAs outcome reconciled comment }
  completionQualificationId
`;
const mutation = (name: string, type: string) => asyeMutation(name, type, FIELDS);
const START = mutation('startAsye', 'StartAsyeInput');
const REVIEW = mutation('recordAsyeReviewPoint', 'RecordAsyeReviewPointInput');
const RECOMMEND = mutation('recommendAsyeOutcome', 'RecommendAsyeOutcomeInput');
const REQUEST = mutation('requestAsyeSecondOpinion', 'RequestAsyeSecondOpinionInput');
const RECORD = mutation('recordAsyeSecondOpinion', 'RecordAsyeSecondOpinionInput');
const CONFIRM = mutation('confirmAsyeOutcome', 'ConfirmAsyeOutcomeInput');
const PROGRAMME = `query ($id: ID) { asyeProgramme(practitionerUserId: $id) { ${FIELDS} } }`;
const REQUESTS = `{ asyeSecondOpinionRequests { id agreement } }`;
const TRAIL = `query ($id: ID) {
  auditTrail(entityId: $id, first: 50) { nodes { action actorRole actor { fullName } changes } }
}`;

const REASONS = 'The direct observations show the PCF ASYE level throughout the year.';

describe('ASYE: a second opinion on the final recommendation, kept beside it and reconciled (e2e)', () => {
  const clock = new FixedClock(new Date('2026-09-10T09:00:00Z'));
  let ctx: E2eContext;
  let org: OrganisationEntity;
  let assessor: CreatedMember;
  let second: CreatedMember;
  let lineManager: CreatedMember;
  let psw: CreatedMember;
  let as: Record<'assessor' | 'second' | 'lineManager' | 'psw' | 'psw2' | 'admin' | 'otherAssessor', Session>;
  let psw2: CreatedMember;
  let admin: CreatedMember;

  /** Starts an ASYE a year ago with every review point held, so the assessor may recommend. */
  async function yearReadyForRecommendation(opts: { evidence: boolean }) {
    const nqsw = await createMember(ctx.dataSource, org.id, ['PRACTITIONER'], {
      dateQualified: '2025-07-01',
    });
    const { id } = (
      await ok<{ startAsye: Asye }>(
        ctx.app,
        START,
        {
          input: {
            practitionerId: nqsw.user.id,
            assessorId: assessor.user.id,
            lineManagerId: lineManager.user.id,
            startDate: '2025-09-01',
          },
        },
        as.psw,
      )
    ).startAsye;
    for (const [code, heldOn] of [
      ['THREE_MONTH', '2025-12-01'],
      ['SIX_MONTH', '2026-03-01'],
      ['FINAL', '2026-09-01'],
    ]) {
      await ok(
        ctx.app,
        REVIEW,
        { input: { programmeId: id, code, heldOn, assessorComments: 'On track.' } },
        as.assessor,
      );
    }
    if (opts.evidence) {
      await createApprovedEvidence(
        ctx.dataSource,
        org.id,
        nqsw.user.id,
        assessor.user.id,
        asyeYearEvidence(['2026-03-01', '2026-09-01']),
      );
    }
    return { programmeId: id, nqsw, session: await login(ctx.app, nqsw.email) };
  }

  const recommend = (programmeId: string, outcome: 'PASS' | 'FAIL') =>
    ok(
      ctx.app,
      RECOMMEND,
      { input: { programmeId, outcome, comment: 'Judged against the PCF ASYE level and the PQS.' } },
      as.assessor,
    );

  /** The programme's row and its audit entries, to show a refusal changed nothing. */
  const written = async (programmeId: string) => ({
    row: (await ctx.dataSource.query(`SELECT * FROM asye_programme WHERE id = $1`, [programmeId]))[0],
    audit: Number(
      (
        await ctx.dataSource.query(`SELECT count(*)::int AS n FROM audit_event WHERE entity_id = $1`, [
          programmeId,
        ])
      )[0].n,
    ),
    qualifications: Number((await ctx.dataSource.query(`SELECT count(*)::int AS n FROM qualification`))[0].n),
  });

  /** Runs refusals and checks that none wrote anything. */
  async function refusedWritingNothing(programmeId: string, refusals: () => Promise<void>) {
    const before = await written(programmeId);
    await refusals();
    expect(await written(programmeId)).toEqual(before);
  }

  const trailOf = async (programmeId: string, session: Session) =>
    (
      await ok<{
        auditTrail: {
          nodes: {
            action: string;
            actorRole: string;
            actor: { fullName: string };
            changes: Record<string, unknown>;
          }[];
        };
      }>(ctx.app, TRAIL, { id: programmeId }, session)
    ).auditTrail.nodes.reverse();

  beforeAll(async () => {
    ctx = await createTestApp({}, { clock });
    org = await createOrganisation(ctx.dataSource);
    assessor = await createMember(ctx.dataSource, org.id, ['ASSESSOR', 'PRACTITIONER'], {
      fullName: 'Asha Assessor',
    });
    second = await createMember(ctx.dataSource, org.id, ['ASSESSOR'], { fullName: 'Sam Second' });
    const otherAssessor = await createMember(ctx.dataSource, org.id, ['ASSESSOR'], { fullName: 'Olu Other' });
    lineManager = await createMember(ctx.dataSource, org.id, ['SUPERVISOR'], { fullName: 'Lee Manager' });
    psw = await createMember(ctx.dataSource, org.id, ['PRINCIPAL_SOCIAL_WORKER'], {
      fullName: 'Pat Principal',
    });
    psw2 = await createMember(ctx.dataSource, org.id, ['PRINCIPAL_SOCIAL_WORKER'], {
      fullName: 'Priya Second-PSW',
    });
    admin = await createMember(ctx.dataSource, org.id, ['ORG_ADMIN'], { fullName: 'Ada Admin' });
    as = {
      assessor: await login(ctx.app, assessor.email),
      second: await login(ctx.app, second.email),
      lineManager: await login(ctx.app, lineManager.email),
      psw: await login(ctx.app, psw.email),
      psw2: await login(ctx.app, psw2.email),
      admin: await login(ctx.app, admin.email),
      otherAssessor: await login(ctx.app, otherAssessor.email),
    };
  });
  afterAll(() => ctx.close());

  it('should confirm as today when the second assessor agrees, keeping both judgements', async () => {
    const { programmeId, nqsw, session } = await yearReadyForRecommendation({ evidence: true });
    await recommend(programmeId, 'PASS');

    clock.set('2026-09-11T09:00:00Z');
    const asked = (
      await ok<{ requestAsyeSecondOpinion: Asye }>(
        ctx.app,
        REQUEST,
        { input: { programmeId, secondAssessorId: second.user.id } },
        as.psw,
      )
    ).requestAsyeSecondOpinion;
    expect(asked.agreement).toBe('AWAITING_SECOND_OPINION');
    expect(asked.secondOpinion).toEqual({
      secondAssessorUserId: second.user.id,
      requestedOn: '2026-09-11',
      requestedByUserId: psw.user.id,
      outcome: null,
      reasons: null,
      recordedOn: null,
    });
    expect(asked.secondAssessor).toEqual({ fullName: 'Sam Second' });

    // The second assessor now finds and sees the ASYE they were asked about; nobody else has it to give.
    const asking = (session: Session) =>
      ok<{ asyeSecondOpinionRequests: { id: string; agreement: string }[] }>(ctx.app, REQUESTS, {}, session);
    expect((await asking(as.second)).asyeSecondOpinionRequests).toEqual([
      { id: programmeId, agreement: 'AWAITING_SECOND_OPINION' },
    ]);
    expect((await asking(as.psw)).asyeSecondOpinionRequests).toEqual([]);
    expect((await asking(as.otherAssessor)).asyeSecondOpinionRequests).toEqual([]);
    const seen = (await ok<{ asyeProgramme: Asye }>(ctx.app, PROGRAMME, { id: nqsw.user.id }, as.second))
      .asyeProgramme;
    expect(seen.recommendation.outcome).toBe('PASS');

    clock.set('2026-09-14T09:00:00Z');
    const given = (
      await ok<{ recordAsyeSecondOpinion: Asye }>(
        ctx.app,
        RECORD,
        { input: { programmeId, outcome: 'PASS', reasons: REASONS } },
        as.second,
      )
    ).recordAsyeSecondOpinion;
    expect(given.agreement).toBe('AGREED');
    expect(given.secondOpinion).toMatchObject({
      outcome: 'PASS',
      reasons: REASONS,
      recordedOn: '2026-09-14',
    });

    clock.set('2026-09-20T09:00:00Z');
    const confirmed = (
      await ok<{ confirmAsyeOutcome: Asye }>(ctx.app, CONFIRM, { input: { programmeId } }, as.psw)
    ).confirmAsyeOutcome;
    expect(confirmed).toMatchObject({
      status: 'PASSED',
      agreement: 'AGREED',
      recommendation: { outcome: 'PASS', recommendedByUserId: assessor.user.id },
      secondOpinion: { outcome: 'PASS', secondAssessorUserId: second.user.id },
      confirmation: {
        confirmedOn: '2026-09-20',
        confirmedByUserId: psw.user.id,
        confirmedAs: 'PRINCIPAL_SOCIAL_WORKER',
        outcome: 'PASS',
        reconciled: false,
        comment: null,
      },
      completionQualificationId: expect.any(String),
    });

    expect((await asking(as.second)).asyeSecondOpinionRequests).toEqual([]);

    // The NQSW's own audit trail shows the request, the second opinion and the confirmation.
    const trail = await trailOf(programmeId, session);
    expect(trail.map((t) => t.action).slice(-4)).toEqual([
      'ASYE_OUTCOME_RECOMMENDED',
      'ASYE_SECOND_OPINION_REQUESTED',
      'ASYE_SECOND_OPINION_RECORDED',
      'ASYE_OUTCOME_CONFIRMED',
    ]);
    expect(trail.at(-2)).toMatchObject({
      actor: { fullName: 'Sam Second' },
      changes: { outcome: 'PASS', recommendedOutcome: 'PASS', agrees: true },
    });
  });

  it('should make confirming a disagreement a reconciliation, by someone else, with the outcome and a reason', async () => {
    const { programmeId, nqsw, session } = await yearReadyForRecommendation({ evidence: true });
    clock.set('2026-09-10T09:00:00Z');
    await recommend(programmeId, 'FAIL');
    // A PSW may be the second assessor too.
    await ok(ctx.app, REQUEST, { input: { programmeId, secondAssessorId: psw2.user.id } }, as.admin);

    await refusedWritingNothing(programmeId, async () => {
      const early = await gql(ctx.app, CONFIRM, { input: { programmeId } }, { as: as.psw });
      expect(refusal(early)).toEqual({
        code: 'CONFLICT',
        domainCode: 'ASYE_SECOND_OPINION_MISSING',
        field: 'input.programmeId',
      });
    });

    clock.set('2026-09-12T09:00:00Z');
    const differs = (
      await ok<{ recordAsyeSecondOpinion: Asye }>(
        ctx.app,
        RECORD,
        { input: { programmeId, outcome: 'PASS', reasons: REASONS } },
        as.psw2,
      )
    ).recordAsyeSecondOpinion;
    expect(differs.agreement).toBe('DISAGREED');
    expect(differs.status).toBe('AWAITING_CONFIRMATION');

    clock.set('2026-09-15T09:00:00Z');
    await refusedWritingNothing(programmeId, async () => {
      const noOutcome = await gql(
        ctx.app,
        CONFIRM,
        { input: { programmeId, comment: REASONS } },
        { as: as.psw },
      );
      expect(refusal(noOutcome)).toEqual({
        code: 'BAD_USER_INPUT',
        domainCode: 'ASYE_OUTCOME_REQUIRED',
        field: 'input.outcome',
      });
      for (const comment of [undefined, '   ']) {
        const noReason = await gql(
          ctx.app,
          CONFIRM,
          { input: { programmeId, outcome: 'PASS', comment } },
          { as: as.psw },
        );
        expect(refusal(noReason)).toEqual({
          code: 'BAD_USER_INPUT',
          domainCode: 'REASONS_REQUIRED',
          field: 'input.comment',
        });
      }
      // The second assessor, a PSW, may not reconcile their own disagreement.
      const bySecond = await gql(
        ctx.app,
        CONFIRM,
        { input: { programmeId, outcome: 'PASS', comment: REASONS } },
        { as: as.psw2 },
      );
      expect(refusal(bySecond)).toEqual({
        code: 'FORBIDDEN',
        domainCode: 'SELF_REVIEW',
        field: 'input.programmeId',
      });
      const byAssessor = await gql(
        ctx.app,
        CONFIRM,
        { input: { programmeId, outcome: 'FAIL', comment: REASONS } },
        { as: as.assessor },
      );
      expect(refusal(byAssessor).code).toBe('FORBIDDEN');
      const byNqsw = await gql(
        ctx.app,
        CONFIRM,
        { input: { programmeId, outcome: 'PASS', comment: REASONS } },
        { as: session },
      );
      expect(refusal(byNqsw).code).toBe('FORBIDDEN');
    });

    const reconciled = (
      await ok<{ confirmAsyeOutcome: Asye }>(
        ctx.app,
        CONFIRM,
        {
          input: {
            programmeId,
            forPanel: true,
            outcome: 'PASS',
            comment: 'The panel read both views; the observations carry the second assessor’s.',
          },
        },
        as.psw,
      )
    ).confirmAsyeOutcome;
    // All three judgements side by side: the recommendation is kept, not overwritten.
    expect(reconciled).toMatchObject({
      status: 'PASSED',
      agreement: 'RECONCILED',
      recommendation: { outcome: 'FAIL', recommendedOn: '2026-09-10', recommendedByUserId: assessor.user.id },
      secondOpinion: {
        secondAssessorUserId: psw2.user.id,
        requestedByUserId: admin.user.id,
        outcome: 'PASS',
        reasons: REASONS,
        recordedOn: '2026-09-12',
      },
      confirmation: {
        confirmedOn: '2026-09-15',
        confirmedByUserId: psw.user.id,
        confirmedAs: 'PANEL',
        outcome: 'PASS',
        reconciled: true,
        comment: 'The panel read both views; the observations carry the second assessor’s.',
      },
      completionQualificationId: expect.any(String),
    });
    const [qualification] = await ctx.dataSource.query(
      `SELECT type, user_id FROM qualification WHERE id = $1`,
      [reconciled.completionQualificationId],
    );
    expect(qualification).toEqual({ type: 'ASYE_COMPLETED', user_id: nqsw.user.id });

    const trail = await trailOf(programmeId, session);
    expect(trail.map((t) => t.action).slice(-4)).toEqual([
      'ASYE_OUTCOME_RECOMMENDED',
      'ASYE_SECOND_OPINION_REQUESTED',
      'ASYE_SECOND_OPINION_RECORDED',
      'ASYE_OUTCOME_RECONCILED',
    ]);
    expect(trail.slice(-3)).toEqual([
      expect.objectContaining({
        actor: { fullName: 'Ada Admin' },
        changes: expect.objectContaining({ secondAssessorUserId: psw2.user.id, requestedOn: '2026-09-10' }),
      }),
      expect.objectContaining({
        actor: { fullName: 'Priya Second-PSW' },
        changes: expect.objectContaining({ outcome: 'PASS', recommendedOutcome: 'FAIL', agrees: false }),
      }),
      expect.objectContaining({
        actor: { fullName: 'Pat Principal' },
        changes: expect.objectContaining({
          outcome: 'PASS',
          recommendedOutcome: 'FAIL',
          secondOpinionOutcome: 'PASS',
          secondAssessorUserId: psw2.user.id,
          confirmedAs: 'PANEL',
        }),
      }),
    ]);
  });

  describe('refusals, each writing nothing', () => {
    it('should refuse asking before the recommendation, of the wrong person, by the wrong person, or twice', async () => {
      clock.set('2026-09-10T09:00:00Z');
      const { programmeId, nqsw } = await yearReadyForRecommendation({ evidence: false });
      const ask = (secondAssessorId: string, session = as.psw) =>
        gql(ctx.app, REQUEST, { input: { programmeId, secondAssessorId } }, { as: session });

      await refusedWritingNothing(programmeId, async () => {
        expect(refusal(await ask(second.user.id))).toEqual({
          code: 'CONFLICT',
          domainCode: 'ASYE_RECOMMENDATION_MISSING',
          field: 'input.programmeId',
        });
      });
      await recommend(programmeId, 'FAIL');

      const elsewhere = await createOrganisation(ctx.dataSource);
      const foreignAssessor = await createMember(ctx.dataSource, elsewhere.id, ['ASSESSOR']);
      const practitioner = await createMember(ctx.dataSource, org.id, ['PRACTITIONER', 'SUPERVISOR']);
      await refusedWritingNothing(programmeId, async () => {
        for (const self of [nqsw.user.id, assessor.user.id]) {
          expect(refusal(await ask(self))).toEqual({
            code: 'FORBIDDEN',
            domainCode: 'SELF_REVIEW',
            field: 'input.secondAssessorId',
          });
        }
        expect(refusal(await ask(practitioner.user.id))).toEqual({
          code: 'BAD_USER_INPUT',
          domainCode: 'ASSESSOR_LACKS_ROLE',
          field: 'input.secondAssessorId',
        });
        expect(refusal(await ask(foreignAssessor.user.id))).toEqual({
          code: 'NOT_FOUND',
          domainCode: 'USER_NOT_FOUND',
          field: 'input.secondAssessorId',
        });
        // Only a PSW or administrator asks; the assessor may not choose who reviews them.
        expect(refusal(await ask(second.user.id, as.assessor)).code).toBe('FORBIDDEN');
      });

      await ok(ctx.app, REQUEST, { input: { programmeId, secondAssessorId: second.user.id } }, as.psw);
      await refusedWritingNothing(programmeId, async () => {
        expect(refusal(await ask(psw2.user.id))).toEqual({
          code: 'CONFLICT',
          domainCode: 'ASYE_SECOND_OPINION_REQUESTED',
          field: 'input.programmeId',
        });
      });
    });

    it('should let only the person named record the opinion, once, and a PASS only with the evidence', async () => {
      clock.set('2026-09-10T09:00:00Z');
      const { programmeId, session } = await yearReadyForRecommendation({ evidence: false });
      await recommend(programmeId, 'FAIL');
      const record = (session: Session, input: Record<string, unknown> = {}) =>
        gql(
          ctx.app,
          RECORD,
          { input: { programmeId, outcome: 'FAIL', reasons: REASONS, ...input } },
          { as: session },
        );

      await refusedWritingNothing(programmeId, async () => {
        expect(refusal(await record(as.psw))).toEqual({
          code: 'CONFLICT',
          domainCode: 'ASYE_SECOND_OPINION_NOT_REQUESTED',
          field: 'input.programmeId',
        });
      });
      await ok(ctx.app, REQUEST, { input: { programmeId, secondAssessorId: second.user.id } }, as.psw);

      await refusedWritingNothing(programmeId, async () => {
        for (const notNamed of [as.assessor, as.psw, as.lineManager, session]) {
          expect(refusal(await record(notNamed))).toEqual({
            code: 'FORBIDDEN',
            domainCode: 'ACCESS_DENIED',
            field: 'input.programmeId',
          });
        }
        // Someone with no part in this ASYE is not told it exists.
        expect(refusal(await record(as.otherAssessor))).toEqual({
          code: 'NOT_FOUND',
          domainCode: 'ASYE_NOT_FOUND',
          field: 'input.programmeId',
        });
        expect(refusal(await record(as.second, { outcome: 'PASS' }))).toEqual({
          code: 'CONFLICT',
          domainCode: 'ASYE_RECOMMENDATION_NOT_READY',
          field: 'input.outcome',
        });
        expect(refusal(await record(as.second, { reasons: 'Seen with NHS number 943 476 5919.' }))).toEqual({
          code: 'BAD_USER_INPUT',
          domainCode: 'IDENTIFIERS_DETECTED',
          field: 'input.reasons',
        });
        expect(refusal(await record(as.second, { reasons: '  ' })).code).toBe('BAD_USER_INPUT');
      });

      await ok(ctx.app, RECORD, { input: { programmeId, outcome: 'FAIL', reasons: REASONS } }, as.second);
      await refusedWritingNothing(programmeId, async () => {
        expect(refusal(await record(as.second, { outcome: 'PASS' }))).toEqual({
          code: 'CONFLICT',
          domainCode: 'ASYE_SECOND_OPINION_RECORDED',
          field: 'input.programmeId',
        });
        // They agree: a confirmation may not overturn both.
        const overturn = await gql(
          ctx.app,
          CONFIRM,
          { input: { programmeId, outcome: 'PASS', comment: REASONS } },
          { as: as.psw },
        );
        expect(refusal(overturn)).toEqual({
          code: 'BAD_USER_INPUT',
          domainCode: 'ASYE_OUTCOME_MISMATCH',
          field: 'input.outcome',
        });
      });
      const confirmed = (
        await ok<{ confirmAsyeOutcome: Asye }>(
          ctx.app,
          CONFIRM,
          { input: { programmeId, outcome: 'FAIL' } },
          as.psw,
        )
      ).confirmAsyeOutcome;
      expect(confirmed).toMatchObject({
        status: 'FAILED',
        agreement: 'AGREED',
        confirmation: { outcome: 'FAIL', reconciled: false },
        completionQualificationId: null,
      });
      await refusedWritingNothing(programmeId, async () => {
        expect(refusal(await record(as.second)).domainCode).toBe('ASYE_OUTCOME_CONFIRMED');
        const late = await gql(
          ctx.app,
          REQUEST,
          { input: { programmeId, secondAssessorId: psw2.user.id } },
          { as: as.psw },
        );
        expect(refusal(late).domainCode).toBe('ASYE_OUTCOME_CONFIRMED');
      });
    });

    it('should ask the access policy again when the opinion is recorded, and tell those not named so first', async () => {
      clock.set('2026-09-10T09:00:00Z');
      const { programmeId } = await yearReadyForRecommendation({ evidence: false });
      await recommend(programmeId, 'FAIL');
      const lapsing = await createMember(ctx.dataSource, org.id, ['ASSESSOR', 'PRACTITIONER']);
      await ok(ctx.app, REQUEST, { input: { programmeId, secondAssessorId: lapsing.user.id } }, as.psw);
      const record = (session: Session, reasons = REASONS) =>
        gql(ctx.app, RECORD, { input: { programmeId, outcome: 'FAIL', reasons } }, { as: session });
      await refusedWritingNothing(programmeId, async () => {
        // Someone not named hears that, not a warning about the text they wrote.
        expect(refusal(await record(as.psw, 'Seen with NHS no 943 476 5919 at home.'))).toEqual({
          code: 'FORBIDDEN',
          domainCode: 'ACCESS_DENIED',
          field: 'input.programmeId',
        });
      });
      // The second assessor named no longer holds a role that may give a second opinion.
      await ok(
        ctx.app,
        `mutation ($input: UpdateMemberRolesInput!) { updateMemberRoles(input: $input) { roles } }`,
        { input: { userId: lapsing.user.id, roles: ['PRACTITIONER'] } },
        as.admin,
      );
      const lapsed = await login(ctx.app, lapsing.email);
      await refusedWritingNothing(programmeId, async () => {
        expect(refusal(await record(lapsed))).toEqual({
          code: 'FORBIDDEN',
          domainCode: 'ACCESS_DENIED',
          field: 'input.programmeId',
        });
      });
    });

    it('should show another organisation nothing and let it do nothing', async () => {
      clock.set('2026-09-10T09:00:00Z');
      const { programmeId, nqsw } = await yearReadyForRecommendation({ evidence: false });
      await recommend(programmeId, 'FAIL');
      await ok(ctx.app, REQUEST, { input: { programmeId, secondAssessorId: second.user.id } }, as.psw);
      const elsewhere = await createOrganisation(ctx.dataSource);
      const outsiders = await Promise.all(
        (['PRINCIPAL_SOCIAL_WORKER', 'ASSESSOR'] as const).map(async (role) =>
          login(ctx.app, (await createMember(ctx.dataSource, elsewhere.id, [role])).email),
        ),
      );
      const notFound = { code: 'NOT_FOUND', domainCode: 'ASYE_NOT_FOUND', field: 'input.programmeId' };
      await refusedWritingNothing(programmeId, async () => {
        for (const outsider of outsiders) {
          const read = await gql(ctx.app, PROGRAMME, { id: nqsw.user.id }, { as: outsider });
          expect(refusal(read).domainCode).toBe('ASYE_NOT_FOUND');
          const record = await gql(
            ctx.app,
            RECORD,
            { input: { programmeId, outcome: 'FAIL', reasons: REASONS } },
            { as: outsider },
          );
          expect(refusal(record)).toEqual(notFound);
        }
        const [outsiderPsw] = outsiders;
        const ask = await gql(
          ctx.app,
          REQUEST,
          { input: { programmeId, secondAssessorId: second.user.id } },
          { as: outsiderPsw! },
        );
        expect(refusal(ask)).toEqual(notFound);
        const confirm = await gql(
          ctx.app,
          CONFIRM,
          { input: { programmeId, outcome: 'FAIL', comment: REASONS } },
          { as: outsiderPsw! },
        );
        expect(refusal(confirm)).toEqual(notFound);
      });
    });
  });
});
