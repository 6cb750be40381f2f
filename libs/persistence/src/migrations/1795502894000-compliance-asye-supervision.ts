import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Staying registered and supported: ASYE programmes with their pauses, review points and protected
 * time; supervision sessions; organisations' compliance policies; CPD declarations; notifications.
 */
export class ComplianceAsyeSupervision1795502894000 implements MigrationInterface {
  name = 'ComplianceAsyeSupervision1795502894000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TYPE \"public\".\"asye_outcome\" AS ENUM('PASS', 'FAIL')");
    await queryRunner.query("CREATE TYPE \"public\".\"asye_confirmation_capacity\" AS ENUM('PRINCIPAL_SOCIAL_WORKER', 'PANEL')");
    await queryRunner.query("CREATE TABLE \"asye_programme\" (\"organisation_id\" uuid NOT NULL, \"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"practitioner_user_id\" uuid NOT NULL, \"assessor_user_id\" uuid NOT NULL, \"line_manager_user_id\" uuid NOT NULL, \"start_date\" date NOT NULL, \"contracted_hours_per_week\" numeric(4,1) NOT NULL DEFAULT '37', \"protected_time_percent\" smallint NOT NULL, \"recommended_outcome\" \"public\".\"asye_outcome\", \"recommendation_comment\" text, \"recommended_on\" date, \"recommended_by_user_id\" uuid, \"confirmed_on\" date, \"confirmed_by_user_id\" uuid, \"confirmed_as\" \"public\".\"asye_confirmation_capacity\", \"confirmation_comment\" text, \"completion_qualification_id\" uuid, \"created_by_user_id\" uuid NOT NULL, \"created_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"asye_programme_confirmer_independent\" CHECK (\"confirmed_by_user_id\" IS NULL OR (\"confirmed_by_user_id\" <> \"practitioner_user_id\" AND \"confirmed_by_user_id\" <> \"recommended_by_user_id\")), CONSTRAINT \"asye_programme_dates\" CHECK ((\"recommended_on\" IS NULL OR \"recommended_on\" >= \"start_date\") AND (\"confirmed_on\" IS NULL OR \"confirmed_on\" >= \"recommended_on\")), CONSTRAINT \"asye_programme_confirmation_complete\" CHECK ((\"confirmed_on\" IS NULL) = (\"confirmed_by_user_id\" IS NULL) AND (\"confirmed_on\" IS NULL) = (\"confirmed_as\" IS NULL) AND (\"confirmed_on\" IS NULL OR \"recommended_on\" IS NOT NULL)), CONSTRAINT \"asye_programme_recommendation_complete\" CHECK ((\"recommended_outcome\" IS NULL) = (\"recommended_on\" IS NULL) AND (\"recommended_outcome\" IS NULL) = (\"recommended_by_user_id\" IS NULL) AND (\"recommended_outcome\" IS NULL) = (\"recommendation_comment\" IS NULL)), CONSTRAINT \"asye_programme_protected_time\" CHECK (\"protected_time_percent\" >= 0 AND \"protected_time_percent\" <= 100), CONSTRAINT \"asye_programme_hours\" CHECK (\"contracted_hours_per_week\" > 0 AND \"contracted_hours_per_week\" <= 60), CONSTRAINT \"asye_programme_assessor_not_nqsw\" CHECK (\"assessor_user_id\" <> \"practitioner_user_id\"), CONSTRAINT \"PK_b1fa4cab03c44d900dcd74cfddc\" PRIMARY KEY (\"organisation_id\", \"id\"))");
    await queryRunner.query("CREATE INDEX \"asye_programme_assessor_idx\" ON \"asye_programme\"  (\"organisation_id\", \"assessor_user_id\") ");
    await queryRunner.query("CREATE INDEX \"asye_programme_practitioner_idx\" ON \"asye_programme\"  (\"organisation_id\", \"practitioner_user_id\", \"start_date\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"asye_programme_one_open\" ON \"asye_programme\"  (\"organisation_id\", \"practitioner_user_id\") WHERE \"confirmed_on\" IS NULL");
    await queryRunner.query("CREATE TYPE \"public\".\"asye_pause_reason\" AS ENUM('SICKNESS', 'BEREAVEMENT', 'PARENTAL_LEAVE', 'LACK_OF_SUPPORT', 'OTHER_LEAVE', 'CAPABILITY')");
    await queryRunner.query("CREATE TABLE \"asye_pause\" (\"organisation_id\" uuid NOT NULL, \"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"programme_id\" uuid NOT NULL, \"starts_on\" date NOT NULL, \"ends_on\" date, \"reason\" \"public\".\"asye_pause_reason\" NOT NULL, \"recorded_by_user_id\" uuid NOT NULL, \"created_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"asye_pause_not_capability\" CHECK (\"reason\" <> 'CAPABILITY'), CONSTRAINT \"asye_pause_dates\" CHECK (\"ends_on\" IS NULL OR \"ends_on\" >= \"starts_on\"), CONSTRAINT \"PK_f71e9199a994a906e7bbe076804\" PRIMARY KEY (\"organisation_id\", \"id\"))");
    await queryRunner.query("CREATE INDEX \"asye_pause_programme_idx\" ON \"asye_pause\"  (\"organisation_id\", \"programme_id\", \"starts_on\") ");
    await queryRunner.query("CREATE TABLE \"asye_protected_time\" (\"organisation_id\" uuid NOT NULL, \"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"programme_id\" uuid NOT NULL, \"date\" date NOT NULL, \"minutes\" integer NOT NULL, \"recorded_by_user_id\" uuid NOT NULL, \"created_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"asye_protected_time_minutes\" CHECK (\"minutes\" > 0 AND \"minutes\" <= 1440), CONSTRAINT \"PK_9b7b3753120581f3b0de049b4c4\" PRIMARY KEY (\"organisation_id\", \"id\"))");
    await queryRunner.query("CREATE INDEX \"asye_protected_time_programme_idx\" ON \"asye_protected_time\"  (\"organisation_id\", \"programme_id\", \"date\") ");
    await queryRunner.query("CREATE TABLE \"asye_review_point\" (\"organisation_id\" uuid NOT NULL, \"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"programme_id\" uuid NOT NULL, \"code\" character varying(40) NOT NULL, \"held_on\" date NOT NULL, \"assessor_comments\" text NOT NULL, \"recorded_by_user_id\" uuid NOT NULL, \"created_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"asye_review_point_once\" UNIQUE (\"organisation_id\", \"programme_id\", \"code\"), CONSTRAINT \"PK_96dfbe269f937adf24d6f0a416d\" PRIMARY KEY (\"organisation_id\", \"id\"))");
    await queryRunner.query("CREATE TABLE \"cpd_declaration\" (\"organisation_id\" uuid NOT NULL, \"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"user_id\" uuid NOT NULL, \"regulator\" \"public\".\"regulator\" NOT NULL, \"made_on\" date NOT NULL, \"rule_set_id\" character varying(60) NOT NULL, \"created_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_b497981b5506e7d294c168e577a\" PRIMARY KEY (\"organisation_id\", \"id\"))");
    await queryRunner.query("CREATE INDEX \"cpd_declaration_user_idx\" ON \"cpd_declaration\"  (\"organisation_id\", \"user_id\", \"made_on\") ");
    await queryRunner.query("CREATE TYPE \"public\".\"notification_kind\" AS ENUM('CPD_DEADLINE', 'REVIEW_WAITING', 'ASYE_REVIEW_DUE', 'SUPERVISION_OVERDUE')");
    await queryRunner.query("CREATE TABLE \"notification\" (\"organisation_id\" uuid NOT NULL, \"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"recipient_user_id\" uuid NOT NULL, \"kind\" \"public\".\"notification_kind\" NOT NULL, \"title\" character varying(200) NOT NULL, \"body\" text NOT NULL, \"dedupe_key\" character varying(200) NOT NULL, \"entity_type\" character varying(40), \"entity_id\" uuid, \"read_at\" TIMESTAMP(3) WITH TIME ZONE, \"emailed_at\" TIMESTAMP(3) WITH TIME ZONE, \"created_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"notification_dedupe\" UNIQUE (\"organisation_id\", \"recipient_user_id\", \"dedupe_key\"), CONSTRAINT \"PK_5dafeaa6ade876173a7c08a3d5a\" PRIMARY KEY (\"organisation_id\", \"id\"))");
    await queryRunner.query("CREATE INDEX \"notification_unsent_idx\" ON \"notification\"  (\"created_at\") WHERE \"emailed_at\" IS NULL");
    await queryRunner.query("CREATE INDEX \"notification_recipient_idx\" ON \"notification\"  (\"organisation_id\", \"recipient_user_id\", \"created_at\", \"id\") ");
    await queryRunner.query("CREATE TABLE \"organisation_policy\" (\"organisation_id\" uuid NOT NULL, \"asye_policy\" jsonb, \"supervision_policy\" jsonb, \"review_turnaround_days\" integer, \"cpd_reminder_days\" integer array, \"updated_by_user_id\" uuid, \"updated_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"organisation_policy_turnaround\" CHECK (\"review_turnaround_days\" IS NULL OR \"review_turnaround_days\" > 0), CONSTRAINT \"PK_6342e1cc90ff523a8fe9590c6b3\" PRIMARY KEY (\"organisation_id\"))");
    await queryRunner.query("CREATE TYPE \"public\".\"supervision_kind\" AS ENUM('REFLECTIVE', 'CASE_MANAGEMENT', 'GROUP')");
    await queryRunner.query("CREATE TABLE \"supervision\" (\"organisation_id\" uuid NOT NULL, \"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"supervisor_user_id\" uuid NOT NULL, \"supervisee_user_id\" uuid NOT NULL, \"held_on\" date NOT NULL, \"minutes\" integer NOT NULL, \"kind\" \"public\".\"supervision_kind\" NOT NULL, \"notes\" text NOT NULL DEFAULT '', \"reflection_evidence_id\" uuid, \"recorded_by_user_id\" uuid NOT NULL, \"created_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"supervision_minutes\" CHECK (\"minutes\" > 0 AND \"minutes\" <= 480), CONSTRAINT \"supervision_not_self\" CHECK (\"supervisor_user_id\" <> \"supervisee_user_id\"), CONSTRAINT \"PK_ec927b959b1c4989592456ce4da\" PRIMARY KEY (\"organisation_id\", \"id\"))");
    await queryRunner.query("CREATE INDEX \"supervision_supervisor_idx\" ON \"supervision\"  (\"organisation_id\", \"supervisor_user_id\", \"held_on\") ");
    await queryRunner.query("CREATE INDEX \"supervision_supervisee_idx\" ON \"supervision\"  (\"organisation_id\", \"supervisee_user_id\", \"held_on\") ");
    await queryRunner.query("ALTER TABLE \"asye_programme\" ADD CONSTRAINT \"FK_684b569ed0539fadbc75f78128c\" FOREIGN KEY (\"organisation_id\", \"confirmed_by_user_id\") REFERENCES \"membership\"(\"organisation_id\",\"user_id\") ON DELETE NO ACTION ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"asye_programme\" ADD CONSTRAINT \"FK_e1feec6665cb31198a7b2f328f5\" FOREIGN KEY (\"organisation_id\", \"recommended_by_user_id\") REFERENCES \"membership\"(\"organisation_id\",\"user_id\") ON DELETE NO ACTION ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"asye_programme\" ADD CONSTRAINT \"FK_7ca48011a156d12abf1b1863633\" FOREIGN KEY (\"organisation_id\", \"line_manager_user_id\") REFERENCES \"membership\"(\"organisation_id\",\"user_id\") ON DELETE NO ACTION ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"asye_programme\" ADD CONSTRAINT \"FK_50ebf95a647249e129b9c8fbaed\" FOREIGN KEY (\"organisation_id\", \"assessor_user_id\") REFERENCES \"membership\"(\"organisation_id\",\"user_id\") ON DELETE NO ACTION ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"asye_programme\" ADD CONSTRAINT \"FK_00b0cf39d67da23f57a5e82a67d\" FOREIGN KEY (\"organisation_id\", \"practitioner_user_id\") REFERENCES \"membership\"(\"organisation_id\",\"user_id\") ON DELETE NO ACTION ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"asye_pause\" ADD CONSTRAINT \"FK_7e8bdc4170e6b914b468f13c1df\" FOREIGN KEY (\"organisation_id\", \"recorded_by_user_id\") REFERENCES \"membership\"(\"organisation_id\",\"user_id\") ON DELETE NO ACTION ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"asye_pause\" ADD CONSTRAINT \"FK_a3f8d9ce963c7ccaabdd8d188ec\" FOREIGN KEY (\"organisation_id\", \"programme_id\") REFERENCES \"asye_programme\"(\"organisation_id\",\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"asye_protected_time\" ADD CONSTRAINT \"FK_482b74e464f316aef990c0186f1\" FOREIGN KEY (\"organisation_id\", \"recorded_by_user_id\") REFERENCES \"membership\"(\"organisation_id\",\"user_id\") ON DELETE NO ACTION ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"asye_protected_time\" ADD CONSTRAINT \"FK_be3c11541ce398a232f744ab75b\" FOREIGN KEY (\"organisation_id\", \"programme_id\") REFERENCES \"asye_programme\"(\"organisation_id\",\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"asye_review_point\" ADD CONSTRAINT \"FK_79ebc3886f8474d02b255e6f3e6\" FOREIGN KEY (\"organisation_id\", \"recorded_by_user_id\") REFERENCES \"membership\"(\"organisation_id\",\"user_id\") ON DELETE NO ACTION ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"asye_review_point\" ADD CONSTRAINT \"FK_9d20b5ac60726d10de0fc3578cd\" FOREIGN KEY (\"organisation_id\", \"programme_id\") REFERENCES \"asye_programme\"(\"organisation_id\",\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"cpd_declaration\" ADD CONSTRAINT \"FK_950708a7b5914684017406d9243\" FOREIGN KEY (\"organisation_id\", \"user_id\") REFERENCES \"membership\"(\"organisation_id\",\"user_id\") ON DELETE NO ACTION ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"notification\" ADD CONSTRAINT \"FK_90221e26075f178b2145286c892\" FOREIGN KEY (\"organisation_id\", \"recipient_user_id\") REFERENCES \"membership\"(\"organisation_id\",\"user_id\") ON DELETE NO ACTION ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"organisation_policy\" ADD CONSTRAINT \"FK_6342e1cc90ff523a8fe9590c6b3\" FOREIGN KEY (\"organisation_id\") REFERENCES \"organisation\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"supervision\" ADD CONSTRAINT \"FK_d3044887cbed4157242b86ef38d\" FOREIGN KEY (\"organisation_id\", \"supervisee_user_id\") REFERENCES \"membership\"(\"organisation_id\",\"user_id\") ON DELETE NO ACTION ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"supervision\" ADD CONSTRAINT \"FK_29b7e00ebfbf209f337310dc6b0\" FOREIGN KEY (\"organisation_id\", \"supervisor_user_id\") REFERENCES \"membership\"(\"organisation_id\",\"user_id\") ON DELETE NO ACTION ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"supervision\" DROP CONSTRAINT \"FK_29b7e00ebfbf209f337310dc6b0\"");
    await queryRunner.query("ALTER TABLE \"supervision\" DROP CONSTRAINT \"FK_d3044887cbed4157242b86ef38d\"");
    await queryRunner.query("ALTER TABLE \"organisation_policy\" DROP CONSTRAINT \"FK_6342e1cc90ff523a8fe9590c6b3\"");
    await queryRunner.query("ALTER TABLE \"notification\" DROP CONSTRAINT \"FK_90221e26075f178b2145286c892\"");
    await queryRunner.query("ALTER TABLE \"cpd_declaration\" DROP CONSTRAINT \"FK_950708a7b5914684017406d9243\"");
    await queryRunner.query("ALTER TABLE \"asye_review_point\" DROP CONSTRAINT \"FK_9d20b5ac60726d10de0fc3578cd\"");
    await queryRunner.query("ALTER TABLE \"asye_review_point\" DROP CONSTRAINT \"FK_79ebc3886f8474d02b255e6f3e6\"");
    await queryRunner.query("ALTER TABLE \"asye_protected_time\" DROP CONSTRAINT \"FK_be3c11541ce398a232f744ab75b\"");
    await queryRunner.query("ALTER TABLE \"asye_protected_time\" DROP CONSTRAINT \"FK_482b74e464f316aef990c0186f1\"");
    await queryRunner.query("ALTER TABLE \"asye_pause\" DROP CONSTRAINT \"FK_a3f8d9ce963c7ccaabdd8d188ec\"");
    await queryRunner.query("ALTER TABLE \"asye_pause\" DROP CONSTRAINT \"FK_7e8bdc4170e6b914b468f13c1df\"");
    await queryRunner.query("ALTER TABLE \"asye_programme\" DROP CONSTRAINT \"FK_00b0cf39d67da23f57a5e82a67d\"");
    await queryRunner.query("ALTER TABLE \"asye_programme\" DROP CONSTRAINT \"FK_50ebf95a647249e129b9c8fbaed\"");
    await queryRunner.query("ALTER TABLE \"asye_programme\" DROP CONSTRAINT \"FK_7ca48011a156d12abf1b1863633\"");
    await queryRunner.query("ALTER TABLE \"asye_programme\" DROP CONSTRAINT \"FK_e1feec6665cb31198a7b2f328f5\"");
    await queryRunner.query("ALTER TABLE \"asye_programme\" DROP CONSTRAINT \"FK_684b569ed0539fadbc75f78128c\"");
    await queryRunner.query("DROP INDEX \"public\".\"supervision_supervisee_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"supervision_supervisor_idx\"");
    await queryRunner.query("DROP TABLE \"supervision\"");
    await queryRunner.query("DROP TYPE \"public\".\"supervision_kind\"");
    await queryRunner.query("DROP TABLE \"organisation_policy\"");
    await queryRunner.query("DROP INDEX \"public\".\"notification_recipient_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"notification_unsent_idx\"");
    await queryRunner.query("DROP TABLE \"notification\"");
    await queryRunner.query("DROP TYPE \"public\".\"notification_kind\"");
    await queryRunner.query("DROP INDEX \"public\".\"cpd_declaration_user_idx\"");
    await queryRunner.query("DROP TABLE \"cpd_declaration\"");
    await queryRunner.query("DROP TABLE \"asye_review_point\"");
    await queryRunner.query("DROP INDEX \"public\".\"asye_protected_time_programme_idx\"");
    await queryRunner.query("DROP TABLE \"asye_protected_time\"");
    await queryRunner.query("DROP INDEX \"public\".\"asye_pause_programme_idx\"");
    await queryRunner.query("DROP TABLE \"asye_pause\"");
    await queryRunner.query("DROP TYPE \"public\".\"asye_pause_reason\"");
    await queryRunner.query("DROP INDEX \"public\".\"asye_programme_one_open\"");
    await queryRunner.query("DROP INDEX \"public\".\"asye_programme_practitioner_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"asye_programme_assessor_idx\"");
    await queryRunner.query("DROP TABLE \"asye_programme\"");
    await queryRunner.query("DROP TYPE \"public\".\"asye_confirmation_capacity\"");
    await queryRunner.query("DROP TYPE \"public\".\"asye_outcome\"");
  }
}
