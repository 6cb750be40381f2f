// SQL the repositories that read evidence versions share. Fragments are text with the caller's own
// placeholders: a value is never spliced in, only column lists, table expressions and placeholders.

/**
 * The newest version of each piece of evidence among the rows of `from` that `where` keeps: one row
 * per `evidence_id`, the highest `version_no`. `alias` is the alias of evidence_version in `from`.
 */
export function newestVersionPerEvidence(query: {
  columns: string;
  from: string;
  where: string;
  alias?: string;
}): string {
  const a = query.alias ? `${query.alias}.` : '';
  return `SELECT DISTINCT ON (${a}evidence_id) ${query.columns}
           FROM ${query.from}
          WHERE ${query.where}
          ORDER BY ${a}evidence_id, ${a}version_no DESC`;
}

/**
 * True for an approved version `alias` with no later approved version of its piece (the organisation
 * is `$1`): the sign-off that counts while the practitioner drafts the next version. An anti-join,
 * which costs PostgreSQL less than sorting every approved version.
 */
export function isNewestApproved(alias = 'v'): string {
  return `${alias}.status = 'APPROVED' AND NOT EXISTS (
         SELECT 1 FROM evidence_version later
          WHERE later.organisation_id = $1 AND later.evidence_id = ${alias}.evidence_id
            AND later.status = 'APPROVED' AND later.version_no > ${alias}.version_no)`;
}

/**
 * The versions a reviewer who sees only what was submitted to them may read: those submitted to
 * `reviewer` (a placeholder holding their id), never a draft.
 */
export function visibleToReviewer(reviewer: string, alias = 'v'): string {
  return `${alias}.reviewer_user_id = ${reviewer} AND ${alias}.status <> 'DRAFT'`;
}

// Columns under the entities' property names, dates as YYYY-MM-DD text as TypeORM reads them.
export const VERSION_COLUMNS = `v.organisation_id AS "organisationId", v.id, v.evidence_id AS "evidenceId",
  v.owner_user_id AS "ownerUserId", v.version_no AS "versionNo", v.revision, v.status, v.kind,
  v.cpd_activity_type AS "cpdActivityType", v.title, to_char(v.date_from, 'YYYY-MM-DD') AS "dateFrom",
  to_char(v.date_to, 'YYYY-MM-DD') AS "dateTo", v.hours, v.description, v.learning, v.impact,
  v.peer_reflection AS "peerReflection", v.peer_role AS "peerRole",
  to_char(v.peer_discussed_on, 'YYYY-MM-DD') AS "peerDiscussedOn", v.identifier_warnings AS "identifierWarnings",
  v.identifiers_confirmed AS "identifiersConfirmed", v.reviewer_user_id AS "reviewerUserId",
  v.assessment_context AS "assessmentContext", v.submitted_at AS "submittedAt",
  v.created_by_user_id AS "createdByUserId", v.created_at AS "createdAt", v.updated_at AS "updatedAt"`;

/** A version's mappings in order, as a JSON array (a correlated subquery on `v`). */
export const MAPPINGS_JSON = `SELECT coalesce(json_agg(json_build_object(
    'organisationId', m.organisation_id, 'id', m.id, 'evidenceVersionId', m.evidence_version_id,
    'position', m.position, 'frameworkItemId', m.framework_item_id, 'frameworkLevelId', m.framework_level_id,
    'frameworkLevelPathwayId', m.framework_level_pathway_id, 'rationale', m.rationale, 'decision', m.decision,
    'acceptedLevelId', m.accepted_level_id, 'acceptedPathwayId', m.accepted_pathway_id,
    'decisionComment', m.decision_comment) ORDER BY m.position), '[]')
  FROM evidence_mapping m WHERE m.organisation_id = v.organisation_id AND m.evidence_version_id = v.id`;

/** A version's review, as a JSON object or null. */
export const REVIEW_JSON = `SELECT json_build_object(
    'organisationId', r.organisation_id, 'id', r.id, 'evidenceVersionId', r.evidence_version_id,
    'reviewerUserId', r.reviewer_user_id, 'practitionerUserId', r.practitioner_user_id, 'outcome', r.outcome,
    'comment', r.comment, 'assessmentContext', r.assessment_context, 'capacity', r.capacity,
    'decidedOn', r.decided_on, 'decidedAt', r.decided_at, 'standing', r.standing)
  FROM evidence_review r WHERE r.organisation_id = v.organisation_id AND r.evidence_version_id = v.id`;

/** A version's attachments oldest first, as a JSON array. */
export const ATTACHMENTS_JSON = `SELECT coalesce(json_agg(json_build_object(
    'organisationId', a.organisation_id, 'id', a.id, 'evidenceVersionId', a.evidence_version_id,
    'fileName', a.file_name, 'contentType', a.content_type, 'sizeBytes', a.size_bytes, 'sha256', a.sha256,
    'storageKey', a.storage_key, 'uploadedByUserId', a.uploaded_by_user_id, 'createdAt', a.created_at)
    ORDER BY a.created_at, a.id), '[]')
  FROM attachment a WHERE a.organisation_id = v.organisation_id AND a.evidence_version_id = v.id`;

/** The text a portfolio search matches: title and reflections. */
export const SEARCH_VECTOR = `to_tsvector('english', v.title || ' ' || v.description || ' ' || v.learning || ' ' || v.impact || ' ' || coalesce(v.peer_reflection, ''))`;
