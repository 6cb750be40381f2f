import type { MigrationInterface, QueryRunner } from 'typeorm';

export class MembershipLifecycle1796238178634 implements MigrationInterface {
  name = 'MembershipLifecycle1796238178634';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TYPE \"public\".\"invitation_status\" AS ENUM('PENDING', 'ACCEPTED', 'REVOKED')");
    await queryRunner.query("CREATE TABLE \"invitation\" (\"organisation_id\" uuid NOT NULL, \"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"email\" character varying(320) NOT NULL, \"full_name\" character varying(200) NOT NULL, \"roles\" \"public\".\"role\" array NOT NULL, \"team_id\" uuid, \"token_hash\" character(64) NOT NULL, \"expires_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL, \"status\" \"public\".\"invitation_status\" NOT NULL DEFAULT 'PENDING', \"invited_by_user_id\" uuid, \"accepted_by_user_id\" uuid, \"decided_at\" TIMESTAMP(3) WITH TIME ZONE, \"resend_count\" integer NOT NULL DEFAULT '0', \"created_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"invitation_has_role\" CHECK (cardinality(\"roles\") > 0), CONSTRAINT \"invitation_email_lower\" CHECK (\"email\" = lower(\"email\")), CONSTRAINT \"PK_22329c39f288aafad1b7109fd95\" PRIMARY KEY (\"organisation_id\", \"id\"))");
    await queryRunner.query("CREATE INDEX \"invitation_keyset_idx\" ON \"invitation\"  (\"organisation_id\", \"created_at\", \"id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"invitation_one_pending\" ON \"invitation\"  (\"organisation_id\", \"email\") WHERE \"status\" = 'PENDING'");
    await queryRunner.query("CREATE UNIQUE INDEX \"invitation_token_unique\" ON \"invitation\"  (\"token_hash\") ");
    await queryRunner.query("ALTER TABLE \"organisation\" ADD \"leaver_retention_days\" integer NOT NULL DEFAULT '90'");
    await queryRunner.query("ALTER TABLE \"membership\" ADD \"ends_on\" date");
    await queryRunner.query("ALTER TABLE \"membership\" ADD \"legal_hold_reason\" character varying(500)");
    await queryRunner.query("ALTER TABLE \"membership\" ADD \"revision\" integer NOT NULL DEFAULT '1'");
    await queryRunner.query("ALTER TABLE \"organisation\" ADD CONSTRAINT \"organisation_leaver_retention\" CHECK (\"leaver_retention_days\" BETWEEN 1 AND 3650)");
    await queryRunner.query("ALTER TABLE \"invitation\" ADD CONSTRAINT \"FK_48d190f5d3c34851f7eba9c5fe2\" FOREIGN KEY (\"organisation_id\", \"team_id\") REFERENCES \"team\"(\"organisation_id\",\"id\") ON DELETE NO ACTION ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"invitation\" ADD CONSTRAINT \"FK_913833c1541e680e8112131222f\" FOREIGN KEY (\"organisation_id\") REFERENCES \"organisation\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"invitation\" DROP CONSTRAINT \"FK_913833c1541e680e8112131222f\"");
    await queryRunner.query("ALTER TABLE \"invitation\" DROP CONSTRAINT \"FK_48d190f5d3c34851f7eba9c5fe2\"");
    await queryRunner.query("ALTER TABLE \"organisation\" DROP CONSTRAINT \"organisation_leaver_retention\"");
    await queryRunner.query("ALTER TABLE \"membership\" DROP COLUMN \"revision\"");
    await queryRunner.query("ALTER TABLE \"membership\" DROP COLUMN \"legal_hold_reason\"");
    await queryRunner.query("ALTER TABLE \"membership\" DROP COLUMN \"ends_on\"");
    await queryRunner.query("ALTER TABLE \"organisation\" DROP COLUMN \"leaver_retention_days\"");
    await queryRunner.query("DROP INDEX \"public\".\"invitation_token_unique\"");
    await queryRunner.query("DROP INDEX \"public\".\"invitation_one_pending\"");
    await queryRunner.query("DROP INDEX \"public\".\"invitation_keyset_idx\"");
    await queryRunner.query("DROP TABLE \"invitation\"");
    await queryRunner.query("DROP TYPE \"public\".\"invitation_status\"");
  }
}
