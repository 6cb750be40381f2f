import type { OrganisationEntity } from '#app/persistence';
import {
  createApprovedEvidence,
  createMember,
  createOrganisation,
  gql,
  type CreatedMember,
} from '#app/testing';
import { asyeMutation, asyeYearEvidence, ASYE_FIELDS, ok, refusal } from './support/compliance-operations.js';
import { createTestApp, type E2eContext } from './support/create-test-app.js';
import { FixedClock } from './support/fixed-clock.js';
import { login, type Session } from './support/sessions.js';

interface Asye {
  id: string;
  status: string;
  endsOn: string | null;
  pausedToday: boolean;
  pausedDays: number;
  pauses: { id: string; startsOn: string; endsOn: string | null; reason: string }[];
  reviewPoints: { code: string; dueOn: string | null; heldOn: string | null; status: string }[];
  evidence: { kind: string; required: number; approved: number; met: boolean }[];
  criticalReflections: { monthsAfterStart: number; met: boolean }[];
  evidenceComplete: boolean;
  protectedTime: { targetPercent: number; recordedMinutes: number; targetMinutesToDate: number };
  recommendation: { outcome: string; recommendedOn: string } | null;
  confirmation: { confirmedOn: string; confirmedAs: string } | null;
  canMakeFinalRecommendation: boolean;
  canRecommendPass: boolean;
  passBlockers: string[];
  completionQualificationId: string | null;
}

const START = asyeMutation('startAsye', 'StartAsyeInput');
const PAUSE = asyeMutation('pauseAsye', 'PauseAsyeInput');
const RESUME = asyeMutation('resumeAsye', 'ResumeAsyeInput');
const REVIEW = asyeMutation('recordAsyeReviewPoint', 'RecordAsyeReviewPointInput');
const PROTECTED = asyeMutation('recordProtectedTime', 'RecordProtectedTimeInput');
const RECOMMEND = asyeMutation('recommendAsyeOutcome', 'RecommendAsyeOutcomeInput');
const CONFIRM = asyeMutation('confirmAsyeOutcome', 'ConfirmAsyeOutcomeInput');
const PROGRAMME = `query ($id: ID) { asyeProgramme(practitionerUserId: $id) { ${ASYE_FIELDS} } }`;
const COHORT = `{ asyeCohort(includeConfirmed: true) { id status practitioner { fullName } } }`;
const QUALIFICATIONS = `query ($userId: ID) { qualifications(userId: $userId) { id type awardedOn verifiedAt verifiedByUserId } }`;

describe('ASYE: an NQSW’s year from start to recorded completion (e2e)', () => {
  const clock = new FixedClock(new Date('2025-09-01T09:00:00Z'));
  let ctx: E2eContext;
  let org: OrganisationEntity;
  let nqsw: CreatedMember;
  let assessor: CreatedMember;
  let lineManager: CreatedMember;
  let psw: CreatedMember;
  let as: Record<'nqsw' | 'assessor' | 'lineManager' | 'psw', Session>;

  const count = async (table: string) =>
    Number((await ctx.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n);

  beforeAll(async () => {
    ctx = await createTestApp({}, { clock });
    org = await createOrganisation(ctx.dataSource);
    nqsw = await createMember(ctx.dataSource, org.id, ['PRACTITIONER'], {
      fullName: 'Nia Newly-Qualified',
      dateQualified: '2025-07-01',
    });
    assessor = await createMember(ctx.dataSource, org.id, ['ASSESSOR', 'PRACTITIONER'], {
      fullName: 'Asha Assessor',
    });
    lineManager = await createMember(ctx.dataSource, org.id, ['SUPERVISOR'], { fullName: 'Lee Manager' });
    psw = await createMember(ctx.dataSource, org.id, ['PRINCIPAL_SOCIAL_WORKER'], {
      fullName: 'Pat Principal',
    });
    as = {
      nqsw: await login(ctx.app, nqsw.email),
      assessor: await login(ctx.app, assessor.email),
      lineManager: await login(ctx.app, lineManager.email),
      psw: await login(ctx.app, psw.email),
    };
  });
  afterAll(() => ctx.close());

  it('should run the year: start, pause and resume, review points, evidence, recommendation, confirmation', async () => {
    clock.set('2025-09-01T09:00:00Z');
    const started = (
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
    expect(started.status).toBe('IN_PROGRESS');
    expect(started.reviewPoints.map((r) => [r.code, r.dueOn])).toEqual([
      ['THREE_MONTH', '2025-12-01'],
      ['SIX_MONTH', '2026-03-01'],
      ['FINAL', '2026-09-01'],
    ]);
    const programmeId = started.id;

    // A week off sick: review points move on by the days paused.
    clock.set('2025-10-08T09:00:00Z');
    const paused = (
      await ok<{ pauseAsye: Asye }>(
        ctx.app,
        PAUSE,
        { input: { programmeId, startsOn: '2025-10-06', reason: 'SICKNESS' } },
        as.lineManager,
      )
    ).pauseAsye;
    expect(paused.status).toBe('PAUSED');
    clock.set('2025-10-14T09:00:00Z');
    const resumed = (
      await ok<{ resumeAsye: Asye }>(
        ctx.app,
        RESUME,
        { input: { programmeId, endsOn: '2025-10-12' } },
        as.lineManager,
      )
    ).resumeAsye;
    expect(resumed.status).toBe('IN_PROGRESS');
    expect(resumed.pausedDays).toBe(7);
    expect(resumed.reviewPoints.map((r) => r.dueOn)).toEqual(['2025-12-08', '2026-03-08', '2026-09-08']);

    const timed = (
      await ok<{ recordProtectedTime: Asye }>(
        ctx.app,
        PROTECTED,
        { input: { programmeId, date: '2025-10-14', minutes: 222 } },
        as.nqsw,
      )
    ).recordProtectedTime;
    expect(timed.protectedTime).toMatchObject({ targetPercent: 10, recordedMinutes: 222 });

    clock.set('2025-12-09T09:00:00Z');
    await ok(
      ctx.app,
      REVIEW,
      {
        input: {
          programmeId,
          code: 'THREE_MONTH',
          heldOn: '2025-12-08',
          assessorComments: 'Settling in well.',
        },
      },
      as.assessor,
    );
    clock.set('2026-03-09T09:00:00Z');
    await ok(
      ctx.app,
      REVIEW,
      { input: { programmeId, code: 'SIX_MONTH', heldOn: '2026-03-08', assessorComments: 'On track.' } },
      as.assessor,
    );

    // The year's evidence, approved in the portfolio: 3 of each kind, reflections at 6 and 12 months.
    await createApprovedEvidence(
      ctx.dataSource,
      org.id,
      nqsw.user.id,
      assessor.user.id,
      asyeYearEvidence(['2026-03-01']),
    );

    clock.set('2026-09-10T09:00:00Z');
    const notYet = await gql(
      ctx.app,
      RECOMMEND,
      { input: { programmeId, outcome: 'PASS', comment: 'Ready.' } },
      { as: as.assessor },
    );
    expect(refusal(notYet)).toEqual({
      code: 'CONFLICT',
      domainCode: 'ASYE_RECOMMENDATION_NOT_READY',
      field: 'input.outcome',
    });

    await ok(
      ctx.app,
      REVIEW,
      {
        input: {
          programmeId,
          code: 'FINAL',
          heldOn: '2026-09-09',
          assessorComments: 'Consistently at ASYE level.',
        },
      },
      as.assessor,
    );
    const missingReflection = (await ok<{ asyeProgramme: Asye }>(ctx.app, PROGRAMME, {}, as.nqsw))
      .asyeProgramme;
    expect(missingReflection.canMakeFinalRecommendation).toBe(true);
    expect(missingReflection.canRecommendPass).toBe(false);
    expect(missingReflection.passBlockers).toHaveLength(1);
    await createApprovedEvidence(ctx.dataSource, org.id, nqsw.user.id, assessor.user.id, [
      {
        kind: 'CRITICAL_REFLECTION',
        date: '2026-09-01',
        itemCodes: ['CRITICAL_REFLECTION_AND_ANALYSIS'],
        levelCode: 'ASYE',
      },
    ]);
    const ready = (await ok<{ asyeProgramme: Asye }>(ctx.app, PROGRAMME, { id: nqsw.user.id }, as.assessor))
      .asyeProgramme;
    expect(ready.evidence.every((e) => e.approved === 3 && e.met)).toBe(true);
    expect(ready.criticalReflections.map((r) => r.met)).toEqual([true, true]);
    expect(ready.canRecommendPass).toBe(true);

    const recommended = (
      await ok<{ recommendAsyeOutcome: Asye }>(
        ctx.app,
        RECOMMEND,
        { input: { programmeId, outcome: 'PASS', comment: 'Meets the PCF ASYE level and the PQS.' } },
        as.assessor,
      )
    ).recommendAsyeOutcome;
    expect(recommended.status).toBe('AWAITING_CONFIRMATION');
    expect(recommended.recommendation).toEqual({ outcome: 'PASS', recommendedOn: '2026-09-10' });

    // Neither the NQSW nor the assessor confirms; the PSW does.
    for (const who of [as.nqsw, as.assessor]) {
      const res = await gql(ctx.app, CONFIRM, { input: { programmeId } }, { as: who });
      expect(refusal(res).code).toBe('FORBIDDEN');
    }
    clock.set('2026-09-20T09:00:00Z');
    const confirmed = (
      await ok<{ confirmAsyeOutcome: Asye }>(
        ctx.app,
        CONFIRM,
        { input: { programmeId, comment: 'Panel agreed.' } },
        as.psw,
      )
    ).confirmAsyeOutcome;
    expect(confirmed.status).toBe('PASSED');
    expect(confirmed.confirmation).toEqual({
      confirmedOn: '2026-09-20',
      confirmedAs: 'PRINCIPAL_SOCIAL_WORKER',
    });
    expect(confirmed.completionQualificationId).toEqual(expect.any(String));

    const { qualifications } = await ok<{
      qualifications: {
        id: string;
        type: string;
        awardedOn: string;
        verifiedAt: string | null;
        verifiedByUserId: string | null;
      }[];
    }>(ctx.app, QUALIFICATIONS, { userId: nqsw.user.id }, as.psw);
    expect(qualifications).toEqual([
      expect.objectContaining({
        id: confirmed.completionQualificationId,
        type: 'ASYE_COMPLETED',
        awardedOn: '2026-09-20',
        verifiedByUserId: psw.user.id,
      }),
    ]);

    const again = await gql(ctx.app, CONFIRM, { input: { programmeId } }, { as: as.psw });
    expect(refusal(again)).toEqual({
      code: 'CONFLICT',
      domainCode: 'ASYE_OUTCOME_CONFIRMED',
      field: 'input.programmeId',
    });

    const cohort = await ok<{ asyeCohort: { id: string; status: string }[] }>(ctx.app, COHORT, {}, as.psw);
    expect(cohort.asyeCohort).toEqual([expect.objectContaining({ id: programmeId, status: 'PASSED' })]);
    const trail: { action: string }[] = await ctx.dataSource.query(
      `SELECT action FROM audit_event WHERE entity_id = $1 ORDER BY id`,
      [programmeId],
    );
    expect(trail.map((t) => t.action)).toEqual([
      'ASYE_STARTED',
      'ASYE_PAUSED',
      'ASYE_RESUMED',
      'ASYE_PROTECTED_TIME_RECORDED',
      'ASYE_REVIEW_POINT_RECORDED',
      'ASYE_REVIEW_POINT_RECORDED',
      'ASYE_REVIEW_POINT_RECORDED',
      'ASYE_OUTCOME_RECOMMENDED',
      'ASYE_OUTCOME_CONFIRMED',
    ]);
  });

  describe('refusals', () => {
    let programmeId: string;

    beforeAll(async () => {
      clock.set('2026-10-01T09:00:00Z');
      const other = await createMember(ctx.dataSource, org.id, ['PRACTITIONER'], {
        dateQualified: '2026-07-01',
      });
      programmeId = (
        await ok<{ startAsye: Asye }>(
          ctx.app,
          START,
          {
            input: {
              practitionerId: other.user.id,
              assessorId: assessor.user.id,
              lineManagerId: lineManager.user.id,
              startDate: '2026-09-01',
            },
          },
          as.psw,
        )
      ).startAsye.id;
    });

    it('should refuse a pause that overlaps another, or for capability, writing nothing', async () => {
      await ok(
        ctx.app,
        PAUSE,
        { input: { programmeId, startsOn: '2026-09-10', endsOn: '2026-09-20', reason: 'BEREAVEMENT' } },
        as.lineManager,
      );
      const pauses = await count('asye_pause');
      const overlap = await gql(
        ctx.app,
        PAUSE,
        { input: { programmeId, startsOn: '2026-09-20', reason: 'SICKNESS' } },
        { as: as.lineManager },
      );
      expect(refusal(overlap)).toEqual({
        code: 'CONFLICT',
        domainCode: 'ASYE_PAUSE_OVERLAP',
        field: 'input.startsOn',
      });
      const capability = await gql(
        ctx.app,
        PAUSE,
        { input: { programmeId, startsOn: '2026-09-25', reason: 'CAPABILITY' } },
        { as: as.lineManager },
      );
      expect(refusal(capability)).toEqual({
        code: 'BAD_USER_INPUT',
        domainCode: 'ASYE_PAUSE_REASON_NOT_ALLOWED',
        field: 'input.reason',
      });
      const byNqsw = await gql(
        ctx.app,
        PAUSE,
        { input: { programmeId, startsOn: '2026-09-25', reason: 'SICKNESS' } },
        { as: as.nqsw },
      );
      expect(refusal(byNqsw)).toEqual({
        code: 'NOT_FOUND',
        domainCode: 'ASYE_NOT_FOUND',
        field: 'input.programmeId',
      });
      expect(await count('asye_pause')).toBe(pauses);
    });

    it('should refuse a review point recorded twice, or by someone other than the assessor', async () => {
      const input = {
        programmeId,
        code: 'THREE_MONTH',
        heldOn: '2026-09-30',
        assessorComments: 'Early review.',
      };
      await ok(ctx.app, REVIEW, { input }, as.assessor);
      const reviews = await count('asye_review_point');
      const twice = await gql(ctx.app, REVIEW, { input }, { as: as.assessor });
      expect(refusal(twice)).toEqual({
        code: 'CONFLICT',
        domainCode: 'ASYE_REVIEW_POINT_RECORDED',
        field: 'input.code',
      });
      const byManager = await gql(
        ctx.app,
        REVIEW,
        { input: { ...input, code: 'SIX_MONTH' } },
        { as: as.lineManager },
      );
      expect(refusal(byManager)).toEqual({
        code: 'FORBIDDEN',
        domainCode: 'ACCESS_DENIED',
        field: 'input.programmeId',
      });
      expect(await count('asye_review_point')).toBe(reviews);
    });

    it('should refuse an ASYE for someone not qualified, or a second open one, writing nothing', async () => {
      const unqualified = await createMember(ctx.dataSource, org.id, ['PRACTITIONER']);
      await ctx.dataSource.query(`UPDATE app_user SET date_qualified = NULL WHERE id = $1`, [
        unqualified.user.id,
      ]);
      const programmes = await count('asye_programme');
      const input = {
        assessorId: assessor.user.id,
        lineManagerId: lineManager.user.id,
        startDate: '2026-09-01',
      };
      const notQualified = await gql(
        ctx.app,
        START,
        { input: { ...input, practitionerId: unqualified.user.id } },
        { as: as.psw },
      );
      expect(refusal(notQualified)).toEqual({
        code: 'BAD_USER_INPUT',
        domainCode: 'ASYE_NOT_QUALIFIED',
        field: 'input.practitionerId',
      });
      const [{ practitioner_user_id: open }] = await ctx.dataSource.query(
        `SELECT practitioner_user_id FROM asye_programme WHERE id = $1`,
        [programmeId],
      );
      const second = await gql(ctx.app, START, { input: { ...input, practitionerId: open } }, { as: as.psw });
      expect(refusal(second)).toEqual({
        code: 'CONFLICT',
        domainCode: 'ASYE_ALREADY_OPEN',
        field: 'input.practitionerId',
      });
      const byPractitioner = await gql(
        ctx.app,
        START,
        { input: { ...input, practitionerId: unqualified.user.id } },
        { as: as.nqsw },
      );
      expect(refusal(byPractitioner).code).toBe('FORBIDDEN');
      expect(await count('asye_programme')).toBe(programmes);
    });

    it('should show another organisation nothing', async () => {
      const elsewhere = await createOrganisation(ctx.dataSource);
      const outsider = await login(
        ctx.app,
        (await createMember(ctx.dataSource, elsewhere.id, ['PRINCIPAL_SOCIAL_WORKER'])).email,
      );
      const res = await gql(ctx.app, PROGRAMME, { id: nqsw.user.id }, { as: outsider });
      expect(refusal(res).domainCode).toBe('ASYE_NOT_FOUND');
      const cohort = await ok<{ asyeCohort: unknown[] }>(ctx.app, COHORT, {}, outsider);
      expect(cohort.asyeCohort).toEqual([]);
      const pause = await gql(
        ctx.app,
        PAUSE,
        { input: { programmeId, startsOn: '2026-09-25', reason: 'SICKNESS' } },
        { as: outsider },
      );
      expect(refusal(pause).domainCode).toBe('ASYE_NOT_FOUND');
    });
  });
});
