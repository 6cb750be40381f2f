import type { DataSource } from 'typeorm';
import { TEMPLATE_PATHWAY_DESIGN, type EvidenceKind, type PathwayDesign } from '#app/domain';

/** Fixtures for exports, credentials and insight: rows inserted directly, with the fields those read. */

export interface SignedOffPiece {
  title?: string;
  kind?: EvidenceKind;
  cpdActivityType?: string | null;
  date?: string;
  description?: string;
  learning?: string;
  impact?: string;
  peerReflection?: string | null;
  /** PCF 2018 domain codes accepted at `levelCode`. */
  itemCodes?: readonly string[];
  levelCode?: string;
  status?: 'APPROVED' | 'SUBMITTED' | 'CHANGES_REQUESTED' | 'DRAFT';
  outcome?: 'APPROVE' | 'REQUEST_CHANGES';
  capacity?: 'ASYE_ASSESSOR' | 'PRACTICE_EDUCATOR' | 'SUPERVISOR';
  decidedOn?: string;
  submittedAt?: string;
  decidedAt?: string;
  standing?: { regulator: string | null; registrationNumber: string | null; qualification: string | null };
  /** The reviewer's comment on the piece, and on each mapping they decided. */
  comment?: string;
  mappingComment?: string | null;
}

export interface InsertedPiece {
  evidenceId: string;
  versionId: string;
  reviewId: string | null;
}

/**
 * One piece of evidence with a single version in `status` (APPROVED by default) and, unless it is a
 * draft or waiting, the reviewer's decision with the standing given.
 */
export async function insertPiece(
  ds: DataSource,
  organisationId: string,
  ownerUserId: string,
  reviewerUserId: string,
  piece: SignedOffPiece = {},
): Promise<InsertedPiece> {
  const status = piece.status ?? 'APPROVED';
  const kind = piece.kind ?? 'DIRECT_OBSERVATION';
  const decided = status === 'APPROVED' || status === 'CHANGES_REQUESTED';
  const [row] = await ds.query(
    `WITH e AS (INSERT INTO evidence (organisation_id, owner_user_id) VALUES ($1, $2) RETURNING id),
          v AS (
            INSERT INTO evidence_version (organisation_id, evidence_id, owner_user_id, version_no, status, kind, cpd_activity_type,
                                          title, date_from, description, learning, impact, peer_reflection, reviewer_user_id,
                                          assessment_context, submitted_at, created_by_user_id)
            SELECT $1, e.id, $2, 1, $4::evidence_status, $5::evidence_kind, $6::cpd_activity_type, $7, $8, $9, $10, $11, $12,
                   CASE WHEN $4 = 'DRAFT' THEN NULL ELSE $3::uuid END,
                   CASE WHEN $4 = 'DRAFT' THEN NULL ELSE 'ASYE'::assessment_context END,
                   CASE WHEN $4 = 'DRAFT' THEN NULL ELSE $13::timestamptz END, $2
              FROM e RETURNING id, evidence_id)
     SELECT v.evidence_id, v.id AS version_id FROM v`,
    [
      organisationId,
      ownerUserId,
      reviewerUserId,
      status,
      kind,
      kind === 'CPD_ACTIVITY' ? (piece.cpdActivityType ?? 'TRAINING') : null,
      piece.title ?? 'Observed home visit',
      piece.date ?? '2026-06-01',
      piece.description ?? 'What happened.',
      piece.learning ?? 'What I learnt.',
      piece.impact ?? 'What changed.',
      piece.peerReflection ?? null,
      piece.submittedAt ?? '2026-06-02T09:00:00Z',
    ],
  );
  const versionId = row.version_id as string;
  const itemCodes = piece.itemCodes ?? ['PROFESSIONALISM'];
  const level = piece.levelCode ?? 'ASYE';
  if (itemCodes.length > 0) {
    await ds.query(
      `INSERT INTO evidence_mapping (organisation_id, evidence_version_id, position, framework_item_id, framework_level_id,
                                     rationale, decision, accepted_level_id, decision_comment)
       SELECT $1, $2, (array_position($3::text[], i.code) - 1), i.id, l.id, 'Shown in practice.',
              CASE WHEN $5 THEN (CASE WHEN $6 = 'APPROVED' THEN 'ACCEPTED' ELSE 'NOT_ACCEPTED' END)::mapping_decision END,
              CASE WHEN $6 = 'APPROVED' THEN l.id END, CASE WHEN $5 THEN $7 END
         FROM framework_item i
         JOIN framework_version fv ON fv.id = i.framework_version_id
         JOIN framework f ON f.id = fv.framework_id AND f.organisation_id IS NULL
         JOIN framework_level l ON l.framework_version_id = fv.id AND l.code = $4
        WHERE f.code = 'PCF' AND fv.version = '2018' AND i.code = ANY($3::text[])`,
      [organisationId, versionId, [...itemCodes], level, decided, status, piece.mappingComment ?? null],
    );
  }
  let reviewId: string | null = null;
  if (decided) {
    const [review] = await ds.query(
      `INSERT INTO evidence_review (organisation_id, evidence_version_id, reviewer_user_id, practitioner_user_id, outcome, comment,
                                    assessment_context, capacity, decided_on, decided_at, standing)
       VALUES ($1, $2, $3, $4, $5::review_outcome, $10, 'ASYE', $6::assessor_capacity, $7, $8::timestamptz, $9::jsonb)
       RETURNING id`,
      [
        organisationId,
        versionId,
        reviewerUserId,
        ownerUserId,
        piece.outcome ?? (status === 'APPROVED' ? 'APPROVE' : 'REQUEST_CHANGES'),
        piece.capacity ?? 'ASYE_ASSESSOR',
        piece.decidedOn ?? '2026-06-10',
        piece.decidedAt ?? `${piece.decidedOn ?? '2026-06-10'}T12:00:00Z`,
        JSON.stringify({
          regulator: piece.standing?.regulator ?? null,
          registrationNumber: piece.standing?.registrationNumber ?? null,
          qualification: piece.standing?.qualification ?? null,
          countersignerUserId: null,
          countersignerRegistrationNumber: null,
        }),
        piece.comment ?? 'Well evidenced.',
      ],
    );
    reviewId = review.id as string;
  }
  return { evidenceId: row.evidence_id as string, versionId, reviewId };
}

/** A published pathway (the template design unless one is given). */
export async function insertPublishedPathway(
  ds: DataSource,
  organisationId: string,
  createdByUserId: string,
  design: PathwayDesign = TEMPLATE_PATHWAY_DESIGN,
): Promise<{ pathwayId: string; versionId: string }> {
  const [row] = await ds.query(
    `WITH p AS (INSERT INTO pathway (organisation_id, name, description, created_by_user_id)
                VALUES ($1, 'Career pathway', 'Our ladder.', $2) RETURNING id)
     INSERT INTO pathway_version (organisation_id, pathway_id, version_no, status, design, created_by_user_id,
                                  published_by_user_id, published_at)
     SELECT $1, p.id, 1, 'PUBLISHED', $3::jsonb, $2, $2, now() FROM p RETURNING id, pathway_id`,
    [organisationId, createdByUserId, JSON.stringify(design)],
  );
  return { pathwayId: row.pathway_id as string, versionId: row.id as string };
}

/** A stage spell; with `application` it was awarded on an application decided by `decidedByUserId`. */
export async function insertStage(
  ds: DataSource,
  organisationId: string,
  userId: string,
  pathway: { pathwayId: string; versionId: string },
  stageKey: string,
  fromDate: string,
  options: {
    toDate?: string | null;
    recordedByUserId: string;
    application?: {
      routeKey: string;
      decidedByUserId: string;
      status?: string;
      submittedAt?: string;
      decidedAt?: string;
    };
  },
): Promise<{ stageId: string; applicationId: string | null }> {
  let applicationId: string | null = null;
  if (options.application) {
    const a = options.application;
    const [app] = await ds.query(
      `INSERT INTO progression_application (organisation_id, user_id, pathway_version_id, route_key, status, submitted_by_user_id,
                                            submitted_at, eligibility_snapshot, evidence_ids, decided_by_user_id, decided_at, decision_reasons)
       VALUES ($1, $2, $3, $4, $5::application_status, $2, $6, '{}'::jsonb, '{}', $7, $8, 'Panel agreed.') RETURNING id`,
      [
        organisationId,
        userId,
        pathway.versionId,
        a.routeKey,
        a.status ?? 'APPROVED',
        a.submittedAt ?? `${fromDate}T09:00:00Z`,
        a.decidedByUserId,
        a.decidedAt ?? `${fromDate}T10:00:00Z`,
      ],
    );
    applicationId = app.id as string;
  }
  const [row] = await ds.query(
    `INSERT INTO practitioner_stage (organisation_id, user_id, pathway_id, stage_key, from_date, to_date, how_decided,
                                     application_id, recorded_by_user_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7::stage_decision, $8, $9) RETURNING id`,
    [
      organisationId,
      userId,
      pathway.pathwayId,
      stageKey,
      fromDate,
      options.toDate ?? null,
      options.application ? 'PANEL' : 'RECORDED',
      applicationId,
      options.recordedByUserId,
    ],
  );
  return { stageId: row.id as string, applicationId };
}
