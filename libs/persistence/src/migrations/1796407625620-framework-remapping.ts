import type { MigrationInterface, QueryRunner } from 'typeorm';

export class FrameworkRemapping1796407625620 implements MigrationInterface {
  name = 'FrameworkRemapping1796407625620';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"framework_remap_run\" (\"organisation_id\" uuid NOT NULL, \"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"from_version_id\" uuid NOT NULL, \"to_version_id\" uuid NOT NULL, \"run_by_user_id\" uuid NOT NULL, \"derived_count\" integer NOT NULL, \"already_derived_count\" integer NOT NULL, \"already_mapped_count\" integer NOT NULL, \"unmapped_count\" integer NOT NULL, \"created_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"framework_remap_run_counts\" CHECK (\"derived_count\" >= 0 AND \"already_derived_count\" >= 0 AND \"already_mapped_count\" >= 0 AND \"unmapped_count\" >= 0), CONSTRAINT \"framework_remap_run_versions\" CHECK (\"from_version_id\" <> \"to_version_id\"), CONSTRAINT \"PK_f0a95a1ed99108c87248d0d78d3\" PRIMARY KEY (\"organisation_id\", \"id\"))");
    await queryRunner.query("CREATE INDEX \"framework_remap_run_versions_idx\" ON \"framework_remap_run\"  (\"organisation_id\", \"from_version_id\", \"to_version_id\", \"created_at\") ");
    await queryRunner.query("CREATE TYPE \"public\".\"remap_link_type\" AS ENUM('exactMatchOf', 'replacedBy')");
    await queryRunner.query("CREATE TABLE \"derived_evidence_mapping\" (\"organisation_id\" uuid NOT NULL, \"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"source_mapping_id\" uuid NOT NULL, \"framework_item_id\" uuid NOT NULL, \"via\" \"public\".\"remap_link_type\" NOT NULL, \"remap_run_id\" uuid NOT NULL, \"created_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"derived_evidence_mapping_unique\" UNIQUE (\"organisation_id\", \"source_mapping_id\", \"framework_item_id\"), CONSTRAINT \"PK_df36ed9e5dc8d90c683d05dec0e\" PRIMARY KEY (\"organisation_id\", \"id\"))");
    await queryRunner.query("CREATE INDEX \"derived_evidence_mapping_run_idx\" ON \"derived_evidence_mapping\"  (\"organisation_id\", \"remap_run_id\") ");
    await queryRunner.query("CREATE INDEX \"derived_evidence_mapping_item_idx\" ON \"derived_evidence_mapping\"  (\"organisation_id\", \"framework_item_id\") ");
    await queryRunner.query("ALTER TABLE \"framework_remap_run\" ADD CONSTRAINT \"FK_99053463f6fa1a8cb2b5ae448ef\" FOREIGN KEY (\"to_version_id\") REFERENCES \"framework_version\"(\"id\") ON DELETE NO ACTION ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"framework_remap_run\" ADD CONSTRAINT \"FK_6364555b84d3572c98ac4be01eb\" FOREIGN KEY (\"from_version_id\") REFERENCES \"framework_version\"(\"id\") ON DELETE NO ACTION ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"framework_remap_run\" ADD CONSTRAINT \"FK_a50599b6f7c4255489e4f3ba0b0\" FOREIGN KEY (\"organisation_id\", \"run_by_user_id\") REFERENCES \"membership\"(\"organisation_id\",\"user_id\") ON DELETE NO ACTION ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"framework_remap_run\" ADD CONSTRAINT \"FK_20a6478c4b2cd795c9a28013385\" FOREIGN KEY (\"organisation_id\") REFERENCES \"organisation\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"derived_evidence_mapping\" ADD CONSTRAINT \"FK_c908db8eaaa8651e0f2d895de45\" FOREIGN KEY (\"framework_item_id\") REFERENCES \"framework_item\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"derived_evidence_mapping\" ADD CONSTRAINT \"FK_48449730574b0a81950b4fdb090\" FOREIGN KEY (\"organisation_id\", \"remap_run_id\") REFERENCES \"framework_remap_run\"(\"organisation_id\",\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"derived_evidence_mapping\" ADD CONSTRAINT \"FK_f144f1149bc83c416b16cb9f55e\" FOREIGN KEY (\"organisation_id\", \"source_mapping_id\") REFERENCES \"evidence_mapping\"(\"organisation_id\",\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"derived_evidence_mapping\" DROP CONSTRAINT \"FK_f144f1149bc83c416b16cb9f55e\"");
    await queryRunner.query("ALTER TABLE \"derived_evidence_mapping\" DROP CONSTRAINT \"FK_48449730574b0a81950b4fdb090\"");
    await queryRunner.query("ALTER TABLE \"derived_evidence_mapping\" DROP CONSTRAINT \"FK_c908db8eaaa8651e0f2d895de45\"");
    await queryRunner.query("ALTER TABLE \"framework_remap_run\" DROP CONSTRAINT \"FK_20a6478c4b2cd795c9a28013385\"");
    await queryRunner.query("ALTER TABLE \"framework_remap_run\" DROP CONSTRAINT \"FK_a50599b6f7c4255489e4f3ba0b0\"");
    await queryRunner.query("ALTER TABLE \"framework_remap_run\" DROP CONSTRAINT \"FK_6364555b84d3572c98ac4be01eb\"");
    await queryRunner.query("ALTER TABLE \"framework_remap_run\" DROP CONSTRAINT \"FK_99053463f6fa1a8cb2b5ae448ef\"");
    await queryRunner.query("DROP INDEX \"public\".\"derived_evidence_mapping_item_idx\"");
    await queryRunner.query("DROP INDEX \"public\".\"derived_evidence_mapping_run_idx\"");
    await queryRunner.query("DROP TABLE \"derived_evidence_mapping\"");
    await queryRunner.query("DROP TYPE \"public\".\"remap_link_type\"");
    await queryRunner.query("DROP INDEX \"public\".\"framework_remap_run_versions_idx\"");
    await queryRunner.query("DROP TABLE \"framework_remap_run\"");
  }
}
