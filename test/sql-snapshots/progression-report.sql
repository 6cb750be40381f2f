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
SELECT "v"."organisation_id" AS "v_organisation_id", "v"."id" AS "v_id", "v"."pathway_id" AS "v_pathway_id", "v"."version_no" AS "v_version_no", "v"."status" AS "v_status", "v"."design" AS "v_design", "v"."revision" AS "v_revision", "v"."created_by_user_id" AS "v_created_by_user_id", "v"."published_by_user_id" AS "v_published_by_user_id", "v"."published_at" AS "v_published_at", "v"."retired_at" AS "v_retired_at", "v"."created_at" AS "v_created_at", "v"."updated_at" AS "v_updated_at" FROM "pathway_version" "v" INNER JOIN "pathway" "p" ON "p"."organisation_id" = "v"."organisation_id" AND "p"."id" = "v"."pathway_id" WHERE "v"."organisation_id" = $1 AND "v"."status" = 'PUBLISHED' ORDER BY "p"."created_at" ASC, "p"."id" ASC;

-- 3
SELECT route_key, count(*)::int AS n FROM progression_application
        WHERE organisation_id = $1 AND pathway_version_id = $2 AND status = 'OPEN' GROUP BY route_key;

-- 4
SELECT m.user_id, u.full_name, to_char(u.date_qualified, 'YYYY-MM-DD') AS date_qualified, m.team_id
         FROM membership m JOIN app_user u ON u.id = m.user_id
        WHERE m.organisation_id = $1 AND m.active AND 'PRACTITIONER' = ANY(m.roles)
          AND ($2::uuid[] IS NULL OR m.user_id = ANY($2))
        ORDER BY m.user_id;

-- 5
SELECT "s"."organisation_id" AS "s_organisation_id", "s"."id" AS "s_id", "s"."user_id" AS "s_user_id", "s"."pathway_id" AS "s_pathway_id", "s"."stage_key" AS "s_stage_key", "s"."from_date" AS "s_from_date", "s"."to_date" AS "s_to_date", "s"."how_decided" AS "s_how_decided", "s"."application_id" AS "s_application_id", "s"."recorded_by_user_id" AS "s_recorded_by_user_id", "s"."created_at" AS "s_created_at" FROM "practitioner_stage" "s" WHERE "s"."organisation_id" = $1 AND "s"."pathway_id" = $2 ORDER BY "s"."user_id" ASC, "s"."from_date" ASC, "s"."id" ASC;

-- 6
SELECT user_id, type, to_char(awarded_on, 'YYYY-MM-DD') AS awarded_on, to_char(expires_on, 'YYYY-MM-DD') AS expires_on,
              credits, verified_by_user_id IS NOT NULL AS verified
         FROM qualification
        WHERE organisation_id = $1 AND ($2::uuid[] IS NULL OR user_id = ANY($2));

-- 7
WITH pieces AS (
         SELECT v.owner_user_id,
                v.evidence_id || ' ' || v.kind || ' ' || to_char(coalesce(v.date_to, v.date_from), 'YYYY-MM-DD')
                  || ' ' || string_agg(i.position || ' ' || coalesce(l.position, 0), ' ') AS piece
           FROM evidence_version v
           JOIN evidence_mapping m ON m.organisation_id = $1 AND m.evidence_version_id = v.id
           JOIN unnest($3::uuid[]) WITH ORDINALITY AS i(id, position) ON i.id = m.framework_item_id
           LEFT JOIN unnest($4::uuid[]) WITH ORDINALITY AS l(id, position) ON l.id = m.accepted_level_id
          WHERE v.organisation_id = $1 AND v.status = 'APPROVED' AND NOT EXISTS (
         SELECT 1 FROM evidence_version later
          WHERE later.organisation_id = $1 AND later.evidence_id = v.evidence_id
            AND later.status = 'APPROVED' AND later.version_no > v.version_no) AND ($2::uuid[] IS NULL OR v.owner_user_id = ANY($2))
            AND m.decision IN ('ACCEPTED', 'ACCEPTED_AT_OTHER_LEVEL')
          GROUP BY v.organisation_id, v.id
       )
       SELECT owner_user_id AS user_id, string_agg(piece, ';') AS pieces FROM pieces GROUP BY owner_user_id;

-- 8
SELECT v.owner_user_id AS "userId", v.evidence_id AS "evidenceId", v.kind,
              to_char(coalesce(v.date_to, v.date_from), 'YYYY-MM-DD') AS date,
              d.framework_item_id AS "itemId", d.via, m.decision
         FROM derived_evidence_mapping d
         JOIN evidence_mapping m ON m.organisation_id = $1 AND m.id = d.source_mapping_id
         JOIN evidence_version v ON v.organisation_id = $1 AND v.id = m.evidence_version_id
        WHERE d.organisation_id = $1 AND v.status = 'APPROVED' AND NOT EXISTS (
         SELECT 1 FROM evidence_version later
          WHERE later.organisation_id = $1 AND later.evidence_id = v.evidence_id
            AND later.status = 'APPROVED' AND later.version_no > v.version_no)
          AND m.decision IN ('ACCEPTED', 'ACCEPTED_AT_OTHER_LEVEL')
          AND ($2::uuid[] IS NULL OR v.owner_user_id = ANY($2));

-- 9
SELECT m.user_id, m.roles::text[] AS roles, m.team_id, m.active, u.regulator, u.registration_number,
              to_char(u.date_qualified, 'YYYY-MM-DD') AS date_qualified, m.created_at
         FROM membership m JOIN app_user u ON u.id = m.user_id
        WHERE m.organisation_id = $1
          AND ($2::uuid IS NULL OR m.team_id = $2)
          AND ($3::uuid[] IS NULL OR m.user_id = ANY($3))
          AND ($4::text IS NULL OR $4 = ANY(m.roles::text[]))
        ORDER BY m.user_id;

-- 10
SELECT evidence_id, owner_user_id, kind, to_char(date_from, 'YYYY-MM-DD') AS date_from,
              to_char(date_to, 'YYYY-MM-DD') AS date_to, hours, status,
              CASE WHEN shares_day THEN title ELSE left(btrim(title, $3), 1) END AS title, CASE WHEN shares_day THEN description ELSE left(btrim(description, $3), 1) END AS description,
              CASE WHEN shares_day THEN learning ELSE left(btrim(learning, $3), 1) END AS learning, CASE WHEN shares_day THEN impact ELSE left(btrim(impact, $3), 1) END AS impact,
              left(btrim(peer_reflection, $3), 1) AS peer_reflection
         FROM (SELECT newest.*, count(*) OVER (PARTITION BY owner_user_id, date_from) > 1 AS shares_day
                 FROM (SELECT DISTINCT ON (evidence_id) evidence_id, owner_user_id, kind, date_from, date_to, hours, title, description, learning, impact, peer_reflection, status
           FROM evidence_version
          WHERE organisation_id = $1 AND owner_user_id = ANY($2) AND kind = 'CPD_ACTIVITY'
          ORDER BY evidence_id, version_no DESC) newest) pieces;

-- 11
SELECT "d"."organisation_id" AS "d_organisation_id", "d"."id" AS "d_id", "d"."user_id" AS "d_user_id", "d"."regulator" AS "d_regulator", "d"."made_on" AS "d_made_on", "d"."rule_set_id" AS "d_rule_set_id", "d"."created_at" AS "d_created_at" FROM "cpd_declaration" "d" WHERE "d"."organisation_id" = $1 AND "d"."user_id" IN ($2) ORDER BY "d"."made_on" ASC;
