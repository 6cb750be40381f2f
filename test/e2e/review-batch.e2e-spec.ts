import type { OrganisationEntity } from '#app/persistence';
import {
  createAssessorRelationship,
  createMember,
  createOrganisation,
  gql,
  type CreatedMember,
} from '#app/testing';
import { createTestApp, type E2eContext } from './support/create-test-app.js';
import {
  CREATE_EVIDENCE,
  pcf,
  REVIEW_EVIDENCE,
  SUBMIT_EVIDENCE,
  UPDATE_EVIDENCE,
  WITHDRAW_EVIDENCE,
} from './support/portfolio-operations.js';
import { login, type Session } from './support/sessions.js';

interface Version {
  id: string;
  evidenceId: string;
  revision: number;
  status: string;
  mappings: { id: string; item: { code: string } }[];
}

interface BatchItem {
  evidenceVersionId: string;
  version: { id: string; status: string; revision: number } | null;
  refusal: { code: string; domainCode: string; message: string; field: string } | null;
}

const REVIEW_BATCH = `mutation ($input: ReviewEvidenceBatchInput!) {
  reviewEvidenceBatch(input: $input) {
    items { evidenceVersionId version { id status revision } refusal { code domainCode message field } }
  }
}`;

type Decision = { mappingId: string; decision: string; levelCode?: string; comment?: string };
type Review = {
  evidenceVersionId: string;
  expectedRevision: number;
  outcome: 'APPROVE' | 'REQUEST_CHANGES';
  comment?: string;
  mappingDecisions: Decision[];
};

describe('bulk review: several pieces decided in one call, each exactly as a single review (e2e)', () => {
  let ctx: E2eContext;
  let org: OrganisationEntity;
  let assessor: CreatedMember;
  let nqsw: CreatedMember;
  let other: CreatedMember;
  let colleague: CreatedMember;
  let asAssessor: Session;
  let asNqsw: Session;

  beforeAll(async () => {
    ctx = await createTestApp();
  });
  beforeEach(async () => {
    org = await createOrganisation(ctx.dataSource);
    assessor = await createMember(ctx.dataSource, org.id, ['ASSESSOR', 'PRACTITIONER']);
    colleague = await createMember(ctx.dataSource, org.id, ['ASSESSOR', 'PRACTITIONER']);
    nqsw = await createMember(ctx.dataSource, org.id, ['PRACTITIONER']);
    other = await createMember(ctx.dataSource, org.id, ['PRACTITIONER']);
    const assign = (assessorId: string, practitionerId: string) =>
      createAssessorRelationship(
        ctx.dataSource,
        org.id,
        assessorId,
        practitionerId,
        'ASYE_ASSESSOR',
        '2026-09-01',
      );
    await assign(assessor.user.id, nqsw.user.id);
    await assign(colleague.user.id, other.user.id);
    await assign(colleague.user.id, assessor.user.id);
    asAssessor = await login(ctx.app, assessor.email);
    asNqsw = await login(ctx.app, nqsw.email);
  });
  afterEach(() => ctx.reset());
  afterAll(() => ctx.close());

  /** A piece by `author`, mapped to two PCF domains, submitted to `reviewer`. */
  const submitted = async (author: Session, reviewerUserId: string, title: string): Promise<Version> => {
    const created = await gql<{ createEvidence: Version }>(
      ctx.app,
      CREATE_EVIDENCE,
      {
        input: {
          kind: 'WRITTEN_REPORT',
          title,
          dateFrom: '2026-10-01',
          description: 'An anonymised assessment.',
          learning: 'Analysis before recommendations.',
          impact: 'Clearer reports for panel.',
          mappings: [pcf('KNOWLEDGE'), pcf('CRITICAL_REFLECTION_AND_ANALYSIS')],
        },
      },
      { as: author },
    );
    expect(created.errors).toBeUndefined();
    const sent = await gql<{ submitEvidence: Version }>(
      ctx.app,
      SUBMIT_EVIDENCE,
      { input: { evidenceId: created.data!.createEvidence.evidenceId, reviewerUserId } },
      { as: author },
    );
    expect(sent.errors).toBeUndefined();
    return sent.data!.submitEvidence;
  };
  const byNqsw = (title: string) => submitted(asNqsw, assessor.user.id, title);

  const batch = (reviews: unknown[], as: Session = asAssessor) =>
    gql<{ reviewEvidenceBatch: { items: BatchItem[] } }>(
      ctx.app,
      REVIEW_BATCH,
      { input: { reviews } },
      { as },
    );

  const counts = async () => {
    const [r] = await ctx.dataSource.query(
      `SELECT (SELECT count(*) FROM evidence_review)::int AS reviews,
              (SELECT count(*) FROM audit_event)::int AS audit,
              (SELECT count(*) FROM notification)::int AS notifications,
              (SELECT count(*) FROM evidence_mapping WHERE decision IS NOT NULL)::int AS decided_mappings,
              (SELECT count(*) FROM evidence_version WHERE status <> 'SUBMITTED')::int AS moved_on`,
    );
    return r as Record<string, number>;
  };

  /** What was recorded for a version, without the ids and times that differ between any two decisions. */
  const recorded = async (version: Version) => {
    const [review] = await ctx.dataSource.query(
      `SELECT reviewer_user_id, practitioner_user_id, outcome, comment, assessment_context, capacity, standing
         FROM evidence_review WHERE evidence_version_id = $1`,
      [version.id],
    );
    const mappings = await ctx.dataSource.query(
      `SELECT m.decision, m.decision_comment, l.code AS accepted_level
         FROM evidence_mapping m LEFT JOIN framework_level l ON l.id = m.accepted_level_id
        WHERE m.evidence_version_id = $1 ORDER BY m.position`,
      [version.id],
    );
    const audit = await ctx.dataSource.query(
      `SELECT actor_user_id, actor_role, action, entity_type, subject_user_id, changes
         FROM audit_event WHERE entity_id = $1 AND action LIKE 'EVIDENCE_%' AND action NOT IN ('EVIDENCE_CREATED', 'EVIDENCE_SUBMITTED')`,
      [version.evidenceId],
    );
    const [{ status }] = await ctx.dataSource.query(`SELECT status FROM evidence_version WHERE id = $1`, [
      version.id,
    ]);
    const ids = new Map(version.mappings.map((m, i) => [m.id, `mapping ${i}`]));
    const changes = audit.map((a: { changes: { mappingDecisions?: { mappingId: string }[] } }) => ({
      ...a,
      changes: {
        ...a.changes,
        mappingDecisions: a.changes.mappingDecisions?.map((d) => ({ ...d, mappingId: ids.get(d.mappingId) })),
      },
    }));
    return { status, review, mappings, audit: changes };
  };

  /** Three different judgements, one per piece, each with its own decision on each mapping. */
  const judgements = (v: Version[]): Review[] => [
    {
      evidenceVersionId: v[0]!.id,
      expectedRevision: v[0]!.revision,
      outcome: 'APPROVE',
      comment: 'Well analysed.',
      mappingDecisions: [
        { mappingId: v[0]!.mappings[0]!.id, decision: 'ACCEPTED' },
        { mappingId: v[0]!.mappings[1]!.id, decision: 'NOT_ACCEPTED', comment: 'Not shown here.' },
      ],
    },
    {
      evidenceVersionId: v[1]!.id,
      expectedRevision: v[1]!.revision,
      outcome: 'REQUEST_CHANGES',
      comment: 'Say more about the impact.',
      mappingDecisions: [{ mappingId: v[1]!.mappings[1]!.id, decision: 'NOT_ACCEPTED' }],
    },
    {
      evidenceVersionId: v[2]!.id,
      expectedRevision: v[2]!.revision,
      outcome: 'APPROVE',
      mappingDecisions: [
        {
          mappingId: v[2]!.mappings[0]!.id,
          decision: 'ACCEPTED_AT_OTHER_LEVEL',
          levelCode: 'END_LAST_PLACEMENT',
        },
        { mappingId: v[2]!.mappings[1]!.id, decision: 'ACCEPTED' },
      ],
    },
  ];

  it('should decide three pieces with different outcomes and record each exactly as a single review does', async () => {
    const viaBatch = [await byNqsw('One'), await byNqsw('Two'), await byNqsw('Three')];
    const viaSingle = [await byNqsw('One'), await byNqsw('Two'), await byNqsw('Three')];

    const res = await batch(judgements(viaBatch));
    expect(res.errors).toBeUndefined();
    expect(res.data!.reviewEvidenceBatch.items).toEqual([
      {
        evidenceVersionId: viaBatch[0]!.id,
        version: expect.objectContaining({ status: 'APPROVED' }),
        refusal: null,
      },
      {
        evidenceVersionId: viaBatch[1]!.id,
        version: expect.objectContaining({ status: 'CHANGES_REQUESTED' }),
        refusal: null,
      },
      {
        evidenceVersionId: viaBatch[2]!.id,
        version: expect.objectContaining({ status: 'APPROVED' }),
        refusal: null,
      },
    ]);

    for (const input of judgements(viaSingle)) {
      const single = await gql(ctx.app, REVIEW_EVIDENCE, { input }, { as: asAssessor });
      expect(single.errors).toBeUndefined();
    }
    for (let i = 0; i < 3; i++) {
      const batched = await recorded(viaBatch[i]!);
      expect(batched.audit).toHaveLength(1);
      expect(batched).toEqual(await recorded(viaSingle[i]!));
    }
    expect((await recorded(viaBatch[2]!)).mappings).toEqual([
      { decision: 'ACCEPTED_AT_OTHER_LEVEL', decision_comment: null, accepted_level: 'END_LAST_PLACEMENT' },
      { decision: 'ACCEPTED', decision_comment: null, accepted_level: 'ASYE' },
    ]);
  });

  it('should refuse only the piece that changed since the reviewer read it, naming it, and store the others', async () => {
    const pieces = [await byNqsw('One'), await byNqsw('Two'), await byNqsw('Three')];
    const read = judgements(pieces);
    // The practitioner takes the middle piece back, edits it and sends it again after the reviewer opened it.
    for (const [document, input] of [
      [WITHDRAW_EVIDENCE, { evidenceId: pieces[1]!.evidenceId }],
      [
        UPDATE_EVIDENCE,
        { evidenceId: pieces[1]!.evidenceId, impact: 'Clearer reports, and a shorter panel.' },
      ],
    ] as const) {
      const changed = await gql(ctx.app, document, { input }, { as: asNqsw });
      expect(changed.errors).toBeUndefined();
    }
    const again = await gql<{ submitEvidence: Version }>(
      ctx.app,
      SUBMIT_EVIDENCE,
      { input: { evidenceId: pieces[1]!.evidenceId, reviewerUserId: assessor.user.id } },
      { as: asNqsw },
    );
    expect(again.data!.submitEvidence.id).toBe(pieces[1]!.id);
    expect(again.data!.submitEvidence.revision).toBeGreaterThan(pieces[1]!.revision);

    const res = await batch(read);
    expect(res.errors).toBeUndefined();
    const [first, middle, last] = res.data!.reviewEvidenceBatch.items;
    expect(first!.version?.status).toBe('APPROVED');
    expect(middle).toEqual({
      evidenceVersionId: pieces[1]!.id,
      version: null,
      refusal: expect.objectContaining({
        code: 'CONFLICT',
        domainCode: 'STALE_VERSION',
        field: 'input.reviews[1].expectedRevision',
      }),
    });
    expect(last!.version?.status).toBe('APPROVED');
    expect((await recorded(pieces[1]!)).status).toBe('SUBMITTED');
    expect((await recorded(pieces[1]!)).review).toBeUndefined();
    expect((await counts()).reviews).toBe(2);
  });

  it('should refuse a piece not submitted to the reviewer, and their own piece, as a single review does, and store the others', async () => {
    const mine = await byNqsw('Mine to decide');
    const notMine = await submitted(
      await login(ctx.app, other.email),
      colleague.user.id,
      'Sent to a colleague',
    );
    const own = await submitted(asAssessor, colleague.user.id, 'The assessor’s own');
    const approve = (v: Version): Review => ({
      evidenceVersionId: v.id,
      expectedRevision: v.revision,
      outcome: 'APPROVE',
      mappingDecisions: v.mappings.map((m) => ({ mappingId: m.id, decision: 'ACCEPTED' })),
    });
    const singles = await Promise.all(
      [notMine, own].map((v) => gql(ctx.app, REVIEW_EVIDENCE, { input: approve(v) }, { as: asAssessor })),
    );

    const res = await batch([approve(notMine), approve(mine), approve(own)]);
    expect(res.errors).toBeUndefined();
    const items = res.data!.reviewEvidenceBatch.items;
    expect(items.map((i) => i.evidenceVersionId)).toEqual([notMine.id, mine.id, own.id]);
    expect(items[0]!.refusal).toEqual({
      code: singles[0]!.errors![0]!.extensions!.code,
      domainCode: singles[0]!.errors![0]!.extensions!.domainCode,
      message: singles[0]!.errors![0]!.message,
      field: 'input.reviews[0].evidenceVersionId',
    });
    expect(items[0]!.refusal!.code).toBe('NOT_FOUND');
    expect(items[1]!.version?.status).toBe('APPROVED');
    expect(items[2]!.refusal).toEqual({
      code: 'FORBIDDEN',
      domainCode: 'SELF_REVIEW',
      message: singles[1]!.errors![0]!.message,
      field: 'input.reviews[2].evidenceVersionId',
    });
    expect((await recorded(notMine)).status).toBe('SUBMITTED');
    expect((await recorded(own)).status).toBe('SUBMITTED');
    expect((await counts()).reviews).toBe(1);
  });

  it('should refuse a piece whose comment may identify someone, as a single review does, and store the others', async () => {
    const [a, b] = [await byNqsw('One'), await byNqsw('Two')];
    const [ja, jb] = judgements([a, b, a]);
    const res = await batch([ja, { ...jb, comment: 'Ring her on 07700 900123 about it.' }]);
    expect(res.errors).toBeUndefined();
    const [first, second] = res.data!.reviewEvidenceBatch.items;
    expect(first!.version?.status).toBe('APPROVED');
    expect(second!.refusal).toMatchObject({
      code: 'BAD_USER_INPUT',
      domainCode: 'IDENTIFIERS_DETECTED',
      field: 'input.reviews[1].comment',
    });
  });

  describe('a batch of the wrong shape: refused whole, as BAD_USER_INPUT naming the field, nothing written', () => {
    it.each([
      ['an empty list', () => [], 'input.reviews'],
      [
        '51 pieces',
        (v: Version) => Array.from({ length: 51 }, () => judgements([v, v, v])[0]),
        'input.reviews',
      ],
      [
        'the same piece twice',
        (v: Version, w: Version) => judgements([v, w, v]),
        'input.reviews[2].evidenceVersionId',
      ],
      [
        'one piece with a revision that cannot be',
        (v: Version, w: Version) => [
          judgements([v, w, v])[0],
          { ...judgements([v, w, v])[1], expectedRevision: 0 },
        ],
        'input.reviews.1.expectedRevision',
      ],
    ])('should refuse %s', async (_label, reviews, field) => {
      const [v, w] = [await byNqsw('One'), await byNqsw('Two')];
      const before = await counts();
      const res = await batch((reviews as (a: Version, b: Version) => unknown[])(v, w));
      expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0]?.extensions?.field).toBe(field);
      expect(res.data?.reviewEvidenceBatch ?? null).toBeNull();
      expect(await counts()).toEqual(before);
    });
  });

  it('should let a practitioner decide nothing through it, their own piece or anyone’s', async () => {
    const own = await submitted(asNqsw, assessor.user.id, 'Their own');
    const others = await submitted(await login(ctx.app, other.email), colleague.user.id, 'Someone else’s');
    const before = await counts();
    const res = await batch(
      [own, others].map((v) => ({
        evidenceVersionId: v.id,
        expectedRevision: v.revision,
        outcome: 'APPROVE',
        mappingDecisions: v.mappings.map((m) => ({ mappingId: m.id, decision: 'ACCEPTED' })),
      })),
      asNqsw,
    );
    expect(res.errors).toBeUndefined();
    expect(
      res.data!.reviewEvidenceBatch.items.map((i) => [i.version, i.refusal?.code, i.refusal?.domainCode]),
    ).toEqual([
      [null, 'FORBIDDEN', 'SELF_REVIEW'],
      [null, 'NOT_FOUND', 'EVIDENCE_NOT_FOUND'],
    ]);
    expect(await counts()).toEqual(before);
  });
});
