import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { OrganisationEntity } from '#app/persistence';
import {
  createAssessorRelationship,
  createMember,
  createOrganisation,
  gql,
  type CreatedMember,
  type GqlResult,
} from '#app/testing';
import { asyeMutation, ok, SUPERVISION_FIELDS } from './support/compliance-operations.js';
import { createTestApp, type E2eContext } from './support/create-test-app.js';
import { FixedClock } from './support/fixed-clock.js';
import {
  CREATE_EVIDENCE,
  pcf,
  REVIEW_EVIDENCE,
  SUBMIT_EVIDENCE,
  TINY_PDF,
  UPDATE_EVIDENCE,
} from './support/portfolio-operations.js';
import {
  APPLY,
  CREATE_FROM_TEMPLATE,
  DECIDE,
  PUBLISH,
  RECORD_STAGE,
} from './support/progression-operations.js';
import { login, type Session } from './support/sessions.js';

/** 943 476 5919 passes the NHS number check digit; in WITH_NHS it sits at offsets 17 to 29. */
const WITH_NHS = 'Seen with NHS no 943 476 5919 at home.';
const NHS_AT = { kind: 'NHS_NUMBER', start: 17, end: 29 };
const CLEAN = 'Clear evidence of ASYE-level practice.';

interface Version {
  id: string;
  evidenceId: string;
  revision: number;
  status: string;
  identifiersConfirmed: boolean;
  mappings: { id: string; rationale: string }[];
  identifierWarnings: { field: string; kind: string; start: number; end: number }[];
}

const RECORD_SUPERVISION = `mutation ($input: RecordSupervisionInput!) { recordSupervision(input: $input) { ${SUPERVISION_FIELDS} } }`;
const REFLECT = `mutation ($input: CreateEvidenceFromSupervisionInput!) {
  createEvidenceFromSupervision(input: $input) { id identifierWarnings { field kind start end } }
}`;
const START = asyeMutation('startAsye', 'StartAsyeInput');
const REVIEW_POINT = asyeMutation('recordAsyeReviewPoint', 'RecordAsyeReviewPointInput');
const RECOMMEND = asyeMutation('recommendAsyeOutcome', 'RecommendAsyeOutcomeInput');
const CONFIRM = asyeMutation('confirmAsyeOutcome', 'ConfirmAsyeOutcomeInput');

/** What a refusal for identifiers says: the field at fault and every warning, by field and offset. */
const detected = (res: GqlResult<unknown>) => res.errors?.[0]?.extensions;

describe('confidentiality guard: every free text others read is scanned for identifiers (e2e)', () => {
  const clock = new FixedClock(new Date('2026-10-20T09:00:00Z'));
  let ctx: E2eContext;
  let org: OrganisationEntity;

  beforeAll(async () => {
    ctx = await createTestApp(
      { ATTACHMENTS_DIR: await mkdtemp(join(tmpdir(), 'pathways-attachments-')) },
      { clock },
    );
  });
  beforeEach(async () => {
    clock.set('2026-10-20T09:00:00Z');
    org = await createOrganisation(ctx.dataSource);
  });
  afterEach(() => ctx.reset());
  afterAll(() => ctx.close());

  const tables = async () =>
    (
      await ctx.dataSource.query(
        `SELECT (SELECT count(*)::int FROM evidence_review) AS reviews,
                (SELECT count(*)::int FROM progression_application) AS applications,
                (SELECT count(*)::int FROM supervision) AS supervisions,
                (SELECT count(*)::int FROM audit_event) AS audit,
                (SELECT json_agg(status ORDER BY id) FROM evidence_version) AS statuses,
                (SELECT json_agg(json_build_object('decision', decision, 'comment', decision_comment) ORDER BY id)
                   FROM evidence_mapping) AS decisions,
                (SELECT json_agg(status ORDER BY id) FROM progression_application) AS applicationStatuses`,
      )
    )[0] as Record<string, unknown>;

  describe('portfolio', () => {
    let nqsw: CreatedMember;
    let assessor: CreatedMember;
    let asNqsw: Session;
    let asAssessor: Session;

    beforeEach(async () => {
      assessor = await createMember(ctx.dataSource, org.id, ['ASSESSOR', 'PRACTITIONER']);
      nqsw = await createMember(ctx.dataSource, org.id, ['PRACTITIONER']);
      await createAssessorRelationship(
        ctx.dataSource,
        org.id,
        assessor.user.id,
        nqsw.user.id,
        'ASYE_ASSESSOR',
        '2026-09-01',
      );
      asNqsw = await login(ctx.app, nqsw.email);
      asAssessor = await login(ctx.app, assessor.email);
    });

    const create = async (overrides: Record<string, unknown> = {}): Promise<Version> => {
      const res = await gql<{ createEvidence: Version }>(
        ctx.app,
        CREATE_EVIDENCE,
        {
          input: {
            kind: 'WRITTEN_REPORT',
            title: 'Anonymised assessment report',
            dateFrom: '2026-10-01',
            description: 'A child and family assessment.',
            learning: 'Analysis before recommendations.',
            impact: 'Clearer reports for panel.',
            mappings: [pcf('KNOWLEDGE'), pcf('CRITICAL_REFLECTION_AND_ANALYSIS')],
            ...overrides,
          },
        },
        { as: asNqsw },
      );
      expect(res.errors).toBeUndefined();
      return res.data!.createEvidence;
    };
    const submit = (v: Pick<Version, 'evidenceId'>) =>
      gql<{ submitEvidence: Version }>(
        ctx.app,
        SUBMIT_EVIDENCE,
        { input: { evidenceId: v.evidenceId, reviewerUserId: assessor.user.id } },
        { as: asNqsw },
      );
    const update = (input: Record<string, unknown>) =>
      gql<{ updateEvidence: Version }>(ctx.app, UPDATE_EVIDENCE, { input }, { as: asNqsw });

    it('should warn of an NHS number in a mapping rationale, naming the mapping, and hold submission until confirmed', async () => {
      const draft = await create({
        mappings: [pcf('KNOWLEDGE'), pcf('CRITICAL_REFLECTION_AND_ANALYSIS', 'ASYE', WITH_NHS)],
      });
      expect(draft.identifierWarnings).toEqual([{ field: 'mappings[1].rationale', ...NHS_AT }]);
      expect(detected(await submit(draft))).toMatchObject({
        code: 'BAD_USER_INPUT',
        domainCode: 'IDENTIFIERS_UNCONFIRMED',
      });

      // An edit of other text keeps the rationale, so keeps its warning.
      const edited = await update({ evidenceId: draft.evidenceId, learning: 'Analysis first.' });
      expect(edited.data!.updateEvidence.identifierWarnings).toEqual([
        { field: 'mappings[1].rationale', ...NHS_AT },
      ]);

      const confirmed = await update({ evidenceId: draft.evidenceId, confirmNoIdentifiers: true });
      expect(confirmed.data!.updateEvidence.identifiersConfirmed).toBe(true);
      // New wording of a rationale needs a new confirmation.
      const reworded = await update({
        evidenceId: draft.evidenceId,
        mappings: [pcf('KNOWLEDGE', 'ASYE', `Again: ${WITH_NHS}`)],
      });
      expect(reworded.data!.updateEvidence).toMatchObject({
        identifiersConfirmed: false,
        identifierWarnings: [{ field: 'mappings[0].rationale', kind: 'NHS_NUMBER', start: 24, end: 36 }],
      });
      expect(detected(await submit(draft))?.domainCode).toBe('IDENTIFIERS_UNCONFIRMED');

      const fixed = await update({ evidenceId: draft.evidenceId, mappings: [pcf('KNOWLEDGE')] });
      expect(fixed.data!.updateEvidence.identifierWarnings).toEqual([]);
      expect((await submit(draft)).errors).toBeUndefined();
    });

    it('should warn of an identifier in an attached file’s name, and clear the warning with the file', async () => {
      const draft = await create();
      const upload = (name: string) =>
        request(ctx.app.getHttpServer())
          .post(`/evidence/${draft.evidenceId}/attachments`)
          .set('authorization', `Bearer ${asNqsw.accessToken}`)
          .set('content-type', 'application/octet-stream')
          .set('x-file-name', name)
          .send(TINY_PDF);
      const warnings = async () =>
        (
          await ctx.dataSource.query(
            `SELECT identifier_warnings AS w FROM evidence_version WHERE evidence_id = $1`,
            [draft.evidenceId],
          )
        )[0].w;
      expect((await upload('observation.pdf')).status).toBe(201);
      const named = await upload('referral-9434765919.pdf');
      expect(named.status).toBe(201);
      expect(await warnings()).toEqual([
        { field: 'attachments[1].fileName', kind: 'NHS_NUMBER', start: 9, end: 19 },
      ]);
      expect(detected(await submit(draft))?.domainCode).toBe('IDENTIFIERS_UNCONFIRMED');
      // Editing the text keeps the file, so keeps its warning.
      const edited = await update({ evidenceId: draft.evidenceId, learning: 'Analysis first.' });
      expect(edited.data!.updateEvidence.identifierWarnings).toEqual([
        { field: 'attachments[1].fileName', kind: 'NHS_NUMBER', start: 9, end: 19 },
      ]);

      const removed = await gql(
        ctx.app,
        `mutation ($input: RemoveAttachmentInput!) { removeAttachment(input: $input) { id } }`,
        { input: { attachmentId: named.body.id } },
        { as: asNqsw },
      );
      expect(removed.errors).toBeUndefined();
      expect(await warnings()).toEqual([]);
      expect((await submit(draft)).errors).toBeUndefined();
    });

    it('should warn of identifiers in the peer’s role too', async () => {
      const draft = await create({
        peerReflection: { text: 'We compared two assessments.', peerRole: 'jo.bloggs@example.org' },
      });
      expect(draft.identifierWarnings).toEqual([{ field: 'peerRole', kind: 'EMAIL', start: 0, end: 21 }]);
    });

    it('should refuse a review comment or a mapping comment that may identify someone, unless confirmed', async () => {
      const draft = await create();
      const submitted = (await submit(draft)).data!.submitEvidence;
      const decide = (input: Record<string, unknown>) =>
        gql(
          ctx.app,
          REVIEW_EVIDENCE,
          {
            input: {
              evidenceVersionId: submitted.id,
              expectedRevision: submitted.revision,
              outcome: 'REQUEST_CHANGES',
              comment: CLEAN,
              ...input,
            },
          },
          { as: asAssessor },
        );
      const before = await tables();

      expect(detected(await decide({ comment: WITH_NHS }))).toEqual({
        code: 'BAD_USER_INPUT',
        domainCode: 'IDENTIFIERS_DETECTED',
        field: 'input.comment',
        details: { warnings: [{ field: 'comment', ...NHS_AT }] },
      });
      const mappingComment = await decide({
        mappingDecisions: [
          { mappingId: submitted.mappings[0]!.id, decision: 'NOT_ACCEPTED', comment: 'Say more.' },
          { mappingId: submitted.mappings[1]!.id, decision: 'NOT_ACCEPTED', comment: WITH_NHS },
        ],
      });
      expect(detected(mappingComment)).toMatchObject({
        domainCode: 'IDENTIFIERS_DETECTED',
        field: 'input.mappingDecisions[1].comment',
        details: { warnings: [{ field: 'mappingDecisions[1].comment', ...NHS_AT }] },
      });
      // The error names where, never what.
      expect(JSON.stringify(mappingComment.errors)).not.toMatch(/5919/);
      expect(await tables()).toEqual(before);

      const confirmed = await decide({ comment: WITH_NHS, confirmNoIdentifiers: true });
      expect(confirmed.errors).toBeUndefined();
      expect((await tables()).reviews).toBe(1);
      // The audit trail keeps who confirmed which field, never the text.
      const [audit] = await ctx.dataSource.query(
        `SELECT changes FROM audit_event WHERE action = 'EVIDENCE_CHANGES_REQUESTED'`,
      );
      expect(audit.changes.identifiersConfirmed).toEqual({ fields: ['comment'], warnings: 1 });
      expect(JSON.stringify(audit.changes)).not.toMatch(/5919/);
    });
  });

  describe('supervision', () => {
    let supervisor: CreatedMember;
    let supervisee: CreatedMember;
    let asSupervisor: Session;
    let asSupervisee: Session;

    beforeEach(async () => {
      supervisor = await createMember(ctx.dataSource, org.id, ['SUPERVISOR', 'PRACTITIONER']);
      supervisee = await createMember(ctx.dataSource, org.id, ['PRACTITIONER']);
      await createAssessorRelationship(
        ctx.dataSource,
        org.id,
        supervisor.user.id,
        supervisee.user.id,
        'SUPERVISOR',
      );
      asSupervisor = await login(ctx.app, supervisor.email);
      asSupervisee = await login(ctx.app, supervisee.email);
    });
    const record = (input: Record<string, unknown>) =>
      gql<{ recordSupervision: { id: string } }>(
        ctx.app,
        RECORD_SUPERVISION,
        {
          input: {
            superviseeId: supervisee.user.id,
            date: '2026-10-19',
            durationMinutes: 90,
            kind: 'REFLECTIVE',
            ...input,
          },
        },
        { as: asSupervisor },
      );

    it('should refuse supervision notes that may identify someone, unless confirmed', async () => {
      const before = await tables();
      expect(detected(await record({ notes: `Case discussed. ${WITH_NHS}` }))).toMatchObject({
        domainCode: 'IDENTIFIERS_DETECTED',
        field: 'input.notes',
        details: { warnings: [{ field: 'notes', kind: 'NHS_NUMBER', start: 33, end: 45 }] },
      });
      expect(await tables()).toEqual(before);
      const confirmed = await record({ notes: `Case discussed. ${WITH_NHS}`, confirmNoIdentifiers: true });
      expect(confirmed.errors).toBeUndefined();
    });

    it('should warn of identifiers in a reflection drawn from supervision', async () => {
      const held = (await record({ notes: 'A hard week.' })).data!.recordSupervision;
      const reflection = await ok<{ createEvidenceFromSupervision: Version }>(
        ctx.app,
        REFLECT,
        { input: { supervisionId: held.id, learning: WITH_NHS } },
        asSupervisee,
      );
      expect(reflection.createEvidenceFromSupervision.identifierWarnings).toEqual([
        { field: 'learning', ...NHS_AT },
      ]);
    });
  });

  describe('progression', () => {
    it('should refuse an application statement, and decision reasons, that may identify someone, unless confirmed', async () => {
      const psw = await createMember(ctx.dataSource, org.id, ['PRINCIPAL_SOCIAL_WORKER', 'PRACTITIONER']);
      const admin = await createMember(ctx.dataSource, org.id, ['ORG_ADMIN']);
      const asPsw = await login(ctx.app, psw.email);
      const asAdmin = await login(ctx.app, admin.email);
      const pathway = (
        await ok<{ createPathwayFromTemplate: { id: string; versions: { id: string }[] } }>(
          ctx.app,
          CREATE_FROM_TEMPLATE,
          { input: { name: 'Pathway' } },
          asPsw,
        )
      ).createPathwayFromTemplate;
      await ok(ctx.app, PUBLISH, { input: { versionId: pathway.versions[0]!.id } }, asPsw);
      await ok(
        ctx.app,
        RECORD_STAGE,
        {
          input: {
            practitionerUserId: psw.user.id,
            pathwayId: pathway.id,
            stageKey: 'NQSW',
            fromDate: '2025-09-01',
          },
        },
        asPsw,
      );
      // An ASYE completed makes the PSW eligible for the automatic NQSW route.
      await ctx.dataSource.query(
        `INSERT INTO qualification (organisation_id, user_id, type, title, awarded_on, verified_by_user_id, verified_at, recorded_by_user_id)
         VALUES ($1, $2, 'ASYE_COMPLETED', 'ASYE', '2026-08-31', $3, now(), $3)`,
        [org.id, psw.user.id, admin.user.id],
      );
      const apply = (input: Record<string, unknown>) =>
        gql<{ applyForRoute: { id: string } }>(
          ctx.app,
          APPLY,
          { input: { routeKey: 'NQSW_TO_SOCIAL_WORKER', ...input } },
          { as: asPsw },
        );

      let before = await tables();
      expect(detected(await apply({ statement: WITH_NHS }))).toMatchObject({
        domainCode: 'IDENTIFIERS_DETECTED',
        field: 'input.statement',
        details: { warnings: [{ field: 'statement', ...NHS_AT }] },
      });
      expect(await tables()).toEqual(before);
      const applied = await apply({ statement: WITH_NHS, confirmNoIdentifiers: true });
      expect(applied.errors).toBeUndefined();

      const decide = (input: Record<string, unknown>) =>
        gql(
          ctx.app,
          DECIDE,
          { input: { applicationId: applied.data!.applyForRoute.id, decision: 'DEFER', ...input } },
          { as: asAdmin },
        );
      before = await tables();
      expect(detected(await decide({ reasons: WITH_NHS }))).toMatchObject({
        domainCode: 'IDENTIFIERS_DETECTED',
        field: 'input.reasons',
        details: { warnings: [{ field: 'reasons', ...NHS_AT }] },
      });
      expect(await tables()).toEqual(before);
      expect((await decide({ reasons: WITH_NHS, confirmNoIdentifiers: true })).errors).toBeUndefined();
    });
  });

  describe('ASYE', () => {
    it('should refuse review-point, recommendation and confirmation comments that may identify someone, unless confirmed', async () => {
      clock.set('2025-09-01T09:00:00Z');
      const nqsw = await createMember(ctx.dataSource, org.id, ['PRACTITIONER'], {
        dateQualified: '2025-07-01',
      });
      const assessor = await createMember(ctx.dataSource, org.id, ['ASSESSOR', 'PRACTITIONER']);
      const lineManager = await createMember(ctx.dataSource, org.id, ['SUPERVISOR']);
      const psw = await createMember(ctx.dataSource, org.id, ['PRINCIPAL_SOCIAL_WORKER']);
      const asAssessor = await login(ctx.app, assessor.email);
      const asPsw = await login(ctx.app, psw.email);
      const programmeId = (
        await ok<{ startAsye: { id: string } }>(
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
          asPsw,
        )
      ).startAsye.id;
      clock.set('2026-09-10T09:00:00Z');
      const programme = async () =>
        (
          await ctx.dataSource.query(
            `SELECT recommended_outcome AS "recommendedOutcome", recommendation_comment AS "recommendationComment",
                    confirmed_on AS "confirmedOn",
                    (SELECT count(*)::int FROM asye_review_point WHERE programme_id = p.id) AS "reviewPoints"
               FROM asye_programme p WHERE id = $1`,
            [programmeId],
          )
        )[0] as Record<string, unknown>;
      const reviewPoint = (code: string, heldOn: string, extra: Record<string, unknown> = {}) =>
        gql(
          ctx.app,
          REVIEW_POINT,
          { input: { programmeId, code, heldOn, assessorComments: CLEAN, ...extra } },
          { as: asAssessor },
        );

      let before = await programme();
      expect(
        detected(await reviewPoint('THREE_MONTH', '2025-12-01', { assessorComments: WITH_NHS })),
      ).toMatchObject({
        domainCode: 'IDENTIFIERS_DETECTED',
        field: 'input.assessorComments',
        details: { warnings: [{ field: 'assessorComments', ...NHS_AT }] },
      });
      expect(await programme()).toEqual(before);
      expect(
        (
          await reviewPoint('THREE_MONTH', '2025-12-01', {
            assessorComments: WITH_NHS,
            confirmNoIdentifiers: true,
          })
        ).errors,
      ).toBeUndefined();
      expect((await reviewPoint('SIX_MONTH', '2026-03-01')).errors).toBeUndefined();
      expect((await reviewPoint('FINAL', '2026-09-01')).errors).toBeUndefined();

      const recommend = (extra: Record<string, unknown>) =>
        gql(ctx.app, RECOMMEND, { input: { programmeId, outcome: 'FAIL', ...extra } }, { as: asAssessor });
      before = await programme();
      expect(detected(await recommend({ comment: WITH_NHS }))).toMatchObject({
        domainCode: 'IDENTIFIERS_DETECTED',
        field: 'input.comment',
        details: { warnings: [{ field: 'comment', ...NHS_AT }] },
      });
      expect(await programme()).toEqual(before);
      expect((await recommend({ comment: WITH_NHS, confirmNoIdentifiers: true })).errors).toBeUndefined();

      const confirm = (extra: Record<string, unknown>) =>
        gql(ctx.app, CONFIRM, { input: { programmeId, ...extra } }, { as: asPsw });
      before = await programme();
      expect(detected(await confirm({ comment: WITH_NHS }))).toMatchObject({
        domainCode: 'IDENTIFIERS_DETECTED',
        field: 'input.comment',
        details: { warnings: [{ field: 'comment', ...NHS_AT }] },
      });
      expect(await programme()).toEqual(before);
      expect((await confirm({ comment: WITH_NHS, confirmNoIdentifiers: true })).errors).toBeUndefined();
      expect((await programme()).confirmedOn).not.toBeNull();
    });
  });
});
