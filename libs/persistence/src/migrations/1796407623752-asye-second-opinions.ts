import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Second opinions on an ASYE's final recommendation: who was asked, by whom, their judgement kept
 * beside the assessor's, and the outcome a confirmation chose when the two differed.
 */
export class AsyeSecondOpinions1796407623752 implements MigrationInterface {
  name = 'AsyeSecondOpinions1796407623752';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"asye_programme\" ADD \"second_assessor_user_id\" uuid");
    await queryRunner.query("ALTER TABLE \"asye_programme\" ADD \"second_opinion_requested_on\" date");
    await queryRunner.query("ALTER TABLE \"asye_programme\" ADD \"second_opinion_requested_by_user_id\" uuid");
    await queryRunner.query("ALTER TABLE \"asye_programme\" ADD \"second_opinion_outcome\" \"public\".\"asye_outcome\"");
    await queryRunner.query("ALTER TABLE \"asye_programme\" ADD \"second_opinion_reasons\" text");
    await queryRunner.query("ALTER TABLE \"asye_programme\" ADD \"second_opinion_recorded_on\" date");
    await queryRunner.query("ALTER TABLE \"asye_programme\" ADD \"reconciled_outcome\" \"public\".\"asye_outcome\"");
    await queryRunner.query("ALTER TABLE \"asye_programme\" ADD CONSTRAINT \"asye_programme_reconciliation\" CHECK ((\"reconciled_outcome\" IS NOT NULL) = (\"confirmed_on\" IS NOT NULL AND \"second_opinion_outcome\" IS NOT NULL AND \"second_opinion_outcome\" <> \"recommended_outcome\") AND (\"reconciled_outcome\" IS NULL OR \"confirmation_comment\" IS NOT NULL))");
    await queryRunner.query("ALTER TABLE \"asye_programme\" ADD CONSTRAINT \"asye_programme_confirmed_with_second_opinion\" CHECK (\"confirmed_on\" IS NULL OR \"second_assessor_user_id\" IS NULL OR \"second_opinion_outcome\" IS NOT NULL)");
    await queryRunner.query("ALTER TABLE \"asye_programme\" ADD CONSTRAINT \"asye_programme_second_assessor_independent\" CHECK (\"second_assessor_user_id\" IS NULL OR (\"second_assessor_user_id\" <> \"practitioner_user_id\" AND \"second_assessor_user_id\" <> \"assessor_user_id\" AND \"second_assessor_user_id\" <> \"recommended_by_user_id\" AND \"second_assessor_user_id\" IS DISTINCT FROM \"confirmed_by_user_id\"))");
    await queryRunner.query("ALTER TABLE \"asye_programme\" ADD CONSTRAINT \"asye_programme_second_opinion_dates\" CHECK ((\"second_opinion_requested_on\" IS NULL OR \"second_opinion_requested_on\" >= \"recommended_on\") AND (\"second_opinion_recorded_on\" IS NULL OR \"second_opinion_recorded_on\" >= \"second_opinion_requested_on\") AND (\"confirmed_on\" IS NULL OR \"second_opinion_requested_on\" IS NULL OR \"confirmed_on\" >= \"second_opinion_recorded_on\"))");
    await queryRunner.query("ALTER TABLE \"asye_programme\" ADD CONSTRAINT \"asye_programme_second_opinion_complete\" CHECK ((\"second_assessor_user_id\" IS NULL) = (\"second_opinion_requested_on\" IS NULL) AND (\"second_assessor_user_id\" IS NULL) = (\"second_opinion_requested_by_user_id\" IS NULL) AND (\"second_opinion_outcome\" IS NULL) = (\"second_opinion_recorded_on\" IS NULL) AND (\"second_opinion_outcome\" IS NULL) = (\"second_opinion_reasons\" IS NULL) AND (\"second_opinion_outcome\" IS NULL OR \"second_assessor_user_id\" IS NOT NULL) AND (\"second_assessor_user_id\" IS NULL OR \"recommended_on\" IS NOT NULL))");
    await queryRunner.query("ALTER TABLE \"asye_programme\" ADD CONSTRAINT \"FK_e3ceea206e86f9b8482cc567052\" FOREIGN KEY (\"organisation_id\", \"second_opinion_requested_by_user_id\") REFERENCES \"membership\"(\"organisation_id\",\"user_id\") ON DELETE NO ACTION ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"asye_programme\" ADD CONSTRAINT \"FK_700836255961975d3d032cc1b25\" FOREIGN KEY (\"organisation_id\", \"second_assessor_user_id\") REFERENCES \"membership\"(\"organisation_id\",\"user_id\") ON DELETE NO ACTION ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"asye_programme\" DROP CONSTRAINT \"FK_700836255961975d3d032cc1b25\"");
    await queryRunner.query("ALTER TABLE \"asye_programme\" DROP CONSTRAINT \"FK_e3ceea206e86f9b8482cc567052\"");
    await queryRunner.query("ALTER TABLE \"asye_programme\" DROP CONSTRAINT \"asye_programme_second_opinion_complete\"");
    await queryRunner.query("ALTER TABLE \"asye_programme\" DROP CONSTRAINT \"asye_programme_second_opinion_dates\"");
    await queryRunner.query("ALTER TABLE \"asye_programme\" DROP CONSTRAINT \"asye_programme_second_assessor_independent\"");
    await queryRunner.query("ALTER TABLE \"asye_programme\" DROP CONSTRAINT \"asye_programme_confirmed_with_second_opinion\"");
    await queryRunner.query("ALTER TABLE \"asye_programme\" DROP CONSTRAINT \"asye_programme_reconciliation\"");
    await queryRunner.query("ALTER TABLE \"asye_programme\" DROP COLUMN \"reconciled_outcome\"");
    await queryRunner.query("ALTER TABLE \"asye_programme\" DROP COLUMN \"second_opinion_recorded_on\"");
    await queryRunner.query("ALTER TABLE \"asye_programme\" DROP COLUMN \"second_opinion_reasons\"");
    await queryRunner.query("ALTER TABLE \"asye_programme\" DROP COLUMN \"second_opinion_outcome\"");
    await queryRunner.query("ALTER TABLE \"asye_programme\" DROP COLUMN \"second_opinion_requested_by_user_id\"");
    await queryRunner.query("ALTER TABLE \"asye_programme\" DROP COLUMN \"second_opinion_requested_on\"");
    await queryRunner.query("ALTER TABLE \"asye_programme\" DROP COLUMN \"second_assessor_user_id\"");
  }
}
