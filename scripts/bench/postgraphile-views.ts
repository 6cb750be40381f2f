import type pg from 'pg';

/** The schema PostGraphile serves in the bench: views over the real tables, nothing else. */
export const POSTGRAPHILE_SCHEMA = 'postgraphile_bench';

const S = POSTGRAPHILE_SCHEMA;
const ORG = `nullif(current_setting('pathways.organisation_id', true), '')::uuid`;
const USER = `nullif(current_setting('pathways.user_id', true), '')::uuid`;

/**
 * The same row visibility our API gives a practitioner reading their own portfolio, as views: each
 * shows only the rows of the organisation and person named in the transaction's settings, which the
 * PostGraphile server sets from the verified access token. Smart comments give the views the keys and
 * relations PostGraphile would otherwise read from constraints.
 */
const STATEMENTS = [
  `CREATE SCHEMA IF NOT EXISTS ${S}`,
  `CREATE OR REPLACE VIEW ${S}.evidence AS
     SELECT e.id, e.owner_user_id, e.created_at FROM public.evidence e
      WHERE e.organisation_id = ${ORG} AND e.owner_user_id = ${USER}`,
  `CREATE OR REPLACE VIEW ${S}.evidence_version AS
     SELECT v.id, v.evidence_id, v.version_no, v.status::text AS status, v.kind::text AS kind, v.title,
            v.date_from, v.created_at
       FROM public.evidence_version v
      WHERE v.organisation_id = ${ORG} AND v.owner_user_id = ${USER}`,
  `CREATE OR REPLACE VIEW ${S}.evidence_mapping AS
     SELECT m.id, m.evidence_version_id, m.position, m.framework_item_id, m.framework_level_id,
            m.accepted_level_id, m.decision::text AS decision
       FROM public.evidence_mapping m
      WHERE m.organisation_id = ${ORG}
        AND EXISTS (SELECT 1 FROM public.evidence_version v
                     WHERE v.organisation_id = m.organisation_id AND v.id = m.evidence_version_id
                       AND v.owner_user_id = ${USER})`,
  `CREATE OR REPLACE VIEW ${S}.evidence_review AS
     SELECT r.id, r.evidence_version_id, r.reviewer_user_id, r.outcome::text AS outcome, r.comment, r.decided_on
       FROM public.evidence_review r
      WHERE r.organisation_id = ${ORG} AND r.practitioner_user_id = ${USER}`,
  `CREATE OR REPLACE VIEW ${S}.framework_item AS SELECT i.id, i.code, i.title FROM public.framework_item i`,
  `CREATE OR REPLACE VIEW ${S}.framework_level AS SELECT l.id, l.code, l.name FROM public.framework_level l`,
  `CREATE OR REPLACE VIEW ${S}.person AS
     SELECT u.id, u.full_name FROM public.app_user u
      WHERE EXISTS (SELECT 1 FROM public.membership m WHERE m.organisation_id = ${ORG} AND m.user_id = u.id)`,
  `COMMENT ON VIEW ${S}.evidence IS E'@primaryKey id'`,
  `COMMENT ON VIEW ${S}.framework_item IS E'@primaryKey id'`,
  `COMMENT ON VIEW ${S}.framework_level IS E'@primaryKey id'`,
  `COMMENT ON VIEW ${S}.person IS E'@primaryKey id'`,
  `COMMENT ON VIEW ${S}.evidence_version IS E'@primaryKey id\\n@foreignKey (evidence_id) references ${S}.evidence (id)|@fieldName evidence|@foreignFieldName versions'`,
  `COMMENT ON VIEW ${S}.evidence_mapping IS E'@primaryKey id\\n@foreignKey (evidence_version_id) references ${S}.evidence_version (id)|@fieldName version|@foreignFieldName mappings\\n@foreignKey (framework_item_id) references ${S}.framework_item (id)|@fieldName item\\n@foreignKey (framework_level_id) references ${S}.framework_level (id)|@fieldName level\\n@foreignKey (accepted_level_id) references ${S}.framework_level (id)|@fieldName acceptedLevel'`,
  `COMMENT ON VIEW ${S}.evidence_review IS E'@primaryKey id\\n@unique evidence_version_id\\n@foreignKey (evidence_version_id) references ${S}.evidence_version (id)|@fieldName version|@foreignFieldName review\\n@foreignKey (reviewer_user_id) references ${S}.person (id)|@fieldName reviewer'`,
];

export async function createPostgraphileViews(client: pg.ClientBase): Promise<void> {
  for (const sql of STATEMENTS) await client.query(sql);
}
