import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CredentialRevocation1796290912057 implements MigrationInterface {
  name = 'CredentialRevocation1796290912057';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"credential_status_list\" (\"organisation_id\" uuid NOT NULL, \"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"length\" integer NOT NULL, \"allocated\" bytea NOT NULL, \"allocated_count\" integer NOT NULL, \"revoked\" bytea NOT NULL, \"jwt\" text NOT NULL, \"signed_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL, \"created_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"credential_status_list_count\" CHECK (\"allocated_count\" BETWEEN 0 AND \"length\"), CONSTRAINT \"credential_status_list_bitmaps\" CHECK (octet_length(\"allocated\") * 8 = \"length\" AND octet_length(\"revoked\") * 8 = \"length\"), CONSTRAINT \"credential_status_list_length\" CHECK (\"length\" >= 131072 AND \"length\" % 8 = 0), CONSTRAINT \"PK_fa5e04afb07ea12b67732de5cad\" PRIMARY KEY (\"organisation_id\", \"id\"))");
    await queryRunner.query("CREATE INDEX \"credential_status_list_open_idx\" ON \"credential_status_list\"  (\"organisation_id\", \"created_at\") ");
    await queryRunner.query("ALTER TABLE \"issued_credential\" ADD \"status_list_id\" uuid");
    await queryRunner.query("ALTER TABLE \"issued_credential\" ADD \"status_list_index\" integer");
    await queryRunner.query("ALTER TABLE \"issued_credential\" ADD \"revoked_at\" TIMESTAMP(3) WITH TIME ZONE");
    await queryRunner.query("ALTER TABLE \"issued_credential\" ADD \"revoked_by_user_id\" uuid");
    await queryRunner.query("CREATE TYPE \"public\".\"credential_revocation_reason\" AS ENUM('APPROVAL_OVERTURNED', 'QUALIFICATION_WITHDRAWN', 'QUALIFICATION_EXPIRED', 'ISSUED_IN_ERROR')");
    await queryRunner.query("ALTER TABLE \"issued_credential\" ADD \"revocation_reason\" \"public\".\"credential_revocation_reason\"");
    await queryRunner.query("ALTER TABLE \"issued_credential\" ADD \"revocation_note\" character varying(2000)");
    await queryRunner.query("ALTER TABLE \"issued_credential\" ADD CONSTRAINT \"issued_credential_revocation\" CHECK ((\"revoked_at\" IS NULL) = (\"revocation_reason\" IS NULL) AND (\"revoked_at\" IS NULL) = (\"revoked_by_user_id\" IS NULL) AND (\"revoked_at\" IS NOT NULL OR \"revocation_note\" IS NULL))");
    await queryRunner.query("ALTER TABLE \"issued_credential\" ADD CONSTRAINT \"issued_credential_status_entry\" CHECK ((\"status_list_id\" IS NULL) = (\"status_list_index\" IS NULL))");
    await queryRunner.query("ALTER TABLE \"issued_credential\" ADD CONSTRAINT \"issued_credential_status_entry_unique\" UNIQUE (\"status_list_id\", \"status_list_index\")");
    await queryRunner.query("ALTER TABLE \"credential_status_list\" ADD CONSTRAINT \"FK_64db92533589f0da34f6678c530\" FOREIGN KEY (\"organisation_id\") REFERENCES \"organisation\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"issued_credential\" ADD CONSTRAINT \"FK_5cfe55950433b071099cf07a870\" FOREIGN KEY (\"organisation_id\", \"status_list_id\") REFERENCES \"credential_status_list\"(\"organisation_id\",\"id\") ON DELETE NO ACTION ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"issued_credential\" DROP CONSTRAINT \"FK_5cfe55950433b071099cf07a870\"");
    await queryRunner.query("ALTER TABLE \"credential_status_list\" DROP CONSTRAINT \"FK_64db92533589f0da34f6678c530\"");
    await queryRunner.query("ALTER TABLE \"issued_credential\" DROP CONSTRAINT \"issued_credential_status_entry_unique\"");
    await queryRunner.query("ALTER TABLE \"issued_credential\" DROP CONSTRAINT \"issued_credential_status_entry\"");
    await queryRunner.query("ALTER TABLE \"issued_credential\" DROP CONSTRAINT \"issued_credential_revocation\"");
    await queryRunner.query("ALTER TABLE \"issued_credential\" DROP COLUMN \"revocation_note\"");
    await queryRunner.query("ALTER TABLE \"issued_credential\" DROP COLUMN \"revocation_reason\"");
    await queryRunner.query("DROP TYPE \"public\".\"credential_revocation_reason\"");
    await queryRunner.query("ALTER TABLE \"issued_credential\" DROP COLUMN \"revoked_by_user_id\"");
    await queryRunner.query("ALTER TABLE \"issued_credential\" DROP COLUMN \"revoked_at\"");
    await queryRunner.query("ALTER TABLE \"issued_credential\" DROP COLUMN \"status_list_index\"");
    await queryRunner.query("ALTER TABLE \"issued_credential\" DROP COLUMN \"status_list_id\"");
    await queryRunner.query("DROP INDEX \"public\".\"credential_status_list_open_idx\"");
    await queryRunner.query("DROP TABLE \"credential_status_list\"");
  }
}
