import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ContributionRequests1796321490220 implements MigrationInterface {
  name = 'ContributionRequests1796321490220';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TYPE \"public\".\"contributor_role\" AS ENUM('PERSON_WHO_USES_SERVICES', 'CARER', 'PROFESSIONAL', 'PRACTICE_EDUCATOR')");
    await queryRunner.query("CREATE TABLE \"contribution_request\" (\"organisation_id\" uuid NOT NULL, \"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"practitioner_user_id\" uuid NOT NULL, \"evidence_id\" uuid NOT NULL, \"evidence_version_id\" uuid NOT NULL, \"token_hash\" character(64) NOT NULL, \"contributor_name\" character varying(200) NOT NULL, \"contributor_email\" character varying(320), \"contributor_role\" \"public\".\"contributor_role\" NOT NULL, \"expires_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL, \"used_at\" TIMESTAMP(3) WITH TIME ZONE, \"revoked_at\" TIMESTAMP(3) WITH TIME ZONE, \"stated_name\" character varying(200), \"stated_role\" \"public\".\"contributor_role\", \"stated_relationship\" character varying(500), \"stated_regulator\" \"public\".\"regulator\", \"stated_registration_number\" character varying(40), \"resulting_evidence_id\" uuid, \"created_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"contribution_request_email_lower\" CHECK (\"contributor_email\" IS NULL OR \"contributor_email\" = lower(\"contributor_email\")), CONSTRAINT \"contribution_request_used_has_result\" CHECK ((\"used_at\" IS NULL) = (\"resulting_evidence_id\" IS NULL) AND (\"used_at\" IS NULL) = (\"stated_name\" IS NULL)), CONSTRAINT \"contribution_request_closed_once\" CHECK (\"used_at\" IS NULL OR \"revoked_at\" IS NULL), CONSTRAINT \"PK_d0be3746b7bc83afd4d87bbd35e\" PRIMARY KEY (\"organisation_id\", \"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"contribution_request_result_unique\" ON \"contribution_request\"  (\"organisation_id\", \"resulting_evidence_id\") WHERE \"resulting_evidence_id\" IS NOT NULL");
    await queryRunner.query("CREATE INDEX \"contribution_request_version_idx\" ON \"contribution_request\"  (\"organisation_id\", \"evidence_id\", \"created_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"contribution_request_token_unique\" ON \"contribution_request\"  (\"token_hash\") ");
    await queryRunner.query("ALTER TABLE \"contribution_request\" ADD CONSTRAINT \"FK_02dc603a5a902e6ed9c4fd806e8\" FOREIGN KEY (\"organisation_id\", \"practitioner_user_id\") REFERENCES \"membership\"(\"organisation_id\",\"user_id\") ON DELETE NO ACTION ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"contribution_request\" ADD CONSTRAINT \"FK_5e9393c764d7e2ae58f1b015252\" FOREIGN KEY (\"organisation_id\", \"resulting_evidence_id\") REFERENCES \"evidence\"(\"organisation_id\",\"id\") ON DELETE NO ACTION ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"contribution_request\" ADD CONSTRAINT \"FK_0b3ec79d3285f471a9d87560eb2\" FOREIGN KEY (\"organisation_id\", \"evidence_version_id\") REFERENCES \"evidence_version\"(\"organisation_id\",\"id\") ON DELETE NO ACTION ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"contribution_request\" DROP CONSTRAINT \"FK_0b3ec79d3285f471a9d87560eb2\"");
    await queryRunner.query("ALTER TABLE \"contribution_request\" DROP CONSTRAINT \"FK_5e9393c764d7e2ae58f1b015252\"");
    await queryRunner.query("ALTER TABLE \"contribution_request\" DROP CONSTRAINT \"FK_02dc603a5a902e6ed9c4fd806e8\"");
    await queryRunner.query("DROP INDEX \"public\".\"contribution_request_token_unique\"");
    await queryRunner.query("DROP INDEX \"public\".\"contribution_request_version_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"contribution_request_result_unique\"");
    await queryRunner.query("DROP TABLE \"contribution_request\"");
    await queryRunner.query("DROP TYPE \"public\".\"contributor_role\"");
  }
}
