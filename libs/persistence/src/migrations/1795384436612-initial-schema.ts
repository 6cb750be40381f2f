import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1795384436612 implements MigrationInterface {
  name = 'InitialSchema1795384436612';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"organisation\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"name\" character varying(200) NOT NULL, \"slug\" character varying(100) NOT NULL, \"is_demo\" boolean NOT NULL DEFAULT false, \"created_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"UQ_b800a0efd2f9f19719d0c4d793d\" UNIQUE (\"slug\"), CONSTRAINT \"PK_c725ae234ef1b74cce43d2d00c1\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE TABLE \"team\" (\"organisation_id\" uuid NOT NULL, \"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"name\" character varying(200) NOT NULL, \"created_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"team_name_unique\" UNIQUE (\"organisation_id\", \"name\"), CONSTRAINT \"PK_b2a0a25670b032dac54e1176573\" PRIMARY KEY (\"organisation_id\", \"id\"))");
    await queryRunner.query("CREATE TYPE \"public\".\"regulator\" AS ENUM('SOCIAL_WORK_ENGLAND', 'SOCIAL_CARE_WALES', 'SSSC', 'NISCC')");
    await queryRunner.query("CREATE TABLE \"app_user\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"email\" character varying(320) NOT NULL, \"full_name\" character varying(200) NOT NULL, \"password_hash\" text, \"regulator\" \"public\".\"regulator\", \"registration_number\" character varying(40), \"date_qualified\" date, \"created_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"UQ_3fa909d0e37c531ebc237703391\" UNIQUE (\"email\"), CONSTRAINT \"app_user_email_lower\" CHECK (\"email\" = lower(\"email\")), CONSTRAINT \"PK_22a5c4a3d9b2fb8e4e73fc4ada1\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"app_user_registration_unique\" ON \"app_user\"  (\"regulator\", \"registration_number\") WHERE \"registration_number\" IS NOT NULL");
    await queryRunner.query("CREATE TYPE \"public\".\"role\" AS ENUM('PRACTITIONER', 'PRACTICE_EDUCATOR', 'ASSESSOR', 'SUPERVISOR', 'PRINCIPAL_SOCIAL_WORKER', 'ORG_ADMIN')");
    await queryRunner.query("CREATE TABLE \"membership\" (\"organisation_id\" uuid NOT NULL, \"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"user_id\" uuid NOT NULL, \"roles\" \"public\".\"role\" array NOT NULL, \"team_id\" uuid, \"active\" boolean NOT NULL DEFAULT true, \"created_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"membership_user_unique\" UNIQUE (\"organisation_id\", \"user_id\"), CONSTRAINT \"membership_has_role\" CHECK (cardinality(\"roles\") > 0), CONSTRAINT \"PK_7cd59f5feb30782bc3fe1b8262b\" PRIMARY KEY (\"organisation_id\", \"id\"))");
    await queryRunner.query("CREATE INDEX \"membership_keyset_idx\" ON \"membership\"  (\"organisation_id\", \"created_at\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"membership_team_idx\" ON \"membership\"  (\"organisation_id\", \"team_id\") ");
    await queryRunner.query("CREATE INDEX \"membership_user_idx\" ON \"membership\"  (\"user_id\") ");
    await queryRunner.query("CREATE TYPE \"public\".\"assessor_capacity\" AS ENUM('PRACTICE_EDUCATOR', 'ASYE_ASSESSOR', 'SUPERVISOR')");
    await queryRunner.query("CREATE TABLE \"assessor_relationship\" (\"organisation_id\" uuid NOT NULL, \"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"assessor_user_id\" uuid NOT NULL, \"practitioner_user_id\" uuid NOT NULL, \"capacity\" \"public\".\"assessor_capacity\" NOT NULL, \"starts_on\" date NOT NULL, \"ends_on\" date, \"created_by_user_id\" uuid NOT NULL, \"created_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"assessor_relationship_dates\" CHECK (\"ends_on\" IS NULL OR \"ends_on\" >= \"starts_on\"), CONSTRAINT \"assessor_relationship_not_self\" CHECK (\"assessor_user_id\" <> \"practitioner_user_id\"), CONSTRAINT \"PK_09ccd390cf2ab658fa340c14bb6\" PRIMARY KEY (\"organisation_id\", \"id\"))");
    await queryRunner.query("CREATE INDEX \"assessor_relationship_keyset_idx\" ON \"assessor_relationship\"  (\"organisation_id\", \"created_at\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"assessor_relationship_assessor_idx\" ON \"assessor_relationship\"  (\"organisation_id\", \"assessor_user_id\") ");
    await queryRunner.query("CREATE INDEX \"assessor_relationship_practitioner_idx\" ON \"assessor_relationship\"  (\"organisation_id\", \"practitioner_user_id\") ");
    await queryRunner.query("CREATE TABLE \"audit_event\" (\"organisation_id\" uuid NOT NULL, \"id\" BIGSERIAL NOT NULL, \"occurred_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"actor_user_id\" uuid, \"actor_role\" character varying(40) NOT NULL, \"action\" character varying(60) NOT NULL, \"entity_type\" character varying(60) NOT NULL, \"entity_id\" uuid NOT NULL, \"subject_user_id\" uuid, \"changes\" jsonb NOT NULL, CONSTRAINT \"PK_bd52e485929dd65bb63eca2f3f0\" PRIMARY KEY (\"organisation_id\", \"id\"))");
    await queryRunner.query("CREATE INDEX \"audit_event_subject_idx\" ON \"audit_event\"  (\"organisation_id\", \"subject_user_id\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"audit_event_entity_idx\" ON \"audit_event\"  (\"organisation_id\", \"entity_type\", \"entity_id\", \"id\") ");
    await queryRunner.query("CREATE TABLE \"auth_session\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"organisation_id\" uuid NOT NULL, \"user_id\" uuid NOT NULL, \"family_id\" uuid NOT NULL, \"token_hash\" character(64) NOT NULL, \"expires_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"revoked_at\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"UQ_dcf5c3ee6b3682ac4e724dc9496\" UNIQUE (\"token_hash\"), CONSTRAINT \"PK_19354ed146424a728c1112a8cbf\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"auth_session_family_idx\" ON \"auth_session\"  (\"family_id\") ");
    await queryRunner.query("CREATE TABLE \"framework\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"code\" character varying(60) NOT NULL, \"name\" character varying(200) NOT NULL, \"owner\" character varying(100) NOT NULL, \"description\" text NOT NULL, CONSTRAINT \"UQ_06a2f62114d039cc5bcd54b0327\" UNIQUE (\"code\"), CONSTRAINT \"PK_413064c9a2fb226f0d933712883\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE TYPE \"public\".\"framework_version_status\" AS ENUM('CURRENT', 'RETIRED')");
    await queryRunner.query("CREATE TABLE \"framework_version\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"framework_id\" uuid NOT NULL, \"version\" character varying(40) NOT NULL, \"status\" \"public\".\"framework_version_status\" NOT NULL, \"effective_from\" date NOT NULL, \"effective_to\" date, \"notes\" text, CONSTRAINT \"framework_version_unique\" UNIQUE (\"framework_id\", \"version\"), CONSTRAINT \"framework_version_dates\" CHECK (\"effective_to\" IS NULL OR \"effective_to\" > \"effective_from\"), CONSTRAINT \"PK_2688dee70c7ba768c999e4b23be\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE TABLE \"framework_item\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"framework_version_id\" uuid NOT NULL, \"parent_id\" uuid, \"code\" character varying(60) NOT NULL, \"kind\" character varying(40) NOT NULL, \"ordinal\" integer NOT NULL, \"title\" character varying(300) NOT NULL, \"description\" text NOT NULL, \"confirmed\" boolean NOT NULL, \"attributes\" jsonb NOT NULL, CONSTRAINT \"framework_item_code_unique\" UNIQUE (\"framework_version_id\", \"code\"), CONSTRAINT \"PK_1a96e717743022ccba06f870801\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"framework_item_tree_idx\" ON \"framework_item\"  (\"framework_version_id\", \"parent_id\", \"ordinal\") ");
    await queryRunner.query("CREATE TABLE \"framework_level\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"framework_version_id\" uuid NOT NULL, \"code\" character varying(60) NOT NULL, \"ordinal\" integer NOT NULL, \"name\" character varying(200) NOT NULL, \"group_name\" character varying(60) NOT NULL, \"description\" text NOT NULL, \"confirmed\" boolean NOT NULL, CONSTRAINT \"framework_level_ordinal_unique\" UNIQUE (\"framework_version_id\", \"ordinal\"), CONSTRAINT \"framework_level_code_unique\" UNIQUE (\"framework_version_id\", \"code\"), CONSTRAINT \"PK_17a6bbb351e7f7fbcd605a46f65\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE TABLE \"framework_level_pathway\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"framework_level_id\" uuid NOT NULL, \"code\" character varying(60) NOT NULL, \"ordinal\" integer NOT NULL, \"name\" character varying(200) NOT NULL, \"description\" text NOT NULL, \"confirmed\" boolean NOT NULL, CONSTRAINT \"framework_level_pathway_code_unique\" UNIQUE (\"framework_level_id\", \"code\"), CONSTRAINT \"PK_f45cff25164d25645f91c16f38a\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("ALTER TABLE \"team\" ADD CONSTRAINT \"FK_f86f7d0f12e5ce185e6813b040d\" FOREIGN KEY (\"organisation_id\") REFERENCES \"organisation\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"membership\" ADD CONSTRAINT \"FK_138a2af08e58950061be14e290d\" FOREIGN KEY (\"organisation_id\", \"team_id\") REFERENCES \"team\"(\"organisation_id\",\"id\") ON DELETE NO ACTION ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"membership\" ADD CONSTRAINT \"FK_e9c72e8d29784031c96f5c6af8d\" FOREIGN KEY (\"user_id\") REFERENCES \"app_user\"(\"id\") ON DELETE NO ACTION ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"membership\" ADD CONSTRAINT \"FK_be659e88cd5ed71eef6d4122aac\" FOREIGN KEY (\"organisation_id\") REFERENCES \"organisation\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"assessor_relationship\" ADD CONSTRAINT \"FK_a54cc60b1d96e4904f9217da3a0\" FOREIGN KEY (\"organisation_id\", \"practitioner_user_id\") REFERENCES \"membership\"(\"organisation_id\",\"user_id\") ON DELETE NO ACTION ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"assessor_relationship\" ADD CONSTRAINT \"FK_7a16232fe16c9e1413241447155\" FOREIGN KEY (\"organisation_id\", \"assessor_user_id\") REFERENCES \"membership\"(\"organisation_id\",\"user_id\") ON DELETE NO ACTION ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"audit_event\" ADD CONSTRAINT \"FK_65698017376224f2fceed532582\" FOREIGN KEY (\"organisation_id\") REFERENCES \"organisation\"(\"id\") ON DELETE NO ACTION ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"auth_session\" ADD CONSTRAINT \"FK_5a0cc1edd46dba449124ef97332\" FOREIGN KEY (\"organisation_id\", \"user_id\") REFERENCES \"membership\"(\"organisation_id\",\"user_id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"framework_version\" ADD CONSTRAINT \"FK_c2cb554a94284b99b8762614443\" FOREIGN KEY (\"framework_id\") REFERENCES \"framework\"(\"id\") ON DELETE NO ACTION ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"framework_item\" ADD CONSTRAINT \"FK_9aa2bb734678ee30e2da8cb3099\" FOREIGN KEY (\"parent_id\") REFERENCES \"framework_item\"(\"id\") ON DELETE NO ACTION ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"framework_item\" ADD CONSTRAINT \"FK_91b043561150fdff500beb064ff\" FOREIGN KEY (\"framework_version_id\") REFERENCES \"framework_version\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"framework_level\" ADD CONSTRAINT \"FK_18ba7e3c23fcd86df00fe6320e6\" FOREIGN KEY (\"framework_version_id\") REFERENCES \"framework_version\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"framework_level_pathway\" ADD CONSTRAINT \"FK_0edc666ecb3c1d3794fc6146317\" FOREIGN KEY (\"framework_level_id\") REFERENCES \"framework_level\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"framework_level_pathway\" DROP CONSTRAINT \"FK_0edc666ecb3c1d3794fc6146317\"");
    await queryRunner.query("ALTER TABLE \"framework_level\" DROP CONSTRAINT \"FK_18ba7e3c23fcd86df00fe6320e6\"");
    await queryRunner.query("ALTER TABLE \"framework_item\" DROP CONSTRAINT \"FK_91b043561150fdff500beb064ff\"");
    await queryRunner.query("ALTER TABLE \"framework_item\" DROP CONSTRAINT \"FK_9aa2bb734678ee30e2da8cb3099\"");
    await queryRunner.query("ALTER TABLE \"framework_version\" DROP CONSTRAINT \"FK_c2cb554a94284b99b8762614443\"");
    await queryRunner.query("ALTER TABLE \"auth_session\" DROP CONSTRAINT \"FK_5a0cc1edd46dba449124ef97332\"");
    await queryRunner.query("ALTER TABLE \"audit_event\" DROP CONSTRAINT \"FK_65698017376224f2fceed532582\"");
    await queryRunner.query("ALTER TABLE \"assessor_relationship\" DROP CONSTRAINT \"FK_7a16232fe16c9e1413241447155\"");
    await queryRunner.query("ALTER TABLE \"assessor_relationship\" DROP CONSTRAINT \"FK_a54cc60b1d96e4904f9217da3a0\"");
    await queryRunner.query("ALTER TABLE \"membership\" DROP CONSTRAINT \"FK_be659e88cd5ed71eef6d4122aac\"");
    await queryRunner.query("ALTER TABLE \"membership\" DROP CONSTRAINT \"FK_e9c72e8d29784031c96f5c6af8d\"");
    await queryRunner.query("ALTER TABLE \"membership\" DROP CONSTRAINT \"FK_138a2af08e58950061be14e290d\"");
    await queryRunner.query("ALTER TABLE \"team\" DROP CONSTRAINT \"FK_f86f7d0f12e5ce185e6813b040d\"");
    await queryRunner.query("DROP TABLE \"framework_level_pathway\"");
    await queryRunner.query("DROP TABLE \"framework_level\"");
    await queryRunner.query("DROP INDEX \"public\".\"framework_item_tree_idx\"");
    await queryRunner.query("DROP TABLE \"framework_item\"");
    await queryRunner.query("DROP TABLE \"framework_version\"");
    await queryRunner.query("DROP TYPE \"public\".\"framework_version_status\"");
    await queryRunner.query("DROP TABLE \"framework\"");
    await queryRunner.query("DROP INDEX \"public\".\"auth_session_family_idx\"");
    await queryRunner.query("DROP TABLE \"auth_session\"");
    await queryRunner.query("DROP INDEX \"public\".\"audit_event_entity_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"audit_event_subject_idx\"");
    await queryRunner.query("DROP TABLE \"audit_event\"");
    await queryRunner.query("DROP INDEX \"public\".\"assessor_relationship_practitioner_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"assessor_relationship_assessor_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"assessor_relationship_keyset_idx\"");
    await queryRunner.query("DROP TABLE \"assessor_relationship\"");
    await queryRunner.query("DROP TYPE \"public\".\"assessor_capacity\"");
    await queryRunner.query("DROP INDEX \"public\".\"membership_user_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"membership_team_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"membership_keyset_idx\"");
    await queryRunner.query("DROP TABLE \"membership\"");
    await queryRunner.query("DROP TYPE \"public\".\"role\"");
    await queryRunner.query("DROP INDEX \"public\".\"app_user_registration_unique\"");
    await queryRunner.query("DROP TABLE \"app_user\"");
    await queryRunner.query("DROP TYPE \"public\".\"regulator\"");
    await queryRunner.query("DROP TABLE \"team\"");
    await queryRunner.query("DROP TABLE \"organisation\"");
  }
}
