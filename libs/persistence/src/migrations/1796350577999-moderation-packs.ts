import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ModerationPacks1796350577999 implements MigrationInterface {
  name = 'ModerationPacks1796350577999';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TYPE \"public\".\"moderation_sampling_method\" AS ENUM('RANDOM', 'STRATIFIED_BY_ASSESSOR')");
    await queryRunner.query("CREATE TABLE \"moderation_pack\" (\"organisation_id\" uuid NOT NULL, \"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"method\" \"public\".\"moderation_sampling_method\" NOT NULL, \"seed\" integer NOT NULL, \"size\" smallint NOT NULL, \"eligible_count\" integer NOT NULL, \"cohort_started_from\" date, \"cohort_started_to\" date, \"asye_ids\" uuid array NOT NULL, \"assessor_user_ids\" uuid array NOT NULL, \"drawn_by_user_id\" uuid NOT NULL, \"drawn_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"moderation_pack_cohort\" CHECK (\"cohort_started_from\" IS NULL OR \"cohort_started_to\" IS NULL OR \"cohort_started_from\" <= \"cohort_started_to\"), CONSTRAINT \"moderation_pack_sample\" CHECK (cardinality(\"asye_ids\") = \"size\" AND cardinality(\"assessor_user_ids\") = \"size\" AND \"size\" BETWEEN 1 AND \"eligible_count\"), CONSTRAINT \"moderation_pack_seed\" CHECK (\"seed\" >= 0), CONSTRAINT \"PK_dca1e12a2c92ebf866ae471d92d\" PRIMARY KEY (\"organisation_id\", \"id\"))");
    await queryRunner.query("CREATE INDEX \"moderation_pack_drawn_idx\" ON \"moderation_pack\"  (\"organisation_id\", \"drawn_at\") ");
    await queryRunner.query("ALTER TABLE \"moderation_pack\" ADD CONSTRAINT \"FK_2b9219ed8c8b4fd10e8da5ff1ed\" FOREIGN KEY (\"organisation_id\", \"drawn_by_user_id\") REFERENCES \"membership\"(\"organisation_id\",\"user_id\") ON DELETE NO ACTION ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"moderation_pack\" ADD CONSTRAINT \"FK_52f654ac054f60fe05a0777cc34\" FOREIGN KEY (\"organisation_id\") REFERENCES \"organisation\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"moderation_pack\" DROP CONSTRAINT \"FK_52f654ac054f60fe05a0777cc34\"");
    await queryRunner.query("ALTER TABLE \"moderation_pack\" DROP CONSTRAINT \"FK_2b9219ed8c8b4fd10e8da5ff1ed\"");
    await queryRunner.query("DROP INDEX \"public\".\"moderation_pack_drawn_idx\"");
    await queryRunner.query("DROP TABLE \"moderation_pack\"");
    await queryRunner.query("DROP TYPE \"public\".\"moderation_sampling_method\"");
  }
}
