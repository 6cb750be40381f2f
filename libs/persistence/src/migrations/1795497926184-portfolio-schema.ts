import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Evidence, its versions, mappings, reviews and attachments; members' qualifications. */
export class PortfolioSchema1795497926184 implements MigrationInterface {
  name = 'PortfolioSchema1795497926184';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"evidence\" (\"organisation_id\" uuid NOT NULL, \"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"owner_user_id\" uuid NOT NULL, \"created_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_79114ac512b5ac103d35ef458c8\" PRIMARY KEY (\"organisation_id\", \"id\"))");
    await queryRunner.query("CREATE INDEX \"evidence_owner_idx\" ON \"evidence\"  (\"organisation_id\", \"owner_user_id\", \"created_at\", \"id\") ");
    await queryRunner.query("CREATE TYPE \"public\".\"evidence_status\" AS ENUM('DRAFT', 'SUBMITTED', 'APPROVED', 'CHANGES_REQUESTED')");
    await queryRunner.query("CREATE TYPE \"public\".\"evidence_kind\" AS ENUM('CPD_ACTIVITY', 'DIRECT_OBSERVATION', 'SERVICE_USER_FEEDBACK', 'PROFESSIONAL_FEEDBACK', 'WRITTEN_REPORT', 'CRITICAL_REFLECTION', 'SUPERVISION_REFLECTION', 'CERTIFICATE')");
    await queryRunner.query("CREATE TYPE \"public\".\"cpd_activity_type\" AS ENUM('TRAINING', 'E_LEARNING', 'READING_OR_RESEARCH', 'PODCAST_OR_WEBINAR', 'SHADOWING', 'SUPERVISION', 'FEEDBACK', 'PROJECT_WORK', 'TEACHING_OR_PRESENTING', 'CONFERENCE', 'ASYE_WORK', 'OTHER')");
    await queryRunner.query("CREATE TYPE \"public\".\"assessment_context\" AS ENUM('FIRST_PLACEMENT', 'FINAL_PLACEMENT', 'ASYE', 'CPD')");
    await queryRunner.query("CREATE TABLE \"evidence_version\" (\"organisation_id\" uuid NOT NULL, \"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"evidence_id\" uuid NOT NULL, \"owner_user_id\" uuid NOT NULL, \"version_no\" integer NOT NULL, \"revision\" integer NOT NULL DEFAULT '1', \"status\" \"public\".\"evidence_status\" NOT NULL, \"kind\" \"public\".\"evidence_kind\" NOT NULL, \"cpd_activity_type\" \"public\".\"cpd_activity_type\", \"title\" character varying(200) NOT NULL, \"date_from\" date NOT NULL, \"date_to\" date, \"hours\" numeric(5,2), \"description\" text NOT NULL, \"learning\" text NOT NULL, \"impact\" text NOT NULL, \"peer_reflection\" text, \"peer_role\" character varying(100), \"peer_discussed_on\" date, \"identifier_warnings\" jsonb NOT NULL DEFAULT '[]', \"identifiers_confirmed\" boolean NOT NULL DEFAULT false, \"reviewer_user_id\" uuid, \"assessment_context\" \"public\".\"assessment_context\", \"submitted_at\" TIMESTAMP(3) WITH TIME ZONE, \"created_by_user_id\" uuid NOT NULL, \"created_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"evidence_version_number_unique\" UNIQUE (\"organisation_id\", \"evidence_id\", \"version_no\"), CONSTRAINT \"evidence_version_submitted_has_reviewer\" CHECK (\"status\" = 'DRAFT' OR (\"reviewer_user_id\" IS NOT NULL AND \"submitted_at\" IS NOT NULL AND \"assessment_context\" IS NOT NULL)), CONSTRAINT \"evidence_version_not_self_review\" CHECK (\"reviewer_user_id\" IS NULL OR \"reviewer_user_id\" <> \"owner_user_id\"), CONSTRAINT \"evidence_version_hours\" CHECK (\"hours\" IS NULL OR (\"hours\" >= 0 AND \"hours\" <= 999)), CONSTRAINT \"evidence_version_dates\" CHECK (\"date_to\" IS NULL OR \"date_to\" >= \"date_from\"), CONSTRAINT \"evidence_version_cpd_type\" CHECK ((\"kind\" = 'CPD_ACTIVITY') = (\"cpd_activity_type\" IS NOT NULL)), CONSTRAINT \"PK_41d9d2cccdce094ad173bf6dbf8\" PRIMARY KEY (\"organisation_id\", \"id\"))");
    await queryRunner.query("CREATE INDEX \"evidence_version_queue_idx\" ON \"evidence_version\"  (\"organisation_id\", \"reviewer_user_id\", \"status\", \"submitted_at\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"evidence_version_owner_idx\" ON \"evidence_version\"  (\"organisation_id\", \"owner_user_id\", \"evidence_id\", \"version_no\") ");
    await queryRunner.query("CREATE TABLE \"attachment\" (\"organisation_id\" uuid NOT NULL, \"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"evidence_version_id\" uuid NOT NULL, \"file_name\" character varying(255) NOT NULL, \"content_type\" character varying(100) NOT NULL, \"size_bytes\" integer NOT NULL, \"sha256\" character(64) NOT NULL, \"storage_key\" character varying(200) NOT NULL, \"uploaded_by_user_id\" uuid NOT NULL, \"created_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"attachment_size\" CHECK (\"size_bytes\" > 0), CONSTRAINT \"PK_4cebe6bb57708df0729165d61e3\" PRIMARY KEY (\"organisation_id\", \"id\"))");
    await queryRunner.query("CREATE INDEX \"attachment_version_idx\" ON \"attachment\"  (\"organisation_id\", \"evidence_version_id\") ");
    await queryRunner.query("CREATE TYPE \"public\".\"mapping_decision\" AS ENUM('ACCEPTED', 'ACCEPTED_AT_OTHER_LEVEL', 'NOT_ACCEPTED')");
    await queryRunner.query("CREATE TABLE \"evidence_mapping\" (\"organisation_id\" uuid NOT NULL, \"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"evidence_version_id\" uuid NOT NULL, \"position\" smallint NOT NULL, \"framework_item_id\" uuid NOT NULL, \"framework_level_id\" uuid, \"framework_level_pathway_id\" uuid, \"rationale\" text NOT NULL, \"decision\" \"public\".\"mapping_decision\", \"accepted_level_id\" uuid, \"accepted_pathway_id\" uuid, \"decision_comment\" text, CONSTRAINT \"evidence_mapping_item_unique\" UNIQUE (\"organisation_id\", \"evidence_version_id\", \"framework_item_id\"), CONSTRAINT \"PK_d15db81578e296f6ca3e4b3ac83\" PRIMARY KEY (\"organisation_id\", \"id\"))");
    await queryRunner.query("CREATE INDEX \"evidence_mapping_version_idx\" ON \"evidence_mapping\"  (\"organisation_id\", \"evidence_version_id\") ");
    await queryRunner.query("CREATE TYPE \"public\".\"review_outcome\" AS ENUM('APPROVE', 'REQUEST_CHANGES')");
    await queryRunner.query("CREATE TABLE \"evidence_review\" (\"organisation_id\" uuid NOT NULL, \"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"evidence_version_id\" uuid NOT NULL, \"reviewer_user_id\" uuid NOT NULL, \"practitioner_user_id\" uuid NOT NULL, \"outcome\" \"public\".\"review_outcome\" NOT NULL, \"comment\" text NOT NULL, \"assessment_context\" \"public\".\"assessment_context\" NOT NULL, \"capacity\" \"public\".\"assessor_capacity\" NOT NULL, \"decided_on\" date NOT NULL, \"decided_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), \"standing\" jsonb NOT NULL, CONSTRAINT \"evidence_review_version_unique\" UNIQUE (\"organisation_id\", \"evidence_version_id\"), CONSTRAINT \"evidence_review_not_self\" CHECK (\"reviewer_user_id\" <> \"practitioner_user_id\"), CONSTRAINT \"PK_511957c64d1d9ded418e08682cf\" PRIMARY KEY (\"organisation_id\", \"id\"))");
    await queryRunner.query("CREATE INDEX \"evidence_review_reviewer_idx\" ON \"evidence_review\"  (\"organisation_id\", \"reviewer_user_id\", \"decided_at\") ");
    await queryRunner.query("CREATE TYPE \"public\".\"qualification_type\" AS ENUM('PEPS_STAGE_1', 'PEPS_STAGE_2', 'ASYE_COMPLETED', 'AMHP', 'BIA', 'PQ_CREDITS', 'PQ_AWARD', 'OTHER')");
    await queryRunner.query("CREATE TABLE \"qualification\" (\"organisation_id\" uuid NOT NULL, \"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"user_id\" uuid NOT NULL, \"type\" \"public\".\"qualification_type\" NOT NULL, \"title\" character varying(200) NOT NULL, \"awarded_on\" date NOT NULL, \"expires_on\" date, \"credits\" integer, \"verified_by_user_id\" uuid, \"verified_at\" TIMESTAMP WITH TIME ZONE, \"recorded_by_user_id\" uuid NOT NULL, \"created_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"qualification_not_self_verified\" CHECK (\"verified_by_user_id\" IS NULL OR \"verified_by_user_id\" <> \"user_id\"), CONSTRAINT \"qualification_credits\" CHECK (\"credits\" IS NULL OR \"credits\" >= 0), CONSTRAINT \"qualification_dates\" CHECK (\"expires_on\" IS NULL OR \"expires_on\" >= \"awarded_on\"), CONSTRAINT \"PK_15c8c82de5954c793725debb189\" PRIMARY KEY (\"organisation_id\", \"id\"))");
    await queryRunner.query("CREATE INDEX \"qualification_user_idx\" ON \"qualification\"  (\"organisation_id\", \"user_id\") ");
    await queryRunner.query("ALTER TABLE \"evidence\" ADD CONSTRAINT \"FK_bbe238c823682a89c19b85a090d\" FOREIGN KEY (\"organisation_id\", \"owner_user_id\") REFERENCES \"membership\"(\"organisation_id\",\"user_id\") ON DELETE NO ACTION ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"evidence_version\" ADD CONSTRAINT \"FK_04480cedcf192832606d42edd90\" FOREIGN KEY (\"organisation_id\", \"reviewer_user_id\") REFERENCES \"membership\"(\"organisation_id\",\"user_id\") ON DELETE NO ACTION ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"evidence_version\" ADD CONSTRAINT \"FK_0af2011a49cae36e42cba69aa19\" FOREIGN KEY (\"organisation_id\", \"owner_user_id\") REFERENCES \"membership\"(\"organisation_id\",\"user_id\") ON DELETE NO ACTION ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"evidence_version\" ADD CONSTRAINT \"FK_9b5e1011918ff849272c0cd0140\" FOREIGN KEY (\"organisation_id\", \"evidence_id\") REFERENCES \"evidence\"(\"organisation_id\",\"id\") ON DELETE NO ACTION ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"attachment\" ADD CONSTRAINT \"FK_44c57d9cee04e5b060eeeda349c\" FOREIGN KEY (\"organisation_id\", \"evidence_version_id\") REFERENCES \"evidence_version\"(\"organisation_id\",\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"evidence_mapping\" ADD CONSTRAINT \"FK_1005a51cbb603621b7d606a3505\" FOREIGN KEY (\"accepted_pathway_id\") REFERENCES \"framework_level_pathway\"(\"id\") ON DELETE NO ACTION ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"evidence_mapping\" ADD CONSTRAINT \"FK_a84bde699aca02f634fa313988e\" FOREIGN KEY (\"accepted_level_id\") REFERENCES \"framework_level\"(\"id\") ON DELETE NO ACTION ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"evidence_mapping\" ADD CONSTRAINT \"FK_9200d2a1cde59ced8370cd51f07\" FOREIGN KEY (\"framework_level_pathway_id\") REFERENCES \"framework_level_pathway\"(\"id\") ON DELETE NO ACTION ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"evidence_mapping\" ADD CONSTRAINT \"FK_1e2e577d60f1524172d7786e86c\" FOREIGN KEY (\"framework_level_id\") REFERENCES \"framework_level\"(\"id\") ON DELETE NO ACTION ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"evidence_mapping\" ADD CONSTRAINT \"FK_c2042725430189b493c5bf1fc00\" FOREIGN KEY (\"framework_item_id\") REFERENCES \"framework_item\"(\"id\") ON DELETE NO ACTION ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"evidence_mapping\" ADD CONSTRAINT \"FK_7c916cf0fc08c7a76e6917ff1fe\" FOREIGN KEY (\"organisation_id\", \"evidence_version_id\") REFERENCES \"evidence_version\"(\"organisation_id\",\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"evidence_review\" ADD CONSTRAINT \"FK_71df4ac3059cdb40967394b3a52\" FOREIGN KEY (\"organisation_id\", \"practitioner_user_id\") REFERENCES \"membership\"(\"organisation_id\",\"user_id\") ON DELETE NO ACTION ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"evidence_review\" ADD CONSTRAINT \"FK_d5fccb3738ecc50bbf48230ec17\" FOREIGN KEY (\"organisation_id\", \"reviewer_user_id\") REFERENCES \"membership\"(\"organisation_id\",\"user_id\") ON DELETE NO ACTION ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"evidence_review\" ADD CONSTRAINT \"FK_184a104a5f0eeefb07efe7a5890\" FOREIGN KEY (\"organisation_id\", \"evidence_version_id\") REFERENCES \"evidence_version\"(\"organisation_id\",\"id\") ON DELETE NO ACTION ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"qualification\" ADD CONSTRAINT \"FK_1b7cf546b486f7e14b87900a1c2\" FOREIGN KEY (\"organisation_id\", \"verified_by_user_id\") REFERENCES \"membership\"(\"organisation_id\",\"user_id\") ON DELETE NO ACTION ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"qualification\" ADD CONSTRAINT \"FK_658f5c82ad0f34e89a7a422114d\" FOREIGN KEY (\"organisation_id\", \"user_id\") REFERENCES \"membership\"(\"organisation_id\",\"user_id\") ON DELETE NO ACTION ON UPDATE NO ACTION");
    // Full-text search over the title and the reflections (websearch_to_tsquery in the portfolio query).
    await queryRunner.query(
      `CREATE INDEX "evidence_version_search_idx" ON "evidence_version" USING gin (to_tsvector('english', "title" || ' ' || "description" || ' ' || "learning" || ' ' || "impact" || ' ' || coalesce("peer_reflection", '')))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "evidence_version_search_idx"`);
    await queryRunner.query("ALTER TABLE \"qualification\" DROP CONSTRAINT \"FK_658f5c82ad0f34e89a7a422114d\"");
    await queryRunner.query("ALTER TABLE \"qualification\" DROP CONSTRAINT \"FK_1b7cf546b486f7e14b87900a1c2\"");
    await queryRunner.query("ALTER TABLE \"evidence_review\" DROP CONSTRAINT \"FK_184a104a5f0eeefb07efe7a5890\"");
    await queryRunner.query("ALTER TABLE \"evidence_review\" DROP CONSTRAINT \"FK_d5fccb3738ecc50bbf48230ec17\"");
    await queryRunner.query("ALTER TABLE \"evidence_review\" DROP CONSTRAINT \"FK_71df4ac3059cdb40967394b3a52\"");
    await queryRunner.query("ALTER TABLE \"evidence_mapping\" DROP CONSTRAINT \"FK_7c916cf0fc08c7a76e6917ff1fe\"");
    await queryRunner.query("ALTER TABLE \"evidence_mapping\" DROP CONSTRAINT \"FK_c2042725430189b493c5bf1fc00\"");
    await queryRunner.query("ALTER TABLE \"evidence_mapping\" DROP CONSTRAINT \"FK_1e2e577d60f1524172d7786e86c\"");
    await queryRunner.query("ALTER TABLE \"evidence_mapping\" DROP CONSTRAINT \"FK_9200d2a1cde59ced8370cd51f07\"");
    await queryRunner.query("ALTER TABLE \"evidence_mapping\" DROP CONSTRAINT \"FK_a84bde699aca02f634fa313988e\"");
    await queryRunner.query("ALTER TABLE \"evidence_mapping\" DROP CONSTRAINT \"FK_1005a51cbb603621b7d606a3505\"");
    await queryRunner.query("ALTER TABLE \"attachment\" DROP CONSTRAINT \"FK_44c57d9cee04e5b060eeeda349c\"");
    await queryRunner.query("ALTER TABLE \"evidence_version\" DROP CONSTRAINT \"FK_9b5e1011918ff849272c0cd0140\"");
    await queryRunner.query("ALTER TABLE \"evidence_version\" DROP CONSTRAINT \"FK_0af2011a49cae36e42cba69aa19\"");
    await queryRunner.query("ALTER TABLE \"evidence_version\" DROP CONSTRAINT \"FK_04480cedcf192832606d42edd90\"");
    await queryRunner.query("ALTER TABLE \"evidence\" DROP CONSTRAINT \"FK_bbe238c823682a89c19b85a090d\"");
    await queryRunner.query("DROP INDEX \"public\".\"qualification_user_idx\"");
    await queryRunner.query("DROP TABLE \"qualification\"");
    await queryRunner.query("DROP TYPE \"public\".\"qualification_type\"");
    await queryRunner.query("DROP INDEX \"public\".\"evidence_review_reviewer_idx\"");
    await queryRunner.query("DROP TABLE \"evidence_review\"");
    await queryRunner.query("DROP TYPE \"public\".\"review_outcome\"");
    await queryRunner.query("DROP INDEX \"public\".\"evidence_mapping_version_idx\"");
    await queryRunner.query("DROP TABLE \"evidence_mapping\"");
    await queryRunner.query("DROP TYPE \"public\".\"mapping_decision\"");
    await queryRunner.query("DROP INDEX \"public\".\"attachment_version_idx\"");
    await queryRunner.query("DROP TABLE \"attachment\"");
    await queryRunner.query("DROP INDEX \"public\".\"evidence_version_owner_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"evidence_version_queue_idx\"");
    await queryRunner.query("DROP TABLE \"evidence_version\"");
    await queryRunner.query("DROP TYPE \"public\".\"assessment_context\"");
    await queryRunner.query("DROP TYPE \"public\".\"cpd_activity_type\"");
    await queryRunner.query("DROP TYPE \"public\".\"evidence_kind\"");
    await queryRunner.query("DROP TYPE \"public\".\"evidence_status\"");
    await queryRunner.query("DROP INDEX \"public\".\"evidence_owner_idx\"");
    await queryRunner.query("DROP TABLE \"evidence\"");
  }
}
