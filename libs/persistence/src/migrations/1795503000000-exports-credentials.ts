import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Portfolios that travel: organisations' credential signing keys (private halves encrypted),
 * issued verifiable credentials with their verification codes, subject access exports, and
 * frameworks an organisation imported (CASE) beside the shared reference frameworks.
 */
export class ExportsCredentials1795503000000 implements MigrationInterface {
  name = 'ExportsCredentials1795503000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"signing_key\" (\"kid\" character varying(64) NOT NULL, \"organisation_id\" uuid NOT NULL, \"algorithm\" character varying(10) NOT NULL, \"public_jwk\" jsonb NOT NULL, \"encrypted_private_key\" text NOT NULL, \"created_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), \"retired_at\" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT \"PK_00d7e305393ab903d6eb06c11f9\" PRIMARY KEY (\"kid\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"signing_key_one_active\" ON \"signing_key\"  (\"organisation_id\") WHERE \"retired_at\" IS NULL");
    await queryRunner.query("CREATE TYPE \"public\".\"credential_kind\" AS ENUM('EVIDENCE_SIGN_OFF', 'STAGE_AWARD', 'QUALIFICATION')");
    await queryRunner.query("CREATE TABLE \"issued_credential\" (\"organisation_id\" uuid NOT NULL, \"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"kind\" \"public\".\"credential_kind\" NOT NULL, \"source_id\" uuid NOT NULL, \"subject_user_id\" uuid NOT NULL, \"verification_code\" character varying(20) NOT NULL, \"kid\" character varying(64) NOT NULL, \"jwt\" text NOT NULL, \"issued_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL, \"valid_until\" TIMESTAMP(3) WITH TIME ZONE, \"issued_by_user_id\" uuid NOT NULL, \"created_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"issued_credential_code_unique\" UNIQUE (\"verification_code\"), CONSTRAINT \"issued_credential_source_unique\" UNIQUE (\"organisation_id\", \"kind\", \"source_id\"), CONSTRAINT \"PK_881965fe54f835ec10da20afdc4\" PRIMARY KEY (\"organisation_id\", \"id\"))");
    await queryRunner.query("CREATE INDEX \"issued_credential_subject_idx\" ON \"issued_credential\"  (\"organisation_id\", \"subject_user_id\") ");
    await queryRunner.query("CREATE TYPE \"public\".\"subject_access_export_status\" AS ENUM('QUEUED', 'RUNNING', 'READY', 'FAILED')");
    await queryRunner.query("CREATE TABLE \"subject_access_export\" (\"organisation_id\" uuid NOT NULL, \"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"subject_user_id\" uuid NOT NULL, \"requested_by_user_id\" uuid NOT NULL, \"status\" \"public\".\"subject_access_export_status\" NOT NULL, \"requested_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL, \"completed_at\" TIMESTAMP(3) WITH TIME ZONE, \"storage_key\" character varying(200), \"size_bytes\" integer, \"sha256\" character(64), \"contents\" jsonb, \"created_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"subject_access_export_ready_has_file\" CHECK (\"status\" <> 'READY' OR (\"storage_key\" IS NOT NULL AND \"size_bytes\" IS NOT NULL AND \"sha256\" IS NOT NULL)), CONSTRAINT \"PK_a9d8bc3b3b8e7b471b3b7bfbc65\" PRIMARY KEY (\"organisation_id\", \"id\"))");
    await queryRunner.query("CREATE INDEX \"subject_access_export_subject_idx\" ON \"subject_access_export\"  (\"organisation_id\", \"subject_user_id\", \"requested_at\") ");
    await queryRunner.query("ALTER TABLE \"framework\" ADD \"organisation_id\" uuid");
    await queryRunner.query("ALTER TABLE \"framework\" DROP CONSTRAINT \"UQ_06a2f62114d039cc5bcd54b0327\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"framework_organisation_code_unique\" ON \"framework\"  (\"organisation_id\", \"code\") WHERE \"organisation_id\" IS NOT NULL");
    await queryRunner.query("CREATE UNIQUE INDEX \"framework_reference_code_unique\" ON \"framework\"  (\"code\") WHERE \"organisation_id\" IS NULL");
    await queryRunner.query("ALTER TABLE \"signing_key\" ADD CONSTRAINT \"FK_9fd2c7c86d2aeb2413a2a4e68f8\" FOREIGN KEY (\"organisation_id\") REFERENCES \"organisation\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"issued_credential\" ADD CONSTRAINT \"FK_d77183d645174e97cce0f6d9e3c\" FOREIGN KEY (\"kid\") REFERENCES \"signing_key\"(\"kid\") ON DELETE NO ACTION ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"issued_credential\" ADD CONSTRAINT \"FK_e2bc589076b0abfb41799475894\" FOREIGN KEY (\"organisation_id\", \"subject_user_id\") REFERENCES \"membership\"(\"organisation_id\",\"user_id\") ON DELETE NO ACTION ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"subject_access_export\" ADD CONSTRAINT \"FK_0506d1d0fac5665f24f3f03bc98\" FOREIGN KEY (\"organisation_id\", \"requested_by_user_id\") REFERENCES \"membership\"(\"organisation_id\",\"user_id\") ON DELETE NO ACTION ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"subject_access_export\" ADD CONSTRAINT \"FK_c05b02b15af9f65343dc6ac352d\" FOREIGN KEY (\"organisation_id\", \"subject_user_id\") REFERENCES \"membership\"(\"organisation_id\",\"user_id\") ON DELETE NO ACTION ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"subject_access_export\" DROP CONSTRAINT \"FK_c05b02b15af9f65343dc6ac352d\"");
    await queryRunner.query("ALTER TABLE \"subject_access_export\" DROP CONSTRAINT \"FK_0506d1d0fac5665f24f3f03bc98\"");
    await queryRunner.query("ALTER TABLE \"issued_credential\" DROP CONSTRAINT \"FK_e2bc589076b0abfb41799475894\"");
    await queryRunner.query("ALTER TABLE \"issued_credential\" DROP CONSTRAINT \"FK_d77183d645174e97cce0f6d9e3c\"");
    await queryRunner.query("ALTER TABLE \"signing_key\" DROP CONSTRAINT \"FK_9fd2c7c86d2aeb2413a2a4e68f8\"");
    await queryRunner.query("DROP INDEX \"public\".\"framework_reference_code_unique\"");
    await queryRunner.query("DROP INDEX \"public\".\"framework_organisation_code_unique\"");
    await queryRunner.query("ALTER TABLE \"framework\" ADD CONSTRAINT \"UQ_06a2f62114d039cc5bcd54b0327\" UNIQUE (\"code\")");
    await queryRunner.query("ALTER TABLE \"framework\" DROP COLUMN \"organisation_id\"");
    await queryRunner.query("DROP INDEX \"public\".\"subject_access_export_subject_idx\"");
    await queryRunner.query("DROP TABLE \"subject_access_export\"");
    await queryRunner.query("DROP TYPE \"public\".\"subject_access_export_status\"");
    await queryRunner.query("DROP INDEX \"public\".\"issued_credential_subject_idx\"");
    await queryRunner.query("DROP TABLE \"issued_credential\"");
    await queryRunner.query("DROP TYPE \"public\".\"credential_kind\"");
    await queryRunner.query("DROP INDEX \"public\".\"signing_key_one_active\"");
    await queryRunner.query("DROP TABLE \"signing_key\"");
  }
}
