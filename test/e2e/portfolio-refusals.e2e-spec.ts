import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { OrganisationEntity } from '#app/persistence';
import {
  createAssessorRelationship,
  createMember,
  createOrganisation,
  errorCode,
  gql,
  type CreatedMember,
} from '#app/testing';
import { createTestApp, type E2eContext } from './support/create-test-app.js';
import {
  CREATE_EVIDENCE,
  pcf,
  PORTFOLIO,
  REVIEW_EVIDENCE,
  SUBMIT_EVIDENCE,
  TINY_PDF,
  UPDATE_EVIDENCE,
  WITHDRAW_EVIDENCE,
} from './support/portfolio-operations.js';
import { login, type Session } from './support/sessions.js';

/** A real day a year ahead: inside the range every day input takes (1900 to 2099), and in the future. */
const NEXT_YEAR = `${new Date().getUTCFullYear() + 1}-06-01`;

interface Version {
  id: string;
  evidenceId: string;
  revision: number;
  status: string;
  mappings: { id: string }[];
  identifierWarnings: { field: string; kind: string; start: number; end: number }[];
}

const MAX_BYTES = 4096;

describe('portfolio: what is refused, and that a refusal changes nothing (e2e)', () => {
  let ctx: E2eContext;
  let org: OrganisationEntity;
  let nqsw: CreatedMember;
  let assessor: CreatedMember;
  let colleague: CreatedMember;
  let psw: CreatedMember;
  let asNqsw: Session;
  let asAssessor: Session;

  beforeAll(async () => {
    ctx = await createTestApp({
      ATTACHMENTS_DIR: await mkdtemp(join(tmpdir(), 'pathways-attachments-')),
      ATTACHMENT_MAX_BYTES: String(MAX_BYTES),
    });
  });
  beforeEach(async () => {
    org = await createOrganisation(ctx.dataSource);
    assessor = await createMember(ctx.dataSource, org.id, ['ASSESSOR', 'PRACTITIONER']);
    nqsw = await createMember(ctx.dataSource, org.id, ['PRACTITIONER']);
    colleague = await createMember(ctx.dataSource, org.id, ['PRACTITIONER', 'ASSESSOR']);
    psw = await createMember(ctx.dataSource, org.id, ['PRINCIPAL_SOCIAL_WORKER']);
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
  afterEach(() => ctx.reset());
  afterAll(() => ctx.close());

  const rows = async () => {
    const [r] = await ctx.dataSource.query(
      `SELECT (SELECT count(*) FROM evidence)::int AS evidence, (SELECT count(*) FROM evidence_version)::int AS versions,
              (SELECT count(*) FROM evidence_mapping)::int AS mappings, (SELECT count(*) FROM evidence_review)::int AS reviews,
              (SELECT count(*) FROM attachment)::int AS attachments, (SELECT count(*) FROM audit_event)::int AS audit`,
    );
    return r as Record<string, number>;
  };
  const draftInput = (overrides: Record<string, unknown> = {}) => ({
    kind: 'WRITTEN_REPORT',
    title: 'Anonymised assessment report',
    dateFrom: '2026-10-01',
    description: 'A child and family assessment.',
    learning: 'Analysis before recommendations.',
    impact: 'Clearer reports for panel.',
    mappings: [pcf('KNOWLEDGE'), pcf('CRITICAL_REFLECTION_AND_ANALYSIS')],
    ...overrides,
  });
  const createDraft = async (overrides: Record<string, unknown> = {}, as = asNqsw): Promise<Version> => {
    const res = await gql<{ createEvidence: Version }>(
      ctx.app,
      CREATE_EVIDENCE,
      { input: draftInput(overrides) },
      { as },
    );
    expect(res.errors).toBeUndefined();
    return res.data!.createEvidence;
  };
  const submitted = async (): Promise<Version> => {
    const draft = await createDraft();
    const res = await gql<{ submitEvidence: Version }>(
      ctx.app,
      SUBMIT_EVIDENCE,
      { input: { evidenceId: draft.evidenceId, reviewerUserId: assessor.user.id } },
      { as: asNqsw },
    );
    expect(res.errors).toBeUndefined();
    return res.data!.submitEvidence;
  };
  const approveAll = (v: Version, as: Session) =>
    gql<{ reviewEvidence: { status: string } }>(
      ctx.app,
      REVIEW_EVIDENCE,
      {
        input: {
          evidenceVersionId: v.id,
          expectedRevision: v.revision,
          outcome: 'APPROVE',
          mappingDecisions: v.mappings.map((m) => ({ mappingId: m.id, decision: 'ACCEPTED' })),
        },
      },
      { as },
    );

  describe('bad input on create: a typed error naming the field, and nothing written', () => {
    it.each([
      ['an empty title', { title: '   ' }, 'BAD_USER_INPUT', 'input.title', undefined],
      [
        'a date in the future',
        { dateFrom: NEXT_YEAR },
        'BAD_USER_INPUT',
        'input.dateFrom',
        'EVIDENCE_DATE_IN_FUTURE',
      ],
      [
        'a range ending in the future',
        { dateTo: NEXT_YEAR },
        'BAD_USER_INPUT',
        'input.dateTo',
        'EVIDENCE_DATE_IN_FUTURE',
      ],
      ['negative hours', { hours: -1 }, 'BAD_USER_INPUT', 'input.hours', undefined],
      [
        'a CPD activity without its type',
        { kind: 'CPD_ACTIVITY' },
        'BAD_USER_INPUT',
        'input.cpdActivityType',
        'CPD_ACTIVITY_TYPE_INVALID',
      ],
      [
        'an item of a retired framework version',
        { mappings: [{ ...pcf('PROFESSIONALISM'), version: '2012' }] },
        'BAD_USER_INPUT',
        'input.mappings[0].version',
        'FRAMEWORK_VERSION_RETIRED',
      ],
      [
        'an unknown framework version',
        { mappings: [pcf('KNOWLEDGE'), { ...pcf('KNOWLEDGE'), version: '2031' }] },
        'NOT_FOUND',
        'input.mappings[1].version',
        'FRAMEWORK_NOT_FOUND',
      ],
      [
        'an item the framework does not have',
        { mappings: [pcf('COURAGE')] },
        'BAD_USER_INPUT',
        'input.mappings[0].itemCode',
        'FRAMEWORK_ITEM_NOT_FOUND',
      ],
      [
        'a level the framework does not have',
        { mappings: [pcf('KNOWLEDGE', 'GRANDMASTER')] },
        'BAD_USER_INPUT',
        'input.mappings[0].levelCode',
        'FRAMEWORK_LEVEL_NOT_FOUND',
      ],
      [
        'a pathway the level does not have',
        { mappings: [{ ...pcf('KNOWLEDGE', 'ASYE'), pathwayCode: 'PSW' }] },
        'BAD_USER_INPUT',
        'input.mappings[0].pathwayCode',
        'FRAMEWORK_PATHWAY_NOT_FOUND',
      ],
      [
        'the same item twice',
        { mappings: [pcf('KNOWLEDGE'), pcf('KNOWLEDGE', 'SOCIAL_WORKER')] },
        'BAD_USER_INPUT',
        'input.mappings[1].itemCode',
        'DUPLICATE_MAPPING',
      ],
    ])('should refuse %s', async (_label, overrides, code, field, domainCode) => {
      const before = await rows();
      const res = await gql(ctx.app, CREATE_EVIDENCE, { input: draftInput(overrides) }, { as: asNqsw });
      expect(res.errors?.[0]?.extensions).toMatchObject({
        code,
        field,
        ...(domainCode ? { domainCode } : {}),
      });
      expect(await rows()).toEqual(before);
    });
  });

  describe('attachments', () => {
    const upload = (evidenceId: string, body: Buffer, session: Session = asNqsw, name = 'file.pdf') =>
      request(ctx.app.getHttpServer())
        .post(`/evidence/${evidenceId}/attachments`)
        .set('authorization', `Bearer ${session.accessToken}`)
        .set('content-type', 'application/octet-stream')
        .set('x-file-name', name)
        .send(body);

    it('should refuse a file over the size limit with 413 and store nothing', async () => {
      const draft = await createDraft();
      const before = await rows();
      const res = await upload(draft.evidenceId, Buffer.concat([TINY_PDF, Buffer.alloc(MAX_BYTES)]));
      expect(res.status).toBe(413);
      expect(res.body.error).toMatchObject({
        code: 'BAD_USER_INPUT',
        domainCode: 'ATTACHMENT_TOO_LARGE',
        field: 'file',
      });
      expect(await rows()).toEqual(before);
    });

    it.each([
      ['plain text', Buffer.from('just some text, not a document')],
      ['a Windows executable', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)])],
      ['a zip archive', Buffer.from('504b0304140000000800', 'hex')],
    ])('should refuse %s, whatever the client calls it', async (_label, body) => {
      const draft = await createDraft();
      const res = await upload(draft.evidenceId, body, asNqsw, 'innocent.pdf');
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ domainCode: 'ATTACHMENT_TYPE_NOT_ALLOWED', field: 'file' });
    });

    it('should refuse uploads to someone else’s evidence, to submitted evidence and without a token', async () => {
      const draft = await createDraft();
      expect((await upload(draft.evidenceId, TINY_PDF, await login(ctx.app, colleague.email))).status).toBe(
        404,
      );
      expect(
        (
          await request(ctx.app.getHttpServer())
            .post(`/evidence/${draft.evidenceId}/attachments`)
            .send(TINY_PDF)
        ).status,
      ).toBe(401);
      const sent = await submitted();
      const res = await upload(sent.evidenceId, TINY_PDF);
      expect(res.status).toBe(409);
      expect(res.body.error.domainCode).toBe('EVIDENCE_NOT_EDITABLE');
    });

    it('should let only those who may see the version download it', async () => {
      const draft = await createDraft();
      const added = await upload(draft.evidenceId, TINY_PDF);
      expect(added.status).toBe(201);
      const get = (session: Session) =>
        request(ctx.app.getHttpServer())
          .get(`/attachments/${added.body.id}`)
          .set('authorization', `Bearer ${session.accessToken}`);
      expect((await get(asNqsw)).status).toBe(200);
      expect((await get(await login(ctx.app, psw.email))).status).toBe(200);
      // The assessor sees nothing until it is submitted to them; a colleague never.
      expect((await get(asAssessor)).status).toBe(404);
      expect((await get(await login(ctx.app, colleague.email))).status).toBe(404);
    });
  });

  describe('submission', () => {
    it.each([
      [
        'someone who is not your assessor',
        () => colleague.user.id,
        'BAD_USER_INPUT',
        'REVIEWER_NOT_ASSESSOR',
      ],
      ['yourself', () => nqsw.user.id, 'FORBIDDEN', 'SELF_REVIEW'],
    ])('should refuse submitting to %s', async (_label, reviewer, code, domainCode) => {
      const draft = await createDraft();
      const before = await rows();
      const res = await gql(
        ctx.app,
        SUBMIT_EVIDENCE,
        { input: { evidenceId: draft.evidenceId, reviewerUserId: reviewer() } },
        { as: asNqsw },
      );
      expect(res.errors?.[0]?.extensions).toMatchObject({ code, domainCode, field: 'input.reviewerUserId' });
      expect(await rows()).toEqual(before);
    });

    it('should refuse submitting evidence with no mapping', async () => {
      const draft = await createDraft({ mappings: [] });
      const res = await gql(
        ctx.app,
        SUBMIT_EVIDENCE,
        { input: { evidenceId: draft.evidenceId, reviewerUserId: assessor.user.id } },
        { as: asNqsw },
      );
      expect(res.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        domainCode: 'EVIDENCE_MAPPING_REQUIRED',
      });
    });

    it('should refuse editing while submitted, and allow it after withdrawing', async () => {
      const sent = await submitted();
      const edit = () =>
        gql<{ updateEvidence: Version }>(
          ctx.app,
          UPDATE_EVIDENCE,
          { input: { evidenceId: sent.evidenceId, title: 'Renamed' } },
          { as: asNqsw },
        );
      expect((await edit()).errors?.[0]?.extensions).toMatchObject({
        code: 'CONFLICT',
        domainCode: 'EVIDENCE_NOT_EDITABLE',
      });
      const withdrawn = await gql(
        ctx.app,
        WITHDRAW_EVIDENCE,
        { input: { evidenceId: sent.evidenceId } },
        { as: asNqsw },
      );
      expect(withdrawn.data).toEqual({ withdrawEvidence: { id: sent.id, status: 'DRAFT' } });
      const edited = await edit();
      expect(edited.errors).toBeUndefined();
      expect(edited.data!.updateEvidence).toMatchObject({ id: sent.id, status: 'DRAFT', revision: 2 });
    });

    it('should refuse an edit made from a stale copy', async () => {
      const draft = await createDraft();
      const edit = (title: string) =>
        gql(
          ctx.app,
          UPDATE_EVIDENCE,
          { input: { evidenceId: draft.evidenceId, expectedRevision: draft.revision, title } },
          { as: asNqsw },
        );
      expect((await edit('First tab')).errors).toBeUndefined();
      expect((await edit('Second tab')).errors?.[0]?.extensions).toMatchObject({
        code: 'CONFLICT',
        domainCode: 'STALE_VERSION',
      });
    });
  });

  describe('confidentiality aid', () => {
    it('should flag likely identifiers without repeating them, and hold submission until confirmed', async () => {
      const draft = await createDraft({
        learning: 'Visited the family at SW1A 1AA; NHS number 943 476 5919.',
      });
      expect(draft.identifierWarnings).toEqual([
        { field: 'learning', kind: 'POSTCODE', start: 22, end: 30 },
        { field: 'learning', kind: 'NHS_NUMBER', start: 43, end: 55 },
      ]);
      const submit = () =>
        gql(
          ctx.app,
          SUBMIT_EVIDENCE,
          { input: { evidenceId: draft.evidenceId, reviewerUserId: assessor.user.id } },
          { as: asNqsw },
        );
      expect((await submit()).errors?.[0]?.extensions).toMatchObject({
        domainCode: 'IDENTIFIERS_UNCONFIRMED',
      });
      const fixed = await gql<{ updateEvidence: Version }>(
        ctx.app,
        UPDATE_EVIDENCE,
        { input: { evidenceId: draft.evidenceId, learning: 'Visited the family at home.' } },
        { as: asNqsw },
      );
      expect(fixed.data!.updateEvidence.identifierWarnings).toEqual([]);
      expect((await submit()).errors).toBeUndefined();
    });

    it('should let the practitioner confirm that a flagged text identifies nobody', async () => {
      // A team's duty line, not a person: the practitioner says so.
      const draft = await createDraft({
        description: 'Duty calls came in on 0161 496 0000.',
        confirmNoIdentifiers: true,
      });
      expect(draft.identifierWarnings).toEqual([
        { field: 'description', kind: 'PHONE_NUMBER', start: 22, end: 35 },
      ]);
      const res = await gql(
        ctx.app,
        SUBMIT_EVIDENCE,
        { input: { evidenceId: draft.evidenceId, reviewerUserId: assessor.user.id } },
        { as: asNqsw },
      );
      expect(res.errors).toBeUndefined();
    });
  });

  describe('decisions', () => {
    it('should refuse a decision on something not submitted to you', async () => {
      const sent = await submitted();
      await createAssessorRelationship(
        ctx.dataSource,
        org.id,
        colleague.user.id,
        nqsw.user.id,
        'ASYE_ASSESSOR',
        '2026-09-01',
      );
      const before = await rows();
      const res = await approveAll(sent, await login(ctx.app, colleague.email));
      expect(res.errors?.[0]?.extensions).toMatchObject({
        code: 'NOT_FOUND',
        field: 'input.evidenceVersionId',
      });
      expect(await rows()).toEqual(before);
    });

    it('should refuse the practitioner deciding their own evidence', async () => {
      const sent = await submitted();
      const res = await approveAll(sent, asNqsw);
      expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', domainCode: 'SELF_REVIEW' });
    });

    it('should let one of two simultaneous decisions win and answer the other with CONFLICT', async () => {
      const sent = await submitted();
      const [a, b] = await Promise.all([approveAll(sent, asAssessor), approveAll(sent, asAssessor)]);
      const codes = [a, b].map((r) => (r.errors ? errorCode(r) : r.data?.reviewEvidence.status)).sort();
      expect(codes).toEqual(['APPROVED', 'CONFLICT']);
      expect((await rows()).reviews).toBe(1);
    });

    it('should refuse approving without deciding every mapping, and a decision on a stale revision', async () => {
      const sent = await submitted();
      const partial = await gql(
        ctx.app,
        REVIEW_EVIDENCE,
        {
          input: {
            evidenceVersionId: sent.id,
            expectedRevision: sent.revision,
            outcome: 'APPROVE',
            mappingDecisions: [{ mappingId: sent.mappings[0]!.id, decision: 'ACCEPTED' }],
          },
        },
        { as: asAssessor },
      );
      expect(partial.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        domainCode: 'MAPPING_DECISION_MISSING',
        field: 'input.mappingDecisions',
      });
      const stale = await approveAll({ ...sent, revision: sent.revision + 1 }, asAssessor);
      expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', domainCode: 'STALE_VERSION' });
    });

    it('should refuse a final-placement decision by a Stage 1 educator until a verified Stage 2 countersigns', async () => {
      const educator = await createMember(ctx.dataSource, org.id, ['PRACTICE_EDUCATOR', 'PRACTITIONER']);
      const seniorEducator = await createMember(ctx.dataSource, org.id, [
        'PRACTICE_EDUCATOR',
        'PRACTITIONER',
      ]);
      const student = await createMember(ctx.dataSource, org.id, ['PRACTITIONER'], {
        registrationNumber: null as unknown as string,
      });
      await createAssessorRelationship(
        ctx.dataSource,
        org.id,
        educator.user.id,
        student.user.id,
        'PRACTICE_EDUCATOR',
        '2026-09-01',
      );
      const asPsw = await login(ctx.app, psw.email);
      const RECORD = `mutation ($input: RecordQualificationInput!) { recordQualification(input: $input) { id } }`;
      const VERIFY = `mutation ($input: VerifyQualificationInput!) { verifyQualification(input: $input) { verifiedByUserId } }`;
      for (const [holder, type] of [
        [educator, 'PEPS_STAGE_1'],
        [seniorEducator, 'PEPS_STAGE_2'],
      ] as const) {
        const recorded = await gql<{ recordQualification: { id: string } }>(
          ctx.app,
          RECORD,
          { input: { userId: holder.user.id, type, title: `PEPS ${type}`, awardedOn: '2024-06-30' } },
          { as: asPsw },
        );
        expect(recorded.errors).toBeUndefined();
        // A qualification counts only once someone else verified it.
        const own = await gql(
          ctx.app,
          VERIFY,
          { input: { qualificationId: recorded.data!.recordQualification.id } },
          { as: await login(ctx.app, holder.email) },
        );
        expect(errorCode(own)).toBe('FORBIDDEN');
        const verified = await gql(
          ctx.app,
          VERIFY,
          { input: { qualificationId: recorded.data!.recordQualification.id } },
          { as: asPsw },
        );
        expect(verified.errors).toBeUndefined();
      }
      const asStudent = await login(ctx.app, student.email);
      const draft = await createDraft(
        { kind: 'DIRECT_OBSERVATION', mappings: [pcf('SKILLS_AND_INTERVENTIONS', 'END_LAST_PLACEMENT')] },
        asStudent,
      );
      const sent = await gql<{ submitEvidence: Version }>(
        ctx.app,
        SUBMIT_EVIDENCE,
        {
          input: {
            evidenceId: draft.evidenceId,
            reviewerUserId: educator.user.id,
            assessmentContext: 'FINAL_PLACEMENT',
          },
        },
        { as: asStudent },
      );
      expect(sent.errors).toBeUndefined();
      const asEducator = await login(ctx.app, educator.email);
      const alone = await approveAll(sent.data!.submitEvidence, asEducator);
      expect(alone.errors?.[0]?.extensions).toMatchObject({
        code: 'FORBIDDEN',
        domainCode: 'REVIEWER_NOT_QUALIFIED',
        details: expect.objectContaining({ missing: ['PEPS_STAGE_2_COUNTERSIGNER'] }),
      });
      const countersigned = await gql(
        ctx.app,
        REVIEW_EVIDENCE,
        {
          input: {
            evidenceVersionId: sent.data!.submitEvidence.id,
            expectedRevision: sent.data!.submitEvidence.revision,
            outcome: 'APPROVE',
            countersignerUserId: seniorEducator.user.id,
            mappingDecisions: sent.data!.submitEvidence.mappings.map((m) => ({
              mappingId: m.id,
              decision: 'ACCEPTED',
            })),
          },
        },
        { as: asEducator },
      );
      expect(countersigned.errors).toBeUndefined();
    });
  });

  describe('who sees what', () => {
    type Page = { portfolio: { nodes: { id: string; current: { status: string } }[] } };

    it('should show a reviewer only what was submitted to them, and a PSW everything, read-only', async () => {
      const draft = await createDraft({ title: 'Still drafting' });
      const sent = await submitted();
      const asAssessorPage = await gql<Page>(
        ctx.app,
        PORTFOLIO,
        { practitionerUserId: nqsw.user.id },
        { as: asAssessor },
      );
      expect(asAssessorPage.data!.portfolio.nodes.map((n) => n.id)).toEqual([sent.evidenceId]);

      const asPsw = await login(ctx.app, psw.email);
      const pswPage = await gql<Page>(
        ctx.app,
        PORTFOLIO,
        { practitionerUserId: nqsw.user.id },
        { as: asPsw },
      );
      expect(pswPage.data!.portfolio.nodes.map((n) => n.id).sort()).toEqual(
        [draft.evidenceId, sent.evidenceId].sort(),
      );
      const pswEdit = await gql(
        ctx.app,
        UPDATE_EVIDENCE,
        { input: { evidenceId: draft.evidenceId, title: 'PSW edit' } },
        { as: asPsw },
      );
      expect(errorCode(pswEdit)).toBe('NOT_FOUND');
    });

    it('should refuse a colleague, and anyone from another organisation', async () => {
      const draft = await createDraft();
      const asColleague = await login(ctx.app, colleague.email);
      const colleagueView = await gql(
        ctx.app,
        PORTFOLIO,
        { practitionerUserId: nqsw.user.id },
        { as: asColleague },
      );
      expect(colleagueView.errors?.[0]?.extensions).toMatchObject({
        code: 'FORBIDDEN',
        field: 'practitionerUserId',
      });

      const otherOrg = await createOrganisation(ctx.dataSource);
      const otherPsw = await createMember(ctx.dataSource, otherOrg.id, ['PRINCIPAL_SOCIAL_WORKER']);
      const asOtherPsw = await login(ctx.app, otherPsw.email);
      const crossPortfolio = await gql(
        ctx.app,
        PORTFOLIO,
        { practitionerUserId: nqsw.user.id },
        { as: asOtherPsw },
      );
      expect(errorCode(crossPortfolio)).toBe('FORBIDDEN');
      const crossEvidence = await gql(
        ctx.app,
        `query ($id: ID!) { evidence(id: $id) { id } }`,
        { id: draft.evidenceId },
        { as: asOtherPsw },
      );
      expect(errorCode(crossEvidence)).toBe('NOT_FOUND');
    });
  });
});
