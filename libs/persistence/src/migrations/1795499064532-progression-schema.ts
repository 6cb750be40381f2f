import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Pathways as versioned designs, practitioners' stage history, applications for routes. */
export class ProgressionSchema1795499064532 implements MigrationInterface {
  name = 'ProgressionSchema1795499064532';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"pathway\" (\"organisation_id\" uuid NOT NULL, \"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"name\" character varying(200) NOT NULL, \"description\" text NOT NULL, \"created_by_user_id\" uuid NOT NULL, \"created_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"pathway_name_unique\" UNIQUE (\"organisation_id\", \"name\"), CONSTRAINT \"PK_bb26b1903e80505ca6d025a04c9\" PRIMARY KEY (\"organisation_id\", \"id\"))");
    await queryRunner.query("CREATE TYPE \"public\".\"pathway_version_status\" AS ENUM('DRAFT', 'PUBLISHED', 'RETIRED')");
    await queryRunner.query("CREATE TABLE \"pathway_version\" (\"organisation_id\" uuid NOT NULL, \"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"pathway_id\" uuid NOT NULL, \"version_no\" integer NOT NULL, \"status\" \"public\".\"pathway_version_status\" NOT NULL, \"design\" jsonb NOT NULL, \"revision\" integer NOT NULL DEFAULT '1', \"created_by_user_id\" uuid NOT NULL, \"published_by_user_id\" uuid, \"published_at\" TIMESTAMP(3) WITH TIME ZONE, \"retired_at\" TIMESTAMP(3) WITH TIME ZONE, \"created_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"pathway_version_number_unique\" UNIQUE (\"organisation_id\", \"pathway_id\", \"version_no\"), CONSTRAINT \"PK_d79a791ad4cda152028faef8b81\" PRIMARY KEY (\"organisation_id\", \"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"pathway_version_one_published\" ON \"pathway_version\"  (\"organisation_id\", \"pathway_id\") WHERE \"status\" = 'PUBLISHED'");
    await queryRunner.query("CREATE TYPE \"public\".\"stage_decision\" AS ENUM('AUTOMATIC', 'APPRAISAL', 'PANEL', 'RECRUITMENT', 'RECORDED')");
    await queryRunner.query("CREATE TABLE \"practitioner_stage\" (\"organisation_id\" uuid NOT NULL, \"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"user_id\" uuid NOT NULL, \"pathway_id\" uuid NOT NULL, \"stage_key\" character varying(60) NOT NULL, \"from_date\" date NOT NULL, \"to_date\" date, \"how_decided\" \"public\".\"stage_decision\" NOT NULL, \"application_id\" uuid, \"recorded_by_user_id\" uuid NOT NULL, \"created_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"practitioner_stage_dates\" CHECK (\"to_date\" IS NULL OR \"to_date\" >= \"from_date\"), CONSTRAINT \"PK_325dc8c5d358a38738930343299\" PRIMARY KEY (\"organisation_id\", \"id\"))");
    await queryRunner.query("CREATE INDEX \"practitioner_stage_user_idx\" ON \"practitioner_stage\"  (\"organisation_id\", \"user_id\", \"from_date\") ");
    await queryRunner.query("CREATE TYPE \"public\".\"application_status\" AS ENUM('OPEN', 'APPROVED', 'DEFERRED', 'DECLINED', 'WITHDRAWN')");
    await queryRunner.query("CREATE TABLE \"progression_application\" (\"organisation_id\" uuid NOT NULL, \"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"user_id\" uuid NOT NULL, \"pathway_version_id\" uuid NOT NULL, \"route_key\" character varying(60) NOT NULL, \"status\" \"public\".\"application_status\" NOT NULL, \"submitted_by_user_id\" uuid NOT NULL, \"submitted_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL, \"eligibility_snapshot\" jsonb NOT NULL, \"evidence_ids\" uuid array NOT NULL, \"statement\" text, \"decided_by_user_id\" uuid, \"decided_at\" TIMESTAMP(3) WITH TIME ZONE, \"decision_reasons\" text, \"created_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"progression_application_not_self_decided\" CHECK (\"decided_by_user_id\" IS NULL OR \"decided_by_user_id\" <> \"user_id\"), CONSTRAINT \"PK_a2bd5a67a91d2a5e550f5676eff\" PRIMARY KEY (\"organisation_id\", \"id\"))");
    await queryRunner.query("CREATE INDEX \"progression_application_queue_idx\" ON \"progression_application\"  (\"organisation_id\", \"status\", \"submitted_at\", \"id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"progression_application_one_open\" ON \"progression_application\"  (\"organisation_id\", \"user_id\", \"pathway_version_id\", \"route_key\") WHERE \"status\" = 'OPEN'");
    await queryRunner.query("ALTER TABLE \"pathway\" ADD CONSTRAINT \"FK_27173fa7f36f623cb43ffc217dd\" FOREIGN KEY (\"organisation_id\") REFERENCES \"organisation\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"pathway_version\" ADD CONSTRAINT \"FK_0f42e4a3c30ec48f510e8fffa7e\" FOREIGN KEY (\"organisation_id\", \"pathway_id\") REFERENCES \"pathway\"(\"organisation_id\",\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"practitioner_stage\" ADD CONSTRAINT \"FK_0ef7cc31767941dd584dc0d577e\" FOREIGN KEY (\"organisation_id\", \"pathway_id\") REFERENCES \"pathway\"(\"organisation_id\",\"id\") ON DELETE NO ACTION ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"practitioner_stage\" ADD CONSTRAINT \"FK_9b3d99b38116fcb09adfcbd9eda\" FOREIGN KEY (\"organisation_id\", \"user_id\") REFERENCES \"membership\"(\"organisation_id\",\"user_id\") ON DELETE NO ACTION ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"progression_application\" ADD CONSTRAINT \"FK_8b05177fa5592eb537460eb30b8\" FOREIGN KEY (\"organisation_id\", \"pathway_version_id\") REFERENCES \"pathway_version\"(\"organisation_id\",\"id\") ON DELETE NO ACTION ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"progression_application\" ADD CONSTRAINT \"FK_4bed4e9e1914e61d8d71297bb2d\" FOREIGN KEY (\"organisation_id\", \"user_id\") REFERENCES \"membership\"(\"organisation_id\",\"user_id\") ON DELETE NO ACTION ON UPDATE NO ACTION");
    // A published or retired design is history: only a draft's design may change, and a version
    // only moves DRAFT -> PUBLISHED -> RETIRED.
    await queryRunner.query(`
      CREATE FUNCTION pathway_version_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status <> 'DRAFT' AND NEW.design IS DISTINCT FROM OLD.design THEN
          RAISE EXCEPTION 'a % pathway version cannot be edited', OLD.status USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        IF (OLD.status = 'PUBLISHED' AND NEW.status = 'DRAFT') OR (OLD.status = 'RETIRED' AND NEW.status <> 'RETIRED') THEN
          RAISE EXCEPTION 'a pathway version cannot go from % to %', OLD.status, NEW.status USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NEW;
      END
      $$`);
    await queryRunner.query(
      `CREATE TRIGGER pathway_version_guard BEFORE UPDATE ON pathway_version FOR EACH ROW EXECUTE FUNCTION pathway_version_guard()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER pathway_version_guard ON pathway_version`);
    await queryRunner.query(`DROP FUNCTION pathway_version_guard()`);
    await queryRunner.query("ALTER TABLE \"progression_application\" DROP CONSTRAINT \"FK_4bed4e9e1914e61d8d71297bb2d\"");
    await queryRunner.query("ALTER TABLE \"progression_application\" DROP CONSTRAINT \"FK_8b05177fa5592eb537460eb30b8\"");
    await queryRunner.query("ALTER TABLE \"practitioner_stage\" DROP CONSTRAINT \"FK_9b3d99b38116fcb09adfcbd9eda\"");
    await queryRunner.query("ALTER TABLE \"practitioner_stage\" DROP CONSTRAINT \"FK_0ef7cc31767941dd584dc0d577e\"");
    await queryRunner.query("ALTER TABLE \"pathway_version\" DROP CONSTRAINT \"FK_0f42e4a3c30ec48f510e8fffa7e\"");
    await queryRunner.query("ALTER TABLE \"pathway\" DROP CONSTRAINT \"FK_27173fa7f36f623cb43ffc217dd\"");
    await queryRunner.query("DROP INDEX \"public\".\"progression_application_one_open\"");
    await queryRunner.query("DROP INDEX \"public\".\"progression_application_queue_idx\"");
    await queryRunner.query("DROP TABLE \"progression_application\"");
    await queryRunner.query("DROP TYPE \"public\".\"application_status\"");
    await queryRunner.query("DROP INDEX \"public\".\"practitioner_stage_user_idx\"");
    await queryRunner.query("DROP TABLE \"practitioner_stage\"");
    await queryRunner.query("DROP TYPE \"public\".\"stage_decision\"");
    await queryRunner.query("DROP INDEX \"public\".\"pathway_version_one_published\"");
    await queryRunner.query("DROP TABLE \"pathway_version\"");
    await queryRunner.query("DROP TYPE \"public\".\"pathway_version_status\"");
    await queryRunner.query("DROP TABLE \"pathway\"");
  }
}
