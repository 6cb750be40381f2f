import type { DataSource } from 'typeorm';
import type { EvidenceKind } from '#app/domain';

export interface ApprovedPiece {
  /** PCF 2018 domain codes the piece was accepted for. */
  itemCodes: readonly string[];
  /** The accepted PCF 2018 level. */
  levelCode: string;
  kind?: EvidenceKind;
  date?: string;
}

/**
 * Inserts signed-off evidence directly (one version, APPROVED, every mapping accepted, a review by
 * `reviewerUserId`), for tests about what approved evidence leads to rather than how it is approved.
 * Returns the evidence ids in the order given.
 */
export async function createApprovedEvidence(
  ds: DataSource,
  organisationId: string,
  ownerUserId: string,
  reviewerUserId: string,
  pieces: readonly ApprovedPiece[],
): Promise<string[]> {
  const ids: string[] = [];
  for (const piece of pieces) {
    const [row] = await ds.query(
      `WITH e AS (INSERT INTO evidence (organisation_id, owner_user_id) VALUES ($1, $2) RETURNING id),
            v AS (
              INSERT INTO evidence_version (organisation_id, evidence_id, owner_user_id, version_no, status, kind, title, date_from,
                                            description, learning, impact, reviewer_user_id, assessment_context, submitted_at,
                                            created_by_user_id)
              SELECT $1, e.id, $2, 1, 'APPROVED', $4, 'Approved evidence', $5, 'd', 'l', 'i', $3, 'CPD', now(), $2 FROM e
              RETURNING id, evidence_id),
            lvl AS (
              SELECT l.id FROM framework_level l JOIN framework_version fv ON fv.id = l.framework_version_id
                JOIN framework f ON f.id = fv.framework_id
               WHERE f.code = 'PCF' AND fv.version = '2018' AND l.code = $6),
            m AS (
              INSERT INTO evidence_mapping (organisation_id, evidence_version_id, position, framework_item_id, framework_level_id,
                                            rationale, decision, accepted_level_id)
              SELECT $1, v.id, (row_number() OVER ()) - 1, i.id, (SELECT id FROM lvl), '', 'ACCEPTED', (SELECT id FROM lvl)
                FROM v, framework_item i JOIN framework_version fv ON fv.id = i.framework_version_id
                JOIN framework f ON f.id = fv.framework_id
               WHERE f.code = 'PCF' AND fv.version = '2018' AND i.code = ANY($7)),
            r AS (
              INSERT INTO evidence_review (organisation_id, evidence_version_id, reviewer_user_id, practitioner_user_id, outcome,
                                           comment, assessment_context, capacity, decided_on, standing)
              SELECT $1, v.id, $3, $2, 'APPROVE', '', 'CPD', 'SUPERVISOR', $5,
                     '{"regulator":null,"registrationNumber":null,"qualification":null,"countersignerUserId":null,"countersignerRegistrationNumber":null}'
                FROM v)
       SELECT evidence_id AS id FROM v`,
      [
        organisationId,
        ownerUserId,
        reviewerUserId,
        piece.kind ?? 'DIRECT_OBSERVATION',
        piece.date ?? '2026-06-01',
        piece.levelCode,
        [...piece.itemCodes],
      ],
    );
    ids.push(row.id as string);
  }
  return ids;
}

export async function createQualification(
  ds: DataSource,
  organisationId: string,
  userId: string,
  type: string,
  options: { awardedOn?: string; verifiedByUserId?: string | null; recordedByUserId?: string } = {},
): Promise<string> {
  const [row] = await ds.query(
    `INSERT INTO qualification (organisation_id, user_id, type, title, awarded_on, verified_by_user_id, verified_at, recorded_by_user_id)
     VALUES ($1, $2, $3::qualification_type, $3::text, $4, $5, CASE WHEN $5::uuid IS NULL THEN NULL ELSE now() END, $6) RETURNING id`,
    [
      organisationId,
      userId,
      type,
      options.awardedOn ?? '2024-01-01',
      options.verifiedByUserId ?? null,
      options.recordedByUserId ?? options.verifiedByUserId ?? userId,
    ],
  );
  return row.id as string;
}
