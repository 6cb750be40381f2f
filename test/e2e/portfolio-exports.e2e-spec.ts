import { parse } from 'csv-parse/sync';
import request from 'supertest';
import type { OrganisationEntity } from '#app/persistence';
import {
  createAssessorRelationship,
  createMember,
  createOrganisation,
  type CreatedMember,
} from '#app/testing';
import { createTestApp, type E2eContext } from './support/create-test-app.js';
import { FixedClock } from './support/fixed-clock.js';
import { pdfPages, pdfTagging, pdfTextRuns } from './support/pdf-text.js';
import { login } from './support/sessions.js';
import { insertPiece, insertPublishedPathway, insertStage } from './support/sharing-fixtures.js';

/** Binary bodies (PDF) as a Buffer. */
const binary = (res: request.Response, callback: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};

describe('portfolio PDF and CPD log (e2e)', () => {
  const clock = new FixedClock(new Date('2026-07-01T10:00:00Z'));
  let ctx: E2eContext;
  let org: OrganisationEntity;
  let practitioner: CreatedMember;
  let assessor: CreatedMember;
  let educator: CreatedMember;
  let psw: CreatedMember;

  beforeAll(async () => {
    ctx = await createTestApp({}, { clock });
  });
  beforeEach(async () => {
    org = await createOrganisation(ctx.dataSource, { name: 'Northshire Council' });
    practitioner = await createMember(ctx.dataSource, org.id, ['PRACTITIONER'], {
      fullName: 'Siobhán Zoë O’Neill',
      registrationNumber: 'SW100001',
    });
    assessor = await createMember(ctx.dataSource, org.id, ['ASSESSOR', 'PRACTITIONER'], {
      fullName: 'Sam Assessor',
    });
    educator = await createMember(ctx.dataSource, org.id, ['PRACTICE_EDUCATOR', 'PRACTITIONER'], {
      fullName: 'Eve Educator',
    });
    psw = await createMember(ctx.dataSource, org.id, ['PRINCIPAL_SOCIAL_WORKER']);
    await createAssessorRelationship(
      ctx.dataSource,
      org.id,
      assessor.user.id,
      practitioner.user.id,
      'ASYE_ASSESSOR',
    );
  });
  afterEach(() => ctx.reset());
  afterAll(() => ctx.close());

  const get = async (path: string, as: CreatedMember) =>
    request(ctx.app.getHttpServer())
      .get(path)
      .set('authorization', `Bearer ${(await login(ctx.app, as.email)).accessToken}`)
      .buffer(true)
      .parse(binary);

  it('should print the cover, coverage and each approved piece with its sign-off and a code that verifies', async () => {
    const pathway = await insertPublishedPathway(ctx.dataSource, org.id, psw.user.id);
    await insertStage(ctx.dataSource, org.id, practitioner.user.id, pathway, 'NQSW', '2025-09-01', {
      recordedByUserId: psw.user.id,
    });
    await insertPiece(ctx.dataSource, org.id, practitioner.user.id, assessor.user.id, {
      title: 'Observed child protection visit',
      description: 'I led a visit with a family.',
      learning: 'Listening before advising.',
      impact: 'I now plan visits with the family.',
      peerReflection: 'Talked it through with a colleague.',
      itemCodes: ['PROFESSIONALISM', 'KNOWLEDGE'],
      decidedOn: '2026-06-10',
      standing: {
        regulator: 'SOCIAL_WORK_ENGLAND',
        registrationNumber: 'SW200002',
        qualification: 'PEPS_STAGE_2',
      },
    });
    await insertPiece(ctx.dataSource, org.id, practitioner.user.id, educator.user.id, {
      title: 'Court report',
      kind: 'WRITTEN_REPORT',
      itemCodes: ['CRITICAL_REFLECTION_AND_ANALYSIS'],
      capacity: 'PRACTICE_EDUCATOR',
      decidedOn: '2026-05-20',
      standing: {
        regulator: 'SOCIAL_WORK_ENGLAND',
        registrationNumber: 'SW300003',
        qualification: 'PEPS_STAGE_1',
      },
    });
    await insertPiece(ctx.dataSource, org.id, practitioner.user.id, assessor.user.id, {
      title: 'Draft not yet signed off',
      status: 'SUBMITTED',
    });

    for (const reader of [practitioner, psw]) {
      const res = await get(`/practitioners/${practitioner.user.id}/portfolio.pdf`, reader);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      const pages = await pdfPages(res.body as Buffer);
      const text = pages.join('\n');
      expect(pages[0]).toContain('Siobhán Zoë O’Neill');
      expect(pages[0]).toContain('Social Work England SW100001');
      expect(pages[0]).toMatch(/Current stage: Newly qualified social worker.*since 2025-09-01/i);
      expect(text).toMatch(
        /Professionalism 1 Assessed and Supported Year in Employment \(NQSW\) \(1\) Values and Ethics 0/,
      );
      expect(text).toContain('Observed child protection visit');
      expect(text).toContain(
        'Approved on 2026-06-10 by Sam Assessor (ASYE assessor; qualification: PEPS_STAGE_2; Social Work England SW200002).',
      );
      expect(text).toContain(
        'Approved on 2026-05-20 by Eve Educator (practice educator; qualification: PEPS_STAGE_1; Social Work England SW300003).',
      );
      expect(text).toContain('Talked it through with a colleague.');
      expect(text).not.toContain('Draft not yet signed off');
      pages.forEach((page, i) => expect(page).toContain(`page ${i + 1}`));

      const codes = [...text.matchAll(/Verification code: ([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/g)].map(
        (m) => m[1]!,
      );
      expect(codes).toHaveLength(2);
      for (const code of codes) {
        const verified = await request(ctx.app.getHttpServer()).get(`/verify/${code}`);
        expect(verified.body.verified).toBe(true);
      }
    }
    // The second export reuses the credentials the first issued.
    const [{ n }] = await ctx.dataSource.query(`SELECT count(*)::int AS n FROM issued_credential`);
    expect(n).toBe(2);
    const audit = await ctx.dataSource.query(
      `SELECT actor_role FROM audit_event WHERE action = 'PORTFOLIO_PDF_EXPORTED' ORDER BY id`,
    );
    expect(audit.map((a: { actor_role: string }) => a.actor_role)).toEqual([
      'PRACTITIONER',
      'PRINCIPAL_SOCIAL_WORKER',
    ]);
  });

  it('should print Welsh and Polish names and the reviewers’ comments, in a PDF tagged for screen readers', async () => {
    const welsh = await createMember(ctx.dataSource, org.id, ['PRACTITIONER'], {
      fullName: 'Gwenllïan ap Dŵr',
    });
    const polish = await createMember(ctx.dataSource, org.id, ['ASSESSOR', 'PRACTITIONER'], {
      fullName: 'Łucja Żółć-Łódź',
    });
    await createAssessorRelationship(ctx.dataSource, org.id, polish.user.id, welsh.user.id, 'ASYE_ASSESSOR');
    await insertPiece(ctx.dataSource, org.id, welsh.user.id, polish.user.id, {
      title: 'Home visit at Tŷ Gwyn',
      comment: 'Clear, honest analysis of risk; the family’s wishes are heard throughout.',
      mappingComment: 'Values shown when the plan was challenged.',
    });

    const res = await get(`/practitioners/${welsh.user.id}/portfolio.pdf`, welsh);
    expect(res.status).toBe(200);
    const text = (await pdfPages(res.body as Buffer)).join('\n');
    expect(text).toContain('Gwenllïan ap Dŵr');
    expect(text).toContain('Home visit at Tŷ Gwyn');
    expect(text).toContain('by Łucja Żółć-Łódź');
    expect(text).toContain(
      'Reviewer’s comment: Clear, honest analysis of risk; the family’s wishes are heard throughout.',
    );
    expect(text).toContain('Values shown when the plan was challenged.');

    const tagging = await pdfTagging(res.body as Buffer);
    expect(tagging).toMatchObject({
      marked: true,
      title: 'Portfolio: Gwenllïan ap Dŵr',
      language: 'en-GB',
      displayDocTitle: true,
    });
    for (const role of ['H1', 'H2', 'H3', 'P', 'Table', 'TH', 'TD', 'L', 'LI'])
      expect(tagging.roles).toContain(role);
  });

  it('should make a 300-piece portfolio in a few seconds', async () => {
    await ctx.dataSource.query(
      `WITH e AS (INSERT INTO evidence (organisation_id, owner_user_id) SELECT $1, $2 FROM generate_series(1, 300) RETURNING id),
            v AS (
              INSERT INTO evidence_version (organisation_id, evidence_id, owner_user_id, version_no, status, kind, title, date_from,
                                            description, learning, impact, peer_reflection, reviewer_user_id, assessment_context,
                                            submitted_at, created_by_user_id)
              SELECT $1, e.id, $2, 1, 'APPROVED', 'DIRECT_OBSERVATION', 'Observed practice ' || row_number() OVER (),
                     DATE '2025-01-01' + (row_number() OVER ())::int, repeat('What happened in the visit. ', 25),
                     repeat('What I learnt from it. ', 15), repeat('How my practice changed. ', 15), 'A peer reflection.', $3, 'ASYE', now(), $2
                FROM e RETURNING id),
            m AS (
              INSERT INTO evidence_mapping (organisation_id, evidence_version_id, position, framework_item_id, framework_level_id,
                                            rationale, decision, accepted_level_id)
              SELECT $1, v.id, k - 1, i.id, l.id, 'r', 'ACCEPTED', l.id
                FROM v CROSS JOIN generate_series(1, 3) k
                JOIN framework_version fv ON fv.version = '2018'
                JOIN framework f ON f.id = fv.framework_id AND f.code = 'PCF' AND f.organisation_id IS NULL
                JOIN framework_level l ON l.framework_version_id = fv.id AND l.code = 'ASYE'
                JOIN LATERAL (SELECT id FROM framework_item WHERE framework_version_id = fv.id AND kind = 'DOMAIN' ORDER BY code OFFSET k LIMIT 1) i ON true)
       INSERT INTO evidence_review (organisation_id, evidence_version_id, reviewer_user_id, practitioner_user_id, outcome, comment,
                                    assessment_context, capacity, decided_on, standing)
       SELECT $1, v.id, $3, $2, 'APPROVE', 'c', 'ASYE', 'ASYE_ASSESSOR', DATE '2026-06-01',
              '{"regulator":"SOCIAL_WORK_ENGLAND","registrationNumber":"SW200002","qualification":"PEPS_STAGE_2","countersignerUserId":null,"countersignerRegistrationNumber":null}'
         FROM v`,
      [org.id, practitioner.user.id, assessor.user.id],
    );
    const started = performance.now();
    const res = await get(`/practitioners/${practitioner.user.id}/portfolio.pdf`, practitioner);
    const ms = performance.now() - started;
    expect(res.status).toBe(200);
    const pages = await pdfPages(res.body as Buffer);
    console.log(
      `portfolio PDF: 300 pieces, ${pages.length} pages, ${(res.body as Buffer).length} bytes in ${ms.toFixed(0)} ms`,
    );
    const text = pages.join('\n');
    expect(text.match(/Verification code:/g)).toHaveLength(300);
    expect(text).toContain('Observed practice 300');
    // Type keeps its size across page breaks: headings, body text and the footer alike.
    const runs = await pdfTextRuns(res.body as Buffer);
    const sizes = (match: RegExp) => new Set(runs.filter((r) => match.test(r.str)).map((r) => r.size));
    expect(sizes(/^\d+\. Observed practice \d+$/)).toEqual(new Set([13]));
    expect(sizes(/What happened in the visit/)).toEqual(new Set([10]));
    expect(sizes(/^Verification code:/)).toEqual(new Set([10]));
    expect(sizes(/· page \d+$/)).toEqual(new Set([8]));
  });

  it('should refuse a reviewer, a colleague and an unknown person, exporting nothing', async () => {
    const colleague = await createMember(ctx.dataSource, org.id, ['PRACTITIONER']);
    await insertPiece(ctx.dataSource, org.id, practitioner.user.id, assessor.user.id);
    const outsider = await createMember(ctx.dataSource, (await createOrganisation(ctx.dataSource)).id, [
      'PRINCIPAL_SOCIAL_WORKER',
    ]);
    for (const [as, path] of [
      [assessor, `/practitioners/${practitioner.user.id}/portfolio.pdf`],
      [colleague, `/practitioners/${practitioner.user.id}/portfolio.pdf`],
      [outsider, `/practitioners/${practitioner.user.id}/portfolio.pdf`],
      [colleague, `/practitioners/${practitioner.user.id}/cpd-log.csv`],
    ] as const) {
      const res = await get(path, as);
      expect(res.status).toBe(403);
      expect(JSON.parse((res.body as Buffer).toString())).toMatchObject({
        error: { code: 'FORBIDDEN', domainCode: 'ACCESS_DENIED', field: 'practitionerUserId' },
      });
    }
    expect(
      (await request(ctx.app.getHttpServer()).get(`/practitioners/${practitioner.user.id}/portfolio.pdf`))
        .status,
    ).toBe(401);
    expect((await get('/practitioners/not-a-uuid/portfolio.pdf', practitioner)).status).toBe(400);
    const [{ n }] = await ctx.dataSource.query(`SELECT count(*)::int AS n FROM issued_credential`);
    expect(n).toBe(0);
  });

  it('should export the CPD log of a registration year as CSV that parses back to what was recorded', async () => {
    const recorded = [
      {
        title: 'Training, "trauma-informed" practice',
        date: '2025-12-01',
        cpdActivityType: 'TRAINING',
        description: 'A day course,\nwith role play.',
        learning: 'Naïve assumptions; café conversations; “quotes”; 日本語.',
        impact: 'I ask, then listen.',
        peerReflection: 'Discussed with my supervisor, who said "try it".',
      },
      {
        title: 'Reading on the Care Act',
        date: '2026-11-30',
        cpdActivityType: 'READING_OR_RESEARCH',
        description: 'Statutory guidance, chapter 14.',
        learning: 'Duties on safeguarding adults.',
        impact: 'Better referrals.',
        peerReflection: null,
      },
    ];
    for (const r of recorded) {
      await insertPiece(ctx.dataSource, org.id, practitioner.user.id, assessor.user.id, {
        ...r,
        kind: 'CPD_ACTIVITY',
        status: 'DRAFT',
        itemCodes: [],
      });
    }
    // Outside 2025-26, and a formula someone might paste.
    await insertPiece(ctx.dataSource, org.id, practitioner.user.id, assessor.user.id, {
      title: 'Last year',
      date: '2025-11-30',
      kind: 'CPD_ACTIVITY',
      status: 'DRAFT',
      itemCodes: [],
    });
    await insertPiece(ctx.dataSource, org.id, practitioner.user.id, assessor.user.id, {
      title: '=HYPERLINK("http://example.invalid","click")',
      date: '2026-03-01',
      kind: 'CPD_ACTIVITY',
      cpdActivityType: 'OTHER',
      description: '+1',
      learning: '-1',
      impact: '@SUM(A1)',
      status: 'DRAFT',
      itemCodes: [],
    });

    const res = await get(
      `/practitioners/${practitioner.user.id}/cpd-log.csv?registrationYear=2025-26`,
      practitioner,
    );
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toContain('cpd-log-2025-26.csv');
    const rows: Record<string, string>[] = parse(res.body as Buffer, { bom: true, columns: true });
    expect(Object.keys(rows[0]!)).toEqual([
      'Title',
      'Date',
      'Type of CPD',
      'Description',
      'What I learnt',
      'Impact on my practice',
      'Peer reflection',
    ]);
    expect(rows).toHaveLength(3);
    const [first, formula, last] = rows;
    expect(first).toEqual({
      Title: recorded[0]!.title,
      Date: '2025-12-01',
      'Type of CPD': 'Training',
      Description: recorded[0]!.description,
      'What I learnt': recorded[0]!.learning,
      'Impact on my practice': recorded[0]!.impact,
      'Peer reflection': recorded[0]!.peerReflection,
    });
    expect(last).toMatchObject({
      Title: 'Reading on the Care Act',
      Date: '2026-11-30',
      'Peer reflection': '',
    });
    expect(formula).toMatchObject({
      Title: `'=HYPERLINK("http://example.invalid","click")`,
      Description: "'+1",
      'What I learnt': "'-1",
      'Impact on my practice': "'@SUM(A1)",
    });

    const psw2 = await get(
      `/practitioners/${practitioner.user.id}/cpd-log.csv?registrationYear=2025-26`,
      psw,
    );
    expect(psw2.status).toBe(200);
    const bad = await get(
      `/practitioners/${practitioner.user.id}/cpd-log.csv?registrationYear=2025-27`,
      practitioner,
    );
    expect(bad.status).toBe(400);
    expect(JSON.parse((bad.body as Buffer).toString()).error).toMatchObject({ field: 'registrationYear' });
    const current = await get(`/practitioners/${practitioner.user.id}/cpd-log.csv`, practitioner);
    expect(current.headers['content-disposition']).toContain('cpd-log-2025-26.csv');
  });
});
