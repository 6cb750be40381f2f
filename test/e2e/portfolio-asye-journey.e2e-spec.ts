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
} from '#app/testing';
import {
  AUDIT_TRAIL,
  COVERAGE,
  CREATE_EVIDENCE,
  PCF_DOMAINS,
  pcf,
  PORTFOLIO,
  REVIEW_EVIDENCE,
  REVIEW_QUEUE,
  SUBMIT_EVIDENCE,
  TINY_PDF,
  UPDATE_EVIDENCE,
} from './support/portfolio-operations.js';
import { createTestApp, type E2eContext } from './support/create-test-app.js';
import { login, type Session } from './support/sessions.js';

interface Version {
  id: string;
  evidenceId: string;
  versionNo: number;
  revision: number;
  status: string;
  mappings: {
    id: string;
    item: { code: string };
    decision: string | null;
    acceptedLevel: { code: string } | null;
  }[];
  attachments: { id: string; fileName: string; sha256: string }[];
  review: { outcome: string; reviewer: { fullName: string }; reviewerRegistrationNumber: string } | null;
  peerReflection: { text: string } | null;
}

describe('portfolio: an NQSW’s ASYE evidence from draft to sign-off (e2e)', () => {
  let ctx: E2eContext;
  let org: OrganisationEntity;
  let nqsw: CreatedMember;
  let assessor: CreatedMember;
  let asNqsw: Session;
  let asAssessor: Session;

  beforeAll(async () => {
    ctx = await createTestApp({ ATTACHMENTS_DIR: await mkdtemp(join(tmpdir(), 'pathways-attachments-')) });
  });
  beforeEach(async () => {
    org = await createOrganisation(ctx.dataSource);
    assessor = await createMember(ctx.dataSource, org.id, ['ASSESSOR', 'PRACTITIONER'], {
      fullName: 'Asha Assessor',
      registrationNumber: 'SW100200',
    });
    nqsw = await createMember(ctx.dataSource, org.id, ['PRACTITIONER'], {
      fullName: 'Noel Newly-Qualified',
      dateQualified: '2026-07-01',
    });
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

  const create = async (input: Record<string, unknown>): Promise<Version> => {
    const res = await gql<{ createEvidence: Version }>(ctx.app, CREATE_EVIDENCE, { input }, { as: asNqsw });
    expect(res.errors).toBeUndefined();
    return res.data!.createEvidence;
  };
  const submit = async (evidenceId: string): Promise<Version> => {
    const res = await gql<{ submitEvidence: Version }>(
      ctx.app,
      SUBMIT_EVIDENCE,
      { input: { evidenceId, reviewerUserId: assessor.user.id } },
      { as: asNqsw },
    );
    expect(res.errors).toBeUndefined();
    return res.data!.submitEvidence;
  };
  const decide = async (version: Version, outcome: string, decisions: Record<string, unknown>[]) => {
    const res = await gql<{ reviewEvidence: { status: string } }>(
      ctx.app,
      REVIEW_EVIDENCE,
      {
        input: {
          evidenceVersionId: version.id,
          expectedRevision: version.revision,
          outcome,
          comment:
            outcome === 'APPROVE' ? 'Clear evidence of ASYE-level practice.' : 'Say more about the impact.',
          mappingDecisions: decisions,
        },
      },
      { as: asAssessor },
    );
    expect(res.errors).toBeUndefined();
    return res.data!.reviewEvidence;
  };
  const coverage = async () => {
    const res = await gql<{
      coverage: {
        itemsWithoutApprovedEvidence: string[];
        cells: {
          itemCode: string;
          levelCode: string;
          approved: number;
          submitted: number;
          changesRequested: number;
          draft: number;
        }[];
      };
    }>(ctx.app, COVERAGE, {}, { as: asNqsw });
    expect(res.errors).toBeUndefined();
    return res.data!.coverage;
  };

  it('should take three pieces across the nine PCF domains through review, changes and resubmission', async () => {
    // 1. Three pieces covering all nine domains at ASYE level; one CPD activity with a peer reflection.
    const observation = await create({
      kind: 'DIRECT_OBSERVATION',
      title: 'Observed home visit with a family',
      dateFrom: '2026-10-05',
      description: 'My assessor observed a home visit.',
      learning: 'Explaining my role plainly lowered the family’s anxiety.',
      impact: 'I now open every visit by agreeing what we will cover.',
      mappings: PCF_DOMAINS.slice(0, 3).map((d) => pcf(d)),
    });
    const training = await create({
      kind: 'CPD_ACTIVITY',
      cpdActivityType: 'TRAINING',
      title: 'Mental Capacity Act refresher',
      dateFrom: '2026-10-12',
      hours: 6.5,
      description: 'A day of training on capacity assessments.',
      learning: 'How to record a capacity assessment decision by decision.',
      impact: 'My assessments now record each decision separately.',
      peerReflection: {
        text: 'My manager and I compared two recent assessments.',
        peerRole: 'Team manager',
        discussedOn: '2026-10-20',
      },
      mappings: PCF_DOMAINS.slice(3, 6).map((d) => pcf(d)),
    });
    const reflection = await create({
      kind: 'CRITICAL_REFLECTION',
      title: 'Reflection at six months',
      dateFrom: '2026-11-02',
      description: 'A critical reflection on my first six months.',
      learning: 'I rely too much on my own judgement under time pressure.',
      impact: 'I bring complex decisions to supervision earlier.',
      mappings: PCF_DOMAINS.slice(6).map((d) => pcf(d)),
    });
    expect(training.peerReflection?.text).toBe('My manager and I compared two recent assessments.');
    expect([observation, training, reflection].map((v) => [v.versionNo, v.status])).toEqual([
      [1, 'DRAFT'],
      [1, 'DRAFT'],
      [1, 'DRAFT'],
    ]);

    // 2. One attachment, uploaded beside GraphQL and stored with its checksum.
    const upload = await request(ctx.app.getHttpServer())
      .post(`/evidence/${observation.evidenceId}/attachments`)
      .set('authorization', `Bearer ${asNqsw.accessToken}`)
      .set('content-type', 'application/octet-stream')
      .set('x-file-name', encodeURIComponent('observation notes.pdf'))
      .send(TINY_PDF);
    expect(upload.status).toBe(201);
    expect(upload.body).toMatchObject({
      fileName: 'observation notes.pdf',
      contentType: 'application/pdf',
      sizeBytes: TINY_PDF.length,
    });

    // 3. Everything submitted to the ASYE assessor, who sees three in the queue, oldest first.
    for (const piece of [observation, training, reflection]) {
      expect((await submit(piece.evidenceId)).status).toBe('SUBMITTED');
    }
    const queue = await gql<{ reviewQueue: { nodes: Version[] }; reviewQueueCount: number }>(
      ctx.app,
      REVIEW_QUEUE,
      {},
      { as: asAssessor },
    );
    expect(queue.errors).toBeUndefined();
    expect(queue.data!.reviewQueueCount).toBe(3);
    expect(queue.data!.reviewQueue.nodes.map((n) => n.evidenceId)).toEqual([
      observation.evidenceId,
      training.evidenceId,
      reflection.evidenceId,
    ]);
    const queued = new Map(queue.data!.reviewQueue.nodes.map((n) => [n.evidenceId, n]));

    // 4. Changes requested on the reflection; the other two approved (one mapping at another level).
    const reflectionV1 = queued.get(reflection.evidenceId)!;
    await decide(reflectionV1, 'REQUEST_CHANGES', [
      {
        mappingId: reflectionV1.mappings[0]!.id,
        decision: 'NOT_ACCEPTED',
        comment: 'No intervention is described.',
      },
    ]);
    const observationV1 = queued.get(observation.evidenceId)!;
    await decide(
      observationV1,
      'APPROVE',
      observationV1.mappings.map((m, i) =>
        i === 0
          ? { mappingId: m.id, decision: 'ACCEPTED_AT_OTHER_LEVEL', levelCode: 'END_LAST_PLACEMENT' }
          : { mappingId: m.id, decision: 'ACCEPTED' },
      ),
    );
    const trainingV1 = queued.get(training.evidenceId)!;
    await decide(
      trainingV1,
      'APPROVE',
      trainingV1.mappings.map((m) => ({ mappingId: m.id, decision: 'ACCEPTED' })),
    );

    let cover = await coverage();
    expect(cover.itemsWithoutApprovedEvidence).toEqual(PCF_DOMAINS.slice(6));
    expect(cover.cells).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          itemCode: 'PROFESSIONALISM',
          levelCode: 'END_LAST_PLACEMENT',
          approved: 1,
        }),
        expect.objectContaining({ itemCode: 'KNOWLEDGE', levelCode: 'ASYE', approved: 1 }),
        expect.objectContaining({
          itemCode: 'SKILLS_AND_INTERVENTIONS',
          levelCode: 'ASYE',
          changesRequested: 1,
          approved: 0,
        }),
      ]),
    );

    // 5. The NQSW edits the sent-back reflection (a new version) and resubmits; the assessor approves.
    const edited = await gql<{ updateEvidence: Version }>(
      ctx.app,
      UPDATE_EVIDENCE,
      {
        input: {
          evidenceId: reflection.evidenceId,
          impact:
            'I bring complex decisions to supervision earlier, and I now plan interventions with the family.',
        },
      },
      { as: asNqsw },
    );
    expect(edited.errors).toBeUndefined();
    expect(edited.data!.updateEvidence).toMatchObject({ versionNo: 2, status: 'DRAFT' });
    expect(edited.data!.updateEvidence.mappings.map((m) => [m.item.code, m.decision])).toEqual(
      PCF_DOMAINS.slice(6).map((d) => [d, null]),
    );
    const resubmitted = await submit(reflection.evidenceId);
    await decide(
      resubmitted,
      'APPROVE',
      resubmitted.mappings.map((m) => ({ mappingId: m.id, decision: 'ACCEPTED' })),
    );

    cover = await coverage();
    expect(cover.itemsWithoutApprovedEvidence).toEqual([]);
    expect(cover.cells.filter((c) => c.approved > 0).map((c) => c.itemCode)).toEqual([...PCF_DOMAINS]);
    expect(cover.cells.every((c) => c.submitted === 0 && c.draft === 0 && c.changesRequested === 0)).toBe(
      true,
    );

    // 6. The review history keeps the sent-back version and its decision beside the approved one.
    const portfolio = await gql<{
      portfolio: {
        nodes: {
          id: string;
          current: Version;
          versions: { versionNo: number; status: string; review: { outcome: string } }[];
        }[];
      };
    }>(ctx.app, PORTFOLIO, {}, { as: asNqsw });
    expect(portfolio.errors).toBeUndefined();
    const reflectionNode = portfolio.data!.portfolio.nodes.find((n) => n.id === reflection.evidenceId)!;
    expect(reflectionNode.versions).toEqual([
      { id: expect.any(String), versionNo: 2, status: 'APPROVED', review: { outcome: 'APPROVE' } },
      {
        id: expect.any(String),
        versionNo: 1,
        status: 'CHANGES_REQUESTED',
        review: { outcome: 'REQUEST_CHANGES' },
      },
    ]);
    const observationNode = portfolio.data!.portfolio.nodes.find((n) => n.id === observation.evidenceId)!;
    expect(observationNode.current.review).toMatchObject({
      outcome: 'APPROVE',
      reviewer: { fullName: 'Asha Assessor' },
      reviewerRegistrationNumber: 'SW100200',
    });
    expect(observationNode.current.attachments).toEqual([
      expect.objectContaining({ fileName: 'observation notes.pdf', sha256: upload.body.sha256 }),
    ]);

    // 7. The assessor downloads the attachment of what was submitted to them.
    const download = await request(ctx.app.getHttpServer())
      .get(`/attachments/${upload.body.id}`)
      .set('authorization', `Bearer ${asAssessor.accessToken}`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(Buffer.compare(download.body as Buffer, TINY_PDF)).toBe(0);

    // 8. The audit trail records every step, in the role each person acted in.
    const trail = await gql<{
      auditTrail: { nodes: { action: string; actorRole: string; changes: Record<string, unknown> }[] };
    }>(ctx.app, AUDIT_TRAIL, { first: 50 }, { as: asNqsw });
    expect(trail.errors).toBeUndefined();
    const actions = trail.data!.auditTrail.nodes.map((n) => `${n.action}/${n.actorRole}`).reverse();
    expect(actions).toEqual([
      'EVIDENCE_CREATED/PRACTITIONER',
      'EVIDENCE_CREATED/PRACTITIONER',
      'EVIDENCE_CREATED/PRACTITIONER',
      'ATTACHMENT_ADDED/PRACTITIONER',
      'EVIDENCE_SUBMITTED/PRACTITIONER',
      'EVIDENCE_SUBMITTED/PRACTITIONER',
      'EVIDENCE_SUBMITTED/PRACTITIONER',
      'EVIDENCE_CHANGES_REQUESTED/ASSESSOR',
      'EVIDENCE_APPROVED/ASSESSOR',
      'EVIDENCE_APPROVED/ASSESSOR',
      'EVIDENCE_VERSION_CREATED/PRACTITIONER',
      'EVIDENCE_SUBMITTED/PRACTITIONER',
      'EVIDENCE_APPROVED/ASSESSOR',
    ]);
    // Free text is named, never copied, into the trail.
    const versionCreated = trail.data!.auditTrail.nodes.find((n) => n.action === 'EVIDENCE_VERSION_CREATED')!;
    expect(versionCreated.changes).toMatchObject({ versionNo: 2, fields: ['impact'] });
    expect(JSON.stringify(trail.data)).not.toContain('plan interventions');
  });
});
