import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Countersignatures by one-time link: a request's purpose, and the judgement kept beside a review. */
export class Countersignatures1796351132456 implements MigrationInterface {
  name = 'Countersignatures1796351132456';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TYPE \"public\".\"contribution_purpose\" AS ENUM('FEEDBACK', 'COUNTERSIGNATURE')");
    await queryRunner.query("ALTER TABLE \"contribution_request\" ADD \"purpose\" \"public\".\"contribution_purpose\" NOT NULL DEFAULT 'FEEDBACK'");
    await queryRunner.query("ALTER TABLE \"contribution_request\" ADD \"countersigned_review_id\" uuid");
    await queryRunner.query("ALTER TABLE \"contribution_request\" ADD \"countersigns\" boolean");
    await queryRunner.query("ALTER TABLE \"contribution_request\" ADD \"countersign_comment\" text");
    await queryRunner.query("ALTER TABLE \"contribution_request\" DROP CONSTRAINT \"contribution_request_used_has_result\"");
    await queryRunner.query("ALTER TABLE \"contribution_request\" ADD CONSTRAINT \"contribution_request_used_has_result\" CHECK ((\"used_at\" IS NULL) = (\"stated_name\" IS NULL) AND (\"used_at\" IS NULL) = (\"resulting_evidence_id\" IS NULL AND \"countersigned_review_id\" IS NULL) AND (\"resulting_evidence_id\" IS NULL OR \"purpose\" = 'FEEDBACK') AND (\"countersigned_review_id\" IS NULL OR \"purpose\" = 'COUNTERSIGNATURE') AND (\"countersigned_review_id\" IS NULL) = (\"countersigns\" IS NULL))");
    await queryRunner.query("CREATE INDEX \"contribution_request_countersigned_review_idx\" ON \"contribution_request\"  (\"organisation_id\", \"countersigned_review_id\") WHERE \"countersigned_review_id\" IS NOT NULL");
    await queryRunner.query("ALTER TABLE \"contribution_request\" ADD CONSTRAINT \"FK_7269e79c60eccef680a8a3445dc\" FOREIGN KEY (\"organisation_id\", \"countersigned_review_id\") REFERENCES \"evidence_review\"(\"organisation_id\",\"id\") ON DELETE NO ACTION ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Countersignatures cannot be kept under the old rule: remove them first.
    await queryRunner.query("DELETE FROM \"contribution_request\" WHERE \"purpose\" = 'COUNTERSIGNATURE'");
    await queryRunner.query("ALTER TABLE \"contribution_request\" DROP CONSTRAINT \"contribution_request_used_has_result\"");
    await queryRunner.query("ALTER TABLE \"contribution_request\" ADD CONSTRAINT \"contribution_request_used_has_result\" CHECK ((\"used_at\" IS NULL) = (\"resulting_evidence_id\" IS NULL) AND (\"used_at\" IS NULL) = (\"stated_name\" IS NULL))");
    await queryRunner.query("ALTER TABLE \"contribution_request\" DROP CONSTRAINT \"FK_7269e79c60eccef680a8a3445dc\"");
    await queryRunner.query("DROP INDEX \"public\".\"contribution_request_countersigned_review_idx\"");
    await queryRunner.query("ALTER TABLE \"contribution_request\" DROP COLUMN \"countersign_comment\"");
    await queryRunner.query("ALTER TABLE \"contribution_request\" DROP COLUMN \"countersigns\"");
    await queryRunner.query("ALTER TABLE \"contribution_request\" DROP COLUMN \"countersigned_review_id\"");
    await queryRunner.query("ALTER TABLE \"contribution_request\" DROP COLUMN \"purpose\"");
    await queryRunner.query("DROP TYPE \"public\".\"contribution_purpose\"");
  }
}
