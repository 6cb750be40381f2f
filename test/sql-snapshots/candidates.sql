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
SELECT m.user_id, u.full_name, to_char(u.date_qualified, 'YYYY-MM-DD') AS date_qualified, m.team_id
         FROM membership m JOIN app_user u ON u.id = m.user_id
        WHERE m.organisation_id = $1 AND m.active AND 'PRACTITIONER' = ANY(m.roles)
          AND ($2::uuid[] IS NULL OR m.user_id = ANY($2))
        ORDER BY m.user_id;

-- 4
SELECT "s"."organisation_id" AS "s_organisation_id", "s"."id" AS "s_id", "s"."user_id" AS "s_user_id", "s"."pathway_id" AS "s_pathway_id", "s"."stage_key" AS "s_stage_key", "s"."from_date" AS "s_from_date", "s"."to_date" AS "s_to_date", "s"."how_decided" AS "s_how_decided", "s"."application_id" AS "s_application_id", "s"."recorded_by_user_id" AS "s_recorded_by_user_id", "s"."created_at" AS "s_created_at" FROM "practitioner_stage" "s" WHERE "s"."organisation_id" = $1 AND "s"."pathway_id" = $2 ORDER BY "s"."user_id" ASC, "s"."from_date" ASC, "s"."id" ASC;
