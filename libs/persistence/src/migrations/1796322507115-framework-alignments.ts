import type { MigrationInterface, QueryRunner } from 'typeorm';

export class FrameworkAlignments1796322507115 implements MigrationInterface {
  name = 'FrameworkAlignments1796322507115';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TYPE \"public\".\"framework_alignment_type\" AS ENUM('exactMatchOf', 'isRelatedTo', 'isPeerOf', 'isPartOf', 'precedes', 'replacedBy', 'exemplar', 'hasSkillLevel')");
    await queryRunner.query("CREATE TABLE \"framework_alignment\" (\"organisation_id\" uuid NOT NULL, \"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"from_item_id\" uuid NOT NULL, \"to_item_id\" uuid NOT NULL, \"type\" \"public\".\"framework_alignment_type\" NOT NULL, \"confirmed\" boolean NOT NULL, \"source\" character varying(500) NOT NULL, \"created_by_user_id\" uuid NOT NULL, \"created_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"framework_alignment_unique\" UNIQUE (\"organisation_id\", \"from_item_id\", \"to_item_id\", \"type\"), CONSTRAINT \"framework_alignment_source\" CHECK (length(btrim(\"source\")) BETWEEN 1 AND 500), CONSTRAINT \"framework_alignment_not_to_itself\" CHECK (\"from_item_id\" <> \"to_item_id\"), CONSTRAINT \"PK_bdf2cbbb808b0afe2cbc184d902\" PRIMARY KEY (\"organisation_id\", \"id\"))");
    await queryRunner.query("CREATE INDEX \"framework_alignment_to_idx\" ON \"framework_alignment\"  (\"organisation_id\", \"to_item_id\") ");
    await queryRunner.query("ALTER TABLE \"framework_alignment\" ADD CONSTRAINT \"FK_deead2aa406ef0915777307be8a\" FOREIGN KEY (\"to_item_id\") REFERENCES \"framework_item\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"framework_alignment\" ADD CONSTRAINT \"FK_4f12a33f8f6e98040da99b8b69b\" FOREIGN KEY (\"from_item_id\") REFERENCES \"framework_item\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"framework_alignment\" ADD CONSTRAINT \"FK_88f1a5227bf43359650768586e4\" FOREIGN KEY (\"organisation_id\") REFERENCES \"organisation\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"framework_alignment\" DROP CONSTRAINT \"FK_88f1a5227bf43359650768586e4\"");
    await queryRunner.query("ALTER TABLE \"framework_alignment\" DROP CONSTRAINT \"FK_4f12a33f8f6e98040da99b8b69b\"");
    await queryRunner.query("ALTER TABLE \"framework_alignment\" DROP CONSTRAINT \"FK_deead2aa406ef0915777307be8a\"");
    await queryRunner.query("DROP INDEX \"public\".\"framework_alignment_to_idx\"");
    await queryRunner.query("DROP TABLE \"framework_alignment\"");
    await queryRunner.query("DROP TYPE \"public\".\"framework_alignment_type\"");
  }
}
