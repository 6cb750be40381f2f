import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Counters for login rate limiting, shared by every API instance (rate-limiter-flexible's layout). */
export class LoginRateLimit1795384600000 implements MigrationInterface {
  name = 'LoginRateLimit1795384600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE login_rate_limit (key varchar(255) PRIMARY KEY, points integer NOT NULL DEFAULT 0, expire bigint)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE login_rate_limit`);
  }
}
