import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SignOffReconciliations1796408521275 implements MigrationInterface {
  name = 'SignOffReconciliations1796408521275';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TYPE \"public\".\"sign_off_reconciliation_outcome\" AS ENUM('UPHOLD', 'OVERTURN')");
    await queryRunner.query("CREATE TABLE \"sign_off_reconciliation\" (\"organisation_id\" uuid NOT NULL, \"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"review_id\" uuid NOT NULL, \"practitioner_user_id\" uuid NOT NULL, \"outcome\" \"public\".\"sign_off_reconciliation_outcome\" NOT NULL, \"reason\" text NOT NULL, \"reconciled_by_user_id\" uuid NOT NULL, \"reconciled_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL, CONSTRAINT \"sign_off_reconciliation_not_self\" CHECK (\"reconciled_by_user_id\" <> \"practitioner_user_id\"), CONSTRAINT \"sign_off_reconciliation_reason\" CHECK (length(btrim(\"reason\")) > 0), CONSTRAINT \"PK_6cf05ece5c68ec947822a95e3a1\" PRIMARY KEY (\"organisation_id\", \"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"sign_off_reconciliation_review_unique\" ON \"sign_off_reconciliation\"  (\"organisation_id\", \"review_id\") ");
    await queryRunner.query("ALTER TABLE \"sign_off_reconciliation\" ADD CONSTRAINT \"FK_a132828c3e35861460abf068d91\" FOREIGN KEY (\"organisation_id\", \"reconciled_by_user_id\") REFERENCES \"membership\"(\"organisation_id\",\"user_id\") ON DELETE NO ACTION ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"sign_off_reconciliation\" ADD CONSTRAINT \"FK_1d025e8401e3afeb5ce0aaae2fc\" FOREIGN KEY (\"organisation_id\", \"review_id\") REFERENCES \"evidence_review\"(\"organisation_id\",\"id\") ON DELETE NO ACTION ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"sign_off_reconciliation\" DROP CONSTRAINT \"FK_1d025e8401e3afeb5ce0aaae2fc\"");
    await queryRunner.query("ALTER TABLE \"sign_off_reconciliation\" DROP CONSTRAINT \"FK_a132828c3e35861460abf068d91\"");
    await queryRunner.query("DROP INDEX \"public\".\"sign_off_reconciliation_review_unique\"");
    await queryRunner.query("DROP TABLE \"sign_off_reconciliation\"");
    await queryRunner.query("DROP TYPE \"public\".\"sign_off_reconciliation_outcome\"");
  }
}
