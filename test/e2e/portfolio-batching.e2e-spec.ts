import type { DataSource } from 'typeorm';
import type { OrganisationEntity } from '#app/persistence';
import {
  countStatements,
  createAssessorRelationship,
  createMember,
  createOrganisation,
  gql,
  type CreatedMember,
} from '#app/testing';
import { createTestApp, type E2eContext } from './support/create-test-app.js';
import { PCF_DOMAINS, VERSION_FIELDS } from './support/portfolio-operations.js';
import { login } from './support/sessions.js';

const FULL_PORTFOLIO = `query ($practitionerUserId: ID, $after: String) {
  portfolio(practitionerUserId: $practitionerUserId, first: 100, after: $after) {
    nodes {
      id owner { fullName }
      current { ${VERSION_FIELDS} reviewer { fullName } }
      versions { id versionNo status mappings { item { code } acceptedLevel { code } } attachments { sha256 } review { outcome reviewer { fullName } } }
    }
    pageInfo { hasNextPage endCursor }
  }
}`;

/**
 * Fills a portfolio set-based: `pieces` pieces of evidence, each with a sent-back first version and an
 * approved second one, three PCF mappings per version, a review per version and an attachment.
 */
async function fillPortfolio(
  ds: DataSource,
  organisationId: string,
  ownerUserId: string,
  reviewerUserId: string,
  pieces: number,
) {
  await ds.query(
    `WITH items AS (
       SELECT array_agg(i.id ORDER BY i.code) AS ids FROM framework_item i
         JOIN framework_version v ON v.id = i.framework_version_id JOIN framework f ON f.id = v.framework_id
        WHERE f.code = 'PCF' AND v.version = '2018' AND i.code = ANY($5)
     ), level AS (
       SELECT l.id FROM framework_level l JOIN framework_version v ON v.id = l.framework_version_id
         JOIN framework f ON f.id = v.framework_id WHERE f.code = 'PCF' AND v.version = '2018' AND l.code = 'ASYE'
     ), e AS (
       INSERT INTO evidence (organisation_id, owner_user_id) SELECT $1, $2 FROM generate_series(1, $4) RETURNING id
     ), v AS (
       INSERT INTO evidence_version (organisation_id, evidence_id, owner_user_id, version_no, status, kind, title, date_from,
                                     description, learning, impact, reviewer_user_id, assessment_context, submitted_at, created_by_user_id)
       SELECT $1, e.id, $2, n, (CASE n WHEN 1 THEN 'CHANGES_REQUESTED' ELSE 'APPROVED' END)::evidence_status, 'DIRECT_OBSERVATION',
              'Observed practice', DATE '2026-01-01' + (row_number() OVER ())::int % 300, 'd', 'l', 'i', $3, 'ASYE', now(), $2
         FROM e CROSS JOIN generate_series(1, 2) n
       RETURNING id, version_no, status
     ), m AS (
       INSERT INTO evidence_mapping (organisation_id, evidence_version_id, position, framework_item_id, framework_level_id,
                                     rationale, decision, accepted_level_id)
       SELECT $1, v.id, k - 1, (SELECT ids FROM items)[1 + (k + v.version_no) % 9], (SELECT id FROM level), 'r',
              (CASE v.status WHEN 'APPROVED' THEN 'ACCEPTED' ELSE 'NOT_ACCEPTED' END)::mapping_decision,
              CASE v.status WHEN 'APPROVED' THEN (SELECT id FROM level) END
         FROM v CROSS JOIN generate_series(1, 3) k
     ), r AS (
       INSERT INTO evidence_review (organisation_id, evidence_version_id, reviewer_user_id, practitioner_user_id, outcome, comment,
                                    assessment_context, capacity, decided_on, standing)
       SELECT $1, v.id, $3, $2, (CASE v.status WHEN 'APPROVED' THEN 'APPROVE' ELSE 'REQUEST_CHANGES' END)::review_outcome, 'c',
              'ASYE', 'ASYE_ASSESSOR', DATE '2026-11-01', '{"regulator":null,"registrationNumber":null,"qualification":null,"countersignerUserId":null,"countersignerRegistrationNumber":null}'
         FROM v
     )
     INSERT INTO attachment (organisation_id, evidence_version_id, file_name, content_type, size_bytes, sha256, storage_key, uploaded_by_user_id)
     SELECT $1, v.id, 'notes.pdf', 'application/pdf', 100, repeat('a', 64), $1 || '/aa/' || repeat('a', 64), $2 FROM v WHERE v.version_no = 2`,
    [organisationId, ownerUserId, reviewerUserId, pieces, [...PCF_DOMAINS]],
  );
}

describe('portfolio reads are batched (e2e)', () => {
  let ctx: E2eContext;
  let org: OrganisationEntity;
  let assessor: CreatedMember;

  beforeAll(async () => {
    ctx = await createTestApp();
  });
  beforeEach(async () => {
    org = await createOrganisation(ctx.dataSource);
    assessor = await createMember(ctx.dataSource, org.id, ['ASSESSOR', 'PRACTITIONER']);
  });
  afterEach(() => ctx.reset());
  afterAll(() => ctx.close());

  /** Statements for each page of the whole portfolio, read by its owner and by the assessor. */
  async function statementsPerPage(pieces: number) {
    const owner = await createMember(ctx.dataSource, org.id, ['PRACTITIONER']);
    await createAssessorRelationship(
      ctx.dataSource,
      org.id,
      assessor.user.id,
      owner.user.id,
      'ASYE_ASSESSOR',
      '2026-09-01',
    );
    await fillPortfolio(ctx.dataSource, org.id, owner.user.id, assessor.user.id, pieces);
    const counts: Record<'owner' | 'assessor', number[]> = { owner: [], assessor: [] };
    let seen = 0;
    for (const [reader, session] of [
      ['owner', await login(ctx.app, owner.email)],
      ['assessor', await login(ctx.app, assessor.email)],
    ] as const) {
      let after: string | null = null;
      do {
        const { result, statements } = await countStatements(() =>
          gql<{
            portfolio: {
              nodes: { versions: unknown[] }[];
              pageInfo: { hasNextPage: boolean; endCursor: string };
            };
          }>(ctx.app, FULL_PORTFOLIO, { practitionerUserId: owner.user.id, after }, { as: session }),
        );
        expect(result.errors).toBeUndefined();
        seen += result.data!.portfolio.nodes.length;
        expect(result.data!.portfolio.nodes.every((n) => n.versions.length === 2)).toBe(true);
        counts[reader].push(statements.length);
        after = result.data!.portfolio.pageInfo.hasNextPage
          ? result.data!.portfolio.pageInfo.endCursor
          : null;
      } while (after);
    }
    expect(seen).toBe(2 * pieces);
    return counts;
  }

  it('should read 300 pieces with versions, mappings, attachments and reviews in as many statements per page as 3 pieces', async () => {
    const small = await statementsPerPage(3);
    const large = await statementsPerPage(300);
    // 300 pieces take three pages of 100 for each reader; every page costs what a page of 3 costs
    // (the assessor's reads add the relationship check that decides what they may see).
    expect(large.owner).toEqual([small.owner[0], small.owner[0], small.owner[0]]);
    expect(large.assessor).toEqual([small.assessor[0], small.assessor[0], small.assessor[0]]);
    expect(Math.max(...large.owner, ...large.assessor)).toBeLessThanOrEqual(16);
  }, 120_000); // fills 300 pieces and reads 12 pages: slow on a busy 2-core machine, and not a timing test
});
