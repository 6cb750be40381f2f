-- 1
SELECT m.organisation_id, m.roles::text[] AS roles, m.team_id, m.active, m.ends_on::text AS ends_on,
              o.leaver_retention_days
         FROM membership m
         JOIN organisation o ON o.id = m.organisation_id
        WHERE m.organisation_id = $1 AND m.user_id = $2 AND (m.active OR m.ends_on IS NOT NULL)
          AND ($3::uuid IS NULL OR EXISTS (
                SELECT 1 FROM auth_session s
                 WHERE s.family_id = $3 AND s.revoked_at IS NULL AND s.expires_at > now()));

-- 2
SELECT "MembershipEntity"."organisation_id" AS "MembershipEntity_organisation_id", "MembershipEntity"."id" AS "MembershipEntity_id", "MembershipEntity"."user_id" AS "MembershipEntity_user_id", "MembershipEntity"."roles" AS "MembershipEntity_roles", "MembershipEntity"."team_id" AS "MembershipEntity_team_id", "MembershipEntity"."active" AS "MembershipEntity_active", "MembershipEntity"."ends_on" AS "MembershipEntity_ends_on", "MembershipEntity"."legal_hold_reason" AS "MembershipEntity_legal_hold_reason", "MembershipEntity"."revision" AS "MembershipEntity_revision", "MembershipEntity"."created_at" AS "MembershipEntity_created_at" FROM "membership" "MembershipEntity" WHERE (("MembershipEntity"."organisation_id" = $1) AND ("MembershipEntity"."user_id" = $2)) LIMIT 1;

-- 3
SELECT "AssessorRelationshipEntity"."organisation_id" AS "AssessorRelationshipEntity_organisation_id", "AssessorRelationshipEntity"."id" AS "AssessorRelationshipEntity_id", "AssessorRelationshipEntity"."assessor_user_id" AS "AssessorRelationshipEntity_assessor_user_id", "AssessorRelationshipEntity"."practitioner_user_id" AS "AssessorRelationshipEntity_practitioner_user_id", "AssessorRelationshipEntity"."capacity" AS "AssessorRelationshipEntity_capacity", "AssessorRelationshipEntity"."starts_on" AS "AssessorRelationshipEntity_starts_on", "AssessorRelationshipEntity"."ends_on" AS "AssessorRelationshipEntity_ends_on", "AssessorRelationshipEntity"."created_by_user_id" AS "AssessorRelationshipEntity_created_by_user_id", "AssessorRelationshipEntity"."created_at" AS "AssessorRelationshipEntity_created_at" FROM "assessor_relationship" "AssessorRelationshipEntity" WHERE (("AssessorRelationshipEntity"."organisation_id" = $1) AND ("AssessorRelationshipEntity"."practitioner_user_id" = $2));

-- 4
SELECT "v"."organisation_id" AS "v_organisation_id", "v"."id" AS "v_id", "v"."evidence_id" AS "v_evidence_id", "v"."owner_user_id" AS "v_owner_user_id", "v"."version_no" AS "v_version_no", "v"."revision" AS "v_revision", "v"."status" AS "v_status", "v"."kind" AS "v_kind", "v"."cpd_activity_type" AS "v_cpd_activity_type", "v"."title" AS "v_title", "v"."date_from" AS "v_date_from", "v"."date_to" AS "v_date_to", "v"."hours" AS "v_hours", "v"."description" AS "v_description", "v"."learning" AS "v_learning", "v"."impact" AS "v_impact", "v"."peer_reflection" AS "v_peer_reflection", "v"."peer_role" AS "v_peer_role", "v"."peer_discussed_on" AS "v_peer_discussed_on", "v"."identifier_warnings" AS "v_identifier_warnings", "v"."identifiers_confirmed" AS "v_identifiers_confirmed", "v"."reviewer_user_id" AS "v_reviewer_user_id", "v"."assessment_context" AS "v_assessment_context", "v"."submitted_at" AS "v_submitted_at", "v"."created_by_user_id" AS "v_created_by_user_id", "v"."created_at" AS "v_created_at", "v"."updated_at" AS "v_updated_at" FROM "evidence_version" "v" WHERE "v"."organisation_id" = $1 AND "v"."id" IN (SELECT DISTINCT ON ("v"."evidence_id") v.id
           FROM evidence_version v
          WHERE "v"."organisation_id" = $1 AND "v"."owner_user_id" = $2
          ORDER BY "v"."evidence_id", "v"."version_no" DESC) ORDER BY "v"."date_from" DESC, "v"."evidence_id" DESC LIMIT 21;

-- 5
SELECT v.organisation_id AS "organisationId", v.id, v.evidence_id AS "evidenceId",
  v.owner_user_id AS "ownerUserId", v.version_no AS "versionNo", v.revision, v.status, v.kind,
  v.cpd_activity_type AS "cpdActivityType", v.title, to_char(v.date_from, 'YYYY-MM-DD') AS "dateFrom",
  to_char(v.date_to, 'YYYY-MM-DD') AS "dateTo", v.hours, v.description, v.learning, v.impact,
  v.peer_reflection AS "peerReflection", v.peer_role AS "peerRole",
  to_char(v.peer_discussed_on, 'YYYY-MM-DD') AS "peerDiscussedOn", v.identifier_warnings AS "identifierWarnings",
  v.identifiers_confirmed AS "identifiersConfirmed", v.reviewer_user_id AS "reviewerUserId",
  v.assessment_context AS "assessmentContext", v.submitted_at AS "submittedAt",
  v.created_by_user_id AS "createdByUserId", v.created_at AS "createdAt", v.updated_at AS "updatedAt"
              
              , (SELECT json_build_object(
    'organisationId', r.organisation_id, 'id', r.id, 'evidenceVersionId', r.evidence_version_id,
    'reviewerUserId', r.reviewer_user_id, 'practitionerUserId', r.practitioner_user_id, 'outcome', r.outcome,
    'comment', r.comment, 'assessmentContext', r.assessment_context, 'capacity', r.capacity,
    'decidedOn', r.decided_on, 'decidedAt', r.decided_at, 'standing', r.standing)
  FROM evidence_review r WHERE r.organisation_id = v.organisation_id AND r.evidence_version_id = v.id) AS review
              
         FROM evidence_version v
        WHERE v.organisation_id = $1 AND v.evidence_id = ANY($2::uuid[]) 
        ORDER BY v.evidence_id, v.version_no DESC;

-- 6
SELECT (SELECT coalesce(json_agg(json_build_object(
                 'id', i.id, 'frameworkVersionId', i.framework_version_id, 'parentId', i.parent_id, 'code', i.code,
                 'kind', i.kind, 'ordinal', i.ordinal, 'title', i.title, 'description', i.description,
                 'confirmed', i.confirmed, 'attributes', i.attributes)), '[]')
                 FROM framework_item i WHERE i.id = ANY($1::uuid[])) AS items,
              (SELECT coalesce(json_agg(json_build_object(
                 'id', l.id, 'frameworkVersionId', l.framework_version_id, 'code', l.code, 'ordinal', l.ordinal,
                 'name', l.name, 'groupName', l.group_name, 'description', l.description, 'confirmed', l.confirmed)), '[]')
                 FROM framework_level l WHERE l.id = ANY($2::uuid[])) AS levels,
              (SELECT coalesce(json_agg(json_build_object(
                 'id', p.id, 'frameworkLevelId', p.framework_level_id, 'code', p.code, 'ordinal', p.ordinal,
                 'name', p.name, 'description', p.description, 'confirmed', p.confirmed)), '[]')
                 FROM framework_level_pathway p WHERE p.id = ANY($3::uuid[])) AS pathways,
              (SELECT coalesce(json_agg(json_build_object(
                 'id', u.id, 'email', u.email, 'fullName', u.full_name, 'regulator', u.regulator,
                 'registrationNumber', u.registration_number, 'dateQualified', u.date_qualified)), '[]')
                 FROM app_user u WHERE u.id = ANY($4::uuid[])
                  AND EXISTS (SELECT 1 FROM membership m WHERE m.organisation_id = $5 AND m.user_id = u.id)) AS users;

-- 7
SELECT "m"."organisation_id" AS "m_organisation_id", "m"."id" AS "m_id", "m"."evidence_version_id" AS "m_evidence_version_id", "m"."position" AS "m_position", "m"."framework_item_id" AS "m_framework_item_id", "m"."framework_level_id" AS "m_framework_level_id", "m"."framework_level_pathway_id" AS "m_framework_level_pathway_id", "m"."rationale" AS "m_rationale", "m"."decision" AS "m_decision", "m"."accepted_level_id" AS "m_accepted_level_id", "m"."accepted_pathway_id" AS "m_accepted_pathway_id", "m"."decision_comment" AS "m_decision_comment" FROM "evidence_mapping" "m" WHERE "m"."organisation_id" = $1 AND "m"."evidence_version_id" IN ($2, $3) ORDER BY "m"."evidence_version_id" ASC, "m"."position" ASC;

-- 8
SELECT "a"."organisation_id" AS "a_organisation_id", "a"."id" AS "a_id", "a"."evidence_version_id" AS "a_evidence_version_id", "a"."file_name" AS "a_file_name", "a"."content_type" AS "a_content_type", "a"."size_bytes" AS "a_size_bytes", "a"."sha256" AS "a_sha256", "a"."storage_key" AS "a_storage_key", "a"."uploaded_by_user_id" AS "a_uploaded_by_user_id", "a"."created_at" AS "a_created_at" FROM "attachment" "a" WHERE "a"."organisation_id" = $1 AND "a"."evidence_version_id" IN ($2, $3) ORDER BY "a"."created_at" ASC, "a"."id" ASC;

-- 9
SELECT "r"."organisation_id" AS "r_organisation_id", "r"."id" AS "r_id", "r"."evidence_version_id" AS "r_evidence_version_id", "r"."reviewer_user_id" AS "r_reviewer_user_id", "r"."practitioner_user_id" AS "r_practitioner_user_id", "r"."outcome" AS "r_outcome", "r"."comment" AS "r_comment", "r"."assessment_context" AS "r_assessment_context", "r"."capacity" AS "r_capacity", "r"."decided_on" AS "r_decided_on", "r"."decided_at" AS "r_decided_at", "r"."standing" AS "r_standing" FROM "evidence_review" "r" WHERE "r"."organisation_id" = $1 AND "r"."evidence_version_id" IN ($2, $3);
